#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <optional>

namespace tessera::crypto {
class HmacSha256;
}
namespace tessera::store {
class Database;
}

namespace tessera::audit {

// The last record's sequence and MAC, kept in settings('audit_head') and tagged
// under the chain key. Each record's MAC only vouches for the records before it,
// so without the head, removing the last records would leave a shorter chain
// that still verifies.
//
// Stored value: sequence (8 bytes big-endian) | mac (32) | tag (32), where
// tag = HMAC(chain key, "TAH1" | sequence | mac).
struct ChainHead
{
    qint64 sequence = 0;
    QByteArray mac;

    // The stored value, or a null QByteArray when there is none.
    static Result<QByteArray> readStored(store::Database& db);
    // nullopt when the stored value is malformed or its tag does not match.
    static std::optional<ChainHead> parse(QByteArrayView stored, const crypto::HmacSha256& chain);

    QByteArray encode(const crypto::HmacSha256& chain) const;
    // INSERT OR REPLACE: SQLite 3.15 has no UPSERT.
    Status write(store::Database& db, const crypto::HmacSha256& chain) const;
};

} // namespace tessera::audit
