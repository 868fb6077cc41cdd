#pragma once

#include "audit/AuditRecord.h"
#include "core/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>

namespace tessera::reports {

class TokenLineage;

// What ReportScan knows about a selected record besides its fields. Token
// indices point into `lineage` and only name tokens the query selects.
struct ScanContext
{
    const TokenLineage& lineage;
    int created = -1;          // the token the record created
    const QList<int>& touched; // tokens it names as target or actor, or revoked
    const QList<int>& removed; // tokens it revoked or expired
};

// Where ReportScan hands the records a report covers, oldest first.
class RecordSink
{
public:
    virtual ~RecordSink() = default;
    virtual Status add(const audit::AuditRecord& record, const ScanContext& context) = 0;

protected:
    // All of `bytes`, or an Io error naming the device's complaint.
    static Status writeTo(QIODevice& device, const QByteArray& bytes);
};

} // namespace tessera::reports
