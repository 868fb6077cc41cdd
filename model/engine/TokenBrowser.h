#pragma once

#include "core/Result.h"
#include "engine/Token.h"
#include "engine/TokenFilter.h"
#include "engine/TokenOrder.h"

#include <QList>
#include <QStringList>
#include <QVariant>

namespace tessera::store {
class Store;
class Database;
} // namespace tessera::store

namespace tessera::engine {

// Where the next page of a TokenBrowser listing starts: after (key, id) in the
// listing's order.
struct TokenCursor
{
    QVariant key;
    qint64 id = 0; // 0: from the start
    bool atStart() const { return id == 0; }
};

// Read-only queries for browsing a store of a million tokens (the console's
// tree, search bar and status bar). Every call takes a pooled connection and
// answers from indexes or one page at a time:
//
//     TokenBrowser browser = engine.browser();
//     auto page = browser.children(0, order);            // top level: roots and orphans
//     auto next = browser.children(0, order, page->next); // keyset: the page after
//
// Parents are named by row id (Token::id); 0 is the top level.
class TokenBrowser
{
public:
    static constexpr int kPageSize = 500;

    using Cursor = TokenCursor;

    struct Page
    {
        QList<Token> tokens;
        bool more = false; // another page follows
        Cursor next;       // pass to get it
    };

    // A search hit and the accessors of its ancestors, top level first (empty
    // for a top-level token): what a view needs to reveal it.
    struct Match
    {
        Token token;
        QStringList ancestors;
    };

    struct StatusCounts
    {
        qint64 active = 0;       // tokens in the store (expired ones are swept)
        qint64 expiringSoon = 0; // expiring within the window asked for
    };

    // What changed since an audit sequence, from the audit records' targets
    // (every token operation names the accessors it touched) and operations
    // (users'): how a window follows changes made by other processes
    // (StoreWatcher).
    struct Changes
    {
        qint64 lastSequence = 0;
        QStringList gone;          // revoked, expired, used up (subtrees went with them)
        QStringList orphanedBelow; // revoked by revoke-orphan: their children are top level now
        QList<Token> current;      // created, renewed or used: as stored now
        bool users = false;        // users, their second factors or their sign-ins changed
    };

    explicit TokenBrowser(store::Store& store)
        : m_store(store)
    {}

    // Children of `parentId` (0: the top level) sorted in SQL, a page at a time.
    Result<Page> children(qint64 parentId, const TokenOrder& order, const Cursor& after = {},
                          int limit = kPageSize) const;
    // Tokens anywhere in the store that match `filter`, as a flat list in
    // `order`, a page at a time (a full scan per page: the filter bar).
    Result<Page> matching(const TokenFilter& filter, const TokenOrder& order,
                          const Cursor& after = {}, int limit = kPageSize) const;
    // Up to `limit` matches of `filter` with their ancestor paths, in creation
    // order (the search bar's "find and reveal").
    Result<QList<Match>> search(const TokenFilter& filter, int limit = 50) const;

    Result<bool> hasChildren(qint64 id) const;
    Result<qint64> childCount(qint64 parentId) const;
    Result<qint64> descendantCount(qint64 id) const;
    // The same by accessor; NotFound when the token is not stored.
    Result<qint64> descendantCount(const QString& accessor) const;
    // Tokens in the store.
    Result<qint64> count() const;
    Result<std::optional<Token>> token(const QString& accessor) const;
    // Accessors of the token's ancestors, top level first; NotFound when the
    // token is not stored.
    Result<QStringList> ancestors(const QString& accessor) const;
    Result<StatusCounts> statusCounts(qint64 nowSeconds, qint64 windowSeconds = 3600) const;
    // The stored tokens among `accessors` (missing ones are left out), in no
    // particular order.
    Result<QList<Token>> tokens(const QStringList& accessors) const;

    // The last audit sequence (0 for an empty log): cheap, one b-tree descent.
    Result<qint64> lastAuditSequence() const;
    // Changes recorded after `sequence`, at most `limit` records of them.
    Result<Changes> changesSince(qint64 sequence, int limit = 10'000) const;

private:
    store::Store& m_store;
};

} // namespace tessera::engine
