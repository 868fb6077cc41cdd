#include "engine/Revocation.h"

#include "engine/RevocationFilter.h"
#include "engine/TokenRecords.h"
#include "store/Database.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace tessera::engine {

// The doomed tokens go to a temporary table first, so that one recursive walk
// feeds the accessor list, the deletes of the token's rows and the token delete. Keyed by
// token id, so that the deletes walk the tokens table in order. No NOT NULL in
// it: see the settings table in Schema.cpp.
namespace {

constexpr std::string_view kPrepareDoomed =
    "CREATE TEMP TABLE IF NOT EXISTS doomed(id INTEGER PRIMARY KEY, accessor TEXT, "
    "depth INTEGER); DELETE FROM doomed;";

// The tables whose rows belong to one token, and the column naming it: every
// path that deletes token rows deletes these first.
struct TokenTable
{
    const char* table;
    const char* column;
};
constexpr std::array<TokenTable, 4> kTokenTables{{
    {"cubbyhole", "token_id"},
    {"token_use", "id"},
    {"pass_codes", "token_id"},
    {"expiry_warnings", "token_id"},
}};

// DELETE FROM each token table WHERE <column> <condition>.
std::vector<std::string> deletesOfTokenRows(std::string_view condition)
{
    std::vector<std::string> sql;
    for (const TokenTable& t : kTokenTables)
        sql.push_back(std::string("DELETE FROM ") + t.table + " WHERE " + t.column + " " +
                      std::string(condition));
    return sql;
}

} // namespace

Result<Revocation::Removed> Revocation::revokeSubtree(qint64 rootId, qint64 now)
{
    TESSERA_TRY(m_db.exec(kPrepareDoomed));
    // The walk stops at marked rows: a marked subtree below is revoked already.
    auto walk = m_db.query(
        "WITH RECURSIVE sub(id, accessor, depth) AS (SELECT id, accessor, 0 FROM tokens t "
        "WHERE id = ? AND" TESSERA_LIVE(
            "t") "UNION ALL SELECT t.id, t.accessor, sub.depth + 1 "
                 "FROM tokens t JOIN sub ON t.parent_id = sub.id WHERE" TESSERA_LIVE(
                     "t") ") "
                          "INSERT INTO doomed(id, accessor, depth) SELECT id, accessor, depth FROM "
                          "sub");
    TESSERA_TRY(walk);
    walk->bind(1, rootId);
    TESSERA_TRY(walk->run());
    return markDoomed(now);
}

Result<Revocation::Removed> Revocation::revokeMatching(const RevocationFilter& filter, qint64 now)
{
    TESSERA_TRY(filter.check());
    TESSERA_TRY(m_db.exec(kPrepareDoomed));
    // As revokeExpired: a match below another match is reached twice, and its
    // depth is the longest path from a match, so depth 0 is exactly the tops.
    const std::string sql =
        "WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM tokens t WHERE " +
        filter.sqlCondition() +
        " AND" TESSERA_LIVE("t") "UNION SELECT t.id, sub.depth + 1 FROM tokens t JOIN sub ON "
                                 "t.parent_id = sub.id WHERE" TESSERA_LIVE(
                                     "t") ") INSERT INTO doomed(id, accessor, depth) SELECT s.id, "
                                          "t.accessor, max(s.depth) FROM sub s JOIN tokens t ON "
                                          "t.id = s.id GROUP BY s.id";
    auto walk = m_db.query(sql);
    TESSERA_TRY(walk);
    filter.bind(*walk, 1);
    TESSERA_TRY(walk->run());
    return markDoomed(now);
}

Result<Revocation::Removed> Revocation::markDoomed(qint64 now)
{
    auto removed = doomedAccessors();
    TESSERA_TRY(removed);
    if (removed->accessors.isEmpty())
        return removed;
    // In id order (doomed's key): the inserts append to the end of few pages.
    auto mark = m_db.query("INSERT INTO revoked(id, revoked_at) SELECT id, ? FROM doomed");
    TESSERA_TRY(mark);
    mark->bind(1, now);
    TESSERA_TRY(mark->run());
    TESSERA_TRY(m_db.exec("DELETE FROM doomed;"));
    return removed;
}

Result<Revocation::Removed> Revocation::revokeExpired(qint64 now)
{
    TESSERA_TRY(m_db.exec(kPrepareDoomed));
    // UNION, not UNION ALL: an expired child of an expired parent is reached twice.
    auto mark = m_db.query(
        "WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM tokens t WHERE expire_at IS NOT NULL "
        "AND expire_at <= ? AND" TESSERA_LIVE(
            "t") "UNION SELECT t.id, sub.depth + 1 FROM tokens t "
                 "JOIN sub ON t.parent_id = sub.id WHERE" TESSERA_LIVE(
                     "t") ") INSERT INTO doomed(id, "
                          "accessor, depth) SELECT s.id, t.accessor, max(s.depth) FROM sub s JOIN "
                          "tokens t ON "
                          "t.id = s.id GROUP BY s.id");
    TESSERA_TRY(mark);
    mark->bind(1, now);
    TESSERA_TRY(mark->run());
    return removeDoomed();
}

