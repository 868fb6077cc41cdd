#pragma once

#include "audit/AuditTally.h"
#include "core/Result.h"
#include "reports/ActivityCounts.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

namespace tessera {
class Clock;
}
namespace tessera::engine {
class AdminService;
}

namespace tessera::reports {

// The dashboard's figures: what the desk did on each of the last 30 local days,
// today last. Days are the desk's calendar days in `zone`, from local midnight
// to the next one, so a day with a daylight saving change lasts 23 or 25 hours.
//
// Counted from the audit log's grouped counts (AdminService::auditTally), the
// figure of each record decided by ActivityCounts::figureOf() as in the PDF
// report. Revocations count actions (a branch revoked at once counts once);
// expiries count tokens: the accessors of the expiry sweep's records, on the
// day the sweep took them (when the console or the server ran, at the latest
// when the store was next opened). Renewals are counted but not shown.
class DeskActivity
{
public:
    struct Day
    {
        QDate date;
        ActivityCounts counts;
    };

    static constexpr int kDays = 30;

    DeskActivity() = default;

    // The `count` local days ending with the one holding `nowMs`, oldest first.
    static QList<QDate> daysEndingAt(qint64 nowMs, const QTimeZone& zone, int count = kDays);
    // Where those days start, and where the last ends (count + 1 instants, ms
    // since the epoch): local midnights, wherever daylight saving puts them.
    static QList<qint64> boundaries(const QList<QDate>& days, const QTimeZone& zone);
    // The figures of `days` from a tally over their boundaries.
    static DeskActivity fromTally(const QList<QDate>& days,
                                  const QList<audit::AuditTally::Count>& counts);
    // Asks the engine: one grouped query for the 30 days ending now.
    static Result<DeskActivity> load(const engine::AdminService& admin, const Clock& clock,
                                     const QTimeZone& zone = QTimeZone::systemTimeZone());

    bool isEmpty() const { return m_days.isEmpty(); }
    const QList<Day>& days() const { return m_days; } // oldest first
    QDate today() const { return m_days.isEmpty() ? QDate() : m_days.last().date; }
    ActivityCounts todayCounts() const
    {
        return m_days.isEmpty() ? ActivityCounts() : m_days.last().counts;
    }
    ActivityCounts totals() const;

private:
    QList<Day> m_days;
};

} // namespace tessera::reports
