#pragma once

#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "audit/PreparedRecords.h"
#include "audit/VerifyReport.h"
#include "core/Result.h"
#include "crypto/Hmac.h"

#include <QList>
#include <optional>

namespace tessera::store {
class Database;
class Store;
} // namespace tessera::store

namespace tessera::audit {

// What AuditLog::redact() did.
struct Redaction
{
    qint64 redacted = 0; // records whose personal part was removed now
    // Older records kept as they are because they were written under chain
    // rule 1 (a log that did not verify when it was to be upgraded).
    qint64 skipped = 0;
};

// What AuditLog::upgradeChain() did.
struct ChainUpgrade
{
    bool pending = false;                // the store holds a log written under rule 1
    qint64 converted = 0;                // records rewritten under rule 2
    QByteArray previousHeadMac;          // the last MAC of the log before the upgrade
    std::optional<VerifyReport> refused; // the log did not verify: nothing changed
};

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
    // The same for records prepared beforehand, perhaps on another thread.
    Status append(store::Database& db, PreparedRecords& records) const;

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

    // Removes the personal part (PersonalFields) of every rule 2 record older
    // than `beforeMs` that still has one, and marks it redacted at `nowMs`. The
    // chain stays provable: the MAC covers the stored digest. Runs inside the
    // caller's write transaction; the pages that held the removed text are
    // overwritten (secure_delete) rather than left in the file's free space.
    Result<Redaction> redact(store::Database& db, qint64 beforeMs, qint64 nowMs) const;

    // A store migrated from before chain rule 2 is marked for an upgrade
    // (schema step 2). If so, and only if the whole log verifies, rewrites every
    // record under rule 2 (same content, a salted digest of its personal part,
    // new MACs) and the chain head, and clears the mark. A log that does not
    // verify is left exactly as it is (its report in `refused`) and stays
    // marked, so that no tampering is laundered into a fresh chain. Runs inside
    // the caller's write transaction; the caller records the upgrade.
    Result<ChainUpgrade> upgradeChain(store::Database& db) const;
    // Whether the store carries that mark (cheap; outside any transaction).
    static Result<bool> upgradePending(store::Database& db);

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
