// Fuzz target: the JWT verifier (JwtVerifier, what TokenEngine::verifyJwt runs)
// with a fixed JWKS: an Ed25519 key "ed-1" and an ES256 key "ec-1", issuer
// kIssuer, audience kAudience, a clock standing at kNow.
//
// The first byte picks a mode (modulo 3):
//   0  raw: the rest is a compact JWS, verified as bytes and as text.
//   1  structured: the rest is `<signer byte><header JSON>\n<claims JSON>`;
//      both are base64url-encoded and signed here, so mutations of the JSON
//      get past the signature check to the header and claim rules. Signer:
//      0 ed-1, 1 ec-1, 2 a key that is not published (signs anything).
//   2  JWKS: the rest is a key set document for Jwks::parse.
// Whatever the verifier accepts is checked against the rules independently:
// a published key of the header's algorithm signed it, iss, aud and the times
// hold, and no changed signature bit is accepted.

#include "FuzzCheck.h"
#include "engine/Base64Url.h"
#include "engine/Jwks.h"
#include "engine/JwtVerifier.h"
#include "support/FakeClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <algorithm>
#include <cstdint>
#include <optional>

using namespace tessera;
using namespace tessera::engine;
using crypto::SignatureAlgorithm;
using crypto::SigningKey;

namespace {

constexpr qint64 kNow = 1'790'000'000;
constexpr qint64 kLeeway = 30;
const QString kIssuer = QStringLiteral("https://library.example/v1/identity/oidc");
const QString kAudience = QStringLiteral("ebook-portal");

// Fixed PKCS#8 keys, so that runs and committed seeds are reproducible.
constexpr const char* kEd25519Der = "302e020100300506032b6570042204205858a22d4358bfa2dd0b6969c3e435"
                                    "87d49b058b87e49cd3e9159e2dde6d8e82";
constexpr const char* kEs256Der =
    "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b020101042075546cda0c9e617fb952"
    "3f8eecd64058b115d70560f2fb2f8e52fa6b58540353a14403420004a9f2a2cd7fc15668a192cde338b9c397ea8f"
    "4421288da441bded348ccbda0d5410a86f504867665c134f65f031a9d1a7c482e808e107763614ce2af43de6c68f";
constexpr const char* kStrangerDer = "302e020100300506032b657004220420e550cf642bac429005b7347baadc"
                                     "82130fa88c007fd8898ef597c608e2c0485a";

SigningKey keyFromDer(SignatureAlgorithm algorithm, const char* hex)
{
    auto key = SigningKey::fromPrivateDer(algorithm, QByteArray::fromHex(hex));
    FUZZ_CHECK(key.ok());
    return std::move(key).value();
}

struct Fixture
{
    test::FakeClock clock{kNow * 1000};
    SigningKey ed = keyFromDer(SignatureAlgorithm::Ed25519, kEd25519Der);
    SigningKey ec = keyFromDer(SignatureAlgorithm::Es256, kEs256Der);
    SigningKey stranger = keyFromDer(SignatureAlgorithm::Ed25519, kStrangerDer);
    QList<VerificationKey> keys;
    std::optional<JwtVerifier> verifier;

    Fixture()
    {
        // The JWKS a relying party would fetch, read back as it would read it.
        const QList<VerificationKey> published{
            {QStringLiteral("ed-1"), QStringLiteral("library"), ed.verifyingKey(), {}},
            {QStringLiteral("ec-1"), QStringLiteral("library"), ec.verifyingKey(), kNow + 3600},
        };
        auto parsed = Jwks::parse(Jwks::keySet(published));
        FUZZ_CHECK(parsed.ok() && parsed->size() == 2);
        keys = std::move(parsed).value();
        verifier.emplace(keys, JwtExpectations{kIssuer, kAudience, kLeeway}, clock);
    }
};

const Fixture& fixture()
{
    static const Fixture instance;
    return instance;
}

bool audienceContains(const QJsonValue& aud)
{
    if (aud.isString())
        return aud.toString() == kAudience;
    const QJsonArray list = aud.toArray();
    return std::any_of(list.begin(), list.end(),
                       [](const QJsonValue& value) { return value.toString() == kAudience; });
}

bool notAfterNow(const QJsonValue& time)
{
    return time.isUndefined() || (time.isDouble() && time.toDouble() <= double(kNow + kLeeway));
}

// An accepted token, checked against the rules without the verifier's code.
void checkAccepted(QByteArrayView token, const QJsonObject& verified)
{
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> list;
        qsizetype start = 0;
        for (qsizetype dot = token.indexOf('.'); dot >= 0; dot = token.indexOf('.', start)) {
            list.append(token.sliced(start, dot - start));
            start = dot + 1;
        }
        list.append(token.sliced(start));
        return list;
    }();
    FUZZ_CHECK(parts.size() == 3);
    const auto headerJson = base64UrlDecode(parts[0]);
    const auto claimsJson = base64UrlDecode(parts[1]);
    const auto signature = base64UrlDecode(parts[2]);
    FUZZ_CHECK(headerJson && claimsJson && signature);
    const QJsonObject header = QJsonDocument::fromJson(*headerJson).object();
    const QJsonObject claims = QJsonDocument::fromJson(*claimsJson).object();
    FUZZ_CHECK(claims == verified);

