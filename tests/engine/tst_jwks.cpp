#include "engine/Jwks.h"
#include "engine/KeyRing.h"
#include "store/Database.h"
#include "support/TempStore.h"

#include <QJsonArray>
#include <QTest>

using namespace tessera;
using namespace tessera::engine;
using crypto::SignatureAlgorithm;

namespace {

// QVERIFY2 evaluates its message even on success: never call error() on a good Result.
template <typename T> QByteArray why(const Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

constexpr qint64 kNow = 1'790'000'000;
const QString kIssuer = QStringLiteral("https://library.example/v1/identity/oidc");

VerificationKey keyOf(SignatureAlgorithm algorithm, const QString& kid)
{
    auto signing = crypto::SigningKey::generate(algorithm);
    if (!signing.ok())
        qFatal("key generation failed");
    return VerificationKey{kid, QStringLiteral("default"), signing->verifyingKey(), std::nullopt};
}

QJsonObject entryWithKid(const QJsonObject& jwks, const QString& kid)
{
    for (const QJsonValue& entry : jwks.value(u"keys").toArray()) {
        if (entry.toObject().value(u"kid").toString() == kid)
            return entry.toObject();
    }
    return {};
}

} // namespace

class TestJwks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jwksListsCurrentAndPreviousKeys()
    {
        test::TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        auto lease = temp.store().acquire();
        QVERIFY(lease.ok());
        KeyRing ring;
        const OidcKeySettings settings{QStringLiteral("default"), SignatureAlgorithm::Ed25519,
                                       86400, 7200};
        QVERIFY(ring.ensureOidcKey(lease->db(), settings, kNow).ok());
        QVERIFY(
            ring.ensureOidcKey(lease->db(), {QStringLiteral("ec"), SignatureAlgorithm::Es256}, kNow)
                .ok());
        const QString previous = ring.signingKey(settings.name)->kid;
        QVERIFY(ring.rotateOidcKey(lease->db(), settings.name, kNow + 10).ok());
        const QString current = ring.signingKey(settings.name)->kid;
        const QString ec = ring.signingKey(QStringLiteral("ec"))->kid;

        const QJsonObject jwks = Jwks::keySet(ring.verificationKeys(kNow + 10));
        QCOMPARE(jwks.value(u"keys").toArray().size(), 3);
        QVERIFY(!entryWithKid(jwks, previous).isEmpty());
        QVERIFY(!entryWithKid(jwks, current).isEmpty());
        QCOMPARE(entryWithKid(jwks, ec).value(u"alg").toString(), QStringLiteral("ES256"));

        const QJsonObject later = Jwks::keySet(ring.verificationKeys(kNow + 10 + 7200));
        QCOMPARE(later.value(u"keys").toArray().size(), 2);
        QVERIFY(entryWithKid(later, previous).isEmpty());
    }

    void ed25519EntryHasOkpMembers()
    {
        const QJsonObject jwk =
            Jwks::keySet({keyOf(SignatureAlgorithm::Ed25519, QStringLiteral("k1"))})
                .value(u"keys")
                .toArray()
                .first()
                .toObject();
        QCOMPARE(jwk.value(u"kty").toString(), QStringLiteral("OKP"));
        QCOMPARE(jwk.value(u"crv").toString(), QStringLiteral("Ed25519"));
        QCOMPARE(jwk.value(u"x").toString().size(), 43); // 32 bytes, base64url unpadded
        QCOMPARE(jwk.value(u"kid").toString(), QStringLiteral("k1"));
        QCOMPARE(jwk.value(u"use").toString(), QStringLiteral("sig"));
        QCOMPARE(jwk.value(u"alg").toString(), QStringLiteral("EdDSA"));
        QVERIFY(!jwk.contains(u"y"));
    }

    void es256EntryHasEcMembers()
    {
        const QJsonObject jwk =
            Jwks::keySet({keyOf(SignatureAlgorithm::Es256, QStringLiteral("k2"))})
                .value(u"keys")
                .toArray()
                .first()
                .toObject();
        QCOMPARE(jwk.value(u"kty").toString(), QStringLiteral("EC"));
        QCOMPARE(jwk.value(u"crv").toString(), QStringLiteral("P-256"));
        QCOMPARE(jwk.value(u"x").toString().size(), 43);
        QCOMPARE(jwk.value(u"y").toString().size(), 43);
        QCOMPARE(jwk.value(u"use").toString(), QStringLiteral("sig"));
        QCOMPARE(jwk.value(u"alg").toString(), QStringLiteral("ES256"));
    }

