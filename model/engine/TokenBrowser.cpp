#include "engine/TokenBrowser.h"

#include "engine/TokenRecords.h"
#include "engine/TokenResolver.h"
#include "store/Store.h"
#include "store/Transaction.h"

namespace tessera::engine {
namespace {

void bindKey(store::Query& query, int index, const QVariant& key)
{
    if (key.typeId() == QMetaType::QString)
        query.bind(index, key.toString());
    else
        query.bind(index, key.toLongLong());
}

// "AND <after the cursor>" for a keyset page, and the ORDER BY ... LIMIT ?.
std::string keysetTail(const TokenOrder& order, bool hasCursor)
{
    const bool ascending = order.direction == Qt::AscendingOrder;
    const std::string cmp = ascending ? " > ?" : " < ?";
    const std::string dir = ascending ? " ASC" : " DESC";
    const std::string key = order.sqlKey();
    std::string sql;
    if (hasCursor) {
        if (order.key == TokenOrder::Key::Created)
            sql += " AND t.id" + cmp;
        else
            sql += " AND (" + key + cmp + " OR (" + key + " = ? AND t.id" + cmp + "))";
    }
    if (order.key == TokenOrder::Key::Created)
        sql += " ORDER BY t.id" + dir;
    else
        sql += " ORDER BY " + key + dir + ", t.id" + dir;
    return sql + " LIMIT ?";
}

int bindCursor(store::Query& query, int index, const TokenOrder& order,
               const TokenBrowser::Cursor& after)
{
    if (after.atStart())
        return index;
    if (order.key != TokenOrder::Key::Created) {
        bindKey(query, index++, after.key);
        bindKey(query, index++, after.key);
    }
    query.bind(index++, after.id);
    return index;
}

Result<TokenBrowser::Page> readPage(store::Query& query, const TokenOrder& order, int limit)
{
    TokenBrowser::Page page;
    for (;;) {
        auto row = query.next();
        TESSERA_TRY(row);
        if (!*row)
            break;
        page.tokens.append(TokenRecords::fromRow(query));
    }
    // One row more than asked tells whether another page follows.
    page.more = page.tokens.size() > limit;
    if (page.more)
        page.tokens.removeLast();
    if (!page.tokens.isEmpty())
        page.next = {order.keyOf(page.tokens.constLast()), page.tokens.constLast().id};
    return page;
}

Result<qint64> countOf(store::Database& db, std::string_view sql, qint64 id)
{
    auto select = db.query(sql);
    TESSERA_TRY(select);
    if (id > 0)
        select->bind(1, id);
    auto row = select->next();
    TESSERA_TRY(row);
    return *row ? select->int64(0) : 0;
}

} // namespace

Result<TokenBrowser::Page> TokenBrowser::children(qint64 parentId, const TokenOrder& order,
                                                  const Cursor& after, int limit) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    // Two statements rather than `parent_id IS ?`, which would not use the index.
    const std::string sql =
        std::string(TokenRecords::kSelectTokens) +
        (parentId > 0 ? "WHERE t.parent_id = ? AND" : "WHERE t.parent_id IS NULL AND") +
        TokenRecords::kLive + keysetTail(order, !after.atStart());
    auto select = lease->db().query(sql);
    TESSERA_TRY(select);
    int index = 1;
    if (parentId > 0)
        select->bind(index++, parentId);
    index = bindCursor(*select, index, order, after);
    select->bind(index, limit + 1);
    return readPage(*select, order, limit);
}

Result<TokenBrowser::Page> TokenBrowser::matching(const TokenFilter& filter,
                                                  const TokenOrder& order, const Cursor& after,
                                                  int limit) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    const std::string sql = std::string(TokenRecords::kSelectTokens) + "WHERE " +
                            (filter.isEmpty() ? "1" : TokenFilter::kSqlCondition) + " AND" +
                            TokenRecords::kLive + keysetTail(order, !after.atStart());
    auto select = lease->db().query(sql);
    TESSERA_TRY(select);
    int index = 1;
    if (!filter.isEmpty()) {
        filter.bind(*select, index);
        index += TokenFilter::kBindings;
    }
    index = bindCursor(*select, index, order, after);
    select->bind(index, limit + 1);
    return readPage(*select, order, limit);
}

