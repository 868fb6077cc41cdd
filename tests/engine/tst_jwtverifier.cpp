#include "crypto/Hmac.h"
#include "engine/Base64Url.h"
#include "engine/Jwks.h"
#include "engine/JwtIssuer.h"
#include "engine/JwtVerifier.h"
#include "engine/KeyRing.h"
#include "store/Database.h"
#include "support/FakeClock.h"
#include "support/TempStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace tessera;
using namespace tessera::engine;
using crypto::SignatureAlgorithm;
using crypto::SigningKey;

namespace {

// QVERIFY2 evaluates its message even on success: never call error() on a good Result.
template <typename T> QByteArray why(const Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

constexpr qint64 kNow = 1'790'000'000;
const QString kIssuer = QStringLiteral("https://library.example/v1/identity/oidc");
const QString kAudience = QStringLiteral("ebook-portal");

QJsonObject claimsAt(qint64 iat, qint64 ttl)
{
    return QJsonObject{
        {QStringLiteral("iss"), kIssuer},
        {QStringLiteral("sub"), QStringLiteral("acc-7Hk2")},
        {QStringLiteral("aud"), kAudience},
        {QStringLiteral("iat"), iat},
        {QStringLiteral("nbf"), iat},
        {QStringLiteral("exp"), iat + ttl},
        {QStringLiteral("jti"), QStringLiteral("j-1")},
        {QStringLiteral("policies"), QJsonArray{QStringLiteral("default")}},
    };
}

QJsonObject headerFor(const QString& alg, const QString& kid)
{
    return QJsonObject{{QStringLiteral("alg"), alg},
                       {QStringLiteral("kid"), kid},
                       {QStringLiteral("typ"), QStringLiteral("JWT")}};
}

QByteArray encodeSegment(const QJsonObject& object)
{
    return base64UrlEncode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

SigningKey generate(SignatureAlgorithm algorithm)
{
    auto key = SigningKey::generate(algorithm);
    if (!key.ok())
        qFatal("key generation failed");
    return std::move(*key);
}

} // namespace

class TestJwtVerifier : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock{kNow * 1000};
    std::optional<SigningKey> m_ed;
    std::optional<SigningKey> m_ec;
    std::optional<SigningKey> m_stranger; // not published

    QList<VerificationKey> published() const
    {
        return {VerificationKey{QStringLiteral("ed-1"), QStringLiteral("default"),
                                m_ed->verifyingKey(), std::nullopt},
                VerificationKey{QStringLiteral("ec-1"), QStringLiteral("ec"), m_ec->verifyingKey(),
                                std::nullopt}};
    }

    JwtVerifier verifier(std::optional<QString> audience = kAudience, qint64 leeway = 30) const
    {
        return JwtVerifier(published(), {kIssuer, audience, leeway}, m_clock);
    }

    QString signEd(const QJsonObject& claims) const
    {
        return *JwtIssuer::sign(*m_ed, QStringLiteral("ed-1"), claims);
    }

    static void expectRejection(const Result<QJsonObject>& result, const char* reason)
    {
        QVERIFY2(!result.ok(), "token was accepted");
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(result.error().message.contains(QLatin1String(reason)),
                 qPrintable(result.error().message));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ed.emplace(generate(SignatureAlgorithm::Ed25519));
        m_ec.emplace(generate(SignatureAlgorithm::Es256));
        m_stranger.emplace(generate(SignatureAlgorithm::Ed25519));
    }

    void init() { m_clock.setMs(kNow * 1000); }

    void jwtVerifiesWithPublishedKey()
    {
        // What an offline verifier does: read the JWKS, verify with it.
        const auto keys = Jwks::parse(Jwks::keySet(published()));
        QVERIFY(keys.ok());
        const JwtVerifier offline(*keys, {kIssuer, kAudience}, m_clock);
        const auto claims = offline.verify(signEd(claimsAt(kNow, 600)).toLatin1());
        QVERIFY2(claims.ok(), why(claims).constData());
        QCOMPARE(claims->value(u"sub").toString(), QStringLiteral("acc-7Hk2"));
    }

    void es256JwtVerifies()
    {
        const auto token = JwtIssuer::sign(*m_ec, QStringLiteral("ec-1"), claimsAt(kNow, 600));
        QVERIFY(token.ok());
        const auto claims = verifier().verify(QStringView(*token));
        QVERIFY2(claims.ok(), why(claims).constData());
    }

    void algNoneIsRejected_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("none, empty signature") << QStringLiteral("none") << QByteArray();
        QTest::newRow("None, empty signature") << QStringLiteral("None") << QByteArray();
        QTest::newRow("none, real signature") << QStringLiteral("none") << QByteArray("real");
    }

