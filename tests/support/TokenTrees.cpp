#include "support/TokenTrees.h"

#include "engine/TokenEngine.h"

namespace tessera::test {

Result<TokenTree> buildTokenTree(engine::TokenEngine& engine, int count, int fanout,
                                 const engine::TokenRequest& shape, const QString& parentAccessor)
{
    if (count < 1 || fanout < 1)
        return Error::invalid(QStringLiteral("a token tree needs at least one token and a fanout"));
    const engine::Caller owner = engine::Caller::storeOwner(QStringLiteral("test"));
    TokenTree tree;
    // Accessors of the level above and how many children each has been given.
    QStringList parents{parentAccessor};
    while (tree.size() < count) {
        QList<engine::TokenRequest> requests;
        const qsizetype perParent = tree.size() == 0 ? 1 : fanout;
        for (const QString& parent : std::as_const(parents)) {
            for (qsizetype i = 0; i < perParent && tree.size() + requests.size() < count; ++i) {
                engine::TokenRequest request = shape;
                request.parentAccessor = parent;
                request.orphan = false;
                requests.append(request);
            }
        }
        auto created = engine.tokens().createTokens(owner, requests);
        TESSERA_TRY(created);
        parents.clear();
        for (qsizetype i = 0; i < created->size(); ++i) {
            const engine::CreatedToken& token = created->at(i);
            tree.tokens.append(token.token);
            tree.accessors.append(token.info.accessor);
            tree.parentOf.insert(token.info.accessor, token.info.parentAccessor);
            parents.append(token.info.accessor);
        }
    }
    return tree;
}

} // namespace tessera::test