Result<QList<TokenBrowser::Match>> TokenBrowser::search(const TokenFilter& filter, int limit) const
{
    QList<Match> matches;
    if (filter.isEmpty())
        return matches;
    auto page = matching(filter, {}, {}, limit);
    TESSERA_TRY(page);
    for (const Token& token : std::as_const(page->tokens)) {
        auto path = ancestors(token.accessor);
        if (!path)
            continue; // revoked in between
        matches.append({token, *path});
    }
    return matches;
}

Result<bool> TokenBrowser::hasChildren(qint64 id) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    auto count = countOf(
        lease->db(),
        "SELECT EXISTS(SELECT 1 FROM tokens t WHERE parent_id = ? AND" TESSERA_LIVE("t") ")", id);
    TESSERA_TRY(count);
    return *count != 0;
}

Result<qint64> TokenBrowser::childCount(qint64 parentId) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    return parentId > 0
               ? countOf(lease->db(),
                         "SELECT count(*) FROM tokens t WHERE parent_id = ? AND" TESSERA_LIVE("t"),
                         parentId)
               : countOf(
                     lease->db(),
                     "SELECT count(*) FROM tokens t WHERE parent_id IS NULL AND" TESSERA_LIVE("t"),
                     0);
}

Result<qint64> TokenBrowser::descendantCount(qint64 id) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    return TokenRecords(lease->db()).descendantCount(id);
}

Result<qint64> TokenBrowser::descendantCount(const QString& accessor) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    TokenRecords records(lease->db());
    auto id = records.idOfAccessor(accessor);
    TESSERA_TRY(id);
    if (!id->has_value())
        return TokenResolver::notFound();
    return records.descendantCount(**id);
}

Result<qint64> TokenBrowser::count() const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    return TokenRecords(lease->db()).count();
}

Result<std::optional<Token>> TokenBrowser::token(const QString& accessor) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    return TokenRecords(lease->db()).findByAccessor(accessor);
}

Result<QStringList> TokenBrowser::ancestors(const QString& accessor) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    auto select = lease->db().query(
        "WITH RECURSIVE up(id, parent_id, accessor, depth) AS ("
        "SELECT id, parent_id, accessor, 0 FROM tokens t WHERE accessor = ? "
        "AND" TESSERA_LIVE("t") "UNION ALL SELECT p.id, p.parent_id, p.accessor, up.depth + 1 "
                                "FROM tokens p JOIN up ON p.id = up.parent_id) "
                                "SELECT accessor FROM up ORDER BY depth DESC");
    TESSERA_TRY(select);
    select->bind(1, accessor);
    QStringList path;
    for (;;) {
        auto row = select->next();
        TESSERA_TRY(row);
        if (!*row)
            break;
        path.append(select->text(0));
    }
    if (path.isEmpty())
        return Error::notFound(QStringLiteral("no such token, or it has expired or been revoked"));
    path.removeLast(); // the token itself
    return path;
}

Result<TokenBrowser::StatusCounts> TokenBrowser::statusCounts(qint64 nowSeconds,
                                                              qint64 windowSeconds) const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    store::Database& db = lease->db();
    store::Transaction snapshot(db, store::Transaction::Mode::Deferred);
    TESSERA_TRY(snapshot.begun());
    StatusCounts counts;
    auto active = TokenRecords(db).count();
    TESSERA_TRY(active);
    counts.active = *active;
    // Written so that the partial index tokens_by_expiry answers it.
    auto soon = db.query("SELECT count(*) FROM tokens t WHERE expire_at IS NOT NULL "
                         "AND expire_at > ? AND expire_at <= ? AND" TESSERA_LIVE("t"));
    TESSERA_TRY(soon);
    soon->bind(1, nowSeconds).bind(2, nowSeconds + windowSeconds);
    auto row = soon->next();
    TESSERA_TRY(row);
    counts.expiringSoon = soon->int64(0);
    return counts;
}

