#include "TokenTreePrinter.h"

#include "TokenView.h"

#include <QJsonObject>

namespace tessera::cli {

TokenTreePrinter::TokenTreePrinter(const engine::TokenEngine& engine, qint64 nowSeconds,
                                   int maxDepth)
    : m_engine(engine)
    , m_now(nowSeconds)
    , m_maxDepth(maxDepth)
{}

QString TokenTreePrinter::describe(const engine::Token& token, qint64 nowSeconds)
{
    const QString name =
        token.displayName.isEmpty() ? QStringLiteral("(no name)") : token.displayName;
    return QStringLiteral("%1  %2  %3  [%4]  %5  %6")
        .arg(name, token.accessor, engine::tokenTypeName(token.type),
             token.policies.join(QLatin1Char(',')), ttlLeftText(token, nowSeconds),
             usesLeftText(token));
}

// At the depth limit a token's descendants are summarised, so a cut tree does
// not look like a complete one.
QString TokenTreePrinter::hiddenBelow(const engine::Token& token, int depth) const
{
    if (m_maxDepth < 0 || depth < m_maxDepth)
        return {};
    const auto count = m_engine.browser().descendantCount(token.id);
    if (!count || *count == 0)
        return {};
    return QStringLiteral("  (+%1 below)").arg(*count);
}

Status TokenTreePrinter::printText(const engine::Token* top, const Output& output) const
{
    if (!top)
        return printChildren(0, {}, 0, output);
    output.line(describe(*top, m_now) + hiddenBelow(*top, 0));
    if (m_maxDepth == 0)
        return {};
    return printChildren(top->id, {}, 1, output);
}

Status TokenTreePrinter::printChildren(qint64 parentId, const QString& indent, int depth,
                                       const Output& output) const
{
    // The top level (no parent) is drawn flush left, like the roots of a forest.
    const bool drawBranches = parentId != 0;
    const engine::TokenBrowser browser = m_engine.browser();
    engine::TokenCursor cursor;
    bool more = true;
    while (more) {
        auto page = browser.children(parentId, {}, cursor);
        if (!page)
            return page.error();
        more = page->more;
        for (qsizetype i = 0; i < page->tokens.size(); ++i) {
            const engine::Token& child = page->tokens.at(i);
            const bool last = !more && i == page->tokens.size() - 1;
            const QString branch = !drawBranches ? QString()
                                   : last        ? QStringLiteral("└── ")
                                                 : QStringLiteral("├── ");
            output.line(indent + branch + describe(child, m_now) + hiddenBelow(child, depth));
            if (m_maxDepth < 0 || depth < m_maxDepth) {
                const QString childIndent = !drawBranches ? indent
                                            : last        ? indent + QStringLiteral("    ")
                                                          : indent + QStringLiteral("│   ");
                TESSERA_TRY(printChildren(child.id, childIndent, depth + 1, output));
            }
        }
        cursor = page->next;
    }
    return {};
}

Result<QJsonArray> TokenTreePrinter::json(const engine::Token* top) const
{
    if (!top)
        return childrenJson(0, 0);
    QJsonObject node = tokenJson(*top, m_now);
    if (m_maxDepth != 0) {
        auto children = childrenJson(top->id, 1);
        if (!children)
            return children.error();
        node.insert(QStringLiteral("children"), *children);
    }
    return QJsonArray{node};
}

Result<QJsonArray> TokenTreePrinter::childrenJson(qint64 parentId, int depth) const
{
    QJsonArray nodes;
    const engine::TokenBrowser browser = m_engine.browser();
    engine::TokenCursor cursor;
    bool more = true;
    while (more) {
        auto page = browser.children(parentId, {}, cursor);
        if (!page)
            return page.error();
        more = page->more;
        for (const engine::Token& child : page->tokens) {
            QJsonObject node = tokenJson(child, m_now);
            if (m_maxDepth < 0 || depth < m_maxDepth) {
                auto children = childrenJson(child.id, depth + 1);
                if (!children)
                    return children.error();
                node.insert(QStringLiteral("children"), *children);
            }
            nodes.append(node);
        }
        cursor = page->next;
    }
    return nodes;
}

} // namespace tessera::cli
