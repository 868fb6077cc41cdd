#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace tessera::reports {

// What happened to tokens and sign-ins over a period. The PDF report
// (ReportData) counts revocations and expiries in tokens (a revoked subtree of
// 40 counts 40); the dashboard (DeskActivity) counts them from the audit
// log's grouped counts. Both decide what a record counts as with figureOf(),
// so that the two can never disagree on which operation is which figure.
struct ActivityCounts
{
    using Figure = qint64 ActivityCounts::*;

    qint64 issued = 0; // tokens created, root tokens included; not login tokens
    qint64 renewed = 0;
    qint64 revoked = 0; // revoke, revoke-orphan, revoke-matching, use limit reached
    qint64 expired = 0;
    qint64 logins = 0;       // successful sign-ins (userpass, gate, second factors)
    qint64 failedLogins = 0; // refused sign-ins, whatever their reason

    qint64 total() const { return issued + renewed + revoked + expired + logins + failedLogins; }
    ActivityCounts& operator+=(const ActivityCounts& other);
    bool operator==(const ActivityCounts& other) const = default;

    // The one mapping from an audit record (operation and outcome) to the
    // figure it counts in; nullptr for records that count in none (lookups,
    // refused creations, policy changes...). Only successful operations count,
    // except a failed sign-in, which is refused by nature.
    static Figure figureOf(const QString& operation, const QString& outcome);
    // Every operation figureOf() may count, for narrowing a query.
    static QStringList countedOperations();
};

} // namespace tessera::reports
