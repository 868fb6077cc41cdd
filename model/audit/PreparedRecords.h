#pragma once

#include "audit/AuditRecord.h"
#include "core/Result.h"

#include <QList>
#include <vector>

namespace tessera::audit {

struct StoredRecord;

// Audit records worked out for storing before the store or the chain is
// involved: each one checked, its UTF-8 fields, public and personal parts, and
// the personal part's salt and digest. That is most of an append's CPU, and it
// needs nothing but the records, so it may run on any thread: a bulk creation
// prepares one flush on another core while it inserts the next flush's tokens
// (docs/ARCHITECTURE.md, «The chain and its head»). AuditLog::append() chains and
// inserts them.
class PreparedRecords
{
public:
    // Empty targets are dropped from the records here.
    explicit PreparedRecords(QList<AuditRecord> records);
    ~PreparedRecords();
    PreparedRecords(PreparedRecords&& other) noexcept;
    PreparedRecords& operator=(PreparedRecords&& other) noexcept;

    // The records; after AuditLog::append(), as stored.
    QList<AuditRecord> takeRecords() { return std::move(m_records); }

private:
    friend class AuditLog;

    QList<AuditRecord> m_records;
    std::vector<StoredRecord> m_stored; // empty when a record is malformed
    Status m_valid;                     // the first malformed record's error
};

} // namespace tessera::audit
