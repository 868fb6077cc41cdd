// Writes the seeds of fuzz_webauthn into the directory given (corpus/webauthn):
// what the software authenticator of the engine's tests sends, with the
// target's fixed keys, relying party and challenge (WebAuthnInput.h), in each
// mode's input format, and a few nearly-valid variants. Running it again
// rewrites the same files, except that ES256 signatures are randomized.
//
//     cmake --build build/dev --target make_webauthn_seeds
//     build/dev/tests/fuzz/make_webauthn_seeds tests/fuzz/corpus/webauthn

#include "WebAuthnInput.h"
#include "engine/Base64Url.h"
#include "support/SoftAuthenticator.h"

#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <cstdlib>

using namespace tessera;
using namespace tessera::fuzz::webauthn;
using crypto::SignatureAlgorithm;
using test::SoftAuthenticator;

namespace {

SoftAuthenticator authenticator(SignatureAlgorithm algorithm, const char* hex)
{
    auto key = crypto::SigningKey::fromPrivateDer(algorithm, QByteArray::fromHex(hex));
    if (!key) {
        std::fprintf(stderr, "make_webauthn_seeds: %s\n", qPrintable(key.error().message));
        std::exit(1);
    }
    SoftAuthenticator made(std::move(key).value(), kOrigin);
    made.credentialId = kCredentialId;
    return made;
}

QByteArray field(const QJsonObject& credential, QStringView name)
{
    return *engine::base64UrlDecode(
        credential.value(u"response").toObject().value(name).toString().toLatin1());
}

QJsonObject creationOptions()
{
    return {{QStringLiteral("challenge"), QString::fromLatin1(engine::base64UrlEncode(kChallenge))},
            {QStringLiteral("rp"), QJsonObject{{QStringLiteral("id"), kRpId}}}};
}

QJsonObject requestOptions()
{
    return {{QStringLiteral("challenge"), QString::fromLatin1(engine::base64UrlEncode(kChallenge))},
            {QStringLiteral("rpId"), kRpId}};
}

QByteArray attestation(const QString& format, const QCborMap& statement, const QByteArray& data)
{
    QCborMap map;
    map.insert(QStringLiteral("fmt"), format);
    map.insert(QStringLiteral("attStmt"), statement);
    map.insert(QStringLiteral("authData"), data);
    return map.toCborValue().toCbor();
}

QByteArray withFlags(QByteArray data, quint8 flags)
{
    data[32] = char(quint8(data[32]) | flags);
    return data;
}

QByteArray clientData(const QString& type, const QString& origin, bool crossOrigin)
{
    return QJsonDocument(QJsonObject{
                             {QStringLiteral("type"), type},
                             {QStringLiteral("challenge"),
                              QString::fromLatin1(engine::base64UrlEncode(kChallenge))},
                             {QStringLiteral("origin"), origin},
                             {QStringLiteral("crossOrigin"), crossOrigin},
                         })
        .toJson(QJsonDocument::Compact);
}

class Corpus
{
public:
    explicit Corpus(QString dir)
        : m_dir(std::move(dir))
    {}

    void write(const QString& name, Mode mode, const QByteArray& rest)
    {
        QFile file(QDir(m_dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(char(mode) + rest) != rest.size() + 1) {
            std::fprintf(stderr, "make_webauthn_seeds: cannot write %s\n", qPrintable(name));
            m_failed = true;
        }
    }
    bool failed() const { return m_failed; }

private:
    QString m_dir;
    bool m_failed = false;
};

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2 || !QDir(QFile::decodeName(argv[1])).exists()) {
        std::fprintf(stderr, "usage: make_webauthn_seeds <existing corpus directory>\n");
        return 1;
    }
    Corpus corpus(QFile::decodeName(argv[1]));
    SoftAuthenticator es256 = authenticator(SignatureAlgorithm::Es256, kEs256Der);
    SoftAuthenticator ed25519 = authenticator(SignatureAlgorithm::Ed25519, kEd25519Der);

    // Registration: attestation objects and their authenticator data.
    const QJsonObject esCreated = es256.create(creationOptions());
    const QJsonObject edCreated = ed25519.create(creationOptions());
    const QByteArray esAttestation = field(esCreated, u"attestationObject");
    const QByteArray esRegistration =
        QCborValue::fromCbor(esAttestation).toMap().value(QStringLiteral("authData")).toByteArray();
    const QByteArray edAttestation = field(edCreated, u"attestationObject");
    const QByteArray edRegistration =
        QCborValue::fromCbor(edAttestation).toMap().value(QStringLiteral("authData")).toByteArray();
    corpus.write(QStringLiteral("attestation-es256"), kAttestation, esAttestation);
    corpus.write(QStringLiteral("attestation-eddsa"), kAttestation, edAttestation);
    QCborMap packed;
    packed.insert(QStringLiteral("alg"), -7);
    packed.insert(QStringLiteral("sig"), QByteArray(70, '\x30'));
    corpus.write(QStringLiteral("attestation-packed"), kAttestation,
                 attestation(QStringLiteral("packed"), packed, esRegistration));
    corpus.write(QStringLiteral("attestation-uv-extensions"), kAttestation,
                 attestation(QStringLiteral("none"), {},
                             withFlags(esRegistration, 0x04 | 0x80) + QByteArray("\xa0", 1)));

