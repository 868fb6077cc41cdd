// Fuzz target: the relying party's WebAuthn parsers (authenticator data,
// attestation objects, client data, COSE keys) and the assertion check.
//
// The first byte picks a mode (modulo 5; WebAuthnInput.h):
//   0  the rest to AuthenticatorData::parse.
//   1  the rest to AttestationObject::parse; an accepted object's authData to
//      AuthenticatorData::parse, its credential key to CoseKey::parse, and the
//      whole to WebAuthnCeremony::verifyRegistration with matching client data
//      (user verification required when the rest's length is odd).
//   2  the rest to ClientData::parse.
//   3  the rest to CoseKey::parse as a COSE_Key's CBOR.
//   4  AssertionInput: authenticator data and client data that a software
//      authenticator with a fixed key signs here (or a signature from the
//      input), to WebAuthnCeremony::verifyAssertion for relying party kRpId,
//      origin kOrigin and challenge kChallenge.
// Whatever is accepted is checked again without the parsers' code: the bytes
// sit where WebAuthn §6.1 puts them (counter = bytes 33..36 big-endian, a
// credential id of 1..1023 bytes at offset 55, nothing after the key and the
// extensions), an accepted key is the COSE_Key's coordinates, an accepted
// assertion's signature verifies under the stored key and one flipped bit of
// it or of the authenticator data is refused. Refusals are InvalidArgument or,
// from the ceremonies, PermissionDenied: never Internal or StoreCorrupt.

#include "FuzzCheck.h"
#include "WebAuthnInput.h"
#include "crypto/Sha256.h"
#include "engine/AttestationObject.h"
#include "engine/AuthenticatorData.h"
#include "engine/Base64Url.h"
#include "engine/ClientData.h"
#include "engine/CoseKey.h"
#include "engine/WebAuthnCeremony.h"
#include "support/SoftAuthenticator.h"

#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>

using namespace tessera;
using namespace tessera::engine;
using namespace tessera::fuzz::webauthn;
using crypto::SignatureAlgorithm;
using test::SoftAuthenticator;

