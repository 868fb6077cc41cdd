#include "engine/RevokeByFilterService.h"

#include "engine/EngineCore.h"
#include "engine/EngineEvents.h"
#include "engine/Revocation.h"
#include "engine/RevocationPurge.h"
#include "engine/TokenRecords.h"
#include "store/Database.h"
#include "store/Transaction.h"

namespace tessera::engine {
namespace {

Access revokeMatchingAccess()
{
    return Access{QStringLiteral("auth/token/revoke-matching"), Capability::Sudo,
                  QStringLiteral("token.revoke-matching")};
}

Result<qint64> countOf(store::Database& db, const std::string& sql, const RevocationFilter& filter)
{
    auto select = db.query(sql);
    TESSERA_TRY(select);
    filter.bind(*select, 1);
    auto row = select->next();
    TESSERA_TRY(row);
    return *row ? select->int64(0) : 0;
}

Result<qint64> matchCount(store::Database& db, const RevocationFilter& filter)
{
    return countOf(db,
                   "SELECT count(*) FROM tokens t WHERE " + filter.sqlCondition() +
                       " AND" TESSERA_LIVE("t"),
                   filter);
}

// UNION: a match below another match is counted once.
Result<qint64> totalCount(store::Database& db, const RevocationFilter& filter)
{
    return countOf(db,
                   "WITH RECURSIVE sub(id) AS (SELECT id FROM tokens t WHERE " +
                       filter.sqlCondition() +
                       " AND" TESSERA_LIVE("t") "UNION SELECT t.id FROM tokens t JOIN sub ON "
                                                "t.parent_id = sub.id WHERE" TESSERA_LIVE(
                                                    "t") ") SELECT count(*) FROM sub",
                   filter);
}

Result<QList<RevokeByFilterService::PreviewMatch>>
firstMatches(store::Database& db, const RevocationFilter& filter, int limit)
{
    QList<RevokeByFilterService::PreviewMatch> matches;
    {
        auto select =
            db.query(std::string(TokenRecords::kSelectTokens) + "WHERE " + filter.sqlCondition() +
                     " AND" + TokenRecords::kLive + "ORDER BY t.id LIMIT ?");
        TESSERA_TRY(select);
        select->bind(filter.bind(*select, 1), qint64(std::max(0, limit)));
        for (;;) {
            auto row = select->next();
            TESSERA_TRY(row);
            if (!*row)
                break;
            matches.append({TokenRecords::fromRow(*select), 0});
        }
    }
    TokenRecords records(db);
    for (auto& match : matches) {
        auto below = records.descendantCount(match.token.id);
        TESSERA_TRY(below);
        match.descendants = *below;
    }
    return matches;
}

} // namespace

Result<RevokeByFilterService::Preview>
RevokeByFilterService::preview(const Caller& caller, const RevocationFilter& filter,
                               int firstMatchCount) const
{
    TESSERA_TRY(filter.check());
    return m_core.read(caller, revokeMatchingAccess(), [&](store::Database& db) -> Result<Preview> {
        // One snapshot, so that the counts and the matches agree.
        store::Transaction snapshot(db, store::Transaction::Mode::Deferred);
        TESSERA_TRY(snapshot.begun());
        Preview preview;
        auto matched = matchCount(db, filter);
        TESSERA_TRY(matched);
        preview.matched = *matched;
        if (preview.matched == 0)
            return preview;
        auto total = totalCount(db, filter);
        TESSERA_TRY(total);
        preview.total = *total;
        auto first = firstMatches(db, filter, firstMatchCount);
        TESSERA_TRY(first);
        preview.first = std::move(*first);
        return preview;
    });
}

Result<RevokeByFilterService::Revoked> RevokeByFilterService::revoke(const Caller& caller,
                                                                     const RevocationFilter& filter)
{
    TESSERA_TRY(filter.check());
    return m_core.mutate(caller, revokeMatchingAccess(), [&](Mutation& m) -> Result<Revoked> {
        Revoked result;
        auto matched = matchCount(m.db(), filter);
        TESSERA_TRY(matched);
        result.matched = *matched;
        if (result.matched == 0) {
            m.audited = false;
            return result;
        }
        auto removed = Revocation(m.db()).revokeMatching(filter, m_core.now());
        TESSERA_TRY(removed);
        QJsonObject details = filter.toJson();
        details.insert(QStringLiteral("matched"), result.matched);
        details.insert(QStringLiteral("revoked"), qint64(removed->accessors.size()));
        // The tops, as a subtree revoke names its top: a reader of the log
        // (StoreWatcher) removes each with its branch.
        m.record.targets = removed->tops;
        m.record.details = details;
        m.invalidates = true;
        m.afterCommit([this, tops = removed->tops, count = removed->accessors.size()] {
            m_core.purge().wake();
            Q_EMIT m_core.events().tokensRevoked(tops, count, QStringLiteral("revoke"));
        });
        result.accessors = std::move(removed->accessors);
        return result;
    });
}

} // namespace tessera::engine
