#pragma once

#include "core/Result.h"

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// One use of a use-limited token, inside the caller's write transaction. The
// decrement is a single conditional UPDATE, so concurrent users race inside
// SQLite's writer lock and a one-use token succeeds exactly once.
class UseLimit
{
public:
    explicit UseLimit(store::Database& db)
        : m_db(db)
    {}

    // The uses left after this one (0: the caller must revoke the token after
    // the operation), or NotFound-style PermissionDenied when none were left.
    Result<int> consume(qint64 tokenId);

private:
    store::Database& m_db;
};

} // namespace tessera::engine
