#pragma once

#include <QString>
#include <QtGlobal>

namespace tessera::engine {

// System-wide limits, Vault's defaults unless the administrator changes them.
struct EngineConfig
{
    qint64 defaultTtl = 32 * 24 * 3600; // a TTL of 0 asks for this
    qint64 maxTtl = 32 * 24 * 3600;     // the system max TTL
    qint64 maxBatchTtl = 32 * 24 * 3600;
    // The `iss` of minted JWTs and the base of the OpenID discovery document.
    QString issuer = QStringLiteral("http://127.0.0.1:8200/v1/identity/oidc");
    // The rows of revoked subtrees are deleted after the revoke, this many per
    // transaction, on a thread of the engine (RevocationPurge); false leaves
    // them to TokenService::purgeRevoked() (tests, tools).
    int purgeChunkRows = 2000;
    bool purgeInBackground = true;
};

} // namespace tessera::engine
