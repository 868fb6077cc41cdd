#pragma once

#include "Output.h"
#include "core/Result.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>

namespace tessera::cli {

// `token tree`: a subtree as indented text (one token per line, drawn like
// tree(1)) or as nested JSON. Children are read page by page, so a large
// store is streamed rather than loaded whole.
class TokenTreePrinter
{
public:
    // maxDepth: levels below the starting token(s) to show; < 0 for all.
    TokenTreePrinter(const engine::TokenEngine& engine, qint64 nowSeconds, int maxDepth);

    // Starts at one token, or at the top level (roots and orphans) when null.
    Status printText(const engine::Token* top, const Output& output) const;
    Result<QJsonArray> json(const engine::Token* top) const;

    static QString describe(const engine::Token& token, qint64 nowSeconds);

private:
    Status printChildren(qint64 parentId, const QString& indent, int depth,
                         const Output& output) const;
    Result<QJsonArray> childrenJson(qint64 parentId, int depth) const;
    QString hiddenBelow(const engine::Token& token, int depth) const;

    const engine::TokenEngine& m_engine;
    qint64 m_now;
    int m_maxDepth;
};

} // namespace tessera::cli
