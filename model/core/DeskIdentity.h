#pragma once

#include <QString>

namespace tessera {

// Who sits at the desk: the operating-system account and host of this
// process, "jdoe@desk-3", so that the audit log names which desk issued or
// revoked when the console or the CLI act as the store owner
// (docs/ARCHITECTURE.md, «Records»). Written into a record's client after
// its kind ("console:jdoe@desk-3"), where it is personal data: redaction
// keeps "console" and drops the account.
class DeskIdentity
{
public:
    static constexpr qsizetype kMaxLength = 128;

    // The account and host of this process, computed once.
    static QString current();
    // `client` ("console", "cli") with the desk: "console:jdoe@desk-3".
    static QString client(const QString& kind);
    // "jdoe@desk-3" from an account and a host: characters other than
    // letters, digits and ".-_" become '_', each part is bounded, an empty
    // part is "unknown".
    static QString of(const QString& account, const QString& host);
};

} // namespace tessera
