#include "ReportData.h"

#include "reports/AuditOperations.h"
#include "reports/TokenLineage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTime>
#include <QTimeZone>
#include <algorithm>
#include <limits>
#include <vector>

namespace tessera::reports {

using namespace operations;

namespace {

const char* const kContext = "tessera::reports::ReportData";

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array)
        list << item.toString();
    return list;
}

QString roleGroup(const LineageToken& token)
{
    if (token.rootToken)
        return ReportData::rootTokens();
    if (token.login)
        return ReportData::loginTokens();
    return token.role.isEmpty() ? ReportData::noRole() : token.role;
}

qint64 midnightMs(const QDate& day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

bool busierFirst(const GroupActivity& a, const GroupActivity& b)
{
    const qint64 aWeight = a.counts.total() + a.activeAtEnd;
    const qint64 bWeight = b.counts.total() + b.activeAtEnd;
    if (aWeight != bWeight)
        return aWeight > bWeight;
    return a.name < b.name;
}

} // namespace

QString ReportData::noRole()
{
    return QCoreApplication::translate(kContext, "(no role)");
}

QString ReportData::rootTokens()
{
    return QCoreApplication::translate(kContext, "(root token)");
}

QString ReportData::loginTokens()
{
    return QCoreApplication::translate(kContext, "(userpass login)");
}

QString ReportData::unknownToken()
{
    return QCoreApplication::translate(kContext, "(unknown token)");
}

ReportData::ReportData(ReportQuery query, qint64 generatedMs)
    : m_query(std::move(query))
    , m_generatedMs(generatedMs)
{
    for (QDate day = m_query.from; day.isValid() && day <= m_query.to; day = day.addDays(1))
        m_days.append(DayActivity{day, {}, std::nullopt});
}

qint64 ReportData::endMs() const
{
    return std::min(m_query.toMs() - 1, m_generatedMs);
}

ActivityCounts& ReportData::dayOf(qint64 ms)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
    const qint64 index = std::clamp<qint64>(m_query.from.daysTo(day), 0, m_days.size() - 1);
    return m_days[index].counts;
}

Status ReportData::add(const audit::AuditRecord& record, const ScanContext& context)
{
    count(record, context);
    QSet<int> heads;
    for (const int token : context.touched)
        heads.insert(context.lineage.subtreeHead(token));
    for (const int head : std::as_const(heads)) {
        SubtreeActivity& subtree = m_subtrees[head];
        if (subtree.accessor.isEmpty()) {
            const LineageToken& token = context.lineage.at(head);
            subtree.accessor = token.accessor;
            subtree.displayName = token.rootToken ? rootTokens() : token.displayName;
            subtree.role = token.role;
        }
        ++subtree.records;
    }
    if (context.touched.contains(context.created) && record.operation == kCreate)
        ++m_subtrees[context.lineage.subtreeHead(context.created)].issued;
    m_records.append(record);
    return {};
}

void ReportData::count(const audit::AuditRecord& record, const ScanContext& context)
{
    const QString& operation = record.operation;
    OperationCount& byOperation = m_operations[operation];
    byOperation.operation = operation;
    if (record.outcome == QLatin1String("ok"))
        ++byOperation.ok;
    else if (record.outcome == QLatin1String("denied"))
        ++byOperation.denied;
    else
        ++byOperation.other;

    // What the record counts as is ActivityCounts' decision, shared with the
    // dashboard; how much, and for which group, is the report's.
    const ActivityCounts::Figure field = ActivityCounts::figureOf(operation, record.outcome);
    if (!field)
        return;
    ActivityCounts& day = dayOf(record.timeMs);
    const QJsonObject& details = record.details;
    if (field == &ActivityCounts::failedLogins) {
        ++day.failedLogins;
        countFor(loginTokens(), {}, field, 1);
    } else if (field == &ActivityCounts::issued) {
        ++day.issued;
        const QString role = operation == kCreateRoot
                                 ? rootTokens()
                                 : details.value(QStringLiteral("role")).toString();
        countFor(role.isEmpty() ? noRole() : role,
                 operation == kCreateRoot ? QStringList{QStringLiteral("root")}
                                          : stringList(details.value(QStringLiteral("policies"))),
                 field, 1);
    } else if (field == &ActivityCounts::logins) {
        ++day.logins;
        countFor(loginTokens(), stringList(details.value(QStringLiteral("policies"))), field, 1);
    } else if (field == &ActivityCounts::renewed) {
        if (record.targets.isEmpty())
            return;
        ++day.renewed;
        countToken(context.lineage, context.lineage.find(record.targets.first()), field);
    } else { // revoked, expired: in tokens, those of a revoked branch included
        for (const int token : context.removed) {
            ++(day.*field);
            countToken(context.lineage, token, field);
        }
    }
}

