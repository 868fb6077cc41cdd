#include "ReportScan.h"

#include "engine/TokenEngine.h"
#include "reports/AuditOperations.h"
#include "reports/RecordSink.h"

namespace tessera::reports {

using namespace operations;

namespace {

void addOnce(QList<int>& list, int index)
{
    if (index >= 0 && !list.contains(index))
        list << index;
}

} // namespace

ReportScan::ReportScan(engine::TokenEngine& engine, ReportQuery query)
    : m_engine(engine)
    , m_query(std::move(query))
{}

Status ReportScan::verify()
{
    auto report = m_engine.admin().verifyAudit();
    TESSERA_TRY(report);
    m_chain.intact = report->intact;
    m_chain.problem = report->problem;
    m_chain.lastSequence = report->recordsChecked;
    m_chain.lastMac = report->lastMac;
    return {};
}

Status ReportScan::run(RecordSink& sink, const ReportProgress& progress, Lineage lineage)
{
    TESSERA_TRY(m_query.validate());
    m_fromMs = m_query.fromMs();
    m_toMs = m_query.toMs();
    TESSERA_TRY(progress.step(0, 1));
    TESSERA_TRY(verify());
    const bool withLineage = lineage == Lineage::Always || m_query.hasTokenFilter();

    audit::AuditFilter filter;
    filter.limit = kPageSize;
    filter.toMs = m_toMs;
    if (!withLineage) {
        filter.fromMs = m_fromMs;
        if (!m_query.operation.isEmpty() && !m_query.operation.endsWith(QLatin1Char('*')))
            filter.operations = {m_query.operation};
    }
    // An intact chain bounds the scan at its last record; a damaged one is
    // read to its end, so that the report still shows what is there.
    const qint64 last = m_chain.intact ? m_chain.lastSequence : 0;
    while (true) {
        auto page = m_engine.admin().auditRecords(filter);
        TESSERA_TRY(page);
        for (const audit::AuditRecord& record : *page) {
            if (last > 0 && record.sequence > last)
                return {};
            TESSERA_TRY(process(record, sink, withLineage));
            filter.afterSequence = record.sequence;
        }
        TESSERA_TRY(progress.step(filter.afterSequence, std::max(last, filter.afterSequence)));
        if (page->size() < kPageSize)
            break;
    }
    if (!m_query.subtree.isEmpty() && m_lineage.find(m_query.subtree) < 0)
        return Error::notFound(QStringLiteral("No token with accessor %1 was created before "
                                              "the end of the period.")
                                   .arg(m_query.subtree));
    return {};
}

Status ReportScan::process(const audit::AuditRecord& record, RecordSink& sink, bool withLineage)
{
    const TokenLineage::Change change =
        withLineage ? m_lineage.apply(record) : TokenLineage::Change{};
    if (change.created >= 0)
        classify(record, change.created);

    if (record.timeMs < m_fromMs || record.timeMs >= m_toMs ||
        !m_query.matchesOperation(record.operation))
        return {};

    QList<int> touched;
    QList<int> removed;
    if (withLineage) {
        const bool filtered = m_query.hasTokenFilter();
        const auto keep = [&](int index) { return index >= 0 && (!filtered || selected(index)); };
        for (const QString& target : record.targets) {
            const int index = m_lineage.find(target);
            if (keep(index))
                addOnce(touched, index);
        }
        if (!record.actor.isEmpty() && keep(m_lineage.find(record.actor)))
            addOnce(touched, m_lineage.find(record.actor));
        for (const int index : change.removed) {
            if (keep(index)) {
                removed << index;
                addOnce(touched, index);
            }
        }
        // Batch tokens have no accessor: their creation records name none.
        const bool batchCreation = record.operation == kCreate && record.targets.isEmpty() &&
                                   record.outcome == QLatin1String("ok");
        if (filtered && touched.isEmpty() && !(batchCreation && createdTokenSelected(record)))
            return {};
    }
    ++m_recordsSelected;
    const ScanContext context{m_lineage, change.created, touched, removed};
    return sink.add(record, context);
}

// Subtree membership is decided when a token is created and kept for life:
// a revoked or orphaned token still belongs to the subtree it was issued in.
void ReportScan::classify(const audit::AuditRecord& record, int created)
{
    m_inSubtree.resize(size_t(m_lineage.size()), false);
    m_selected.resize(size_t(m_lineage.size()), false);
    const LineageToken& token = m_lineage.at(created);
    m_inSubtree[size_t(created)] = token.accessor == m_query.subtree ||
                                   (token.parent >= 0 && m_inSubtree[size_t(token.parent)]);
    m_selected[size_t(created)] = (m_query.subtree.isEmpty() || m_inSubtree[size_t(created)]) &&
                                  (m_query.metaKey.isEmpty() || metaMatches(record));
}

bool ReportScan::createdTokenSelected(const audit::AuditRecord& record) const
{
    if (!m_query.metaKey.isEmpty() && !metaMatches(record))
        return false;
    if (m_query.subtree.isEmpty())
        return true;
    const int parent = m_lineage.find(record.details.value(QStringLiteral("parent")).toString());
    return parent >= 0 && m_inSubtree[size_t(parent)];
}

bool ReportScan::metaMatches(const audit::AuditRecord& record) const
{
    const QJsonObject& details = record.details;
    if (record.operation == kLogin)
        return m_query.metaKey == QLatin1String("username") &&
               details.value(QStringLiteral("username")).toString() == m_query.metaValue;
    const QJsonValue value =
        details.value(QStringLiteral("meta")).toObject().value(m_query.metaKey);
    return value.isString() && value.toString() == m_query.metaValue;
}

} // namespace tessera::reports
