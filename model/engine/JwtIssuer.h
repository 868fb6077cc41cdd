#pragma once

#include "core/Result.h"
#include "crypto/Signature.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tessera::engine {

class KeyRing;

// What a JWT access token says (docs/ARCHITECTURE.md, «JWT access tokens»). Times
// in Unix seconds.
struct JwtClaims
{
    QString issuer;
    QString subject;  // the accessor of the token it was minted for
    QString audience; // the role's client_id
    qint64 issuedAt = 0;
    qint64 ttl = 0; // exp = issuedAt + ttl; must be positive
    QStringList policies;
    // More claims (e.g. a role's template). May not replace the ones above.
    QJsonObject extra;
};

struct IssuedJwt
{
    QString token; // compact JWS; shown to the caller, never stored
    QString jti;
    QString kid;
    qint64 expiresAt = 0;
};

// Mints compact JWS access tokens: header {"alg", "kid", "typ": "JWT"}, claims
// iss, sub, aud, iat, nbf, exp, jti, policies (+ extra), base64url without padding.
class JwtIssuer
{
public:
    explicit JwtIssuer(const KeyRing& keys)
        : m_keys(keys)
    {}

    // Signs with the current key of the named OIDC key (NotFound if none).
    Result<IssuedJwt> issue(const QString& keyName, const JwtClaims& claims) const;

    // The signing step alone: any claims, any key (tests build hostile tokens with it).
    static Result<QString> sign(const crypto::SigningKey& key, const QString& kid,
                                const QJsonObject& claims);
    // The same with a header chosen by the caller.
    static Result<QString> sign(const crypto::SigningKey& key, const QJsonObject& header,
                                const QJsonObject& claims);

    // Claims JwtIssuer sets itself and `extra` may not override.
    static const QStringList& reservedClaims();

private:
    const KeyRing& m_keys;
};

} // namespace tessera::engine