    void jwksNeverContainsPrivateMaterial()
    {
        const QJsonObject jwks =
            Jwks::keySet({keyOf(SignatureAlgorithm::Ed25519, QStringLiteral("a")),
                          keyOf(SignatureAlgorithm::Es256, QStringLiteral("b"))});
        for (const QJsonValue& entry : jwks.value(u"keys").toArray()) {
            const QJsonObject jwk = entry.toObject();
            for (const char* privateMember : {"d", "p", "q", "dp", "dq", "qi", "k"})
                QVERIFY2(!jwk.contains(QLatin1String(privateMember)), privateMember);
        }
    }

    void emptyRingPublishesAnEmptyKeySet()
    {
        QCOMPARE(Jwks::keySet({}), QJsonObject({{QStringLiteral("keys"), QJsonArray()}}));
    }

    void publishedKeySetReadsBackToTheSameKeys()
    {
        const QList<VerificationKey> keys{keyOf(SignatureAlgorithm::Ed25519, QStringLiteral("a")),
                                          keyOf(SignatureAlgorithm::Es256, QStringLiteral("b"))};
        const auto parsed = Jwks::parse(Jwks::keySet(keys));
        QVERIFY2(parsed.ok(), why(parsed).constData());
        QCOMPARE(parsed->size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(parsed->at(i).kid, keys.at(i).kid);
            QCOMPARE(parsed->at(i).algorithm(), keys.at(i).algorithm());
            QCOMPARE(parsed->at(i).key.jwk(), keys.at(i).key.jwk());
        }
    }

    void parsingSkipsForeignKeys()
    {
        QJsonObject jwks = Jwks::keySet({keyOf(SignatureAlgorithm::Ed25519, QStringLiteral("a"))});
        QJsonArray entries = jwks.value(u"keys").toArray();
        entries.append(QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                                   {QStringLiteral("kid"), QStringLiteral("rsa")},
                                   {QStringLiteral("alg"), QStringLiteral("RS256")},
                                   {QStringLiteral("n"), QStringLiteral("AQAB")},
                                   {QStringLiteral("e"), QStringLiteral("AQAB")}});
        QJsonObject encryption = entries.first().toObject();
        encryption.insert(QStringLiteral("use"), QStringLiteral("enc"));
        encryption.insert(QStringLiteral("kid"), QStringLiteral("enc"));
        entries.append(encryption);
        jwks.insert(QStringLiteral("keys"), entries);

        const auto parsed = Jwks::parse(jwks);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->size(), 1);
        QCOMPARE(parsed->first().kid, QStringLiteral("a"));
    }

    void keyWhoseAlgContradictsItsCurveIsRefused()
    {
        QJsonObject jwk = Jwks::keySet({keyOf(SignatureAlgorithm::Ed25519, QStringLiteral("a"))})
                              .value(u"keys")
                              .toArray()
                              .first()
                              .toObject();
        jwk.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
        const auto parsed = Jwks::parse(QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}});
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    }

    void documentWithoutKeysIsRefused()
    {
        QVERIFY(!Jwks::parse(QJsonObject{}).ok());
        QVERIFY(!Jwks::parse(QJsonObject{{QStringLiteral("keys"), QStringLiteral("none")}}).ok());
    }

    void discoveryDocumentFollowsVault()
    {
        const QJsonObject document = Jwks::openIdConfiguration(kIssuer);
        QCOMPARE(document.value(u"issuer").toString(), kIssuer);
        QCOMPARE(document.value(u"jwks_uri").toString(),
                 kIssuer + QStringLiteral("/.well-known/keys"));
        QCOMPARE(document.value(u"response_types_supported").toArray(),
                 QJsonArray{QStringLiteral("id_token")});
        QCOMPARE(document.value(u"subject_types_supported").toArray(),
                 QJsonArray{QStringLiteral("public")});
        QCOMPARE(document.value(u"id_token_signing_alg_values_supported").toArray(),
                 QJsonArray({QStringLiteral("EdDSA"), QStringLiteral("ES256")}));
    }

    void jwksUriIgnoresTrailingSlash()
    {
        QCOMPARE(Jwks::keysUrl(kIssuer + u'/'), kIssuer + QStringLiteral("/.well-known/keys"));
    }
};

QTEST_GUILESS_MAIN(TestJwks)
#include "tst_jwks.moc"
