#include "support/SoftAuthenticator.h"

#include "crypto/Random.h"
#include "crypto/Sha256.h"
#include "engine/Base64Url.h"
#include "engine/CoseKey.h"
#include "engine/SecurityKeyService.h"
#include "engine/TokenEngine.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonDocument>
#include <QtEndian>

namespace tessera::test {

using engine::base64UrlEncode;

namespace {

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(base64UrlEncode(bytes));
}

crypto::SigningKey generated(crypto::SignatureAlgorithm algorithm)
{
    auto key = crypto::SigningKey::generate(algorithm);
    Q_ASSERT(key.ok());
    return std::move(key).value();
}

} // namespace

SoftAuthenticator::SoftAuthenticator(crypto::SignatureAlgorithm algorithm, QString pageOrigin)
    : credentialId(crypto::randomBytes(16))
    , origin(std::move(pageOrigin))
    , m_key(generated(algorithm))
{}

SoftAuthenticator::SoftAuthenticator(crypto::SigningKey key, QString pageOrigin)
    : credentialId(crypto::randomBytes(16))
    , origin(std::move(pageOrigin))
    , m_key(std::move(key))
{}

QByteArray SoftAuthenticator::clientData(const QString& type, const QJsonObject& options) const
{
    QJsonObject data{{QStringLiteral("type"), type},
                     {QStringLiteral("challenge"), options.value(u"challenge").toString()},
                     {QStringLiteral("origin"), origin},
                     {QStringLiteral("crossOrigin"), crossOrigin}};
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

QByteArray SoftAuthenticator::rpIdHash(const QString& optionsRpId) const
{
    return crypto::Sha256::digest({(rpId.isEmpty() ? optionsRpId : rpId).toUtf8()});
}

QByteArray SoftAuthenticator::flagsAndCounter(quint8 extraFlags) const
{
    QByteArray bytes(5, '\0');
    bytes[0] = char((userPresent ? 0x01 : 0x00) | (userVerified ? 0x04 : 0x00) | extraFlags);
    qToBigEndian<quint32>(counter, bytes.data() + 1);
    return bytes;
}

QByteArray SoftAuthenticator::coseKey() const
{
    return engine::CoseKey::encode(m_key.verifyingKey());
}

QJsonObject SoftAuthenticator::create(const QJsonObject& options)
{
    const QString optionsRpId = options.value(u"rp").toObject().value(u"id").toString();
    QByteArray authData = rpIdHash(optionsRpId) + flagsAndCounter(0x40);
    authData += QByteArray(16, '\0'); // AAGUID, zero under "none" attestation
    QByteArray length(2, '\0');
    qToBigEndian<quint16>(quint16(credentialId.size()), length.data());
    authData += length + credentialId + coseKey();

    QCborMap attestation;
    attestation.insert(QStringLiteral("fmt"), QStringLiteral("none"));
    attestation.insert(QStringLiteral("attStmt"), QCborMap());
    attestation.insert(QStringLiteral("authData"), authData);
    return {{QStringLiteral("id"), b64(credentialId)},
            {QStringLiteral("rawId"), b64(credentialId)},
            {QStringLiteral("type"), QStringLiteral("public-key")},
            {QStringLiteral("response"),
             QJsonObject{
                 {QStringLiteral("clientDataJSON"),
                  b64(clientData(QStringLiteral("webauthn.create"), options))},
                 {QStringLiteral("attestationObject"), b64(attestation.toCborValue().toCbor())}}}};
}

QByteArray SoftAuthenticator::sign(QByteArrayView authenticatorData,
                                   QByteArrayView clientDataJson) const
{
    auto signature =
        m_key.sign(authenticatorData.toByteArray() + crypto::Sha256::digest({clientDataJson}));
    Q_ASSERT(signature.ok());
    if (m_key.algorithm() == crypto::SignatureAlgorithm::Es256)
        return crypto::es256SignatureToDer(*signature);
    return *signature;
}

QJsonObject SoftAuthenticator::get(const QJsonObject& options)
{
    ++counter;
    const QByteArray authData = rpIdHash(options.value(u"rpId").toString()) + flagsAndCounter(0);
    const QByteArray data = clientData(QStringLiteral("webauthn.get"), options);
    const QByteArray wire = sign(authData, data);
    return {{QStringLiteral("id"), b64(credentialId)},
            {QStringLiteral("rawId"), b64(credentialId)},
            {QStringLiteral("type"), QStringLiteral("public-key")},
            {QStringLiteral("response"),
             QJsonObject{{QStringLiteral("clientDataJSON"), b64(data)},
                         {QStringLiteral("authenticatorData"), b64(authData)},
                         {QStringLiteral("signature"), b64(wire)}}}};
}

Result<engine::SecurityKey> registerSoftKey(engine::TokenEngine& engine,
                                            const engine::Caller& caller, SoftAuthenticator& key,
                                            const QString& user, const QString& label,
                                            const engine::RelyingParty& rp)
{
    auto options = engine.securityKeys().registrationOptions(caller, user, rp);
    TESSERA_TRY(options);
    auto response = engine::RegistrationResponse::fromJson(key.create(*options));
    TESSERA_TRY(response);
    return engine.securityKeys().registerKey(caller, user, label, rp, *response);
}

} // namespace tessera::test
