#include "items/TokenTreeModel.h"

#include "engine/TokenEngine.h"
#include "items/TokenText.h"

#include <QBrush>
#include <QColor>
#include <QScopedValueRollback>
#include <QSet>
#include <algorithm>
#include <functional>
#include <unordered_map>

namespace tessera::items {

using engine::Token;
using engine::TokenBrowser;
using engine::TokenOrder;

struct TokenTreeModel::Node
{
    Token token; // empty for the invisible root
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    TokenBrowser::Cursor cursor;       // after the last fetched row
    bool fetched = false;              // a first page was loaded
    bool more = true;                  // another page may follow (meaningful once fetched)
    std::optional<bool> childrenExist; // EXISTS, cached until fetched

    qint64 parentIdForQuery() const { return token.id; }
    void renumberFrom(size_t first)
    {
        for (size_t i = first; i < children.size(); ++i)
            children[i]->row = int(i);
    }
};

namespace {

// Where a sort column's key lives (TokenOrder); "type" sorts by creation, as
// every stored token is a service token.
TokenOrder::Key keyForColumn(int column)
{
    switch (column) {
    case TokenTreeModel::NameColumn:
        return TokenOrder::Key::Name;
    case TokenTreeModel::PoliciesColumn:
        return TokenOrder::Key::Policies;
    case TokenTreeModel::TtlColumn:
    case TokenTreeModel::ExpiresColumn:
        return TokenOrder::Key::Expiry;
    case TokenTreeModel::UsesLeftColumn:
        return TokenOrder::Key::UsesLeft;
    case TokenTreeModel::IssuedByColumn:
        return TokenOrder::Key::IssuedBy;
    default:
        return TokenOrder::Key::Created;
    }
}

bool sameRow(const Token& a, const Token& b)
{
    return a.id == b.id && a.parentAccessor == b.parentAccessor && a.usesLeft == b.usesLeft &&
           a.expireAt == b.expireAt && a.lastRenewal == b.lastRenewal && a.policies == b.policies &&
           a.displayName == b.displayName && a.meta == b.meta && a.issuedBy == b.issuedBy &&
           a.firstUsedAt == b.firstUsedAt && a.lastUsedAt == b.lastUsedAt;
}

} // namespace

TokenTreeModel::TokenTreeModel(engine::TokenEngine& engine, QObject* parent)
    : QAbstractItemModel(parent)
    , m_engine(engine)
    , m_browser(engine.browser())
    , m_root(std::make_unique<Node>())
{
    using engine::TokenEngine;
    connect(&engine, &TokenEngine::tokenCreated, this, &TokenTreeModel::onTokenCreated);
    connect(&engine, &TokenEngine::tokenRenewed, this, &TokenTreeModel::onTokenRenewed);
    connect(&engine, &TokenEngine::tokenUsed, this, &TokenTreeModel::onTokenUsed);
    connect(&engine, &TokenEngine::tokensRevoked, this, &TokenTreeModel::onTokensRevoked);
    connect(&engine, &TokenEngine::tokensOrphaned, this, &TokenTreeModel::onTokensOrphaned);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &TokenTreeModel::tickCountdown);
    m_countdown.start();
}

TokenTreeModel::~TokenTreeModel() = default;

// --- structure -------------------------------------------------------------------

TokenTreeModel::Node* TokenTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex TokenTreeModel::indexOf(const Node* node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node*>(node));
}

QModelIndex TokenTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || parent.column() > 0)
        return {};
    const Node* node = nodeOf(parent);
    if (size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex TokenTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int TokenTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int TokenTreeModel::columnCount(const QModelIndex& parent) const
{
    return parent.column() > 0 ? 0 : ColumnCount;
}

bool TokenTreeModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return false;
    Node* node = nodeOf(parent);
    if (node->fetched)
        return !node->children.empty() || node->more;
    if (node == m_root.get())
        return true; // a page will tell
    if (!node->childrenExist) {
        auto exists = m_browser.hasChildren(node->token.id);
        node->childrenExist = exists.valueOr(false);
    }
    return *node->childrenExist;
}

