#pragma once

#include "audit/VerifyReport.h"
#include "core/Result.h"

#include <optional>

namespace tessera::crypto {
class HmacSha256;
}
namespace tessera::store {
class Database;
}

namespace tessera::audit {

// Verifies the whole audit chain and its head, and names the first problem.
//
// Record i's MAC covers the MAC stored with record i-1, so every record can be
// checked on its own once both are read: one thread streams the rows (in
// sequence order, building canonical forms straight from SQLite's buffers) into
// bounded chunks, worker threads check the MACs. Memory stays flat however long
// the log is. The sequence itself (gaps, foreign rows) is checked while reading.
//
// When a MAC fails, a second pass tells a changed record from a moved one: it
// looks for the row whose content does verify at the failing position.
class ChainVerifier
{
public:
    explicit ChainVerifier(const crypto::HmacSha256& chain,
                           int workerThreads = defaultWorkerThreads());

    // Reads inside the caller's open transaction, so that the log and its head
    // are one consistent snapshot.
    Result<VerifyReport> run(store::Database& db) const;

    static int defaultWorkerThreads();

private:
    // Where the record that belongs at `position` (chained on `previousMac`) is
    // stored instead, if anywhere.
    Result<std::optional<qint64>> findDisplaced(store::Database& db, qint64 position,
                                                QByteArrayView previousMac) const;
    Status checkHead(store::Database& db, VerifyReport& report) const;

    const crypto::HmacSha256& m_chain;
    int m_workerThreads;
};

} // namespace tessera::audit
