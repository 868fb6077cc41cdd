#pragma once

#include "engine/Token.h"
#include "engine/TokenBrowser.h"
#include "engine/TokenFilter.h"
#include "engine/TokenOrder.h"

#include <QAbstractItemModel>
#include <QMultiHash>
#include <QTimer>
#include <memory>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::items {

// The console's token tree: a lazy QAbstractItemModel over a TokenEngine's store.
//
//     TokenTreeModel model(engine);           // top level: roots and orphans
//     view->setModel(&model);                 // QTreeView: setUniformRowHeights(true)
//     view->setSortingEnabled(true);          // sort() re-queries SQL, keeps expansion
//     model.setFilterText(QStringLiteral("patron-1234"));  // flat list of matches
//     view->setCurrentIndex(model.revealAccessor(accessor)); // loads the path
//
// Children arrive a page (TokenBrowser::kPageSize) at a time through
// canFetchMore()/fetchMore(); hasChildren() is an EXISTS query. The model
// follows the engine's signals (created, renewed, used, revoked, orphaned,
// expired) with row inserts/removes and dataChanged, never a reset, so the
// view keeps selection, expansion and scroll position. Changes by other
// processes reach it through a StoreWatcher (applyChanges()). Every second the
// TTL column gets a dataChanged (the countdown); a view repaints only the rows
// it shows.
//
// With a filter the top level is the flat list of matching tokens from
// anywhere in the store (TokenFilter's rules), each still expandable.
class TokenTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        PoliciesColumn,
        TtlColumn, // TTL left: a live countdown
        UsesLeftColumn,
        ExpiresColumn,
        IssuedByColumn, // who issued it: "cli", "login:alice"
        LastUsedColumn, // minute of the last use; sorts by creation
        MetadataColumn, // "key=value, …"; sorts by creation
        ColumnCount
    };

    enum Role
    {
        AccessorRole = Qt::UserRole + 1, // QString
        TokenRole,                       // engine::Token
        ExpiringSoonRole,                // bool: expires within expiringSoonSeconds()
        TtlSecondsRole,                  // qint64 seconds left; invalid when it never expires
    };

    explicit TokenTreeModel(engine::TokenEngine& engine, QObject* parent = nullptr);
    ~TokenTreeModel() override;

    // --- QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Re-queries every loaded level in SQL; expanded rows stay expanded when
    // they are still among the loaded rows.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // --- the console's own API
    engine::Token token(const QModelIndex& index) const;
    // The loaded row of a token (the first one, under a filter), or invalid.
    QModelIndex indexOfAccessor(const QString& accessor) const;
    // Loads the path from the top level down to the token (pages as needed)
    // and returns its index; invalid when the token is not stored.
    QModelIndex revealAccessor(const QString& accessor);
    // SQL counts for the details pane and the revoke confirmation (-1 on error).
    qint64 childCount(const QModelIndex& index) const;
    qint64 descendantCount(const QModelIndex& index) const;

    // Narrows the tree to the tokens matching `text` (empty: the whole tree).
    void setFilterText(const QString& text);
    QString filterText() const { return m_filter.text(); }

    qint64 expiringSoonSeconds() const { return m_expiringSoonSeconds; }
    void setExpiringSoonSeconds(qint64 seconds);
    // Rows per page (tests use small pages).
    void setPageSize(int rows) { m_pageSize = rows; }

    // Applies changes found in the store (StoreWatcher): removes what went,
    // moves orphans to the top level, inserts, updates. Idempotent.
    void applyChanges(const engine::TokenBrowser::Changes& changes);

public Q_SLOTS:
    // dataChanged on the TTL column of every loaded row (the 1 s timer calls it).
    void tickCountdown();

Q_SIGNALS:
    // A query failed (store error); the model keeps what it had.
    void queryFailed(const QString& message);

private:
    struct Node;

    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node, int column = 0) const;
    qint64 nowSeconds() const;
    bool expiringSoon(const engine::Token& token) const;
    QString displayText(const engine::Token& token, int column) const;

    // The page after `node`'s cursor, appended with beginInsertRows.
    bool fetchPage(Node* node, int limit);
    void registerNode(Node* node);
    void unregisterSubtree(Node* node);
    // Removes the nodes (and their subtrees) in contiguous runs per parent.
    void removeNodes(const QList<Node*>& nodes);
    void removeAccessors(const QStringList& accessors);
    void dropGoneMatches();
    // Updates loaded rows of these tokens in place, moves misplaced ones, and
    // inserts new ones under loaded parents where the sort order puts them.
    void placeTokens(const QList<engine::Token>& tokens);
    void insertSorted(Node* parent, QList<engine::Token> tokens);
    void updateNode(Node* node, const engine::Token& token);
    // Orphans of revoked tokens: their loaded rows become top-level rows.
    void orphanChildrenOf(const QStringList& parentAccessors);

    void onTokenCreated(const engine::Token& token);
    void onTokenRenewed(const engine::Token& token);
    void onTokenUsed(const QString& accessor, int usesLeft);
    void onTokensRevoked(const QStringList& tops, qint64 count, const QString& reason);
    void onTokensOrphaned(const QStringList& accessors);

    void reload(); // after a filter change: a reset, the only one

    engine::TokenEngine& m_engine;
    engine::TokenBrowser m_browser;
    std::unique_ptr<Node> m_root;
    QMultiHash<QString, Node*> m_nodes; // accessor -> loaded rows (several under a filter)
    engine::TokenOrder m_order;
    engine::TokenFilter m_filter;
    int m_sortColumn = -1;
    int m_pageSize = engine::TokenBrowser::kPageSize;
    qint64 m_expiringSoonSeconds = 3600;
    bool m_changing = false; // between a begin...() and its end...()
    QTimer m_countdown;
};

} // namespace tessera::items