    void algNoneIsRejected()
    {
        QFETCH(QString, alg);
        QFETCH(QByteArray, signature);
        QByteArray token = encodeSegment(headerFor(alg, QStringLiteral("ed-1"))) + '.' +
                           encodeSegment(claimsAt(kNow, 600)) + '.';
        if (!signature.isEmpty()) {
            // A genuine EdDSA signature over the same input, relabelled "none".
            token += base64UrlEncode(*m_ed->sign(token.chopped(1)));
        }
        expectRejection(verifier().verify(token), "none");
    }

    void hs256WithPublicKeyAsSecretIsRejected_data()
    {
        QTest::addColumn<QString>("kid");
        QTest::newRow("Ed25519 key") << QStringLiteral("ed-1");
        QTest::newRow("ES256 key") << QStringLiteral("ec-1");
    }

    void hs256WithPublicKeyAsSecretIsRejected()
    {
        // The classic confusion: sign with HMAC, using the public key an attacker
        // can read from the JWKS as the secret. Try every form of it.
        QFETCH(QString, kid);
        const QJsonObject jwk =
            kid == u"ed-1" ? m_ed->verifyingKey().jwk() : m_ec->verifyingKey().jwk();
        const QByteArray signingInput = encodeSegment(headerFor(QStringLiteral("HS256"), kid)) +
                                        '.' + encodeSegment(claimsAt(kNow, 600));
        const QList<QByteArray> secrets{
            *base64UrlDecode(jwk.value(u"x").toString().toLatin1()),
            QJsonDocument(jwk).toJson(QJsonDocument::Compact),
            jwk.value(u"x").toString().toLatin1(),
        };
        for (const QByteArray& secret : secrets) {
            const QByteArray token =
                signingInput + '.' + base64UrlEncode(crypto::HmacSha256(secret).mac(signingInput));
            expectRejection(verifier().verify(token), "not accepted");
        }
    }

    void unsupportedAlgorithmsAreRejected_data()
    {
        QTest::addColumn<QString>("alg");
        for (const char* alg : {"RS256", "ES384", "PS256", "eddsa", "es256", "Ed25519"})
            QTest::newRow(alg) << QString::fromLatin1(alg);
        QTest::newRow("empty") << QString();
    }

    void unsupportedAlgorithmsAreRejected()
    {
        QFETCH(QString, alg);
        const auto token =
            JwtIssuer::sign(*m_ed, headerFor(alg, QStringLiteral("ed-1")), claimsAt(kNow, 600));
        expectRejection(verifier().verify(QStringView(*token)), "not accepted");
    }

