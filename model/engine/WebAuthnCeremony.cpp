#include "engine/WebAuthnCeremony.h"

#include "crypto/ConstantTime.h"
#include "crypto/Sha256.h"
#include "engine/AttestationObject.h"
#include "engine/Base64Url.h"
#include "engine/ClientData.h"
#include "engine/CoseKey.h"

#include <QCborMap>
#include <QCborValue>

namespace tessera::engine {
namespace {

Error refused(const QString& why)
{
    return Error::denied(QStringLiteral("the security key's answer is refused: %1").arg(why));
}

Error malformedJson()
{
    return Error::invalid(QStringLiteral("the security key's answer is not a public-key "
                                         "credential in JSON form"));
}

// The base64url members of a credential's JSON form, strictly decoded.
struct CredentialJson
{
    QByteArray id;
    QJsonObject response;

    static std::optional<CredentialJson> read(const QJsonObject& credential)
    {
        if (credential.value(u"type").toString() != u"public-key")
            return std::nullopt;
        const auto id = base64UrlDecode(credential.value(u"id").toString().toLatin1());
        const QJsonValue rawId = credential.value(u"rawId");
        if (!id || id->isEmpty() || id->size() > AuthenticatorData::kMaxCredentialIdBytes ||
            (!rawId.isUndefined() && rawId.toString() != credential.value(u"id").toString()) ||
            !credential.value(u"response").isObject())
            return std::nullopt;
        return CredentialJson{*id, credential.value(u"response").toObject()};
    }

    std::optional<QByteArray> field(QStringView name) const
    {
        const QJsonValue value = response.value(name);
        if (!value.isString())
            return std::nullopt;
        return base64UrlDecode(value.toString().toLatin1());
    }
};

// §7.1 steps 7-12 and §7.2 steps 11-16: the client data.
Status checkClientData(const RelyingParty& rp, const QByteArray& challenge, QByteArrayView json,
                       QStringView type)
{
    auto data = ClientData::parse(json);
    TESSERA_TRY(data);
    if (data->type != type)
        return refused(QStringLiteral("the browser ran another ceremony (%1)").arg(type));
    if (challenge.isEmpty() || !crypto::constantTimeEquals(data->challenge, challenge))
        return refused(QStringLiteral("the challenge is not the one issued, or was used"));
    if (!rp.origins.contains(data->origin))
        return refused(QStringLiteral("the page's origin is not this library's"));
    if (data->crossOrigin)
        return refused(QStringLiteral("the ceremony ran in a frame of another site"));
    return {};
}

Status checkAuthenticator(const RelyingParty& rp, const AuthenticatorData& data,
                          bool requireUserVerification)
{
    const QByteArray expected = crypto::Sha256::digest({rp.id.toUtf8()});
    if (!crypto::constantTimeEquals(data.rpIdHash, expected))
        return refused(QStringLiteral("the key answered for another site"));
    if (!data.userPresent())
        return refused(QStringLiteral("nobody touched the key"));
    if (requireUserVerification && !data.userVerified())
        return refused(QStringLiteral("the key did not verify its user (PIN or fingerprint)"));
    return {};
}

} // namespace

Result<RegistrationResponse> RegistrationResponse::fromJson(const QJsonObject& credential)
{
    const auto read = CredentialJson::read(credential);
    if (!read)
        return malformedJson();
    const auto clientData = read->field(u"clientDataJSON");
    const auto attestation = read->field(u"attestationObject");
    if (!clientData || !attestation)
        return malformedJson();
    return RegistrationResponse{read->id, *clientData, *attestation};
}

Result<AssertionResponse> AssertionResponse::fromJson(const QJsonObject& credential)
{
    const auto read = CredentialJson::read(credential);
    if (!read)
        return malformedJson();
    const auto clientData = read->field(u"clientDataJSON");
    const auto authenticatorData = read->field(u"authenticatorData");
    const auto signature = read->field(u"signature");
    if (!clientData || !authenticatorData || !signature)
        return malformedJson();
    return AssertionResponse{read->id, *clientData, *authenticatorData, *signature};
}

Result<RegisteredCredential>
WebAuthnCeremony::verifyRegistration(const RelyingParty& rp, const QByteArray& challenge,
                                     const RegistrationResponse& response,
                                     bool requireUserVerification)
{
    TESSERA_TRY(checkClientData(rp, challenge, response.clientDataJson, u"webauthn.create"));
    auto attestation = AttestationObject::parse(response.attestationObject);
    TESSERA_TRY(attestation);
    auto data = AuthenticatorData::parse(attestation->authenticatorData);
    TESSERA_TRY(data);
    TESSERA_TRY(checkAuthenticator(rp, *data, requireUserVerification));
    if (!data->credential)
        return refused(QStringLiteral("no new credential came with it"));
    if (data->credential->credentialId != response.credentialId)
        return refused(QStringLiteral("the credential id does not match the key's"));
    auto key = CoseKey::parse(QByteArrayView(data->credential->publicKey));
    TESSERA_TRY(key);
    RegisteredCredential credential;
    credential.credentialId = data->credential->credentialId;
    credential.publicKey = data->credential->publicKey;
    credential.algorithm =
        key->algorithm() == crypto::SignatureAlgorithm::Es256 ? CoseKey::kEs256 : CoseKey::kEdDsa;
    credential.signCount = data->signCount;
    credential.userVerified = data->userVerified();
    return credential;
}

Result<AuthenticatorData> WebAuthnCeremony::verifyAssertion(const RelyingParty& rp,
                                                            const QByteArray& challenge,
                                                            const AssertionResponse& response,
                                                            const QByteArray& publicKey,
                                                            bool requireUserVerification)
{
    TESSERA_TRY(checkClientData(rp, challenge, response.clientDataJson, u"webauthn.get"));
    auto data = AuthenticatorData::parse(response.authenticatorData);
    TESSERA_TRY(data);
    TESSERA_TRY(checkAuthenticator(rp, *data, requireUserVerification));
    auto key = CoseKey::parse(QByteArrayView(publicKey));
    if (!key)
        return Error{ErrorCode::StoreCorrupt,
                     QStringLiteral("A stored security key cannot be read.")};
    QByteArray signature = response.signature;
    if (key->algorithm() == crypto::SignatureAlgorithm::Es256) {
        auto raw = crypto::es256SignatureFromDer(signature);
        if (!raw)
            return refused(QStringLiteral("the signature is not valid"));
        signature = std::move(*raw);
    }
    const QByteArray clientDataHash = crypto::Sha256::digest({response.clientDataJson});
    if (!key->verify(response.authenticatorData + clientDataHash, signature))
        return refused(QStringLiteral("the signature is not valid"));
    return data;
}

} // namespace tessera::engine
