// The relying party's parsers and checks without a store: authenticator data
// (every length checked, nothing after its end), client data, "none"
// attestation objects, COSE keys (ES256 and EdDSA only, points on their
// curve), canonical DER signatures, and a full ceremony by a software
// authenticator as the positive control.
#include "crypto/Sha256.h"
#include "crypto/Signature.h"
#include "engine/AttestationObject.h"
#include "engine/AuthenticatorData.h"
#include "engine/Base64Url.h"
#include "engine/ClientData.h"
#include "engine/CoseKey.h"
#include "engine/WebAuthnCeremony.h"
#include "support/EngineActors.h"
#include "support/SoftAuthenticator.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using crypto::SignatureAlgorithm;
using tessera::test::SoftAuthenticator;

namespace {

const QString kOrigin = u"https://library.example.org"_s;
const QByteArray kChallenge = QByteArray(32, '\x5a');

RelyingParty library()
{
    return {u"library.example.org"_s, {kOrigin}, u"Tessera"_s};
}

QJsonObject creationOptions()
{
    return {{u"challenge"_s, QString::fromLatin1(base64UrlEncode(kChallenge))},
            {u"rp"_s, QJsonObject{{u"id"_s, u"library.example.org"_s}}}};
}

QByteArray field(const QJsonObject& credential, const QString& name)
{
    return *base64UrlDecode(
        credential.value(u"response"_s).toObject().value(name).toString().toLatin1());
}

// Authenticator data with the attested credential of a fresh software key.
QByteArray registrationAuthData()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    const QByteArray attestation = field(key.create(creationOptions()), u"attestationObject"_s);
    return AttestationObject::parse(attestation)->authenticatorData;
}

} // namespace

class TestWebAuthnCeremony : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authenticatorDataReadsFlagsCounterAndCredential();
    void truncatedOrTrailingAuthenticatorDataIsRefused();
    void credentialIdLengthPastTheEndIsRefused();
    void extensionsMustBeOneCborMap();
    void clientDataNeedsTypeChallengeAndOrigin_data();
    void clientDataNeedsTypeChallengeAndOrigin();
    void onlyNoneAttestationIsTaken();
    void coseKeysOtherThanEs256AndEdDsaAreRefused_data();
    void coseKeysOtherThanEs256AndEdDsaAreRefused();
    void pointOffTheCurveIsRefused();
    void encodedCoseKeyReadsBack();
    void onlyCanonicalDerSignaturesConvert();
    void registrationAndAssertionOfASoftwareKeyVerify_data();
    void registrationAndAssertionOfASoftwareKeyVerify();
    void tamperedAssertionIsRefused();
    void userVerificationIsEnforcedWhenAsked();
};

void TestWebAuthnCeremony::authenticatorDataReadsFlagsCounterAndCredential()
{
    const QByteArray bytes = registrationAuthData();
    auto data = AuthenticatorData::parse(bytes);
    QVERIFY2(data.ok(), qPrintable(test::errorText(data)));
    QCOMPARE(data->rpIdHash, crypto::Sha256::digest({"library.example.org"}));
    QVERIFY(data->userPresent());
    QVERIFY(!data->userVerified());
    QCOMPARE(data->signCount, 0u);
    QVERIFY(data->credential.has_value());
    QCOMPARE(data->credential->credentialId.size(), 16);
    QVERIFY(CoseKey::parse(QByteArrayView(data->credential->publicKey)).ok());

    QByteArray plain = bytes.first(37);
    plain[32] = char(0x05);
    qToBigEndian<quint32>(7, plain.data() + 33);
    auto assertion = AuthenticatorData::parse(plain);
    QVERIFY(assertion.ok());
    QVERIFY(assertion->userVerified());
    QCOMPARE(assertion->signCount, 7u);
    QVERIFY(!assertion->credential);
}

