#include "engine/Jwks.h"

#include <QJsonArray>

namespace tessera::engine {

QJsonObject Jwks::keySet(const QList<VerificationKey>& keys)
{
    QJsonArray entries;
    for (const VerificationKey& key : keys) {
        QJsonObject jwk = key.key.jwk();
        jwk.insert(QStringLiteral("kid"), key.kid);
        jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
        jwk.insert(QStringLiteral("alg"), crypto::jwsName(key.algorithm()));
        entries.append(jwk);
    }
    return QJsonObject{{QStringLiteral("keys"), entries}};
}

Result<QList<VerificationKey>> Jwks::parse(const QJsonObject& keySet)
{
    const QJsonValue entries = keySet.value(u"keys");
    if (!entries.isArray())
        return Error::invalid(QStringLiteral("The JWKS has no \"keys\" array."));
    QList<VerificationKey> keys;
    for (const QJsonValue& entry : entries.toArray()) {
        const QJsonObject jwk = entry.toObject();
        const QJsonValue use = jwk.value(u"use");
        if (!use.isUndefined() && use.toString() != u"sig")
            continue;
        const auto algorithm = signatureAlgorithmFromJws(jwk.value(u"alg").toString());
        if (!algorithm)
            continue; // RSA, HMAC, encryption keys: not ours to use
        const QString kid = jwk.value(u"kid").toString();
        if (kid.isEmpty())
            return Error::invalid(QStringLiteral("A key in the JWKS has no key id."));
        auto key = crypto::VerifyingKey::fromJwk(jwk);
        if (!key.ok())
            return Error::invalid(QStringLiteral("Key \"%1\" in the JWKS is malformed.").arg(kid));
        if (key->algorithm() != *algorithm)
            return Error::invalid(
                QStringLiteral("Key \"%1\" in the JWKS names an algorithm its curve does not have.")
                    .arg(kid));
        keys.append(VerificationKey{kid, QString(), std::move(key.value()), std::nullopt});
    }
    return keys;
}

QString Jwks::keysUrl(const QString& issuer)
{
    QString base = issuer;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + QStringLiteral("/.well-known/keys");
}

QJsonObject Jwks::openIdConfiguration(const QString& issuer)
{
    return QJsonObject{
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("jwks_uri"), keysUrl(issuer)},
        // Vault's identity tokens are ID tokens only: no authorization or token endpoint.
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("id_token")}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")}},
        {QStringLiteral("id_token_signing_alg_values_supported"),
         QJsonArray{QStringLiteral("EdDSA"), QStringLiteral("ES256")}},
    };
}

} // namespace tessera::engine
