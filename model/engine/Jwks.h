#pragma once

#include "core/Result.h"
#include "engine/VerificationKey.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace tessera::engine {

// The public face of the JWT keys, in Vault's layout: the JWKS served at
// <issuer>/.well-known/keys and the OpenID discovery document served at
// <issuer>/.well-known/openid-configuration, where the issuer is typically
// http(s)://<host>/v1/identity/oidc.
class Jwks
{
public:
    // {"keys": [{kty, crv, x[, y], kid, use: "sig", alg}, ...]}
    static QJsonObject keySet(const QList<VerificationKey>& keys);
    // Reads a JWKS back (what an offline verifier does). Entries that are not
    // EdDSA / ES256 signature keys are skipped; a malformed document or a key
    // whose alg contradicts its curve is an InvalidArgument.
    static Result<QList<VerificationKey>> parse(const QJsonObject& keySet);

    static QString keysUrl(const QString& issuer);
    // issuer, jwks_uri, response_types_supported, subject_types_supported,
    // id_token_signing_alg_values_supported: the fields Vault's document has.
    static QJsonObject openIdConfiguration(const QString& issuer);
};

} // namespace tessera::engine
