#include "DeskActivity.h"

#include "core/Clock.h"
#include "engine/AdminService.h"
#include "reports/AuditOperations.h"

#include <QDateTime>

namespace tessera::reports {

QList<QDate> DeskActivity::daysEndingAt(qint64 nowMs, const QTimeZone& zone, int count)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    QList<QDate> days;
    days.reserve(count);
    for (int back = count - 1; back >= 0; --back)
        days.append(today.addDays(-back));
    return days;
}

QList<qint64> DeskActivity::boundaries(const QList<QDate>& days, const QTimeZone& zone)
{
    // startOfDay(), not midnight by arithmetic: a day is not 86,400 s long when
    // the clocks change, and where they change at midnight the day starts at 01:00.
    QList<qint64> bounds;
    bounds.reserve(days.size() + 1);
    for (const QDate& day : days)
        bounds.append(day.startOfDay(zone).toMSecsSinceEpoch());
    if (!days.isEmpty())
        bounds.append(days.last().addDays(1).startOfDay(zone).toMSecsSinceEpoch());
    return bounds;
}

DeskActivity DeskActivity::fromTally(const QList<QDate>& days,
                                     const QList<audit::AuditTally::Count>& counts)
{
    DeskActivity activity;
    activity.m_days.reserve(days.size());
    for (const QDate& day : days)
        activity.m_days.append(Day{day, {}});
    for (const audit::AuditTally::Count& count : counts) {
        if (count.period < 0 || count.period >= activity.m_days.size())
            continue;
        const ActivityCounts::Figure figure =
            ActivityCounts::figureOf(count.operation, count.outcome);
        if (!figure)
            continue;
        // One expiry record names every token the sweep took.
        const qint64 amount =
            count.operation == operations::kExpire ? count.targets : count.records;
        activity.m_days[count.period].counts.*figure += amount;
    }
    return activity;
}

Result<DeskActivity> DeskActivity::load(const engine::AdminService& admin, const Clock& clock,
                                        const QTimeZone& zone)
{
    const QList<QDate> days = daysEndingAt(clock.nowMs(), zone);
    auto counts = admin.auditTally(boundaries(days, zone), ActivityCounts::countedOperations());
    TESSERA_TRY(counts);
    return fromTally(days, *counts);
}

ActivityCounts DeskActivity::totals() const
{
    ActivityCounts sum;
    for (const Day& day : m_days)
        sum += day.counts;
    return sum;
}

} // namespace tessera::reports
