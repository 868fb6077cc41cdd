#include "crypto/Signature.h"

#include <QJsonObject>
#include <QTest>
#include <QtConcurrent>

using namespace tessera;
using namespace tessera::crypto;

Q_DECLARE_METATYPE(tessera::crypto::SignatureAlgorithm)

namespace {

// RFC 8032 §7.1, test 1: the secret key wrapped in a PKCS#8 header for Ed25519.
const QByteArray kRfc8032Test1Der =
    QByteArray::fromHex("302e020100300506032b657004220420"
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const QByteArray kRfc8032Test1Public =
    QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
const QByteArray kRfc8032Test1Signature =
    QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
                        "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

// A PKCS#8 EC key on secp256k1: also 256 bits, but not the P-256 that ES256 means.
const QByteArray kSecp256k1Der = QByteArray::fromHex(
    "308184020100301006072a8648ce3d020106052b8104000a046d306b02010104208486d94f00a96042afcb"
    "b4eaa36c6c3ef683cd756843b5f3e9a823ba7165cb59a14403420004d1e0df0e904e754ee157886012ab71"
    "ee5dc2c2e8a7de4adb0963f783eec1cfc374026b9a81c7262d380d39da1e27f2f76a95c106ec52f207587b"
    "b87840bd8a21");

QByteArray fromBase64Url(const QJsonValue& value)
{
    return QByteArray::fromBase64(value.toString().toLatin1(), QByteArray::Base64UrlEncoding);
}

QString toBase64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// DER INTEGER of an unsigned big-endian number: minimal, with a 0x00 if the top bit is set.
QByteArray derInteger(QByteArray value)
{
    while (value.size() > 1 && value.front() == '\0')
        value.remove(0, 1);
    if (quint8(value.front()) & 0x80)
        value.prepend('\0');
    return QByteArray(1, '\x02') + char(value.size()) + value;
}

// What OpenSSL would produce for the same r and s: the form JWS forbids.
QByteArray rawToDer(const QByteArray& raw)
{
    const QByteArray body = derInteger(raw.left(32)) + derInteger(raw.mid(32));
    return QByteArray(1, '\x30') + char(body.size()) + body;
}

SigningKey generated(SignatureAlgorithm algorithm)
{
    auto key = SigningKey::generate(algorithm);
    if (!key)
        qFatal("key generation failed");
    return std::move(key).value();
}

void addBothAlgorithms()
{
    QTest::addColumn<SignatureAlgorithm>("algorithm");
    QTest::newRow("Ed25519") << SignatureAlgorithm::Ed25519;
    QTest::newRow("ES256") << SignatureAlgorithm::Es256;
}

} // namespace

class TestSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jwsNamesAreTheRegisteredAlgorithmNames()
    {
        QCOMPARE(jwsName(SignatureAlgorithm::Ed25519), QStringLiteral("EdDSA"));
        QCOMPARE(jwsName(SignatureAlgorithm::Es256), QStringLiteral("ES256"));
    }

    void ed25519MatchesRfc8032Test1()
    {
        const auto key = SigningKey::fromPrivateDer(SignatureAlgorithm::Ed25519, kRfc8032Test1Der);
        QVERIFY(key.ok());
        const auto signature = key->sign(QByteArrayView());
        QVERIFY(signature.ok());
        QCOMPARE(signature->toHex(), kRfc8032Test1Signature.toHex());
        const VerifyingKey verifier = key->verifyingKey();
        QCOMPARE(fromBase64Url(verifier.jwk().value(QLatin1String("x"))).toHex(),
                 kRfc8032Test1Public.toHex());
        QVERIFY(verifier.verify(QByteArrayView(), kRfc8032Test1Signature));
    }

    void ed25519SignatureVerifiesAndTamperedFails()
    {
        const SigningKey key = generated(SignatureAlgorithm::Ed25519);
        const QByteArray message = R"({"sub":"acc-123","aud":"ebooks"})";
        const auto signature = key.sign(message);
        QVERIFY(signature.ok());
        QCOMPARE(signature->size(), 64);
        const VerifyingKey verifier = key.verifyingKey();
        QVERIFY(verifier.verify(message, *signature));

        QByteArray tamperedMessage = message;
        tamperedMessage[5] = 'X';
        QVERIFY(!verifier.verify(tamperedMessage, *signature));
        for (int byte = 0; byte < signature->size(); byte += 7) {
            QByteArray tampered = *signature;
            tampered[byte] = char(tampered[byte] ^ 0x01);
            QVERIFY2(!verifier.verify(message, tampered), qPrintable(QString::number(byte)));
        }
    }

