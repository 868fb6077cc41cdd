#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace tessera::engine {

// The credential an authenticator made at registration (WebAuthn §6.5.1).
struct AttestedCredential
{
    QByteArray aaguid;       // 16 bytes; all zero under "none" attestation
    QByteArray credentialId; // 1..kMaxCredentialIdBytes
    QByteArray publicKey;    // the COSE_Key's CBOR bytes, as stored (CoseKey reads them)
};

// An authenticator's signed statement (WebAuthn §6.1): the relying party it
// speaks for, what it checked of the user, its signature counter and, at
// registration, the new credential. The parser is strict: every length is
// checked before it is used, the credential's key and the extensions must be
// well-formed CBOR maps, and nothing may follow them.
struct AuthenticatorData
{
    static constexpr int kMinimumBytes = 37; // rpIdHash 32, flags 1, signCount 4
    static constexpr int kMaxCredentialIdBytes = 1023;
    static constexpr quint8 kUserPresent = 0x01;
    static constexpr quint8 kUserVerified = 0x04;
    static constexpr quint8 kAttestedCredential = 0x40;
    static constexpr quint8 kExtensions = 0x80;

    QByteArray rpIdHash; // SHA-256 of the rpId
    quint8 flags = 0;
    quint32 signCount = 0;
    std::optional<AttestedCredential> credential;

    bool userPresent() const { return flags & kUserPresent; }
    bool userVerified() const { return flags & kUserVerified; }

    // InvalidArgument for anything malformed; the message says what, never
    // repeats the bytes.
    static Result<AuthenticatorData> parse(QByteArrayView bytes);
};

} // namespace tessera::engine
