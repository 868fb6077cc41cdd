#pragma once

#include "reports/ActivityCounts.h"
#include "reports/ChainStatus.h"
#include "reports/RecordSink.h"
#include "reports/ReportQuery.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace tessera::reports {

class TokenLineage;

struct DayActivity
{
    QDate day;
    ActivityCounts counts;
    std::optional<qint64> active; // service tokens active at the day's end; none for future days
};

// One role or one policy.
struct GroupActivity
{
    QString name;
    ActivityCounts counts;
    qint64 activeAtEnd = 0;
};

// A branch of the token tree: a token just below a root token (a desk, a
// service) or a top-level token of its own (orphans, logins), with everything
// ever issued below it.
struct SubtreeActivity
{
    QString accessor;
    QString displayName;
    QString role;
    qint64 records = 0; // selected records touching the branch
    qint64 issued = 0;  // tokens issued in the branch during the period
};

struct OperationCount
{
    QString operation;
    qint64 ok = 0;
    qint64 denied = 0; // refused, failed logins
    qint64 other = 0;  // errors
};

// The aggregates of a report, fed by ReportScan (a RecordSink) and completed
// by finish() once the scan is over. Keeps the selected records for the PDF's
// detailed table.
class ReportData final : public RecordSink
{
public:
    // Group names for tokens without a role.
    static QString noRole();
    static QString rootTokens();
    static QString loginTokens();
    static QString unknownToken();

    ReportData(ReportQuery query, qint64 generatedMs);

    Status add(const audit::AuditRecord& record, const ScanContext& context) override;
    // Active tokens per day and at the end, per group; the top branches.
    // `selected` tells which lineage tokens pass the report's token filters.
    void finish(const TokenLineage& lineage, const std::function<bool(int)>& selected,
                const ChainStatus& chain);

    const ReportQuery& query() const { return m_query; }
    qint64 generatedMs() const { return m_generatedMs; }
    // The moment "active at the end" refers to: the period's end, or now.
    qint64 endMs() const;
    const ChainStatus& chain() const { return m_chain; }

    const QList<DayActivity>& days() const { return m_days; }
    ActivityCounts totals() const;
    qint64 activeAtEnd() const { return m_activeAtEnd; }
    // Sorted by activity, then name.
    QList<GroupActivity> roles() const;
    QList<GroupActivity> policies() const;
    QList<SubtreeActivity> topSubtrees(int count) const;
    QList<OperationCount> operations() const; // by name
    const QList<audit::AuditRecord>& records() const { return m_records; }

private:
    void count(const audit::AuditRecord& record, const ScanContext& context);
    void countFor(const QString& role, const QStringList& policies, qint64 ActivityCounts::*field,
                  qint64 amount);
    void countToken(const TokenLineage& lineage, int token, qint64 ActivityCounts::*field);
    ActivityCounts& dayOf(qint64 ms);

    ReportQuery m_query;
    qint64 m_generatedMs;
    ChainStatus m_chain;
    QList<DayActivity> m_days;
    QHash<QString, GroupActivity> m_roles;
    QHash<QString, GroupActivity> m_policies;
    QHash<int, SubtreeActivity> m_subtrees; // by head token
    QHash<QString, OperationCount> m_operations;
    QList<audit::AuditRecord> m_records;
    qint64 m_activeAtEnd = 0;
};

} // namespace tessera::reports