Result<QList<Token>> TokenBrowser::tokens(const QStringList& accessors) const
{
    QList<Token> found;
    if (accessors.isEmpty())
        return found;
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    // SQLite 3.15 allows 999 bound variables per statement.
    constexpr int kChunk = 500;
    for (qsizetype start = 0; start < accessors.size(); start += kChunk) {
        const qsizetype n = std::min<qsizetype>(kChunk, accessors.size() - start);
        std::string sql = std::string(TokenRecords::kSelectTokens) + "WHERE" + TokenRecords::kLive +
                          "AND t.accessor IN (?";
        for (qsizetype i = 1; i < n; ++i)
            sql += ",?";
        sql += ")";
        auto select = lease->db().query(sql);
        TESSERA_TRY(select);
        for (qsizetype i = 0; i < n; ++i)
            select->bind(int(i + 1), accessors.at(start + i));
        for (;;) {
            auto row = select->next();
            TESSERA_TRY(row);
            if (!*row)
                break;
            found.append(TokenRecords::fromRow(*select));
        }
    }
    return found;
}

Result<qint64> TokenBrowser::lastAuditSequence() const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    return countOf(lease->db(), "SELECT IFNULL(max(seq), 0) FROM audit", 0);
}

Result<TokenBrowser::Changes> TokenBrowser::changesSince(qint64 sequence, int limit) const
{
    Changes changes;
    changes.lastSequence = sequence;
    QStringList touched;
    {
        auto lease = m_store.acquire();
        TESSERA_TRY(lease);
        // One snapshot: the jump to max(seq) below must not pass a record
        // committed between the two statements.
        store::Transaction snapshot(lease->db(), store::Transaction::Mode::Deferred);
        TESSERA_TRY(snapshot.begun());
        // User records name no token; they are read for `users`.
        auto select = lease->db().query(
            "SELECT seq, operation, targets FROM audit WHERE seq > ? AND outcome = 'ok' "
            "AND (targets <> '' OR operation GLOB 'user.*') ORDER BY seq LIMIT ?");
        TESSERA_TRY(select);
        select->bind(1, sequence).bind(2, limit);
        int read = 0;
        for (;; ++read) {
            auto row = select->next();
            TESSERA_TRY(row);
            if (!*row)
                break;
            changes.lastSequence = select->int64(0);
            const QString operation = select->text(1);
            const QStringList targets = select->text(2).split(u',', Qt::SkipEmptyParts);
            // A sign-in changes its user too: failures cleared, a key's last use.
            if (operation.startsWith(u"user.") || operation == u"login")
                changes.users = true;
            if (operation == u"token.revoke" || operation == u"token.expire" ||
                operation == u"token.use-limit" || operation == u"token.revoke-matching")
                changes.gone += targets;
            else if (operation == u"token.revoke-orphan")
                changes.orphanedBelow += targets;
            else
                touched += targets; // created, renewed, used, logged in, ...
        }
        // Records left out above (policy changes...) still move the sequence
        // on, once every record up to the last has been read.
        auto last = countOf(lease->db(), "SELECT IFNULL(max(seq), 0) FROM audit", 0);
        TESSERA_TRY(last);
        if (read<limit&& * last> changes.lastSequence)
            changes.lastSequence = *last;
    }
    touched.removeDuplicates();
    auto current = tokens(touched);
    TESSERA_TRY(current);
    changes.current = std::move(*current);
    // A token created and revoked within the window is gone, not current.
    return changes;
}

} // namespace tessera::engine