bool TokenTreeModel::canFetchMore(const QModelIndex& parent) const
{
    // Slots of the change signals (views, QAbstractItemModelTester) may ask for
    // more while rows go in or out; they get it once that change is over.
    if (parent.column() > 0 || m_changing)
        return false;
    const Node* node = nodeOf(parent);
    if (!node->fetched)
        return node == m_root.get() || node->childrenExist.value_or(true);
    return node->more;
}

void TokenTreeModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        fetchPage(nodeOf(parent), m_pageSize);
}

bool TokenTreeModel::fetchPage(Node* node, int limit)
{
    const bool topLevelMatches = node == m_root.get() && !m_filter.isEmpty();
    auto page = topLevelMatches ? m_browser.matching(m_filter, m_order, node->cursor, limit)
                                : m_browser.children(node->token.id, m_order, node->cursor, limit);
    if (!page) {
        node->fetched = true;
        node->more = false;
        Q_EMIT queryFailed(page.error().message);
        return false;
    }
    node->fetched = true;
    node->more = page->more;
    if (!page->tokens.isEmpty())
        node->cursor = page->next;
    // Rows a signal inserted already (before the cursor reached them) stay once.
    QList<Token> fresh;
    fresh.reserve(page->tokens.size());
    for (Token& token : page->tokens) {
        const auto existing = m_nodes.values(token.accessor);
        const bool present = std::any_of(existing.cbegin(), existing.cend(),
                                         [node](const Node* n) { return n->parent == node; });
        if (!present)
            fresh.append(std::move(token));
    }
    if (fresh.isEmpty())
        return true;
    const int first = int(node->children.size());
    const QScopedValueRollback changing(m_changing, true);
    beginInsertRows(indexOf(node), first, first + int(fresh.size()) - 1);
    node->children.reserve(node->children.size() + size_t(fresh.size()));
    for (Token& token : fresh) {
        auto child = std::make_unique<Node>();
        child->token = std::move(token);
        child->parent = node;
        child->row = int(node->children.size());
        registerNode(child.get());
        node->children.push_back(std::move(child));
    }
    endInsertRows();
    return true;
}

void TokenTreeModel::registerNode(Node* node)
{
    m_nodes.insert(node->token.accessor, node);
}

void TokenTreeModel::unregisterSubtree(Node* node)
{
    m_nodes.remove(node->token.accessor, node);
    for (const auto& child : node->children)
        unregisterSubtree(child.get());
}

// --- data --------------------------------------------------------------------------

qint64 TokenTreeModel::nowSeconds() const
{
    return m_engine.clock().nowMs() / 1000;
}

bool TokenTreeModel::expiringSoon(const Token& token) const
{
    const auto left = token.ttlLeft(nowSeconds());
    return left && *left <= m_expiringSoonSeconds;
}

QString TokenTreeModel::displayText(const Token& token, int column) const
{
    switch (column) {
    case NameColumn:
        return token.displayName.isEmpty() ? token.accessor : token.displayName;
    case TypeColumn:
        return token.isRoot()
                   ? tr("root")
                   : (token.type == engine::TokenType::Batch ? tr("batch") : tr("service"));
    case PoliciesColumn:
        return token.policies.join(QLatin1String(", "));
    case TtlColumn: {
        if (token.awaitsFirstUse())
            return tr("not yet used");
        const auto left = token.ttlLeft(nowSeconds());
        return left ? TokenText::duration(*left) : tr("never");
    }
    case UsesLeftColumn:
        return token.hasUseLimit() ? QString::number(token.usesLeft) : tr("unlimited");
    case ExpiresColumn:
        return token.expireAt ? TokenText::localTime(*token.expireAt) : tr("never");
    case IssuedByColumn:
        return token.issuedBy;
    case LastUsedColumn:
        return token.lastUsedAt ? TokenText::localTime(*token.lastUsedAt) : tr("never");
    case MetadataColumn:
        return TokenText::metadataSummary(token);
    default:
        return {};
    }
}

