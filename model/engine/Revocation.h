#pragma once

#include "core/Result.h"

#include <QStringList>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

struct RevocationFilter;

// Removes tokens from the store, inside the caller's write transaction: whole
// subtrees (revoke, expiry, use limit) or one token whose children become
// orphans (revoke-orphan). Cubbyholes go with their tokens.
//
// A subtree revoke only marks its rows (lists their ids in the `revoked`
// table), which every token query skips: one short transaction whatever the
// subtree's size, seen by every reader at its commit. purgeChunk() deletes the
// marked rows afterwards, a few thousand per transaction (RevocationPurge runs
// it in the background); a crash between chunks leaves marked rows that the
// next open purges (docs/ARCHITECTURE.md, «Revocation and the purge»).
class Revocation
{
public:
    // What one revocation removed: every accessor, children before parents,
    // and the tops of the removed branches (every other one lies below a top).
    struct Removed
    {
        QStringList accessors;
        QStringList tops;
    };

    explicit Revocation(store::Database& db)
        : m_db(db)
    {}

    // Marks the live subtree under `rootId` (itself included) revoked at `now`.
    Result<Removed> revokeSubtree(qint64 rootId, qint64 now);
    // Every live token `filter` matches, each with its subtree, marked revoked
    // at `now`. The tops are the matches not below another match.
    Result<Removed> revokeMatching(const RevocationFilter& filter, qint64 now);
    // Every token that expired at or before `now`, with its subtree.
    Result<Removed> revokeExpired(qint64 now);
    // Tokens whose last use was left unrevoked by a crash. Only when opening:
    // at any other time a used-up token may belong to a request still running
    // on its last use (TokenEngine::completeUse revokes it when it is done).
    Result<Removed> revokeUsedUp();
    // Only `id`; its direct children become orphans (their accessors returned).
    Result<QStringList> revokeOrphaningChildren(qint64 id);

    // Deletes up to `rows` marked rows (lowest ids first) with their
    // cubbyholes. Returns how many it deleted: 0 when nothing was left.
    Result<qint64> purgeChunk(int rows);
    // How many marked rows wait for the purge.
    Result<qint64> pendingPurge();

private:
    Result<Removed> doomedAccessors();
    Result<Removed> removeDoomed();
    Result<Removed> markDoomed(qint64 now);

    store::Database& m_db;
};

} // namespace tessera::engine
