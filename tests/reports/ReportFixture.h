#pragma once

#include "reports/ReportQuery.h"
#include "support/TempEngine.h"

#include <QDate>
#include <QHash>
#include <QString>

namespace tessera::test {

// A small library over three days, with every kind of record a report counts,
// and names for its tokens so that tests can say which records they expect:
//
//   day 1  root R; desks A and B below it; role "visitor";
//          p1 (card=111) and p2 (card=222) below A, p3 below p1, q1 (card=111,
//          1 h) below B; user "ann" logs in once and fails once
//   day 2  p2 renewed; p1 revoked (p3 goes with it)
//   day 3  q1 expired (sweep); A revoked with revoke-orphan (p2 becomes an orphan)
struct ReportFixture
{
    TempEngine temp;
    QHash<QString, QString> accessorOf; // "A" -> accessor
    QHash<QString, QString> nameOf;     // accessor -> "A"
    QDate day1;

    // Builds it; false with `error` set when the engine refused something.
    bool build(QString* error);
    QDate day(int n) const { return day1.addDays(n - 1); }
    // Days 1 to 3, no filters.
    reports::ReportQuery wholePeriod() const;
    // "operation:target+target" with targets by name ("-" for none, "?" unnamed).
    QString label(const audit::AuditRecord& record) const;
};

} // namespace tessera::test
