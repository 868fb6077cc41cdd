#pragma once

#include "audit/VerifyReport.h"
#include "core/Result.h"

#include <optional>
#include <vector>

namespace tessera::crypto {
class HmacSha256;
}
namespace tessera::store {
class Database;
}

namespace tessera::audit {

// Verifies the whole audit chain and its head, and names the first problem.
//
// Record i's MAC covers the MAC stored with record i-1, so any stretch of the log
// can be checked on its own once the MAC before it is read. The log is split into
// sequence ranges, each streamed (canonical forms built straight from SQLite's
// buffers, no allocation per record) and checked by its own thread on its own
// connection. Separate connections matter: SQLCipher decrypts pages on the thread
// that steps the statement, which costs as much as the chain MACs, so one reader
// feeding MAC workers cannot use more than about one core.
//
// When a MAC fails, a second pass tells a changed record from a moved one: it
// looks for the row whose content does verify at the failing position.
class ChainVerifier
{
public:
    explicit ChainVerifier(const crypto::HmacSha256& chain);

    // `db` must be in an open transaction: its snapshot defines the log (its last
    // sequence) and the head it is checked against. Each of `helpers` (further
    // connections to the same store, in no transaction; may be empty) verifies a
    // share of the records in a thread of its own. Records are append-only, so
    // the helpers' later snapshots hold the same records up to that last sequence.
    Result<VerifyReport> run(store::Database& db,
                             const std::vector<store::Database*>& helpers = {}) const;

    // A thread per core, and no range shorter than this many records.
    static int defaultParallelism();
    static constexpr qint64 kMinRecordsPerRange = 10'000;

private:
    // Where the record that belongs at `position` (chained on `previousMac`) is
    // stored instead, if anywhere.
    Result<std::optional<qint64>> findDisplaced(store::Database& db, qint64 position,
                                                QByteArrayView previousMac) const;
    Status checkHead(store::Database& db, qint64 lastSequence, VerifyReport& report) const;

    const crypto::HmacSha256& m_chain;
};

} // namespace tessera::audit
