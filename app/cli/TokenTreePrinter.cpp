#include "TokenTreePrinter.h"

#include "TokenView.h"

#include <QJsonObject>

namespace tessera::cli {
namespace {

constexpr int kPageSize = 500;

} // namespace

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
    const auto count = m_engine.descendantCount(token.accessor);
    if (!count || *count == 0)
        return {};
    return QStringLiteral("  (+%1 below)").arg(*count);
}

Status TokenTreePrinter::printText(const engine::Token* top, const Output& output) const
{
    if (!top)
        return printChildren({}, {}, 0, output);
    output.line(describe(*top, m_now) + hiddenBelow(*top, 0));
    if (m_maxDepth == 0)
        return {};
    return printChildren(top->accessor, {}, 1, output);
}

Status TokenTreePrinter::printChildren(const QString& parentAccessor, const QString& indent,
                                       int depth, const Output& output) const
{
    // The top level (no parent) is drawn flush left, like the roots of a forest.
    const bool drawBranches = !parentAccessor.isEmpty();
    qint64 afterId = 0;
    bool more = true;
    while (more) {
        auto page = m_engine.children(parentAccessor, afterId, kPageSize);
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
                TESSERA_TRY(printChildren(child.accessor, childIndent, depth + 1, output));
            }
            afterId = child.id;
        }
    }
    return {};
}

Result<QJsonArray> TokenTreePrinter::json(const engine::Token* top) const
{
    if (!top)
        return childrenJson({}, 0);
    QJsonObject node = tokenJson(*top, m_now);
    if (m_maxDepth != 0) {
        auto children = childrenJson(top->accessor, 1);
        if (!children)
            return children.error();
        node.insert(QStringLiteral("children"), *children);
    }
    return QJsonArray{node};
}

Result<QJsonArray> TokenTreePrinter::childrenJson(const QString& parentAccessor, int depth) const
{
    QJsonArray nodes;
    qint64 afterId = 0;
    bool more = true;
    while (more) {
        auto page = m_engine.children(parentAccessor, afterId, kPageSize);
        if (!page)
            return page.error();
        more = page->more;
        for (const engine::Token& child : page->tokens) {
            QJsonObject node = tokenJson(child, m_now);
            if (m_maxDepth < 0 || depth < m_maxDepth) {
                auto children = childrenJson(child.accessor, depth + 1);
                if (!children)
                    return children.error();
                node.insert(QStringLiteral("children"), *children);
            }
            nodes.append(node);
            afterId = child.id;
        }
    }
    return nodes;
}

} // namespace tessera::cli
