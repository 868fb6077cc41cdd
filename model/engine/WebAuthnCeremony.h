#pragma once

#include "core/Result.h"
#include "engine/AuthenticatorData.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tessera::engine {

// Who the browser must believe it is talking to: the relying party id (the
// configured host name, "library.example.org") and the exact origins pages
// run on ("https://library.example.org"). Empty id: security keys are off.
struct RelyingParty
{
    QString id;
    QStringList origins;
    QString name = QStringLiteral("Tessera");

    bool enabled() const { return !id.isEmpty() && !origins.isEmpty(); }
};

// A browser's answer to navigator.credentials.create(), its binary fields
// decoded from base64url (the JSON form of PublicKeyCredential).
struct RegistrationResponse
{
    QByteArray credentialId;
    QByteArray clientDataJson;
    QByteArray attestationObject;

    // {"id", "rawId", "type": "public-key", "response": {"clientDataJSON",
    // "attestationObject"}}; InvalidArgument for anything else.
    static Result<RegistrationResponse> fromJson(const QJsonObject& credential);
};

// A browser's answer to navigator.credentials.get().
struct AssertionResponse
{
    QByteArray credentialId;
    QByteArray clientDataJson;
    QByteArray authenticatorData;
    QByteArray signature;

    // {"id", "rawId", "type": "public-key", "response": {"clientDataJSON",
    // "authenticatorData", "signature"[, "userHandle"]}}.
    static Result<AssertionResponse> fromJson(const QJsonObject& credential);
};

// A credential a registration ceremony proved: what the store keeps.
struct RegisteredCredential
{
    QByteArray credentialId;
    QByteArray publicKey; // COSE_Key CBOR
    qint64 algorithm = 0; // CoseKey::kEs256 or kEdDsa
    quint32 signCount = 0;
    bool userVerified = false;
};

// The relying party's checks of both ceremonies (WebAuthn Level 2, §7.1 and
// §7.2), without a store: the caller brings the challenge it issued and, for
// an assertion, the stored key. Every check names what failed, never the
// bytes. Counter rules need the stored count and are the caller's.
class WebAuthnCeremony
{
public:
    // §7.1: client data of type "webauthn.create" for `challenge` from one of
    // the origins, not cross-origin; "none" attestation; the rpIdHash of
    // rp.id; user present (and verified when `requireUserVerification`); an
    // attested ES256 or EdDSA credential whose id is the response's.
    static Result<RegisteredCredential> verifyRegistration(const RelyingParty& rp,
                                                           const QByteArray& challenge,
                                                           const RegistrationResponse& response,
                                                           bool requireUserVerification);
    // §7.2: client data of type "webauthn.get" as above; the authenticator
    // data's rpIdHash and flags; the signature of authenticatorData ||
    // SHA-256(clientDataJSON) under `publicKey`. The parsed authenticator
    // data (its counter and flags) on success.
    static Result<AuthenticatorData> verifyAssertion(const RelyingParty& rp,
                                                     const QByteArray& challenge,
                                                     const AssertionResponse& response,
                                                     const QByteArray& publicKey,
                                                     bool requireUserVerification);
};

} // namespace tessera::engine