    void es256SignatureIsRaw64Bytes()
    {
        const SigningKey key = generated(SignatureAlgorithm::Es256);
        const QByteArray message = "header.payload";
        const auto signature = key.sign(message);
        QVERIFY(signature.ok());
        QCOMPARE(signature->size(), 64);
        QVERIFY(signature->front() != '\x30' || signature->at(1) != char(signature->size() - 2));
        const VerifyingKey verifier = key.verifyingKey();
        QVERIFY(verifier.verify(message, *signature));
        QVERIFY(!verifier.verify("header.payloaD", *signature));
        QByteArray tampered = *signature;
        tampered[40] = char(tampered[40] ^ 0x10);
        QVERIFY(!verifier.verify(message, tampered));
    }

    void es256SignaturesWithShortRAndSStillVerify()
    {
        // About one signature in 128 has r or s below 2^248: left padding must be right
        // both ways, or those verify as false.
        const SigningKey key = generated(SignatureAlgorithm::Es256);
        const VerifyingKey verifier = key.verifyingKey();
        int padded = 0;
        for (int i = 0; i < 1500; ++i) {
            const QByteArray message = "message " + QByteArray::number(i);
            const auto signature = key.sign(message);
            QVERIFY(signature.ok());
            QCOMPARE(signature->size(), 64);
            if (signature->at(0) == '\0' || signature->at(32) == '\0')
                ++padded;
            QVERIFY2(verifier.verify(message, *signature), message.constData());
        }
        QVERIFY(padded > 0);
    }

    void derSignatureIsRejectedForEs256()
    {
        const SigningKey key = generated(SignatureAlgorithm::Es256);
        const auto raw = key.sign("message");
        QVERIFY(raw.ok());
        const QByteArray der = rawToDer(*raw);
        QVERIFY(der.size() >= 8 && der.size() != 64);
        const VerifyingKey verifier = key.verifyingKey();
        QVERIFY(verifier.verify("message", *raw));
        QVERIFY(!verifier.verify("message", der));
    }