    void algHeaderNotMatchingKeyIsRejected_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("kid");
        QTest::addColumn<bool>("signWithEd");
        // Header claims ES256 and is really ES256-signed, but names the Ed25519 key.
        QTest::newRow("ES256 header, Ed25519 kid")
            << QStringLiteral("ES256") << QStringLiteral("ed-1") << false;
        QTest::newRow("EdDSA header, ES256 kid")
            << QStringLiteral("EdDSA") << QStringLiteral("ec-1") << true;
    }

    void algHeaderNotMatchingKeyIsRejected()
    {
        QFETCH(QString, alg);
        QFETCH(QString, kid);
        QFETCH(bool, signWithEd);
        const SigningKey& key = signWithEd ? *m_ed : *m_ec;
        const auto token = JwtIssuer::sign(key, headerFor(alg, kid), claimsAt(kNow, 600));
        expectRejection(verifier().verify(QStringView(*token)), "does not match its key");
    }

    void unknownKidIsRejected()
    {
        const auto token =
            JwtIssuer::sign(*m_stranger, QStringLiteral("ed-9"), claimsAt(kNow, 600));
        expectRejection(verifier().verify(QStringView(*token)), "key id is unknown");
    }

    void missingKidIsRejected()
    {
        QJsonObject header = headerFor(QStringLiteral("EdDSA"), QString());
        header.remove(QStringLiteral("kid"));
        const auto token = JwtIssuer::sign(*m_ed, header, claimsAt(kNow, 600));
        expectRejection(verifier().verify(QStringView(*token)), "no key id");
    }

    void signatureOfAnotherKeyIsRejected()
    {
        // Signed by an unpublished key but naming a published kid.
        const auto token =
            JwtIssuer::sign(*m_stranger, QStringLiteral("ed-1"), claimsAt(kNow, 600));
        expectRejection(verifier().verify(QStringView(*token)), "signature is invalid");
    }

    void alteredClaimsAreRejected()
    {
        const QString token = signEd(claimsAt(kNow, 600));
        QJsonObject forged = claimsAt(kNow, 600);
        forged.insert(QStringLiteral("policies"), QJsonArray{QStringLiteral("root")});
        QStringList parts = token.split(u'.');
        parts[1] = QString::fromLatin1(encodeSegment(forged));
        expectRejection(verifier().verify(QStringView(parts.join(u'.'))), "signature is invalid");
    }

    void everyAlteredCharacterIsRejected()
    {
        const QByteArray token = signEd(claimsAt(kNow, 600)).toLatin1();
        for (qsizetype i = 0; i < token.size(); ++i) {
            if (token[i] == '.')
                continue;
            QByteArray altered = token;
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            QVERIFY2(!verifier().verify(altered).ok(), qPrintable(QString::number(i)));
        }
    }

    void nonCanonicalSignatureEncodingIsRejected()
    {
        // 64 bytes take 86 base64url characters, the last one holding 2 bits and 4
        // spare ones; setting a spare bit spells the same signature differently.
        const QByteArray token = signEd(claimsAt(kNow, 600)).toLatin1();
        QVERIFY(verifier().verify(token).ok());
        QByteArray respelled = token;
        const char last = respelled.back();
        const QByteArray alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        respelled.back() = alphabet[alphabet.indexOf(last) | 1];
        QVERIFY(respelled != token);
        expectRejection(verifier().verify(respelled), "signature is invalid");
    }

    void expiredJwtIsRejected_data()
    {
        QTest::addColumn<qint64>("secondsAfterExpiry");
        QTest::addColumn<qint64>("leeway");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("a second before exp, no leeway") << qint64(-1) << qint64(0) << true;
        QTest::newRow("at exp, no leeway") << qint64(0) << qint64(0) << false;
        QTest::newRow("within leeway") << qint64(29) << qint64(30) << true;
        QTest::newRow("past leeway") << qint64(30) << qint64(30) << false;
        QTest::newRow("a day late") << qint64(86400) << qint64(60) << false;
        QTest::newRow("leeway is capped at 300 s") << qint64(301) << qint64(100000) << false;
    }

    void expiredJwtIsRejected()
    {
        QFETCH(qint64, secondsAfterExpiry);
        QFETCH(qint64, leeway);
        QFETCH(bool, accepted);
        const QString token = signEd(claimsAt(kNow - 600, 600)); // exp == kNow
        m_clock.setMs((kNow + secondsAfterExpiry) * 1000);
        const auto result = verifier(kAudience, leeway).verify(QStringView(token));
        if (accepted)
            QVERIFY2(result.ok(), why(result).constData());
        else
            expectRejection(result, "expired");
    }

    void notYetValidJwtIsRejected_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<qint64>("secondsAhead");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("nbf within leeway") << QStringLiteral("nbf") << qint64(30) << true;
        QTest::newRow("nbf beyond leeway") << QStringLiteral("nbf") << qint64(31) << false;
        QTest::newRow("iat beyond leeway") << QStringLiteral("iat") << qint64(3600) << false;
        QTest::newRow("nbf not a number") << QStringLiteral("nbf") << qint64(-1) << false;
    }

    void notYetValidJwtIsRejected()
    {
        QFETCH(QString, claim);
        QFETCH(qint64, secondsAhead);
        QFETCH(bool, accepted);
        QJsonObject claims = claimsAt(kNow, 7200);
        if (secondsAhead < 0)
            claims.insert(claim, QStringLiteral("soon"));
        else
            claims.insert(claim, kNow + secondsAhead);
        const auto result = verifier().verify(QStringView(signEd(claims)));
        if (accepted)
            QVERIFY2(result.ok(), why(result).constData());
        else
            expectRejection(result, "not valid yet");
    }

    void jwtWithoutExpiryIsRejected()
    {
        QJsonObject claims = claimsAt(kNow, 600);
        claims.remove(QStringLiteral("exp"));
        expectRejection(verifier().verify(QStringView(signEd(claims))), "no expiry");
        claims.insert(QStringLiteral("exp"), QStringLiteral("tomorrow"));
        expectRejection(verifier().verify(QStringView(signEd(claims))), "no expiry");
    }

    void wrongIssuerIsRejected()
    {
        QJsonObject claims = claimsAt(kNow, 600);
        claims.insert(QStringLiteral("iss"),
                      QStringLiteral("https://evil.example/v1/identity/oidc"));
        expectRejection(verifier().verify(QStringView(signEd(claims))), "issuer does not match");
        claims.remove(QStringLiteral("iss"));
        expectRejection(verifier().verify(QStringView(signEd(claims))), "issuer does not match");
    }

    void wrongAudienceIsRejected_data()
    {
        QTest::addColumn<QJsonValue>("aud");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("the expected string") << QJsonValue(kAudience) << true;
        QTest::newRow("another string") << QJsonValue(QStringLiteral("wifi-portal")) << false;
        QTest::newRow("array containing it")
            << QJsonValue(QJsonArray{QStringLiteral("wifi-portal"), kAudience}) << true;
        QTest::newRow("array without it")
            << QJsonValue(QJsonArray{QStringLiteral("wifi-portal")}) << false;
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << false;
        QTest::newRow("a number") << QJsonValue(7) << false;
        QTest::newRow("case differs") << QJsonValue(kAudience.toUpper()) << false;
    }

    void wrongAudienceIsRejected()
    {
        QFETCH(QJsonValue, aud);
        QFETCH(bool, accepted);
        QJsonObject claims = claimsAt(kNow, 600);
        claims.remove(QStringLiteral("aud"));
        if (!aud.isUndefined())
            claims.insert(QStringLiteral("aud"), aud);
        const auto result = verifier().verify(QStringView(signEd(claims)));
        if (accepted)
            QVERIFY2(result.ok(), why(result).constData());
        else
            expectRejection(result, "audience does not match");
    }

    void audienceCheckCanBeLeftToTheCaller()
    {
        QJsonObject claims = claimsAt(kNow, 600);
        claims.insert(QStringLiteral("aud"), QStringLiteral("any-site"));
        QVERIFY(verifier(std::nullopt).verify(QStringView(signEd(claims))).ok());
    }

    void criticalHeaderExtensionsAreRejected()
    {
        QJsonObject header = headerFor(QStringLiteral("EdDSA"), QStringLiteral("ed-1"));
        header.insert(QStringLiteral("crit"), QJsonArray{QStringLiteral("b64")});
        header.insert(QStringLiteral("b64"), false);
        const auto token = JwtIssuer::sign(*m_ed, header, claimsAt(kNow, 600));
        expectRejection(verifier().verify(QStringView(*token)), "critical");
    }

    void malformedTokensAreRejected_data()
    {
        const QByteArray header =
            encodeSegment(headerFor(QStringLiteral("EdDSA"), QStringLiteral("ed-1")));
        const QByteArray claims = encodeSegment(claimsAt(kNow, 600));
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("compact JWS");
        QTest::newRow("one segment") << header << QStringLiteral("compact JWS");
        QTest::newRow("two segments") << header + '.' + claims << QStringLiteral("compact JWS");
        QTest::newRow("four segments")
            << header + '.' + claims + ".AA.AA" << QStringLiteral("compact JWS");
        QTest::newRow("JWE-like five segments")
            << QByteArray("a.b.c.d.e") << QStringLiteral("compact JWS");
        QTest::newRow("padded header")
            << header + "==." + claims + ".AA" << QStringLiteral("header");
        QTest::newRow("standard base64 alphabet")
            << QByteArray("ey+/.e.e") << QStringLiteral("header");
        QTest::newRow("header not JSON")
            << base64UrlEncode("{alg:") + '.' + claims + ".AA" << QStringLiteral("header");
        QTest::newRow("header is an array")
            << base64UrlEncode("[\"EdDSA\"]") + '.' + claims + ".AA" << QStringLiteral("header");
        QTest::newRow("alg is a number")
            << base64UrlEncode("{\"alg\":1,\"kid\":\"ed-1\"}") + '.' + claims + ".AA"
            << QStringLiteral("no algorithm");
        QTest::newRow("kid is an array")
            << base64UrlEncode("{\"alg\":\"EdDSA\",\"kid\":[\"ed-1\"]}") + '.' + claims + ".AA"
            << QStringLiteral("no key id");
        QTest::newRow("short signature")
            << header + '.' + claims + ".AAAA" << QStringLiteral("signature is invalid");
        QTest::newRow("signature with a space")
            << header + '.' + claims + ".AA AA" << QStringLiteral("signature is invalid");
        QTest::newRow("oversize") << header + '.' + QByteArray(JwtVerifier::kMaxTokenSize, 'A') +
                                         ".AA"
                                  << QStringLiteral("too large");
    }

    void malformedTokensAreRejected()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, reason);
        expectRejection(verifier().verify(token), qPrintable(reason));
    }

    void validlySignedGarbageClaimsAreRejected()
    {
        // Signed by the real key, yet the payload is not a claims object.
        const QByteArray input =
            encodeSegment(headerFor(QStringLiteral("EdDSA"), QStringLiteral("ed-1"))) + '.' +
            base64UrlEncode("[1,2,3]");
        const QByteArray token = input + '.' + base64UrlEncode(*m_ed->sign(input));
        expectRejection(verifier().verify(token), "claims are not");
    }

    void nonLatinInputIsRejected()
    {
        const QString token = signEd(claimsAt(kNow, 600)) + QStringLiteral("é");
        QVERIFY(!verifier().verify(QStringView(token)).ok());
    }

    void hostileInputNeverCrashes()
    {
        // A tiny in-process fuzzer: random edits of a valid token and pure noise.
        const QByteArray valid = signEd(claimsAt(kNow, 600)).toLatin1();
        const JwtVerifier strict = verifier();
        auto* random = QRandomGenerator::global();
        int accepted = 0;
        for (int i = 0; i < 5'000; ++i) {
            QByteArray input = valid;
            const int edits = random->bounded(1, 8);
            for (int e = 0; e < edits; ++e) {
                const int position = random->bounded(int(input.size()) + 1);
                switch (random->bounded(3)) {
                case 0:
                    if (position < input.size())
                        input[position] = static_cast<char>(random->bounded(256));
                    break;
                case 1:
                    input.insert(position, static_cast<char>(random->bounded(256)));
                    break;
                default:
                    input.remove(position, random->bounded(1, 20));
                    break;
                }
            }
            if (strict.verify(input).ok() && input != valid)
                ++accepted;
            QByteArray noise(random->bounded(0, 300), Qt::Uninitialized);
            for (char& c : noise)
                c = "eyJ.AZaz09-_{}\":,"[random->bounded(17)];
            QVERIFY(!strict.verify(noise).ok());
        }
        // Every byte is covered by the signature or is the signature, and base64url
        // is decoded strictly: no edit may survive.
        QCOMPARE(accepted, 0);
    }

    void oldKeyStillVerifiesAfterRotationUntilVerificationTtl()
    {
        test::TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        auto lease = temp.store().acquire();
        QVERIFY(lease.ok());
        KeyRing ring;
        const OidcKeySettings settings{QStringLiteral("default"), SignatureAlgorithm::Ed25519,
                                       86400, 3600};
        QVERIFY(ring.ensureOidcKey(lease->db(), settings, kNow).ok());

        JwtClaims claims;
        claims.issuer = kIssuer;
        claims.subject = QStringLiteral("acc-1");
        claims.audience = kAudience;
        claims.issuedAt = kNow;
        // Longer than the verification TTL (a role should not allow that), so the
        // key's removal, not the expiry, is what ends the old token.
        claims.ttl = 7200;
        const auto beforeRotation = JwtIssuer(ring).issue(settings.name, claims);
        QVERIFY(beforeRotation.ok());

        QVERIFY(ring.rotateOidcKey(lease->db(), settings.name, kNow + 60).ok());
        claims.issuedAt = kNow + 60;
        const auto afterRotation = JwtIssuer(ring).issue(settings.name, claims);
        QVERIFY(afterRotation.ok());
        QVERIFY(afterRotation->kid != beforeRotation->kid);

        const auto verifyAt = [&](qint64 now, const QString& token) {
            m_clock.setMs(now * 1000);
            return JwtVerifier(ring.verificationKeys(now), {kIssuer, kAudience, 0}, m_clock)
                .verify(QStringView(token));
        };
        QVERIFY(verifyAt(kNow + 61, beforeRotation->token).ok());
        QVERIFY(verifyAt(kNow + 61, afterRotation->token).ok());
        QVERIFY(verifyAt(kNow + 60 + 3599, beforeRotation->token).ok());
        // Past the verification TTL the old key is gone from the JWKS.
        expectRejection(verifyAt(kNow + 60 + 3600, beforeRotation->token), "key id is unknown");
        QVERIFY(verifyAt(kNow + 60 + 3600, afterRotation->token).ok());
    }
};

QTEST_GUILESS_MAIN(TestJwtVerifier)
#include "tst_jwtverifier.moc"