QVariant TokenTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Token& token = nodeOf(index)->token;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(token, index.column());
    case Qt::ToolTipRole:
        // The full text of cells a narrow column cuts off.
        if (index.column() == NameColumn)
            return token.displayName.isEmpty()
                       ? token.accessor
                       : tr("%1\nAccessor: %2").arg(token.displayName, token.accessor);
        if (index.column() == MetadataColumn)
            return TokenText::metadataLines(token);
        if (index.column() == PoliciesColumn)
            return token.policies.join(u'\n');
        return displayText(token, index.column());
    case Qt::ForegroundRole:
        if ((index.column() == TtlColumn || index.column() == ExpiresColumn) && expiringSoon(token))
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TtlColumn || index.column() == UsesLeftColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case AccessorRole:
        return token.accessor;
    case TokenRole:
        return QVariant::fromValue(token);
    case ExpiringSoonRole:
        return expiringSoon(token);
    case TtlSecondsRole: {
        const auto left = token.ttlLeft(nowSeconds());
        return left ? QVariant(*left) : QVariant();
    }
    default:
        return {};
    }
}

QVariant TokenTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case PoliciesColumn:
        return tr("Policies");
    case TtlColumn:
        return tr("TTL left");
    case UsesLeftColumn:
        return tr("Uses left");
    case ExpiresColumn:
        return tr("Expires");
    case IssuedByColumn:
        return tr("Issued by");
    case LastUsedColumn:
        return tr("Last used");
    case MetadataColumn:
        return tr("Metadata");
    default:
        return {};
    }
}

Qt::ItemFlags TokenTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

Token TokenTreeModel::token(const QModelIndex& index) const
{
    return index.isValid() ? nodeOf(index)->token : Token{};
}

QModelIndex TokenTreeModel::indexOfAccessor(const QString& accessor) const
{
    const auto nodes = m_nodes.values(accessor);
    if (nodes.isEmpty())
        return {};
    // Under a filter: the top-level match first.
    const auto top = std::find_if(nodes.cbegin(), nodes.cend(),
                                  [this](const Node* n) { return n->parent == m_root.get(); });
    return indexOf(top != nodes.cend() ? *top : nodes.constLast());
}

qint64 TokenTreeModel::childCount(const QModelIndex& index) const
{
    return m_browser.childCount(nodeOf(index)->token.id).valueOr(-1);
}

qint64 TokenTreeModel::descendantCount(const QModelIndex& index) const
{
    if (!index.isValid())
        return m_browser.statusCounts(nowSeconds()).valueOr({-1, 0}).active;
    return m_browser.descendantCount(nodeOf(index)->token.id).valueOr(-1);
}

// --- countdown ---------------------------------------------------------------------

void TokenTreeModel::tickCountdown()
{
    // One dataChanged per loaded level: views repaint what they show of it.
    const QList<int> roles{Qt::DisplayRole, Qt::ForegroundRole, ExpiringSoonRole, TtlSecondsRole};
    std::vector<const Node*> pending{m_root.get()};
    while (!pending.empty()) {
        const Node* node = pending.back();
        pending.pop_back();
        if (node->children.empty())
            continue;
        Q_EMIT dataChanged(
            createIndex(0, TtlColumn, node->children.front().get()),
            createIndex(int(node->children.size()) - 1, TtlColumn, node->children.back().get()),
            roles);
        for (const auto& child : node->children) {
            if (!child->children.empty())
                pending.push_back(child.get());
        }
    }
}

void TokenTreeModel::setExpiringSoonSeconds(qint64 seconds)
{
    m_expiringSoonSeconds = seconds;
    tickCountdown();
}

// --- sorting, filtering ------------------------------------------------------------

