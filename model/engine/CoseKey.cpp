#include "engine/CoseKey.h"

#include "engine/Base64Url.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QJsonObject>

namespace tessera::engine {
namespace {

// COSE_Key labels and values (IANA "COSE Key Common Parameters" and "COSE
// Elliptic Curves").
constexpr qint64 kLabelKty = 1;
constexpr qint64 kLabelAlg = 3;
constexpr qint64 kLabelCrv = -1;
constexpr qint64 kLabelX = -2;
constexpr qint64 kLabelY = -3;
constexpr qint64 kKtyOkp = 1;
constexpr qint64 kKtyEc2 = 2;
constexpr qint64 kCrvP256 = 1;
constexpr qint64 kCrvEd25519 = 6;

Error unsupported(const QString& why)
{
    return Error::invalid(
        QStringLiteral("the security key's public key is not usable: %1").arg(why));
}

bool isInteger(const QCborValue& value, qint64 expected)
{
    return value.isInteger() && value.toInteger() == expected;
}

} // namespace

Result<crypto::VerifyingKey> CoseKey::parse(const QCborMap& key)
{
    const QCborValue alg = key.value(kLabelAlg);
    const QCborValue x = key.value(kLabelX);
    if (!x.isByteArray())
        return unsupported(QStringLiteral("no x coordinate"));
    QJsonObject jwk{{QStringLiteral("x"), QString::fromLatin1(base64UrlEncode(x.toByteArray()))}};
    if (isInteger(alg, kEs256)) {
        if (!isInteger(key.value(kLabelKty), kKtyEc2) || !isInteger(key.value(kLabelCrv), kCrvP256))
            return unsupported(QStringLiteral("ES256 needs an EC2 key on P-256"));
        const QCborValue y = key.value(kLabelY);
        if (!y.isByteArray())
            return unsupported(QStringLiteral("no y coordinate"));
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        jwk.insert(QStringLiteral("y"), QString::fromLatin1(base64UrlEncode(y.toByteArray())));
    } else if (isInteger(alg, kEdDsa)) {
        if (!isInteger(key.value(kLabelKty), kKtyOkp) ||
            !isInteger(key.value(kLabelCrv), kCrvEd25519))
            return unsupported(QStringLiteral("EdDSA needs an OKP key on Ed25519"));
        jwk.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
    } else {
        return unsupported(QStringLiteral("only ES256 (-7) and EdDSA (-8) are accepted"));
    }
    auto parsed = crypto::VerifyingKey::fromJwk(jwk);
    if (!parsed)
        return unsupported(QStringLiteral("the point is not a valid key"));
    return parsed;
}

Result<crypto::VerifyingKey> CoseKey::parse(QByteArrayView cbor)
{
    QCborStreamReader reader(cbor.data(), cbor.size());
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError || !value.isMap() ||
        reader.currentOffset() != cbor.size())
        return unsupported(QStringLiteral("not one CBOR map"));
    return parse(value.toMap());
}

QByteArray CoseKey::encode(const crypto::VerifyingKey& key)
{
    const QJsonObject jwk = key.jwk();
    const auto coordinate = [&](QStringView name) {
        return base64UrlDecode(jwk.value(name).toString().toLatin1()).value_or(QByteArray());
    };
    QCborMap map;
    if (key.algorithm() == crypto::SignatureAlgorithm::Es256) {
        map.insert(kLabelKty, kKtyEc2);
        map.insert(kLabelAlg, kEs256);
        map.insert(kLabelCrv, kCrvP256);
        map.insert(kLabelX, coordinate(u"x"));
        map.insert(kLabelY, coordinate(u"y"));
    } else {
        map.insert(kLabelKty, kKtyOkp);
        map.insert(kLabelAlg, kEdDsa);
        map.insert(kLabelCrv, kCrvEd25519);
        map.insert(kLabelX, coordinate(u"x"));
    }
    return map.toCborValue().toCbor();
}

} // namespace tessera::engine
