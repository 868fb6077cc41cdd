#include "engine/JwtIssuer.h"

#include "crypto/Random.h"
#include "engine/Base64Url.h"
#include "engine/KeyRing.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::engine {
namespace {

// 22 base62 characters: ~131 bits, unguessable and unique without a registry.
constexpr int kJtiLength = 22;

QByteArray segment(const QJsonObject& object)
{
    return base64UrlEncode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

const QStringList& JwtIssuer::reservedClaims()
{
    static const QStringList names{
        QStringLiteral("iss"), QStringLiteral("sub"),      QStringLiteral("aud"),
        QStringLiteral("iat"), QStringLiteral("nbf"),      QStringLiteral("exp"),
        QStringLiteral("jti"), QStringLiteral("policies"),
    };
    return names;
}

Result<QString> JwtIssuer::sign(const crypto::SigningKey& key, const QJsonObject& header,
                                const QJsonObject& claims)
{
    QByteArray signingInput = segment(header);
    signingInput.append('.');
    signingInput.append(segment(claims));
    const auto signature = key.sign(signingInput);
    if (!signature.ok())
        return signature.error();
    signingInput.append('.');
    signingInput.append(base64UrlEncode(signature.value()));
    return QString::fromLatin1(signingInput);
}

Result<QString> JwtIssuer::sign(const crypto::SigningKey& key, const QString& kid,
                                const QJsonObject& claims)
{
    const QJsonObject header{
        {QStringLiteral("alg"), crypto::jwsName(key.algorithm())},
        {QStringLiteral("kid"), kid},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
    };
    return sign(key, header, claims);
}

Result<IssuedJwt> JwtIssuer::issue(const QString& keyName, const JwtClaims& claims) const
{
    if (claims.ttl <= 0)
        return Error::invalid(QStringLiteral("A JWT needs a positive TTL."));
    if (claims.issuer.isEmpty() || claims.audience.isEmpty())
        return Error::invalid(QStringLiteral("A JWT needs an issuer and an audience."));
    for (const QString& name : reservedClaims()) {
        if (claims.extra.contains(name))
            return Error::invalid(
                QStringLiteral("The claim \"%1\" is reserved and cannot be set.").arg(name));
    }

    const auto signer = m_keys.signingKey(keyName);
    if (!signer.ok())
        return signer.error();

    IssuedJwt issued;
    issued.jti = crypto::randomBase62(kJtiLength);
    issued.kid = signer->kid;
    issued.expiresAt = claims.issuedAt + claims.ttl;

    QJsonObject payload = claims.extra;
    payload.insert(QStringLiteral("iss"), claims.issuer);
    payload.insert(QStringLiteral("sub"), claims.subject);
    payload.insert(QStringLiteral("aud"), claims.audience);
    payload.insert(QStringLiteral("iat"), claims.issuedAt);
    payload.insert(QStringLiteral("nbf"), claims.issuedAt);
    payload.insert(QStringLiteral("exp"), issued.expiresAt);
    payload.insert(QStringLiteral("jti"), issued.jti);
    payload.insert(QStringLiteral("policies"), QJsonArray::fromStringList(claims.policies));

    auto token = sign(*signer->key, signer->kid, payload);
    if (!token.ok())
        return token.error();
    issued.token = std::move(token.value());
    return issued;
}

} // namespace tessera::engine
