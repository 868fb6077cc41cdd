#pragma once

#include "engine/Token.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace tessera::engine {

// Who performs an engine operation. API requests carry the authenticated
// token's identity; the console and the CLI act as the store owner, who holds
// the passphrase and therefore every power of root.
struct Caller
{
    QString accessor; // the calling token's accessor; empty for the owner and batch tokens
    QStringList policies;
    QString client; // "console", "cli", "api:<address>"
    QString requestId;
    bool owner = false;
    bool batch = false; // the calling token is a batch token
    bool useLimited = false;
    qint64 tokenId = 0;  // row of the calling service token (cubbyhole owner)
    qint64 expireAt = 0; // 0: never (bounds JWT lifetimes)
    // This request used the token's last use: TokenEngine::completeUse() revokes it.
    bool lastUse = false;
    // The authenticated token as it was when the request began (lookup-self of
    // batch tokens, and of a token on its last use).
    std::shared_ptr<const Token> token;

    bool isRoot() const { return owner || policies.contains(QStringLiteral("root")); }

    static Caller storeOwner(const QString& client)
    {
        Caller caller;
        caller.client = client;
        caller.owner = true;
        caller.policies = {QStringLiteral("root")};
        return caller;
    }
};

} // namespace tessera::engine
