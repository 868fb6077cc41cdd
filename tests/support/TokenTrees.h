#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/TokenRequest.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::test {

// A tree of service tokens, as a test needs it: the raw tokens (to validate),
// their accessors and who is whose parent.
struct TokenTree
{
    QStringList tokens;               // raw; tokens[0] is the subtree root
    QStringList accessors;            // accessors[i] belongs to tokens[i]
    QHash<QString, QString> parentOf; // accessor -> parent accessor (the root: where it was put)

    QString rootToken() const { return tokens.value(0); }
    QString rootAccessor() const { return accessors.value(0); }
    qsizetype size() const { return tokens.size(); }
};

// Builds `count` tokens breadth first, `fanout` children per token, level by
// level: one createTokens() transaction per level, so 10k tokens take a few
// calls. The store owner creates them, the root under `parentAccessor` (empty:
// top level). `shape` gives TTL, policies, metadata... to every token.
Result<TokenTree> buildTokenTree(engine::TokenEngine& engine, int count, int fanout,
                                 const engine::TokenRequest& shape = {},
                                 const QString& parentAccessor = {});

} // namespace tessera::test