void ReportData::countFor(const QString& role, const QStringList& policies,
                          qint64 ActivityCounts::*field, qint64 amount)
{
    GroupActivity& group = m_roles[role];
    group.name = role;
    group.counts.*field += amount;
    for (const QString& policy : policies) {
        GroupActivity& byPolicy = m_policies[policy];
        byPolicy.name = policy;
        byPolicy.counts.*field += amount;
    }
}

void ReportData::countToken(const TokenLineage& lineage, int token, qint64 ActivityCounts::*field)
{
    if (token < 0) {
        countFor(unknownToken(), {}, field, 1);
        return;
    }
    const LineageToken& entry = lineage.at(token);
    countFor(roleGroup(entry), entry.policies, field, 1);
}

void ReportData::finish(const TokenLineage& lineage, const std::function<bool(int)>& selected,
                        const ChainStatus& chain)
{
    m_chain = chain;
    // Service tokens active at a moment: created by then, neither removed nor
    // expired yet. Sorted start and end times answer each day in log time.
    std::vector<qint64> starts;
    std::vector<qint64> ends;
    const qint64 end = endMs();
    for (int i = 0; i < lineage.size(); ++i) {
        if (!selected(i))
            continue;
        const LineageToken& token = lineage.at(i);
        qint64 gone = std::numeric_limits<qint64>::max();
        if (token.removedMs != 0)
            gone = std::min(gone, token.removedMs);
        if (token.expireMs != 0)
            gone = std::min(gone, token.expireMs);
        starts.push_back(token.createdMs);
        ends.push_back(gone);
        if (token.activeAt(end)) {
            ++m_activeAtEnd;
            const QString role = roleGroup(token);
            GroupActivity& group = m_roles[role];
            group.name = role;
            ++group.activeAtEnd;
            for (const QString& policy : token.policies) {
                GroupActivity& byPolicy = m_policies[policy];
                byPolicy.name = policy;
                ++byPolicy.activeAtEnd;
            }
        }
    }
    std::sort(starts.begin(), starts.end());
    std::sort(ends.begin(), ends.end());
    for (DayActivity& day : m_days) {
        const qint64 dayStart = midnightMs(day.day);
        if (dayStart > m_generatedMs)
            break;
        const qint64 at = std::min(midnightMs(day.day.addDays(1)) - 1, m_generatedMs);
        const auto started = std::upper_bound(starts.begin(), starts.end(), at) - starts.begin();
        const auto ended = std::upper_bound(ends.begin(), ends.end(), at) - ends.begin();
        day.active = qint64(started - ended);
    }
}

ActivityCounts ReportData::totals() const
{
    ActivityCounts sum;
    for (const DayActivity& day : m_days)
        sum += day.counts;
    return sum;
}

QList<GroupActivity> ReportData::roles() const
{
    QList<GroupActivity> list = m_roles.values();
    std::sort(list.begin(), list.end(), busierFirst);
    return list;
}

QList<GroupActivity> ReportData::policies() const
{
    QList<GroupActivity> list = m_policies.values();
    std::sort(list.begin(), list.end(), busierFirst);
    return list;
}

QList<SubtreeActivity> ReportData::topSubtrees(int count) const
{
    QList<SubtreeActivity> list = m_subtrees.values();
    std::sort(list.begin(), list.end(), [](const SubtreeActivity& a, const SubtreeActivity& b) {
        if (a.records != b.records)
            return a.records > b.records;
        return a.accessor < b.accessor;
    });
    if (list.size() > count)
        list.resize(count);
    return list;
}

QList<OperationCount> ReportData::operations() const
{
    QList<OperationCount> list = m_operations.values();
    std::sort(list.begin(), list.end(), [](const OperationCount& a, const OperationCount& b) {
        return a.operation < b.operation;
    });
    return list;
}

} // namespace tessera::reports
