#pragma once

#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "audit/VerifyReport.h"
#include "core/Result.h"
#include "crypto/Hmac.h"

#include <QList>

namespace tessera::store {
class Database;
class Store;
} // namespace tessera::store

namespace tessera::audit {

// The hash-chained audit log in the store's `audit` table. append() runs inside
// the caller's write transaction, so an operation and its record commit together.
//
// Two keys are derived from the audit key: one chains the records (and tags the
// chain head in settings('audit_head')), the other makes tag()s, so that a tag of
// caller-chosen bytes (a failed login's password) can never double as a chain MAC.
//
// Const and thread-safe: threads may share one AuditLog, each with its own
// Database connection.
class AuditLog
{
public:
    explicit AuditLog(QByteArrayView auditKey);

    // Assigns sequence and MAC (chained on the current last record, or on the
    // chain head when the last records were removed, so that the gap stays
    // visible) and inserts. Fails outside a transaction, and with
    // InvalidArgument for an empty operation or a target holding a comma. Empty
    // targets are dropped; strings are stored as their UTF-8 (ill-formed UTF-16
    // is replaced); `record` is updated to what was stored.
    // A damaged chain head (missing, forged or not matching the last record) is
    // left as it is, so that verify() keeps reporting it.
    Status append(store::Database& db, AuditRecord& record) const;
    // The same for several records, in order, as if appended one by one, but the
    // predecessor is read and the chain head written once for all of them (bulk
    // token creation). Nothing is written when one of them is malformed.
    Status append(store::Database& db, QList<AuditRecord>& records) const;

    // Checks every record and the chain head; names the first problem. Tampering
    // is a report (intact = false), not an error; errors are for a store that
    // cannot be read.
    //
    // The fast way: takes a connection per thread from the store (by default one
    // per core) and checks ranges of the log in parallel; about 1.4 us of CPU
    // per record, so some 1.0-1.4 million records/s on two cores.
    Result<VerifyReport> verify(store::Store& store, int threads = 0) const;
    // On one connection, in the caller's transaction if one is open (otherwise in
    // a read transaction of its own): one core, some 0.7 million records/s.
    Result<VerifyReport> verify(store::Database& db) const;

    // Records matching `filter`, oldest first (newest first with
    // filter.newestFirst: page with beforeSequence), at most filter.limit. Page
    // by passing the last sequence seen as filter.afterSequence.
    Result<QList<AuditRecord>> records(store::Database& db, const AuditFilter& filter) const;

    // "hmac-sha256:<hex>" of a secret, for details fields: the same secret always
    // gives the same tag, so records about one token can be found without the
    // token being stored.
    QString tag(QByteArrayView secret) const { return m_tags.tag(secret); }

private:
    crypto::HmacSha256 m_chain;
    crypto::HmacSha256 m_tags;
};

} // namespace tessera::audit
