#pragma once

#include "core/Result.h"

#include <QStringList>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// Removes tokens from the store, inside the caller's write transaction: whole
// subtrees (revoke, expiry, use limit) or one token whose children become
// orphans (revoke-orphan). Cubbyholes go with their tokens.
class Revocation
{
public:
    explicit Revocation(store::Database& db)
        : m_db(db)
    {}

    // The subtree under `rootId` (itself included). Returns the accessors removed,
    // children before parents.
    Result<QStringList> revokeSubtree(qint64 rootId);
    // Every token that expired at or before `now`, with its subtree.
    Result<QStringList> revokeExpired(qint64 now);
    // Tokens whose last use was left unrevoked by a crash. Only when opening:
    // at any other time a used-up token may belong to a request still running
    // on its last use (TokenEngine::completeUse revokes it when it is done).
    Result<QStringList> revokeUsedUp();
    // Only `id`; its direct children become orphans (their accessors returned).
    Result<QStringList> revokeOrphaningChildren(qint64 id);

private:
    Result<QStringList> removeMarked();

    store::Database& m_db;
};

} // namespace tessera::engine
