#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/RevocationFilter.h"
#include "engine/Token.h"

#include <QList>
#include <QStringList>

namespace tessera::engine {

class EngineCore;

// Revoke by filter (docs/ARCHITECTURE.md, «Revoke by filter»): every token a
// RevocationFilter matches (a patron's, a role's, a staff user's, a creation
// period's), each with its subtree, in one write transaction; and the dry run
// that says what it would take without writing anything.
//
// Both need sudo on auth/token/revoke-matching (the owner may always): the
// preview shows other people's tokens, and the revoke can empty a store.
// Vault has no such endpoint; the API serves it at that path.
class RevokeByFilterService
{
public:
    static constexpr int kPreviewMatches = 50;

    // One match in a preview and how many tokens lie below it.
    struct PreviewMatch
    {
        Token token;
        qint64 descendants = 0;
    };

    struct Preview
    {
        qint64 matched = 0;        // tokens the filter names
        qint64 total = 0;          // those and their descendants, each counted once
        QList<PreviewMatch> first; // the first matches in creation order
    };

    struct Revoked
    {
        qint64 matched = 0;    // tokens the filter named
        QStringList accessors; // every token revoked, children before parents
    };

    explicit RevokeByFilterService(const EngineCore& core)
        : m_core(core)
    {}

    // What revoke() would take now, with up to `firstMatches` matches to show.
    // Reads only.
    Result<Preview> preview(const Caller& caller, const RevocationFilter& filter,
                            int firstMatches = kPreviewMatches) const;
    // Revokes every match with its subtree in one transaction, audited as one
    // "token.revoke-matching" record: the filter, the counts, the tops of the
    // revoked branches as targets. Caches drop and tokensRevoked(tops, count,
    // "revoke") follows the commit. Nothing matched: an empty answer, no record.
    Result<Revoked> revoke(const Caller& caller, const RevocationFilter& filter);

private:
    const EngineCore& m_core;
};

} // namespace tessera::engine
