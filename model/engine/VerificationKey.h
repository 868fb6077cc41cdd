#pragma once

#include "crypto/Signature.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// A published JWT verification key: what a JWKS entry says, plus how long it
// stays published.
struct VerificationKey
{
    QString kid;
    QString keyName; // the named OIDC key it belongs to; empty when read from a JWKS
    crypto::VerifyingKey key;
    std::optional<qint64> expiresAt; // Unix seconds; nullopt for a key still signing

    crypto::SignatureAlgorithm algorithm() const { return key.algorithm(); }
};

// "EdDSA" / "ES256" -> algorithm; anything else (including "none", "HS256",
// other spellings) -> nullopt. The only place JWS algorithm names are parsed.
std::optional<crypto::SignatureAlgorithm> signatureAlgorithmFromJws(QStringView name);

} // namespace tessera::engine
