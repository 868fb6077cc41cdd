#pragma once

// What fuzz_webauthn and make_webauthn_seeds agree on: the modes (the input's
// first byte modulo kModes), the relying party, challenge and keys of the
// structured assertion mode, and that mode's layout. The keys are fixed
// PKCS#8 so that runs and the committed seeds are reproducible.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtEndian>
#include <optional>

namespace tessera::fuzz::webauthn {

enum Mode : quint8
{
    kAuthenticatorData = 0, // the rest to AuthenticatorData::parse
    kAttestation = 1,       // an attestation object, then its authData and credential key
    kClientData = 2,        // client data JSON to ClientData::parse
    kCoseKey = 3,           // a COSE_Key's CBOR to CoseKey::parse
    kAssertion = 4,         // AssertionInput, signed here, to WebAuthnCeremony::verifyAssertion
    kModes = 5,
};

inline const QString kRpId = QStringLiteral("library.example.org");
inline const QString kOrigin = QStringLiteral("https://library.example.org");
inline const QByteArray kChallenge =
    QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
inline const QByteArray kCredentialId = QByteArrayLiteral("fuzz-credential-");

constexpr const char* kEs256Der =
    "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420729d92e4eac45588bfe1"
    "260e05ad6d233e1792c3cbb5e7fb3485dd35f4768f10a1440342000437c9b330026b274ca1b6463d2f284c4cafde"
    "c74567d4972ddc7042021825f7b808222f0dc820ba25e5a3b89e5d8aa1709a0d30c595bda08022100731a5cce03f";
constexpr const char* kEs256StrangerDer =
    "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b02010104207712fb77bc4d6914ee1c"
    "0de8bdb911d2611a748a72cd17a007605656bc36f916a14403420004bbb1f58180fcf33a37d18c0418b35dd8ae8a"
    "9c4559dcea5b51d9fa13fef58005ca84522796d422e495909bfdb0bc53c9a06bd75626b20db80269485c24b05e27";
constexpr const char* kEd25519Der = "302e020100300506032b65700422042060939150021bd84d6564ed80e3"
                                    "f8cb0f3e957b50ac991b37868f3db4fd49736f";
constexpr const char* kEd25519StrangerDer = "302e020100300506032b65700422042082d48e473685303e45"
                                            "6826c30ea61ecb285d7b3173512020e3400261d7274ea8";

// Mode kAssertion after its first byte:
//   <setup> <length of authenticatorData, 2 bytes big-endian> <authenticatorData>
//   [<length of signature, 1 byte> <signature>, with kOwnSignature] <clientDataJSON>
// Without kOwnSignature the target's software authenticator signs, so that
// mutations of the authenticator and client data reach the checks behind the
// signature.
struct AssertionInput
{
    static constexpr quint8 kEdDsa = 0x01;        // the stored key is EdDSA (else ES256)
    static constexpr quint8 kStranger = 0x02;     // another key of the same algorithm signs
    static constexpr quint8 kOwnSignature = 0x04; // the signature comes from the input
    static constexpr quint8 kRequireUv = 0x80;    // the relying party requires user verification

    quint8 setup = 0;
    QByteArray authenticatorData;
    QByteArray signature; // kOwnSignature only
    QByteArray clientDataJson;

    QByteArray encode() const
    {
        QByteArray bytes(3, '\0');
        bytes[0] = char(setup);
        qToBigEndian<quint16>(quint16(authenticatorData.size()), bytes.data() + 1);
        bytes += authenticatorData;
        if (setup & kOwnSignature)
            bytes += char(quint8(signature.size())) + signature;
        return bytes + clientDataJson;
    }

    static std::optional<AssertionInput> decode(QByteArrayView bytes)
    {
        if (bytes.size() < 3)
            return std::nullopt;
        AssertionInput input;
        input.setup = quint8(bytes[0]);
        const qsizetype dataLength = qFromBigEndian<quint16>(bytes.data() + 1);
        bytes = bytes.sliced(3);
        if (dataLength > bytes.size())
            return std::nullopt;
        input.authenticatorData = bytes.first(dataLength).toByteArray();
        bytes = bytes.sliced(dataLength);
        if (input.setup & kOwnSignature) {
            if (bytes.isEmpty() || quint8(bytes[0]) >= bytes.size())
                return std::nullopt;
            input.signature = bytes.sliced(1, quint8(bytes[0])).toByteArray();
            bytes = bytes.sliced(1 + quint8(bytes[0]));
        }
        input.clientDataJson = bytes.toByteArray();
        return input;
    }
};

} // namespace tessera::fuzz::webauthn
