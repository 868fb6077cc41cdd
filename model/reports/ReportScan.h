#pragma once

#include "core/Result.h"
#include "reports/ChainStatus.h"
#include "reports/ReportProgress.h"
#include "reports/ReportQuery.h"
#include "reports/TokenLineage.h"

#include <vector>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::reports {

class RecordSink;

// One pass over the audit log for a report: verifies the chain first, then
// reads the records oldest first and hands those the query selects to a sink.
//
// Records up to the last verified one are read, so a report describes exactly
// the chain its footer vouches for, even while others keep appending. With a
// lineage (always for PDF reports and token filters), every record from the
// first is read, because tokens created before the period still matter
// (their subtree, their metadata, their role).
class ReportScan
{
public:
    enum class Lineage
    {
        IfFiltered, // only when the query filters by subtree or metadata
        Always,
    };

    ReportScan(engine::TokenEngine& engine, ReportQuery query);

    Status run(RecordSink& sink, const ReportProgress& progress, Lineage lineage);

    const ReportQuery& query() const { return m_query; }
    const ChainStatus& chain() const { return m_chain; }
    const TokenLineage& lineage() const { return m_lineage; }
    // The token passes the subtree and metadata filters.
    bool selected(int token) const { return m_selected[size_t(token)]; }
    qint64 recordsSelected() const { return m_recordsSelected; }

    static constexpr int kPageSize = 2000;

private:
    Status verify();
    Status process(const audit::AuditRecord& record, RecordSink& sink, bool withLineage);
    void classify(const audit::AuditRecord& record, int created);
    bool createdTokenSelected(const audit::AuditRecord& record) const;
    bool metaMatches(const audit::AuditRecord& record) const;

    engine::TokenEngine& m_engine;
    ReportQuery m_query;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    ChainStatus m_chain;
    TokenLineage m_lineage;
    std::vector<bool> m_inSubtree;
    std::vector<bool> m_selected;
    qint64 m_recordsSelected = 0;
};

} // namespace tessera::reports
