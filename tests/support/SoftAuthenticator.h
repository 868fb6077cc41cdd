#pragma once

#include "core/Result.h"
#include "crypto/Signature.h"
#include "engine/Caller.h"
#include "engine/SecurityKeys.h"
#include "engine/WebAuthnCeremony.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::test {

// A security key in software, for tests of the relying party's side: it
// answers registration and sign-in options (the JSON the engine hands the
// browser) the way a browser and a CTAP2 authenticator together would, with
// "none" attestation. Its fields are the knobs a test turns to play a
// misbehaving browser or a cloned key.
class SoftAuthenticator
{
public:
    explicit SoftAuthenticator(crypto::SignatureAlgorithm algorithm, QString pageOrigin);
    // With a given key instead of a new one, for reproducible inputs (fuzz
    // targets and their seeds).
    SoftAuthenticator(crypto::SigningKey key, QString pageOrigin);

    // navigator.credentials.create(): the credential JSON (PublicKeyCredential
    // with base64url members) for creation `options`.
    QJsonObject create(const QJsonObject& options);
    // navigator.credentials.get() for request `options`; counts up first.
    QJsonObject get(const QJsonObject& options);
    // The assertion signature over authenticator data and client data as the
    // browser sends it: authenticatorData || SHA-256(clientDataJSON), DER for
    // ES256.
    QByteArray sign(QByteArrayView authenticatorData, QByteArrayView clientDataJson) const;
    // The credential's public key as a COSE_Key in CBOR.
    QByteArray coseKey() const;

    QByteArray credentialId; // made at construction, 16 random bytes
    QString origin;          // what the browser writes into the client data
    QString rpId;            // empty: the options' rp.id / rpId, as a browser takes it
    quint32 counter = 0;     // the signature counter; get() adds one before signing
    bool userPresent = true;
    bool userVerified = false; // a PIN or fingerprint was checked (flag UV)
    bool crossOrigin = false;

private:
    QByteArray clientData(const QString& type, const QJsonObject& options) const;
    QByteArray flagsAndCounter(quint8 extraFlags) const;
    QByteArray rpIdHash(const QString& optionsRpId) const;
    crypto::SigningKey m_key;
};

// Registers `key` for `user` under `label` through both steps of
// SecurityKeyService, as the gate's self-service page does.
Result<engine::SecurityKey> registerSoftKey(engine::TokenEngine& engine,
                                            const engine::Caller& caller, SoftAuthenticator& key,
                                            const QString& user, const QString& label,
                                            const engine::RelyingParty& rp);

} // namespace tessera::test
