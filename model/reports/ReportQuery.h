#pragma once

#include "core/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <utility>

namespace tessera::reports {

// Which audit records a report covers. Conditions combine with AND.
//
// The subtree and metadata filters select tokens, and through them records: a
// record is selected when it touches a selected token (names it as a target or
// actor, or revoked or expired it along with an ancestor's subtree). Tokens are
// known from the audit log itself, so tokens revoked long ago still count:
// - subtree: the token with that accessor and every token ever created below
//   it (the "parent" of each token.create record), orphaned or revoked since;
// - metadata: tokens created with meta key=value (token.create's "meta"; login
//   tokens carry {"username": <user>}). Failed logins touch no token.
struct ReportQuery
{
    QDate from; // inclusive, UTC
    QDate to;   // inclusive, UTC
    // Empty: every operation. "token.revoke" exactly, or "token.*" for a family.
    QString operation;
    QString subtree; // an accessor; empty: no subtree filter
    QString metaKey; // empty: no metadata filter
    QString metaValue;

    // Every record, whenever it was written (`audit export`).
    static ReportQuery wholeLog();

    qint64 fromMs() const;
    qint64 toMs() const; // exclusive: the midnight after `to`
    bool hasTokenFilter() const { return !subtree.isEmpty() || !metaKey.isEmpty(); }
    bool matchesOperation(const QString& operation) const;

    // The whole query is well-formed: dates valid and in order, the operation
    // a name (or family), the subtree an accessor.
    Status validate() const;
    // Filters as recorded in the "audit.export" record and shown on a report.
    QJsonObject toJson() const;

    // "2026-11-22" (ISO 8601 calendar date) only.
    static Result<QDate> parseDate(const QString& text);
    // "key=value"; the value may be empty, the key may not.
    static Result<std::pair<QString, QString>> parseMeta(const QString& text);
};

} // namespace tessera::reports