void TestWebAuthnCeremony::truncatedOrTrailingAuthenticatorDataIsRefused()
{
    const QByteArray bytes = registrationAuthData();
    for (qsizetype length = 0; length < bytes.size(); ++length)
        QVERIFY2(!AuthenticatorData::parse(bytes.first(length)).ok(),
                 qPrintable(QString::number(length)));
    QVERIFY(!AuthenticatorData::parse(bytes + '\0').ok());
    QByteArray plain = bytes.first(37);
    plain[32] = char(0x01);
    QVERIFY(AuthenticatorData::parse(plain).ok());
    QVERIFY(!AuthenticatorData::parse(plain + "x").ok());
}

void TestWebAuthnCeremony::credentialIdLengthPastTheEndIsRefused()
{
    QByteArray bytes = registrationAuthData();
    qToBigEndian<quint16>(0xffff, bytes.data() + 37 + 16);
    QVERIFY(!AuthenticatorData::parse(bytes).ok());
    qToBigEndian<quint16>(0, bytes.data() + 37 + 16);
    QVERIFY(!AuthenticatorData::parse(bytes).ok());
}

void TestWebAuthnCeremony::extensionsMustBeOneCborMap()
{
    QByteArray plain = registrationAuthData().first(37);
    plain[32] = char(0x81); // UP + ED
    QCborMap extensions;
    extensions.insert(u"credProtect"_s, 1);
    QVERIFY(AuthenticatorData::parse(plain + extensions.toCborValue().toCbor()).ok());
    QVERIFY(!AuthenticatorData::parse(plain).ok());
    QVERIFY(!AuthenticatorData::parse(plain + QCborValue(5).toCbor()).ok());
    QVERIFY(!AuthenticatorData::parse(plain + extensions.toCborValue().toCbor() + '\0').ok());
}

void TestWebAuthnCeremony::clientDataNeedsTypeChallengeAndOrigin_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("complete")
        << R"({"type":"webauthn.get","challenge":"WlpaWg","origin":"https://a.b","extra":1})"_ba
        << true;
    QTest::newRow("no type") << R"({"challenge":"WlpaWg","origin":"https://a.b"})"_ba << false;
    QTest::newRow("no challenge") << R"({"type":"webauthn.get","origin":"https://a.b"})"_ba
                                  << false;
    QTest::newRow("padded challenge")
        << R"({"type":"webauthn.get","challenge":"WlpaWg==","origin":"https://a.b"})"_ba << false;
    QTest::newRow("no origin") << R"({"type":"webauthn.get","challenge":"WlpaWg"})"_ba << false;
    QTest::newRow("crossOrigin not bool")
        << R"({"type":"webauthn.get","challenge":"WlpaWg","origin":"https://a.b","crossOrigin":"no"})"_ba
        << false;
    QTest::newRow("array") << "[1,2]"_ba << false;
    QTest::newRow("not JSON") << "type=webauthn.get"_ba << false;
    QTest::newRow("too long")
        << QByteArray(
               R"({"type":"webauthn.get","challenge":"WlpaWg","origin":"https://a.b","pad":")") +
               QByteArray(5000, 'a') + "\"}"
        << false;
}

void TestWebAuthnCeremony::clientDataNeedsTypeChallengeAndOrigin()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QCOMPARE(ClientData::parse(json).ok(), valid);
}

void TestWebAuthnCeremony::onlyNoneAttestationIsTaken()
{
    QCborMap packed;
    packed.insert(u"fmt"_s, u"packed"_s);
    QCborMap statement;
    statement.insert(u"alg"_s, -7);
    packed.insert(u"attStmt"_s, statement);
    packed.insert(u"authData"_s, registrationAuthData());
    auto refused = AttestationObject::parse(packed.toCborValue().toCbor());
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(u"\"packed\""_s));
    packed.insert(u"fmt"_s, u"none"_s);
    QVERIFY(!AttestationObject::parse(packed.toCborValue().toCbor()).ok()); // statement not empty
    packed.insert(u"attStmt"_s, QCborMap());
    QVERIFY(AttestationObject::parse(packed.toCborValue().toCbor()).ok());
    QVERIFY(!AttestationObject::parse(packed.toCborValue().toCbor() + '\0').ok());
    QVERIFY(!AttestationObject::parse(QByteArray()).ok());
}