    const QString kid = header.value(u"kid").toString();
    const auto key = std::find_if(fixture().keys.begin(), fixture().keys.end(),
                                  [&](const VerificationKey& k) { return k.kid == kid; });
    FUZZ_CHECK(key != fixture().keys.end());
    FUZZ_CHECK(header.value(u"alg").toString() == crypto::jwsName(key->algorithm()));
    FUZZ_CHECK(!header.contains(u"crit"));
    const qsizetype signedLength = parts[0].size() + 1 + parts[1].size();
    FUZZ_CHECK(key->key.verify(token.first(signedLength), *signature));

    FUZZ_CHECK(claims.value(u"iss").toString() == kIssuer);
    FUZZ_CHECK(audienceContains(claims.value(u"aud")));
    FUZZ_CHECK(claims.value(u"exp").isDouble());
    FUZZ_CHECK(double(kNow) < claims.value(u"exp").toDouble() + double(kLeeway));
    FUZZ_CHECK(notAfterNow(claims.value(u"nbf")));
    FUZZ_CHECK(notAfterNow(claims.value(u"iat")));

    // No other spelling of the signature is accepted.
    QByteArray changed = token.toByteArray();
    const qsizetype bit = qsizetype(signature->at(0)) & 7;
    QByteArray badSignature = *signature;
    badSignature[1] = static_cast<char>(badSignature[1] ^ (1 << bit));
    changed.truncate(signedLength + 1);
    changed.append(base64UrlEncode(badSignature));
    FUZZ_CHECK(!fixture().verifier->verify(QByteArrayView(changed)).ok());
}

void verifyRaw(QByteArrayView token)
{
    const auto asBytes = fixture().verifier->verify(token);
    const auto asText = fixture().verifier->verify(QStringView(QString::fromUtf8(token)));
    // Tokens are ASCII: the two entry points agree on everything.
    FUZZ_CHECK(asBytes.ok() == asText.ok());
    if (asBytes) {
        FUZZ_CHECK(*asBytes == *asText);
        checkAccepted(token, *asBytes);
    }
}

void verifySigned(QByteArrayView input)
{
    if (input.isEmpty())
        return;
    const SigningKey* signers[] = {&fixture().ed, &fixture().ec, &fixture().stranger};
    const SigningKey& signer = *signers[static_cast<quint8>(input[0]) % 3];
    const QByteArrayView json = input.sliced(1);
    const qsizetype newline = json.indexOf('\n');
    if (newline < 0)
        return;
    QByteArray token = base64UrlEncode(json.first(newline));
    token += '.';
    token += base64UrlEncode(json.sliced(newline + 1));
    const auto signature = signer.sign(token);
    FUZZ_CHECK(signature.ok());
    token += '.';
    token += base64UrlEncode(*signature);
    if (token.size() > JwtVerifier::kMaxTokenSize)
        return;

    const auto verified = fixture().verifier->verify(QByteArrayView(token));
    if (!verified)
        return;
    FUZZ_CHECK(&signer != &fixture().stranger);
    checkAccepted(token, *verified);
}

void parseKeySet(QByteArrayView document)
{
    const QJsonObject keySet = QJsonDocument::fromJson(document.toByteArray()).object();
    const auto keys = Jwks::parse(keySet);
    if (!keys)
        return;
    // What was read writes out and reads back alike.
    const auto again = Jwks::parse(Jwks::keySet(*keys));
    FUZZ_CHECK(again.ok() && again->size() == keys->size());
    for (qsizetype i = 0; i < keys->size(); ++i) {
        FUZZ_CHECK(again->at(i).kid == keys->at(i).kid);
        FUZZ_CHECK(again->at(i).algorithm() == keys->at(i).algorithm());
        FUZZ_CHECK(again->at(i).key.jwk() == keys->at(i).key.jwk());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView rest(data + 1, static_cast<qsizetype>(size - 1));
    switch (data[0] % 3) {
    case 0:
        verifyRaw(rest);
        break;
    case 1:
        verifySigned(rest);
        break;
    default:
        parseKeySet(rest);
        break;
    }
    return 0;
}