namespace {

constexpr quint8 kUserPresent = 0x01;
constexpr quint8 kUserVerified = 0x04;
constexpr quint8 kAttested = 0x40;
constexpr quint8 kExtensions = 0x80;
constexpr qsizetype kCredentialOffset = 55; // rpIdHash 32, flags 1, counter 4, AAGUID 16, length 2

SoftAuthenticator authenticator(SignatureAlgorithm algorithm, const char* hex)
{
    auto key = crypto::SigningKey::fromPrivateDer(algorithm, QByteArray::fromHex(hex));
    FUZZ_CHECK(key.ok());
    SoftAuthenticator made(std::move(key).value(), kOrigin);
    made.credentialId = kCredentialId;
    return made;
}

struct Fixture
{
    SoftAuthenticator es256 = authenticator(SignatureAlgorithm::Es256, kEs256Der);
    SoftAuthenticator es256Stranger = authenticator(SignatureAlgorithm::Es256, kEs256StrangerDer);
    SoftAuthenticator ed25519 = authenticator(SignatureAlgorithm::Ed25519, kEd25519Der);
    SoftAuthenticator ed25519Stranger =
        authenticator(SignatureAlgorithm::Ed25519, kEd25519StrangerDer);
    RelyingParty rp{kRpId, {kOrigin}};
    QByteArray rpIdHash = crypto::Sha256::digest({kRpId.toUtf8()});
};

const Fixture& fixture()
{
    static const Fixture instance;
    return instance;
}

void checkRefusal(const Error& error, bool mayBeDenied)
{
    FUZZ_CHECK(error.code == ErrorCode::InvalidArgument ||
               (mayBeDenied && error.code == ErrorCode::PermissionDenied));
    // One sentence naming what failed; the parsers never repeat the bytes.
    FUZZ_CHECK(!error.message.isEmpty() && error.message.size() <= 200);
}

// `bytes` holds exactly one well-formed CBOR map; read with the stream reader
// directly, not with the parsers' helpers.
bool isOneCborMap(QByteArrayView bytes)
{
    QCborStreamReader reader(bytes.data(), bytes.size());
    if (!reader.isMap())
        return false;
    const QCborValue value = QCborValue::fromCbor(reader);
    return reader.lastError() == QCborError::NoError && value.isMap() &&
           reader.currentOffset() == bytes.size();
}

quint32 bigEndian32(QByteArrayView bytes)
{
    return quint32(quint8(bytes[0])) << 24 | quint32(quint8(bytes[1])) << 16 |
           quint32(quint8(bytes[2])) << 8 | quint32(quint8(bytes[3]));
}

// An accepted authenticator data against its bytes (WebAuthn §6.1, §6.5.1).
void checkAuthenticatorData(QByteArrayView input, const AuthenticatorData& data)
{
    FUZZ_CHECK(input.size() >= 37);
    FUZZ_CHECK(data.rpIdHash.size() == 32 && data.rpIdHash == input.first(32));
    FUZZ_CHECK(data.flags == quint8(input[32]));
    FUZZ_CHECK(data.signCount == bigEndian32(input.sliced(33, 4)));
    FUZZ_CHECK(data.userPresent() == bool(data.flags & kUserPresent));
    FUZZ_CHECK(data.userVerified() == bool(data.flags & kUserVerified));
    qsizetype end = 37;
    FUZZ_CHECK(data.credential.has_value() == bool(data.flags & kAttested));
    if (data.credential) {
        FUZZ_CHECK(input.size() >= kCredentialOffset);
        const qsizetype idLength = qsizetype(quint8(input[53])) << 8 | quint8(input[54]);
        FUZZ_CHECK(idLength >= 1 && idLength <= 1023);
        FUZZ_CHECK(data.credential->aaguid == input.sliced(37, 16));
        FUZZ_CHECK(data.credential->credentialId == input.sliced(kCredentialOffset, idLength));
        end = kCredentialOffset + idLength;
        const QByteArray& key = data.credential->publicKey;
        FUZZ_CHECK(!key.isEmpty() && input.size() >= end + key.size());
        FUZZ_CHECK(key == input.sliced(end, key.size()));
        FUZZ_CHECK(isOneCborMap(key));
        end += key.size();
    }
    if (data.flags & kExtensions)
        FUZZ_CHECK(isOneCborMap(input.sliced(end)));
    else
        FUZZ_CHECK(end == input.size());
}

std::optional<AuthenticatorData> parseAuthenticatorData(QByteArrayView input)
{
    auto data = AuthenticatorData::parse(input);
    if (!data) {
        checkRefusal(data.error(), false);
        return std::nullopt;
    }
    checkAuthenticatorData(input, *data);
    return std::move(data).value();
}

QString base64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// An accepted COSE key against the map's members (RFC 9053 §7.1, §7.2).
void checkCoseKey(const QCborMap& map, const crypto::VerifyingKey& key)
{
    const QJsonObject jwk = key.jwk();
    const QCborValue x = map.value(-2);
    FUZZ_CHECK(x.isByteArray() && x.toByteArray().size() == 32);
    FUZZ_CHECK(jwk.value(u"x").toString() == base64Url(x.toByteArray()));
    if (key.algorithm() == SignatureAlgorithm::Es256) {
        FUZZ_CHECK(map.value(3) == QCborValue(CoseKey::kEs256));
        FUZZ_CHECK(map.value(1) == QCborValue(2) && map.value(-1) == QCborValue(1));
        const QCborValue y = map.value(-3);
        FUZZ_CHECK(y.isByteArray() && y.toByteArray().size() == 32);
        FUZZ_CHECK(jwk.value(u"y").toString() == base64Url(y.toByteArray()));
    } else {
        FUZZ_CHECK(map.value(3) == QCborValue(CoseKey::kEdDsa));
        FUZZ_CHECK(map.value(1) == QCborValue(1) && map.value(-1) == QCborValue(6));
        FUZZ_CHECK(!jwk.contains(u"y"));
    }
}

std::optional<crypto::VerifyingKey> parseCoseKey(QByteArrayView input)
{
    auto key = CoseKey::parse(input);
    if (!key) {
        checkRefusal(key.error(), false);
        return std::nullopt;
    }
    FUZZ_CHECK(isOneCborMap(input));
    const QCborMap map = QCborValue::fromCbor(input.toByteArray()).toMap();
    checkCoseKey(map, *key);
    // The map entry point reads the decoded map alike.
    const auto again = CoseKey::parse(map);
    FUZZ_CHECK(again.ok() && again->jwk() == key->jwk());
    return std::move(key).value();
}

// What ClientData::parse must take, decided here with strict base64url of its own.
bool isWellFormedClientData(QByteArrayView json)
{
    if (json.size() > ClientData::kMaxBytes)
        return false;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject object = document.object();
    const QJsonValue challenge = object.value(u"challenge");
    const QJsonValue crossOrigin = object.value(u"crossOrigin");
    if (!object.value(u"type").isString() || !object.value(u"origin").isString() ||
        !challenge.isString() || !(crossOrigin.isUndefined() || crossOrigin.isBool()))
        return false;
    const QString text = challenge.toString();
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toUtf8(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                           QByteArray::AbortOnBase64DecodingErrors);
    return decoded && !decoded.decoded.isEmpty() && base64Url(decoded.decoded) == text;
}

void parseClientData(QByteArrayView json)
{
    const auto data = ClientData::parse(json);
    FUZZ_CHECK(data.ok() == isWellFormedClientData(json));
    if (!data) {
        checkRefusal(data.error(), false);
        return;
    }
    const QJsonObject object = QJsonDocument::fromJson(json.toByteArray()).object();
    FUZZ_CHECK(data->type == object.value(u"type").toString());
    FUZZ_CHECK(data->origin == object.value(u"origin").toString());
    FUZZ_CHECK(base64Url(data->challenge) == object.value(u"challenge").toString());
    FUZZ_CHECK(data->crossOrigin == object.value(u"crossOrigin").toBool());
}

QByteArray registrationClientData()
{
    const QJsonObject data{{QStringLiteral("type"), QStringLiteral("webauthn.create")},
                           {QStringLiteral("challenge"), base64Url(kChallenge)},
                           {QStringLiteral("origin"), kOrigin}};
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

void parseAttestation(QByteArrayView input)
{
    const auto attestation = AttestationObject::parse(input);
    if (!attestation) {
        checkRefusal(attestation.error(), false);
        return;
    }
    FUZZ_CHECK(input.size() <= AttestationObject::kMaxBytes && isOneCborMap(input));
    const QCborMap map = QCborValue::fromCbor(input.toByteArray()).toMap();
    FUZZ_CHECK(map.value(QStringLiteral("fmt")) == QCborValue(QStringLiteral("none")));
    FUZZ_CHECK(map.value(QStringLiteral("attStmt")).isMap() &&
               map.value(QStringLiteral("attStmt")).toMap().isEmpty());
    FUZZ_CHECK(map.value(QStringLiteral("authData")).isByteArray() &&
               map.value(QStringLiteral("authData")).toByteArray() ==
                   attestation->authenticatorData);

    const auto data = parseAuthenticatorData(attestation->authenticatorData);
    std::optional<crypto::VerifyingKey> key;
    if (data && data->credential)
        key = parseCoseKey(data->credential->publicKey);

    // The registration ceremony around it, with client data that passes.
    const RegistrationResponse response{data && data->credential ? data->credential->credentialId
                                                                 : kCredentialId,
                                        registrationClientData(), input.toByteArray()};
    const bool requireUv = input.size() % 2 == 1;
    const auto registered =
        WebAuthnCeremony::verifyRegistration(fixture().rp, kChallenge, response, requireUv);
    if (!registered) {
        checkRefusal(registered.error(), true);
        return;
    }
    FUZZ_CHECK(data && data->credential && key);
    FUZZ_CHECK(data->rpIdHash == fixture().rpIdHash && data->userPresent());
    FUZZ_CHECK(!requireUv || data->userVerified());
    FUZZ_CHECK(registered->credentialId == data->credential->credentialId);
    FUZZ_CHECK(registered->publicKey == data->credential->publicKey);
    FUZZ_CHECK(registered->signCount == data->signCount);
    FUZZ_CHECK(registered->algorithm ==
               (key->algorithm() == SignatureAlgorithm::Es256 ? CoseKey::kEs256 : CoseKey::kEdDsa));
}

Result<AuthenticatorData> verifyAssertion(const AssertionResponse& response,
                                          const SoftAuthenticator& stored, bool requireUv)
{
    return WebAuthnCeremony::verifyAssertion(fixture().rp, kChallenge, response, stored.coseKey(),
                                             requireUv);
}

QByteArray flippedBit(QByteArray bytes, qsizetype seed)
{
    const qsizetype index = seed % bytes.size();
    bytes[index] = char(bytes[index] ^ (1 << (seed % 8)));
    return bytes;
}

void verifySigned(QByteArrayView rest)
{
    const auto input = AssertionInput::decode(rest);
    if (!input)
        return;
    const Fixture& f = fixture();
    const bool edDsa = input->setup & AssertionInput::kEdDsa;
    const bool stranger = input->setup & AssertionInput::kStranger;
    const bool ownSignature = input->setup & AssertionInput::kOwnSignature;
    const bool requireUv = input->setup & AssertionInput::kRequireUv;
    const SoftAuthenticator& stored = edDsa ? f.ed25519 : f.es256;
    const SoftAuthenticator& signer = !stranger ? stored
                                      : edDsa   ? f.ed25519Stranger
                                                : f.es256Stranger;
    AssertionResponse response{kCredentialId, input->clientDataJson, input->authenticatorData, {}};
    response.signature = ownSignature
                             ? input->signature
                             : signer.sign(input->authenticatorData, input->clientDataJson);

    const auto verified = verifyAssertion(response, stored, requireUv);
    if (!verified) {
        checkRefusal(verified.error(), true);
        return;
    }
    // The ceremony's rules, checked here.
    FUZZ_CHECK(ownSignature || !stranger);
    checkAuthenticatorData(response.authenticatorData, *verified);
    FUZZ_CHECK(verified->rpIdHash == f.rpIdHash && verified->userPresent());
    FUZZ_CHECK(!requireUv || verified->userVerified());
    const QJsonObject clientData = QJsonDocument::fromJson(response.clientDataJson).object();
    FUZZ_CHECK(clientData.value(u"type").toString() == u"webauthn.get");
    FUZZ_CHECK(clientData.value(u"challenge").toString() == base64Url(kChallenge));
    FUZZ_CHECK(clientData.value(u"origin").toString() == kOrigin);
    FUZZ_CHECK(!clientData.value(u"crossOrigin").toBool());
    // The signature, under the key the authenticator was made with.
    QByteArray signature = response.signature;
    if (!edDsa) {
        auto raw = crypto::es256SignatureFromDer(signature);
        FUZZ_CHECK(raw.has_value() && crypto::es256SignatureToDer(*raw) == signature);
        signature = *raw;
    }
    const auto key = CoseKey::parse(QByteArrayView(stored.coseKey()));
    FUZZ_CHECK(key.ok());
    FUZZ_CHECK(key->verify(
        response.authenticatorData + crypto::Sha256::digest({response.clientDataJson}), signature));

    // One flipped bit of the signature or of the signed data is refused.
    const qsizetype seed = rest.size();
    AssertionResponse changed = response;
    changed.signature = flippedBit(response.signature, seed);
    const auto badSignature = verifyAssertion(changed, stored, requireUv);
    FUZZ_CHECK(!badSignature.ok());
    checkRefusal(badSignature.error(), true);
    changed = response;
    changed.authenticatorData = flippedBit(response.authenticatorData, seed);
    FUZZ_CHECK(!verifyAssertion(changed, stored, requireUv).ok());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView rest(data + 1, static_cast<qsizetype>(size - 1));
    switch (data[0] % kModes) {
    case kAuthenticatorData:
        parseAuthenticatorData(rest);
        break;
    case kAttestation:
        parseAttestation(rest);
        break;
    case kClientData:
        parseClientData(rest);
        break;
    case kCoseKey:
        parseCoseKey(rest);
        break;
    default:
        verifySigned(rest);
        break;
    }
    return 0;
}