void TestWebAuthnCeremony::coseKeysOtherThanEs256AndEdDsaAreRefused_data()
{
    QTest::addColumn<int>("kty");
    QTest::addColumn<int>("alg");
    QTest::addColumn<int>("crv");
    QTest::newRow("RS256") << 3 << -257 << 0;
    QTest::newRow("ES384") << 2 << -35 << 2;
    QTest::newRow("ES256 on P-384") << 2 << -7 << 2;
    QTest::newRow("EdDSA on Ed448") << 1 << -8 << 7;
    QTest::newRow("ES256 as OKP") << 1 << -7 << 1;
}

void TestWebAuthnCeremony::coseKeysOtherThanEs256AndEdDsaAreRefused()
{
    QFETCH(int, kty);
    QFETCH(int, alg);
    QFETCH(int, crv);
    QCborMap key;
    key.insert(1, kty);
    key.insert(3, alg);
    key.insert(-1, crv);
    key.insert(-2, QByteArray(32, '\x01'));
    key.insert(-3, QByteArray(32, '\x02'));
    QCOMPARE(CoseKey::parse(key).error().code, ErrorCode::InvalidArgument);
}

void TestWebAuthnCeremony::pointOffTheCurveIsRefused()
{
    const QByteArray bytes = registrationAuthData();
    const QByteArray cose = AuthenticatorData::parse(bytes)->credential->publicKey;
    QCborMap key = QCborValue::fromCbor(cose).toMap();
    QVERIFY(CoseKey::parse(key).ok());
    QByteArray y = key.value(-3).toByteArray();
    y[31] = char(y[31] ^ 1);
    key.insert(-3, y);
    QCOMPARE(CoseKey::parse(key).error().code, ErrorCode::InvalidArgument);
    key.insert(-3, QByteArray(31, '\x01'));
    QCOMPARE(CoseKey::parse(key).error().code, ErrorCode::InvalidArgument);
    QVERIFY(!CoseKey::parse(QByteArrayView(cose + '\0')).ok());
}

void TestWebAuthnCeremony::encodedCoseKeyReadsBack()
{
    for (const auto& [algorithm, cose] :
         {std::pair(SignatureAlgorithm::Es256, CoseKey::kEs256),
          std::pair(SignatureAlgorithm::Ed25519, CoseKey::kEdDsa)}) {
        auto key = crypto::SigningKey::generate(algorithm);
        QVERIFY(key.ok());
        const QByteArray encoded = CoseKey::encode(key->verifyingKey());
        QCOMPARE(QCborValue::fromCbor(encoded).toMap().value(3).toInteger(), cose);
        auto parsed = CoseKey::parse(QByteArrayView(encoded));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->jwk(), key->verifyingKey().jwk());
    }
}

void TestWebAuthnCeremony::onlyCanonicalDerSignaturesConvert()
{
    auto key = crypto::SigningKey::generate(SignatureAlgorithm::Es256);
    QVERIFY(key.ok());
    const QByteArray raw = *key->sign("message");
    const QByteArray der = crypto::es256SignatureToDer(raw);
    QCOMPARE(quint8(der[0]), quint8(0x30));
    QCOMPARE(crypto::es256SignatureFromDer(der), std::optional(raw));
    QVERIFY(!crypto::es256SignatureFromDer(der + '\0'));
    QVERIFY(!crypto::es256SignatureFromDer(der.first(der.size() - 1)));
    // The same numbers with a needless leading zero byte: BER, not DER.
    QByteArray padded = der;
    padded[1] = char(padded[1] + 1);
    padded[3] = char(padded[3] + 1);
    padded.insert(4, '\0');
    QVERIFY(!crypto::es256SignatureFromDer(padded));
    QVERIFY(!crypto::es256SignatureFromDer(raw));
    QVERIFY(crypto::es256SignatureToDer(raw.first(63)).isEmpty());
}