    corpus.write(QStringLiteral("authdata-registration-es256"), kAuthenticatorData, esRegistration);
    corpus.write(QStringLiteral("authdata-registration-eddsa"), kAuthenticatorData, edRegistration);
    corpus.write(QStringLiteral("authdata-trailing-byte"), kAuthenticatorData,
                 edRegistration + '\0');
    QByteArray idPastTheEnd = edRegistration;
    idPastTheEnd[53] = '\x03';
    corpus.write(QStringLiteral("authdata-id-past-the-end"), kAuthenticatorData, idPastTheEnd);

    // Sign-in: authenticator data and client data as get() sends them.
    const QJsonObject esAsserted = es256.get(requestOptions());
    const QJsonObject edAsserted = ed25519.get(requestOptions());
    const QByteArray assertionData = field(edAsserted, u"authenticatorData");
    const QByteArray getClientData = field(edAsserted, u"clientDataJSON");
    QCborMap extensions;
    extensions.insert(QStringLiteral("credProtect"), 2);
    const QByteArray withExtensions =
        withFlags(assertionData, 0x80) + extensions.toCborValue().toCbor();
    corpus.write(QStringLiteral("authdata-assertion"), kAuthenticatorData, assertionData);
    corpus.write(QStringLiteral("authdata-extensions"), kAuthenticatorData, withExtensions);

    corpus.write(QStringLiteral("clientdata-create"), kClientData,
                 field(esCreated, u"clientDataJSON"));
    corpus.write(QStringLiteral("clientdata-get"), kClientData, getClientData);
    corpus.write(QStringLiteral("clientdata-cross-origin"), kClientData,
                 clientData(QStringLiteral("webauthn.get"), kOrigin, true));
    corpus.write(QStringLiteral("clientdata-padded-challenge"), kClientData,
                 QByteArray(R"({"type":"webauthn.get","challenge":"AAEC=","origin":"x"})"));

    // COSE keys.
    corpus.write(QStringLiteral("cose-es256"), kCoseKey, es256.coseKey());
    corpus.write(QStringLiteral("cose-eddsa"), kCoseKey, ed25519.coseKey());
    QCborMap offCurve = QCborValue::fromCbor(es256.coseKey()).toMap();
    QByteArray y = offCurve.value(-3).toByteArray();
    y[31] = char(y[31] ^ 1);
    offCurve.insert(-3, y);
    corpus.write(QStringLiteral("cose-off-curve"), kCoseKey, offCurve.toCborValue().toCbor());
    QCborMap rsa;
    rsa.insert(1, 3);
    rsa.insert(3, -257);
    rsa.insert(-1, QByteArray(256, '\xc5'));
    rsa.insert(-2, QByteArray("\x01\x00\x01", 3));
    corpus.write(QStringLiteral("cose-rsa"), kCoseKey, rsa.toCborValue().toCbor());

    // Structured assertions, signed by the target.
    const QByteArray esAssertionData = field(esAsserted, u"authenticatorData");
    const QByteArray esClientData = field(esAsserted, u"clientDataJSON");
    const auto assertion = [&](const QString& name, AssertionInput input) {
        corpus.write(name, kAssertion, input.encode());
    };
    assertion(QStringLiteral("assertion-es256"), {0, esAssertionData, {}, esClientData});
    assertion(QStringLiteral("assertion-eddsa"),
              {AssertionInput::kEdDsa, assertionData, {}, getClientData});
    assertion(QStringLiteral("assertion-stranger"),
              {AssertionInput::kStranger, esAssertionData, {}, esClientData});
    assertion(
        QStringLiteral("assertion-uv-required"),
        {AssertionInput::kEdDsa | AssertionInput::kRequireUv, assertionData, {}, getClientData});
    assertion(QStringLiteral("assertion-uv"),
              {AssertionInput::kRequireUv, withFlags(esAssertionData, 0x04), {}, esClientData});
    assertion(QStringLiteral("assertion-extensions"),
              {AssertionInput::kEdDsa, withExtensions, {}, getClientData});
    assertion(QStringLiteral("assertion-other-origin"),
              {AssertionInput::kEdDsa,
               assertionData,
               {},
               clientData(QStringLiteral("webauthn.get"),
                          QStringLiteral("https://elsewhere.example"), false)});
    assertion(
        QStringLiteral("assertion-create-type"),
        {0, esAssertionData, {}, clientData(QStringLiteral("webauthn.create"), kOrigin, false)});
    assertion(QStringLiteral("assertion-own-signature-es256"),
              {AssertionInput::kOwnSignature, esAssertionData, field(esAsserted, u"signature"),
               esClientData});
    assertion(QStringLiteral("assertion-own-signature-eddsa"),
              {AssertionInput::kEdDsa | AssertionInput::kOwnSignature, assertionData,
               field(edAsserted, u"signature"), getClientData});
    return corpus.failed() ? 1 : 0;
}
