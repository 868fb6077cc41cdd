#include "engine/Revocation.h"

#include "store/Database.h"

#include <algorithm>
#include <vector>

namespace tessera::engine {

// The doomed tokens go to a temporary table first, so that one recursive walk
// feeds the accessor list, the cubbyhole delete and the token delete. Keyed by
// token id, so that the deletes walk the tokens table in order. No NOT NULL in
// it: see the settings table in Schema.cpp.
namespace {

constexpr std::string_view kPrepareDoomed =
    "CREATE TEMP TABLE IF NOT EXISTS doomed(id INTEGER PRIMARY KEY, accessor TEXT, "
    "depth INTEGER); DELETE FROM doomed;";

} // namespace

Result<QStringList> Revocation::revokeSubtree(qint64 rootId)
{
    TESSERA_TRY(m_db.exec(kPrepareDoomed));
    auto mark = m_db.query(
        "WITH RECURSIVE sub(id, accessor, depth) AS (SELECT id, accessor, 0 FROM tokens "
        "WHERE id = ? UNION ALL SELECT t.id, t.accessor, sub.depth + 1 FROM tokens t JOIN sub "
        "ON t.parent_id = sub.id) INSERT INTO doomed(id, accessor, depth) "
        "SELECT id, accessor, depth FROM sub");
    TESSERA_TRY(mark);
    mark->bind(1, rootId);
    TESSERA_TRY(mark->run());
    return removeMarked();
}

Result<QStringList> Revocation::revokeExpired(qint64 now)
{
    TESSERA_TRY(m_db.exec(kPrepareDoomed));
    // UNION, not UNION ALL: an expired child of an expired parent is reached twice.
    auto mark = m_db.query(
        "WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM tokens WHERE expire_at IS NOT NULL "
        "AND expire_at <= ? UNION SELECT t.id, sub.depth + 1 FROM tokens t JOIN sub ON "
        "t.parent_id = sub.id) INSERT INTO doomed(id, accessor, depth) SELECT s.id, t.accessor, "
        "max(s.depth) FROM sub s JOIN tokens t ON t.id = s.id GROUP BY s.id");
    TESSERA_TRY(mark);
    mark->bind(1, now);
    TESSERA_TRY(mark->run());
    return removeMarked();
}

Result<QStringList> Revocation::revokeUsedUp()
{
    TESSERA_TRY(m_db.exec(kPrepareDoomed));
    // Use-limited tokens have no children; the walk is there in case one ever does.
    TESSERA_TRY(m_db.exec(
        "WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM tokens WHERE num_uses > 0 "
        "AND uses_left <= 0 UNION SELECT t.id, sub.depth + 1 FROM tokens t JOIN sub ON "
        "t.parent_id = sub.id) INSERT INTO doomed(id, accessor, depth) SELECT s.id, t.accessor, "
        "max(s.depth) FROM sub s JOIN tokens t ON t.id = s.id GROUP BY s.id"));
    return removeMarked();
}

Result<QStringList> Revocation::removeMarked()
{
    // Children before parents: deepest first, sorted here rather than by SQL.
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
    QStringList accessors;
    accessors.reserve(qsizetype(marked.size()));
    for (auto& [depth, accessor] : marked)
        accessors.append(std::move(accessor));
    if (accessors.isEmpty())
        return accessors;
    TESSERA_TRY(m_db.exec("DELETE FROM cubbyhole WHERE token_id IN (SELECT id FROM doomed);"
                          "DELETE FROM tokens WHERE id IN (SELECT id FROM doomed);"
                          "DELETE FROM doomed;"));
    return accessors;
}

Result<QStringList> Revocation::revokeOrphaningChildren(qint64 id)
{
    QStringList orphaned;
    {
        auto select = m_db.query("SELECT accessor FROM tokens WHERE parent_id = ? ORDER BY id");
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
    auto cubby = m_db.query("DELETE FROM cubbyhole WHERE token_id = ?");
    TESSERA_TRY(cubby);
    cubby->bind(1, id);
    TESSERA_TRY(cubby->run());
    auto remove = m_db.query("DELETE FROM tokens WHERE id = ?");
    TESSERA_TRY(remove);
    remove->bind(1, id);
    TESSERA_TRY(remove->run());
    return orphaned;
}

} // namespace tessera::engine