void TestWebAuthnCeremony::registrationAndAssertionOfASoftwareKeyVerify_data()
{
    QTest::addColumn<SignatureAlgorithm>("algorithm");
    QTest::newRow("ES256") << SignatureAlgorithm::Es256;
    QTest::newRow("EdDSA") << SignatureAlgorithm::Ed25519;
}

void TestWebAuthnCeremony::registrationAndAssertionOfASoftwareKeyVerify()
{
    QFETCH(SignatureAlgorithm, algorithm);
    SoftAuthenticator key(algorithm, kOrigin);
    const auto registration = RegistrationResponse::fromJson(key.create(creationOptions()));
    QVERIFY(registration.ok());
    auto credential =
        WebAuthnCeremony::verifyRegistration(library(), kChallenge, *registration, false);
    QVERIFY2(credential.ok(), qPrintable(test::errorText(credential)));
    QCOMPARE(credential->credentialId, key.credentialId);

    const QJsonObject request{{u"challenge"_s, QString::fromLatin1(base64UrlEncode(kChallenge))},
                              {u"rpId"_s, u"library.example.org"_s}};
    const auto assertion = AssertionResponse::fromJson(key.get(request));
    QVERIFY(assertion.ok());
    auto data = WebAuthnCeremony::verifyAssertion(library(), kChallenge, *assertion,
                                                  credential->publicKey, false);
    QVERIFY2(data.ok(), qPrintable(test::errorText(data)));
    QCOMPARE(data->signCount, 1u);
    // Another challenge: refused, whatever the signature.
    QCOMPARE(WebAuthnCeremony::verifyAssertion(library(), QByteArray(32, 'x'), *assertion,
                                               credential->publicKey, false)
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    // A registration answer is not a sign-in answer.
    AssertionResponse swapped = *assertion;
    swapped.clientDataJson = registration->clientDataJson;
    QVERIFY(!WebAuthnCeremony::verifyAssertion(library(), kChallenge, swapped,
                                               credential->publicKey, false)
                 .ok());
}

void TestWebAuthnCeremony::tamperedAssertionIsRefused()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    const auto registration = RegistrationResponse::fromJson(key.create(creationOptions()));
    const auto credential =
        WebAuthnCeremony::verifyRegistration(library(), kChallenge, *registration, false);
    QVERIFY(credential.ok());
    const QJsonObject request{{u"challenge"_s, QString::fromLatin1(base64UrlEncode(kChallenge))},
                              {u"rpId"_s, u"library.example.org"_s}};
    const auto assertion = AssertionResponse::fromJson(key.get(request));
    AssertionResponse changed = *assertion;
    changed.authenticatorData[36] = char(changed.authenticatorData[36] + 1); // counter
    QVERIFY(!WebAuthnCeremony::verifyAssertion(library(), kChallenge, changed,
                                               credential->publicKey, false)
                 .ok());
    changed = *assertion;
    changed.signature[changed.signature.size() - 1] ^= 1;
    QVERIFY(!WebAuthnCeremony::verifyAssertion(library(), kChallenge, changed,
                                               credential->publicKey, false)
                 .ok());
}

void TestWebAuthnCeremony::userVerificationIsEnforcedWhenAsked()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    const auto registration = RegistrationResponse::fromJson(key.create(creationOptions()));
    auto refused = WebAuthnCeremony::verifyRegistration(library(), kChallenge, *registration, true);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(refused.error().message.contains(u"PIN"_s));
}

QTEST_GUILESS_MAIN(TestWebAuthnCeremony)
#include "tst_webauthnceremony.moc"
