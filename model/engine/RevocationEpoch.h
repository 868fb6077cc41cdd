#pragma once

#include "core/Result.h"

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// A counter in the store that every transaction which can make a valid token
// invalid (revocation, renewal, expiry) or change a policy increments. Engines
// in other processes compare it to what they last saw to know that their
// ValidationCache and PolicyBook are stale;
// creations do not touch it, so a busy issuing desk does not empty the caches.
class RevocationEpoch
{
public:
    static Status bump(store::Database& db);
    static Result<qint64> read(store::Database& db);
};

} // namespace tessera::engine