Result<Revocation::Removed> Revocation::revokeUsedUp()
{
    TESSERA_TRY(m_db.exec(kPrepareDoomed));
    // Use-limited tokens have no children; the walk is there in case one ever does.
    TESSERA_TRY(
        m_db.exec("WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM tokens t WHERE num_uses > 0 "
                  "AND uses_left <= 0 AND" TESSERA_LIVE(
                      "t") "UNION SELECT t.id, sub.depth + 1 FROM tokens "
                           "t JOIN sub ON t.parent_id = sub.id WHERE" TESSERA_LIVE(
                               "t") ") INSERT INTO doomed(id, "
                                    "accessor, depth) SELECT s.id, t.accessor, max(s.depth) FROM "
                                    "sub s JOIN tokens t ON "
                                    "t.id = s.id GROUP BY s.id"));
    return removeDoomed();
}

Result<Revocation::Removed> Revocation::doomedAccessors()
{
    // Children before parents: deepest first, sorted here rather than by SQL.
    // A depth is the longest path from a top (max() in the walks), so depth 0
    // is exactly the tops.
    std::vector<std::pair<qint64, QString>> marked;
    {
        auto select = m_db.query("SELECT depth, accessor FROM doomed");
        TESSERA_TRY(select);
        for (;;) {
            auto row = select->next();
            TESSERA_TRY(row);
            if (!*row)
                break;
            marked.emplace_back(select->int64(0), select->text(1));
        }
    }
    std::stable_sort(marked.begin(), marked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    Removed removed;
    removed.accessors.reserve(qsizetype(marked.size()));
    for (auto& [depth, accessor] : marked) {
        if (depth == 0)
            removed.tops.append(accessor);
        removed.accessors.append(std::move(accessor));
    }
    return removed;
}

Result<Revocation::Removed> Revocation::removeDoomed()
{
    auto removed = doomedAccessors();
    TESSERA_TRY(removed);
    if (removed->accessors.isEmpty())
        return removed;
    for (const std::string& sql : deletesOfTokenRows("IN (SELECT id FROM doomed)"))
        TESSERA_TRY(m_db.exec(sql));
    TESSERA_TRY(m_db.exec("DELETE FROM tokens WHERE id IN (SELECT id FROM doomed);"
                          "DELETE FROM doomed;"));
    return removed;
}

Result<qint64> Revocation::purgeChunk(int rows)
{
    // The chunk: the marked ids up to the rows-th lowest. Deleting from
    // `revoked` last keeps every row of the chunk invisible until it is gone.
    auto last = m_db.query("SELECT max(id), count(*) FROM (SELECT id FROM revoked ORDER BY id "
                           "LIMIT ?)");
    TESSERA_TRY(last);
    last->bind(1, std::max(1, rows));
    auto row = last->next();
    TESSERA_TRY(row);
    const qint64 count = last->int64(1);
    if (count == 0)
        return qint64(0);
    const qint64 upTo = last->int64(0);
    std::vector<std::string> deletes =
        deletesOfTokenRows("IN (SELECT id FROM revoked WHERE id <= ?)");
    deletes.emplace_back("DELETE FROM tokens WHERE id IN (SELECT id FROM revoked WHERE id <= ?)");
    deletes.emplace_back("DELETE FROM revoked WHERE id <= ?");
    for (const std::string& sql : deletes) {
        auto remove = m_db.query(sql);
        TESSERA_TRY(remove);
        remove->bind(1, upTo);
        TESSERA_TRY(remove->run());
    }
    return count;
}

Result<qint64> Revocation::pendingPurge()
{
    auto select = m_db.query("SELECT count(*) FROM revoked");
    TESSERA_TRY(select);
    auto row = select->next();
    TESSERA_TRY(row);
    return select->int64(0);
}

Result<QStringList> Revocation::revokeOrphaningChildren(qint64 id)
{
    QStringList orphaned;
    {
        // Marked children are revoked already; the UPDATE below may still
        // orphan them (the purge deletes them all the same).
        auto select =
            m_db.query("SELECT accessor FROM tokens t WHERE parent_id = ? AND" TESSERA_LIVE(
                "t") "ORDER BY id");
        TESSERA_TRY(select);
        select->bind(1, id);
        for (;;) {
            auto row = select->next();
            TESSERA_TRY(row);
            if (!*row)
                break;
            orphaned.append(select->text(0));
        }
    }
    auto release = m_db.query("UPDATE tokens SET parent_id = NULL WHERE parent_id = ?");
    TESSERA_TRY(release);
    release->bind(1, id);
    TESSERA_TRY(release->run());
    for (const std::string& sql : deletesOfTokenRows("= ?")) {
        auto remove = m_db.query(sql);
        TESSERA_TRY(remove);
        remove->bind(1, id);
        TESSERA_TRY(remove->run());
    }
    auto remove = m_db.query("DELETE FROM tokens WHERE id = ?");
    TESSERA_TRY(remove);
    remove->bind(1, id);
    TESSERA_TRY(remove->run());
    return orphaned;
}

} // namespace tessera::engine
