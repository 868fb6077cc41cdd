#pragma once

#include "core/Result.h"
#include "engine/Token.h"

#include <optional>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// The first use of a pass valid from its first use (docs/ARCHITECTURE.md,
// «First and last use»), inside the using request's write transaction. The
// start is one conditional UPDATE, so of many concurrent first requests
// exactly one starts the TTL and the others are ordinary uses.
class FirstUse
{
public:
    explicit FirstUse(store::Database& db)
        : m_db(db)
    {}

    // The token as it is after its first use at `now` (its TTL counted from
    // now), or nullopt when another request used it first.
    Result<std::optional<Token>> start(const Token& token, qint64 now);

private:
    store::Database& m_db;
};

} // namespace tessera::engine
