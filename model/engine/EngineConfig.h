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
};

} // namespace tessera::engine