    void signatureOfWrongLengthIsRejected_data()
    {
        QTest::addColumn<SignatureAlgorithm>("algorithm");
        QTest::addColumn<int>("length");
        for (const auto algorithm : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::Es256}) {
            for (const int length : {0, 32, 63, 65, 72, 128}) {
                QTest::addRow("%s, %d bytes", qPrintable(jwsName(algorithm)), length)
                    << algorithm << length;
            }
        }
    }

    void signatureOfWrongLengthIsRejected()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        QFETCH(int, length);
        const SigningKey key = generated(algorithm);
        const auto signature = key.sign("message");
        QVERIFY(signature.ok());
        // The valid signature, cut short or with bytes appended.
        const QByteArray wrong =
            length <= 64 ? signature->left(length) : *signature + QByteArray(length - 64, '\0');
        QVERIFY(!key.verifyingKey().verify("message", wrong));
    }

    void allZeroSignatureIsRejected_data() { addBothAlgorithms(); }

    void allZeroSignatureIsRejected()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        const SigningKey key = generated(algorithm);
        QVERIFY(!key.verifyingKey().verify("message", QByteArray(64, '\0')));
    }

    void signatureOfOtherAlgorithmIsRejected()
    {
        const SigningKey ed = generated(SignatureAlgorithm::Ed25519);
        const SigningKey ec = generated(SignatureAlgorithm::Es256);
        QVERIFY(!ec.verifyingKey().verify("message", *ed.sign("message")));
        QVERIFY(!ed.verifyingKey().verify("message", *ec.sign("message")));
    }

    void privateDerRoundTripKeepsKey_data() { addBothAlgorithms(); }

    void privateDerRoundTripKeepsKey()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        const SigningKey original = generated(algorithm);
        const QByteArray der = original.privateDer();
        QVERIFY(!der.isEmpty());
        const auto restored = SigningKey::fromPrivateDer(algorithm, der);
        QVERIFY(restored.ok());
        QCOMPARE(restored->algorithm(), algorithm);
        QCOMPARE(restored->privateDer(), der);
        QCOMPARE(restored->verifyingKey().jwk(), original.verifyingKey().jwk());
        QVERIFY(original.verifyingKey().verify("message", *restored->sign("message")));
    }

    void ed25519PrivateDerIsPkcs8()
    {
        const auto key = SigningKey::fromPrivateDer(SignatureAlgorithm::Ed25519, kRfc8032Test1Der);
        QVERIFY(key.ok());
        QCOMPARE(key->privateDer().toHex(), kRfc8032Test1Der.toHex());
    }

    void malformedPrivateDerIsRejected_data()
    {
        QTest::addColumn<SignatureAlgorithm>("algorithm");
        QTest::addColumn<QByteArray>("der");
        const QByteArray ec = generated(SignatureAlgorithm::Es256).privateDer();
        QTest::newRow("empty") << SignatureAlgorithm::Ed25519 << QByteArray();
        QTest::newRow("garbage") << SignatureAlgorithm::Es256 << QByteArray("not a key at all");
        QTest::newRow("truncated") << SignatureAlgorithm::Ed25519 << kRfc8032Test1Der.chopped(1);
        QTest::newRow("trailing bytes")
            << SignatureAlgorithm::Ed25519 << kRfc8032Test1Der + QByteArray(1, '\0');
        QTest::newRow("Ed25519 key as ES256") << SignatureAlgorithm::Es256 << kRfc8032Test1Der;
        QTest::newRow("P-256 key as Ed25519") << SignatureAlgorithm::Ed25519 << ec;
        QTest::newRow("secp256k1 key as ES256") << SignatureAlgorithm::Es256 << kSecp256k1Der;
    }

    void malformedPrivateDerIsRejected()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        QFETCH(QByteArray, der);
        const auto key = SigningKey::fromPrivateDer(algorithm, der);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
    }

    void jwkHasExactlyThePublicMembers()
    {
        const QJsonObject ed = generated(SignatureAlgorithm::Ed25519).verifyingKey().jwk();
        QCOMPARE(ed.keys(),
                 (QStringList{QStringLiteral("crv"), QStringLiteral("kty"), QStringLiteral("x")}));
        QCOMPARE(ed.value(QLatin1String("kty")).toString(), QStringLiteral("OKP"));
        QCOMPARE(ed.value(QLatin1String("crv")).toString(), QStringLiteral("Ed25519"));
        QCOMPARE(ed.value(QLatin1String("x")).toString().size(), 43); // 32 bytes, no padding

        const QJsonObject ec = generated(SignatureAlgorithm::Es256).verifyingKey().jwk();
        QCOMPARE(ec.keys(), (QStringList{QStringLiteral("crv"), QStringLiteral("kty"),
                                         QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(ec.value(QLatin1String("kty")).toString(), QStringLiteral("EC"));
        QCOMPARE(ec.value(QLatin1String("crv")).toString(), QStringLiteral("P-256"));
        QCOMPARE(ec.value(QLatin1String("x")).toString().size(), 43);
        QCOMPARE(ec.value(QLatin1String("y")).toString().size(), 43);
    }

    void jwkRoundTripVerifies_data() { addBothAlgorithms(); }

    void jwkRoundTripVerifies()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        const SigningKey key = generated(algorithm);
        QJsonObject jwk = key.verifyingKey().jwk();
        jwk.insert(QLatin1String("kid"), QStringLiteral("2026-11-key-1"));
        jwk.insert(QLatin1String("use"), QStringLiteral("sig"));
        jwk.insert(QLatin1String("alg"), jwsName(algorithm));
        const auto verifier = VerifyingKey::fromJwk(jwk);
        QVERIFY2(verifier.ok(), verifier.ok() ? "" : qPrintable(verifier.error().message));
        QCOMPARE(verifier->algorithm(), algorithm);
        QCOMPARE(verifier->jwk(), key.verifyingKey().jwk());
        QVERIFY(verifier->verify("signed message", *key.sign("signed message")));
        QVERIFY(!verifier->verify("other message", *key.sign("signed message")));
    }

    void jwkCoordinatesAreLeftPaddedTo32Bytes()
    {
        // One P-256 coordinate in 256 starts with a zero byte; it must still be 32 bytes.
        bool sawLeadingZero = false;
        for (int i = 0; i < 3000 && !sawLeadingZero; ++i) {
            const SigningKey key = generated(SignatureAlgorithm::Es256);
            const QJsonObject jwk = key.verifyingKey().jwk();
            const QByteArray x = fromBase64Url(jwk.value(QLatin1String("x")));
            const QByteArray y = fromBase64Url(jwk.value(QLatin1String("y")));
            QCOMPARE(x.size(), 32);
            QCOMPARE(y.size(), 32);
            if (x.front() == '\0' || y.front() == '\0') {
                sawLeadingZero = true;
                const auto verifier = VerifyingKey::fromJwk(jwk);
                QVERIFY(verifier.ok());
                QVERIFY(verifier->verify("m", *key.sign("m")));
            }
        }
        QVERIFY(sawLeadingZero);
    }

    void fromJwkRejectsOtherForms_data()
    {
        QTest::addColumn<QJsonObject>("jwk");
        const QJsonObject ed = generated(SignatureAlgorithm::Ed25519).verifyingKey().jwk();
        const QJsonObject ec = generated(SignatureAlgorithm::Es256).verifyingKey().jwk();
        const QString edX = ed.value(QLatin1String("x")).toString();
        const QByteArray ecY = fromBase64Url(ec.value(QLatin1String("y")));
        const auto with = [](QJsonObject jwk, const char* member, const QJsonValue& value) {
            jwk.insert(QLatin1String(member), value);
            return jwk;
        };
        const auto without = [](QJsonObject jwk, const char* member) {
            jwk.remove(QLatin1String(member));
            return jwk;
        };

        QTest::newRow("empty object") << QJsonObject();
        QTest::newRow("RSA kty") << with(ed, "kty", QStringLiteral("RSA"));
        QTest::newRow("oct kty") << with(ed, "kty", QStringLiteral("oct"));
        QTest::newRow("OKP with X25519") << with(ed, "crv", QStringLiteral("X25519"));
        QTest::newRow("OKP with Ed448") << with(ed, "crv", QStringLiteral("Ed448"));
        QTest::newRow("OKP claiming P-256") << with(ed, "crv", QStringLiteral("P-256"));
        QTest::newRow("EC with P-384") << with(ec, "crv", QStringLiteral("P-384"));
        QTest::newRow("EC with secp256k1") << with(ec, "crv", QStringLiteral("secp256k1"));
        QTest::newRow("missing x") << without(ed, "x");
        QTest::newRow("x not a string") << with(ed, "x", 42);
        QTest::newRow("x of 31 bytes")
            << with(ed, "x", toBase64Url(fromBase64Url(QJsonValue(edX)).left(31)));
        QTest::newRow("x of 33 bytes")
            << with(ed, "x", toBase64Url(fromBase64Url(QJsonValue(edX)) + '\0'));
        QTest::newRow("x with padding") << with(ed, "x", edX + QLatin1Char('='));
        QTest::newRow("x in standard base64") << with(
            ed, "x",
            QString::fromLatin1(QByteArray(32, '\xfb').toBase64(QByteArray::OmitTrailingEquals)));
        QTest::newRow("x with a stray character") << with(ed, "x", edX.left(42) + u'!');
        QTest::newRow("EC missing y") << without(ec, "y");
        QTest::newRow("EC y of 31 bytes") << with(ec, "y", toBase64Url(ecY.mid(1)));
        QByteArray offCurve = ecY;
        offCurve[31] = char(offCurve[31] ^ 1);
        QTest::newRow("EC point off the curve") << with(ec, "y", toBase64Url(offCurve));
        QTest::newRow("Ed25519 key with alg ES256") << with(ed, "alg", QStringLiteral("ES256"));
        QTest::newRow("P-256 key with alg EdDSA") << with(ec, "alg", QStringLiteral("EdDSA"));
        QTest::newRow("alg none") << with(ed, "alg", QStringLiteral("none"));
    }

    void fromJwkRejectsOtherForms()
    {
        QFETCH(QJsonObject, jwk);
        const auto verifier = VerifyingKey::fromJwk(jwk);
        QVERIFY(!verifier.ok());
        QCOMPARE(verifier.error().code, ErrorCode::InvalidArgument);
    }

    void verifyIsCorrectFromManyThreads_data() { addBothAlgorithms(); }

    void verifyIsCorrectFromManyThreads()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        const SigningKey key = generated(algorithm);
        const VerifyingKey verifier = key.verifyingKey(); // one shared EVP_PKEY for all threads
        QList<QByteArray> messages;
        for (int i = 0; i < 32; ++i)
            messages.append("message " + QByteArray::number(i));
        QList<QByteArray> signatures;
        for (const QByteArray& message : messages)
            signatures.append(*key.sign(message));

        QList<int> indexes;
        for (int i = 0; i < messages.size(); ++i)
            indexes.append(i);
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        // Each job checks a valid signature and its neighbour's (invalid for this message).
        const QList<int> results = QtConcurrent::blockingMapped(&pool, indexes, [&](int i) -> int {
            int correct = 0;
            for (int round = 0; round < 10; ++round) {
                const bool valid = verifier.verify(messages[i], signatures[i]);
                const bool invalid =
                    verifier.verify(messages[i], signatures[(i + 1) % signatures.size()]);
                correct += (valid && !invalid) ? 1 : 0;
            }
            return correct;
        });
        QCOMPARE(results, QList<int>(messages.size(), 10));
    }

    void copiedVerifyingKeyKeepsWorking()
    {
        const SigningKey key = generated(SignatureAlgorithm::Ed25519);
        const auto signature = key.sign("m");
        QVERIFY(signature.ok());
        VerifyingKey copy = key.verifyingKey();
        {
            const VerifyingKey original = key.verifyingKey();
            copy = original;
        }
        QVERIFY(copy.verify("m", *signature));
        const VerifyingKey moved(std::move(copy));
        QVERIFY(moved.verify("m", *signature));
    }
};

QTEST_GUILESS_MAIN(TestSignature)
#include "tst_signature.moc"