void TokenTreeModel::sort(int column, Qt::SortOrder order)
{
    const TokenOrder wanted{keyForColumn(column), order};
    m_sortColumn = column;
    if (wanted == m_order)
        return;
    m_order = wanted;
    if (!m_root->fetched)
        return;

    const QScopedValueRollback changing(m_changing, true);
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    // Nodes that leave the loaded rows are kept alive until the persistent
    // indexes that point at them have been moved.
    std::vector<std::unique_ptr<Node>> leaving;
    QSet<const Node*> gone;
    const std::function<void(Node*)> markGone = [&](Node* node) {
        gone.insert(node);
        m_nodes.remove(node->token.accessor, node);
        for (const auto& child : node->children)
            markGone(child.get());
    };
    const std::function<void(Node*)> requery = [&](Node* node) {
        if (!node->fetched)
            return;
        const int loaded = std::max(int(node->children.size()), m_pageSize);
        std::unordered_map<QString, std::unique_ptr<Node>> old;
        for (auto& child : node->children)
            old.emplace(child->token.accessor, std::move(child));
        node->children.clear();
        node->cursor = {};
        const bool topLevelMatches = node == m_root.get() && !m_filter.isEmpty();
        auto page = topLevelMatches ? m_browser.matching(m_filter, m_order, {}, loaded)
                                    : m_browser.children(node->token.id, m_order, {}, loaded);
        if (page) {
            node->more = page->more;
            node->cursor = page->next;
            for (Token& token : page->tokens) {
                auto it = old.find(token.accessor);
                std::unique_ptr<Node> child;
                if (it != old.end()) {
                    child = std::move(it->second);
                    old.erase(it);
                    child->token = std::move(token);
                } else {
                    child = std::make_unique<Node>();
                    child->token = std::move(token);
                    child->parent = node;
                    registerNode(child.get());
                }
                node->children.push_back(std::move(child));
            }
        } else {
            node->more = false;
            Q_EMIT queryFailed(page.error().message);
        }
        node->renumberFrom(0);
        for (auto& [accessor, left] : old) {
            markGone(left.get());
            leaving.push_back(std::move(left));
        }
        for (const auto& child : node->children)
            requery(child.get());
    };
    requery(m_root.get());

    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (const QModelIndex& index : persistent) {
        const Node* node = nodeOf(index);
        moved.append(gone.contains(node) ? QModelIndex() : indexOf(node, index.column()));
    }
    changePersistentIndexList(persistent, moved);
    leaving.clear();
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void TokenTreeModel::setFilterText(const QString& text)
{
    const engine::TokenFilter filter(text);
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void TokenTreeModel::reload()
{
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_nodes.clear();
    m_root = std::make_unique<Node>();
    endResetModel();
}

// --- reveal ------------------------------------------------------------------------

QModelIndex TokenTreeModel::revealAccessor(const QString& accessor)
{
    // Bigger pages than scrolling needs: the path may lie deep in a long list.
    constexpr int kRevealPage = 5000;
    const auto findChild = [this](Node* parent, const QString& wanted) -> Node* {
        for (;;) {
            const auto nodes = m_nodes.values(wanted);
            for (Node* n : nodes) {
                if (n->parent == parent)
                    return n;
            }
            if (parent->fetched && !parent->more)
                return nullptr;
            if (!fetchPage(parent, kRevealPage))
                return nullptr;
        }
    };
    if (!m_filter.isEmpty()) {
        // The matches are the top level; reveal among them.
        return indexOf(findChild(m_root.get(), accessor));
    }
    auto path = m_browser.ancestors(accessor);
    if (!path)
        return {};
    Node* node = m_root.get();
    path->append(accessor);
    for (const QString& step : std::as_const(*path)) {
        node = findChild(node, step);
        if (!node)
            return {};
    }
    return indexOf(node);
}

// --- live changes ------------------------------------------------------------------

void TokenTreeModel::onTokenCreated(const Token& token)
{
    placeTokens({token});
}

void TokenTreeModel::onTokenRenewed(const Token& token)
{
    placeTokens({token});
}

void TokenTreeModel::onTokenUsed(const QString& accessor, int usesLeft)
{
    const auto nodes = m_nodes.values(accessor);
    for (Node* node : nodes) {
        if (node->token.usesLeft == usesLeft)
            continue;
        node->token.usesLeft = usesLeft;
        const QModelIndex cell = indexOf(node, UsesLeftColumn);
        Q_EMIT dataChanged(cell, cell);
    }
}

void TokenTreeModel::onTokensRevoked(const QStringList& tops, qint64 count, const QString& reason)
{
    Q_UNUSED(reason)
    // A loaded node's ancestors are loaded, so removing the tops removes every
    // loaded row below them too.
    removeAccessors(tops);
    // Search results stand at the top level, away from their branches: the
    // ones that were below a revoked top are found by asking which remain.
    if (!m_filter.isEmpty() && count > tops.size())
        dropGoneMatches();
}

void TokenTreeModel::dropGoneMatches()
{
    QStringList shown;
    shown.reserve(qsizetype(m_root->children.size()));
    for (const auto& child : m_root->children)
        shown.append(child->token.accessor);
    auto live = m_browser.tokens(shown);
    if (!live) {
        Q_EMIT queryFailed(live.error().message);
        return;
    }
    QSet<QString> remaining;
    for (const Token& token : std::as_const(*live))
        remaining.insert(token.accessor);
    shown.removeIf([&](const QString& accessor) { return remaining.contains(accessor); });
    removeAccessors(shown);
}

void TokenTreeModel::onTokensOrphaned(const QStringList& accessors)
{
    // Their old rows went with the revoked parent: they come back at the top.
    auto tokens = m_browser.tokens(accessors);
    if (!tokens) {
        Q_EMIT queryFailed(tokens.error().message);
        return;
    }
    placeTokens(*tokens);
}

void TokenTreeModel::applyChanges(const TokenBrowser::Changes& changes)
{
    removeAccessors(changes.gone);
    orphanChildrenOf(changes.orphanedBelow);
    placeTokens(changes.current);
}

void TokenTreeModel::orphanChildrenOf(const QStringList& parentAccessors)
{
    QStringList orphans;
    for (const QString& accessor : parentAccessors) {
        const auto nodes = m_nodes.values(accessor);
        for (const Node* node : nodes) {
            for (const auto& child : node->children)
                orphans.append(child->token.accessor);
        }
    }
    removeAccessors(parentAccessors);
    orphans.removeDuplicates();
    if (!orphans.isEmpty())
        onTokensOrphaned(orphans);
}

void TokenTreeModel::removeAccessors(const QStringList& accessors)
{
    QList<Node*> nodes;
    for (const QString& accessor : accessors) {
        const auto found = m_nodes.values(accessor);
        nodes += found;
    }
    if (!nodes.isEmpty())
        removeNodes(nodes);
}

void TokenTreeModel::removeNodes(const QList<Node*>& nodes)
{
    const QSet<Node*> targets(nodes.cbegin(), nodes.cend());
    // A node whose ancestor goes too leaves with that ancestor's subtree.
    QHash<Node*, QList<int>> rowsByParent;
    for (Node* node : targets) {
        bool covered = false;
        for (Node* up = node->parent; up && !covered; up = up->parent)
            covered = targets.contains(up);
        if (!covered)
            rowsByParent[node->parent].append(node->row);
    }
    for (auto it = rowsByParent.begin(); it != rowsByParent.end(); ++it) {
        Node* parent = it.key();
        QList<int>& rows = it.value();
        std::sort(rows.begin(), rows.end());
        // Contiguous runs, last first, so that earlier rows keep their numbers.
        qsizetype end = rows.size();
        while (end > 0) {
            qsizetype start = end - 1;
            while (start > 0 && rows[start - 1] == rows[start] - 1)
                --start;
            const int first = rows[start];
            const int last = rows[end - 1];
            const QScopedValueRollback changing(m_changing, true);
            beginRemoveRows(indexOf(parent), first, last);
            for (int row = first; row <= last; ++row)
                unregisterSubtree(parent->children[size_t(row)].get());
            parent->children.erase(parent->children.begin() + first,
                                   parent->children.begin() + last + 1);
            parent->renumberFrom(size_t(first));
            endRemoveRows();
            end = start;
        }
        if (parent->children.empty() && !parent->more)
            parent->childrenExist = false;
    }
}

void TokenTreeModel::updateNode(Node* node, const Token& token)
{
    if (sameRow(node->token, token))
        return;
    node->token = token;
    Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
}

void TokenTreeModel::placeTokens(const QList<Token>& tokens)
{
    // First the rows whose parent changed (orphaned): they leave their old place.
    QList<Node*> misplaced;
    for (const Token& token : tokens) {
        const auto nodes = m_nodes.values(token.accessor);
        for (Node* node : nodes) {
            const bool topLevel = node->parent == m_root.get();
            const bool fits = topLevel ? (m_filter.isEmpty() ? token.isOrphan() : true)
                                       : node->parent->token.accessor == token.parentAccessor;
            if (!fits)
                misplaced.append(node);
        }
    }
    if (!misplaced.isEmpty())
        removeNodes(misplaced);

    QHash<Node*, QList<Token>> newByParent;
    for (const Token& token : tokens) {
        QList<Node*> parents;
        if (token.isOrphan() && m_filter.isEmpty())
            parents.append(m_root.get());
        if (!m_filter.isEmpty() && m_filter.matches(token))
            parents.append(m_root.get());
        if (!token.isOrphan())
            parents += m_nodes.values(token.parentAccessor);
        const auto existing = m_nodes.values(token.accessor);
        for (Node* parent : std::as_const(parents)) {
            const auto here = std::find_if(existing.cbegin(), existing.cend(),
                                           [parent](const Node* n) { return n->parent == parent; });
            if (here != existing.cend())
                updateNode(*here, token);
            else
                newByParent[parent].append(token);
        }
    }
    for (auto it = newByParent.begin(); it != newByParent.end(); ++it)
        insertSorted(it.key(), std::move(it.value()));
}

void TokenTreeModel::insertSorted(Node* parent, QList<Token> tokens)
{
    if (!parent->fetched) {
        if (parent == m_root.get() || parent->childrenExist.value_or(true)) {
            // Not expanded yet: its rows come with its first page.
            if (parent != m_root.get())
                parent->childrenExist = true;
            return;
        }
        // A view drew it as a leaf, and these are all its children: they are
        // inserted, since a view draws the expander on rowsInserted (it does
        // not ask hasChildren() again on dataChanged).
        parent->fetched = true;
        parent->more = false;
    }
    const auto less = [this](const Token& a, const Token& b) { return m_order.lessThan(a, b); };
    std::sort(tokens.begin(), tokens.end(), less);
    // Positions among the rows loaded before this call; a token past the last
    // loaded row while more pages follow arrives with a later page instead.
    struct Run
    {
        size_t position;
        QList<Token> tokens;
    };
    std::vector<Run> runs;
    for (Token& token : tokens) {
        const auto at = std::lower_bound(parent->children.begin(), parent->children.end(), token,
                                         [this](const std::unique_ptr<Node>& n, const Token& t) {
                                             return m_order.lessThan(n->token, t);
                                         });
        const size_t position = size_t(at - parent->children.begin());
        if (position == parent->children.size() && parent->more)
            break; // sorted: every later token lies past the loaded rows too
        if (runs.empty() || runs.back().position != position)
            runs.push_back({position, {}});
        runs.back().tokens.append(std::move(token));
    }
    size_t offset = 0;
    for (Run& run : runs) {
        const size_t first = run.position + offset;
        const int count = int(run.tokens.size());
        const QScopedValueRollback changing(m_changing, true);
        beginInsertRows(indexOf(parent), int(first), int(first) + count - 1);
        std::vector<std::unique_ptr<Node>> nodes;
        nodes.reserve(size_t(count));
        for (Token& token : run.tokens) {
            auto child = std::make_unique<Node>();
            child->token = std::move(token);
            child->parent = parent;
            registerNode(child.get());
            nodes.push_back(std::move(child));
        }
        parent->children.insert(parent->children.begin() + qsizetype(first),
                                std::make_move_iterator(nodes.begin()),
                                std::make_move_iterator(nodes.end()));
        parent->renumberFrom(first);
        endInsertRows();
        offset += size_t(count);
    }
}

} // namespace tessera::items
