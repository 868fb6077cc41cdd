#include "AuditTally.h"

#include "core/Error.h"
#include "store/Database.h"

#include <string>

namespace tessera::audit {

Result<QList<AuditTally::Count>> AuditTally::count(store::Database& db,
                                                   const QList<qint64>& boundaries,
                                                   const QStringList& operations)
{
    const qsizetype periods = boundaries.size() - 1;
    if (periods < 1 || periods > kMaxPeriods)
        return Error::invalid(
            QStringLiteral("An audit tally needs between 1 and %1 periods.").arg(kMaxPeriods));
    for (qsizetype i = 0; i < periods; ++i) {
        if (boundaries[i] >= boundaries[i + 1])
            return Error::invalid(
                QStringLiteral("The periods of an audit tally must follow each other in time."));
    }
    if (operations.size() > kMaxOperations)
        return Error::invalid(
            QStringLiteral("An audit tally counts at most %1 operations.").arg(kMaxOperations));
    if (operations.isEmpty())
        return QList<Count>();

    // The periods as a table of bounds joined to the log: each is a range scan
    // of audit_by_time. Parameters ?1..?(n+1) are the boundaries, then the
    // operations. Targets are stored comma-separated (AuditLog), so their
    // number is the number of commas plus one, none for an empty column.
    std::string sql = "WITH periods(period, start_ms, end_ms) AS (VALUES ";
    for (qsizetype i = 0; i < periods; ++i) {
        if (i > 0)
            sql += ", ";
        sql += '(' + std::to_string(i) + ", ?" + std::to_string(i + 1) + ", ?" +
               std::to_string(i + 2) + ')';
    }
    sql += ") SELECT p.period, a.operation, a.outcome, COUNT(*), "
           "SUM(CASE WHEN a.targets = '' THEN 0 "
           "ELSE length(a.targets) - length(replace(a.targets, ',', '')) + 1 END) "
           "FROM periods p JOIN audit a ON a.time_ms >= p.start_ms AND a.time_ms < p.end_ms "
           "WHERE a.operation IN (";
    const qsizetype firstOperation = periods + 2;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        if (i > 0)
            sql += ", ";
        sql += '?' + std::to_string(firstOperation + i);
    }
    sql += ") GROUP BY p.period, a.operation, a.outcome ORDER BY p.period, a.operation, a.outcome";

    auto query = db.query(sql);
    TESSERA_TRY(query);
    for (qsizetype i = 0; i < boundaries.size(); ++i)
        query->bind(int(i + 1), boundaries[i]);
    for (qsizetype i = 0; i < operations.size(); ++i)
        query->bind(int(firstOperation + i), operations[i]);

    QList<Count> counts;
    for (;;) {
        auto row = query->next();
        TESSERA_TRY(row);
        if (!*row)
            break;
        counts.append(Count{int(query->int64(0)), query->text(1), query->text(2), query->int64(3),
                            query->int64(4)});
    }
    return counts;
}

} // namespace tessera::audit
