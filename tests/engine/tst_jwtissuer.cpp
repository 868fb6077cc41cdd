#include "engine/Base64Url.h"
#include "engine/JwtIssuer.h"
#include "engine/KeyRing.h"
#include "store/Database.h"
#include "support/TempStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
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

JwtClaims sampleClaims()
{
    JwtClaims claims;
    claims.issuer = QStringLiteral("https://library.example/v1/identity/oidc");
    claims.subject = QStringLiteral("acc-7Hk2");
    claims.audience = QStringLiteral("ebook-portal");
    claims.issuedAt = kNow;
    claims.ttl = 900;
    claims.policies = {QStringLiteral("default"), QStringLiteral("ebooks-read")};
    return claims;
}

QByteArray segmentJson(const QString& token, int index)
{
    const auto decoded = base64UrlDecode(token.split(u'.').value(index).toLatin1());
    return decoded.value_or(QByteArray());
}

QJsonObject segment(const QString& token, int index)
{
    return QJsonDocument::fromJson(segmentJson(token, index)).object();
}

} // namespace

class TestJwtIssuer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;
    std::unique_ptr<KeyRing> m_ring;

private Q_SLOTS:
    void initTestCase()
    {
        m_temp = std::make_unique<test::TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
        auto lease = m_temp->store().acquire();
        QVERIFY(lease.ok());
        m_ring = std::make_unique<KeyRing>();
        QVERIFY(m_ring->ensureOidcKey(lease->db(), {QStringLiteral("default")}, kNow).ok());
        QVERIFY(m_ring
                    ->ensureOidcKey(lease->db(), {QStringLiteral("ec"), SignatureAlgorithm::Es256},
                                    kNow)
                    .ok());
    }

    void cleanupTestCase()
    {
        m_ring.reset();
        m_temp.reset();
    }

    void jwtHasTheHeaderOfItsKey_data()
    {
        QTest::addColumn<QString>("keyName");
        QTest::addColumn<QString>("alg");
        QTest::newRow("default key: EdDSA") << QStringLiteral("default") << QStringLiteral("EdDSA");
        QTest::newRow("ES256 key") << QStringLiteral("ec") << QStringLiteral("ES256");
    }

    void jwtHasTheHeaderOfItsKey()
    {
        QFETCH(QString, keyName);
        QFETCH(QString, alg);
        const JwtIssuer issuer(*m_ring);
        const auto issued = issuer.issue(keyName, sampleClaims());
        QVERIFY2(issued.ok(), why(issued).constData());
        const QJsonObject header = segment(issued->token, 0);
        QCOMPARE(header.value(u"alg").toString(), alg);
        QCOMPARE(header.value(u"typ").toString(), QStringLiteral("JWT"));
        QCOMPARE(header.value(u"kid").toString(), m_ring->signingKey(keyName)->kid);
        QCOMPARE(issued->kid, m_ring->signingKey(keyName)->kid);
        QCOMPARE(header.size(), 3);
        QCOMPARE(base64UrlDecode(issued->token.split(u'.').value(2).toLatin1())->size(), 64);
    }

    void jwtCarriesTheClaimsOfTheDesign()
    {
        const JwtIssuer issuer(*m_ring);
        const auto issued = issuer.issue(QStringLiteral("default"), sampleClaims());
        QVERIFY(issued.ok());
        const QJsonObject claims = segment(issued->token, 1);
        QCOMPARE(claims.value(u"iss").toString(), sampleClaims().issuer);
        QCOMPARE(claims.value(u"sub").toString(), QStringLiteral("acc-7Hk2"));
        QCOMPARE(claims.value(u"aud").toString(), QStringLiteral("ebook-portal"));
        QCOMPARE(claims.value(u"iat").toInteger(), kNow);
        QCOMPARE(claims.value(u"nbf").toInteger(), kNow);
        QCOMPARE(claims.value(u"exp").toInteger(), kNow + 900);
        QCOMPARE(issued->expiresAt, kNow + 900);
        QCOMPARE(claims.value(u"jti").toString(), issued->jti);
        QCOMPARE(claims.value(u"policies").toArray(),
                 QJsonArray({QStringLiteral("default"), QStringLiteral("ebooks-read")}));
    }

    void timesAreWrittenAsIntegers()
    {
        // Some verifiers reject "exp": 1.79e9; NumericDate should read as a plain integer.
        const auto issued = JwtIssuer(*m_ring).issue(QStringLiteral("default"), sampleClaims());
        QVERIFY(issued.ok());
        const QByteArray json = segmentJson(issued->token, 1);
        QVERIFY2(json.contains("\"exp\":1790000900"), json.constData());
        QVERIFY2(json.contains("\"iat\":1790000000"), json.constData());
    }

    void segmentsAreBase64UrlWithoutPadding()
    {
        const auto issued = JwtIssuer(*m_ring).issue(QStringLiteral("ec"), sampleClaims());
        QVERIFY(issued.ok());
        static const QRegularExpression compactJws(
            QStringLiteral("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"));
        QVERIFY2(compactJws.match(issued->token).hasMatch(), qPrintable(issued->token));
    }

    void everyJwtHasItsOwnJti()
    {
        const JwtIssuer issuer(*m_ring);
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const auto issued = issuer.issue(QStringLiteral("default"), sampleClaims());
            QVERIFY(issued.ok());
            QVERIFY(issued->jti.size() >= 22);
            QVERIFY(!seen.contains(issued->jti));
            seen.insert(issued->jti);
        }
    }

    void extraClaimsAreIncluded()
    {
        JwtClaims claims = sampleClaims();
        claims.extra.insert(QStringLiteral("patron"), QStringLiteral("P-004211"));
        claims.extra.insert(QStringLiteral("branch"), QJsonObject{{QStringLiteral("id"), 7}});
        const auto issued = JwtIssuer(*m_ring).issue(QStringLiteral("default"), claims);
        QVERIFY(issued.ok());
        const QJsonObject decoded = segment(issued->token, 1);
        QCOMPARE(decoded.value(u"patron").toString(), QStringLiteral("P-004211"));
        QCOMPARE(decoded.value(u"branch").toObject().value(u"id").toInt(), 7);
    }

    void reservedClaimCannotBeOverridden_data()
    {
        QTest::addColumn<QString>("claim");
        for (const QString& name : JwtIssuer::reservedClaims())
            QTest::newRow(qPrintable(name)) << name;
    }

    void reservedClaimCannotBeOverridden()
    {
        QFETCH(QString, claim);
        JwtClaims claims = sampleClaims();
        claims.extra.insert(claim, QStringLiteral("forged"));
        const auto issued = JwtIssuer(*m_ring).issue(QStringLiteral("default"), claims);
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, ErrorCode::InvalidArgument);
        QVERIFY(issued.error().message.contains(claim));
    }

    void unknownKeyNameIsNotFound()
    {
        const auto issued = JwtIssuer(*m_ring).issue(QStringLiteral("missing"), sampleClaims());
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, ErrorCode::NotFound);
    }

    void jwtWithoutTtlOrAudienceIsRefused_data()
    {
        QTest::addColumn<qint64>("ttl");
        QTest::addColumn<QString>("audience");
        QTest::newRow("zero ttl") << qint64(0) << QStringLiteral("portal");
        QTest::newRow("negative ttl") << qint64(-5) << QStringLiteral("portal");
        QTest::newRow("no audience") << qint64(60) << QString();
    }

    void jwtWithoutTtlOrAudienceIsRefused()
    {
        QFETCH(qint64, ttl);
        QFETCH(QString, audience);
        JwtClaims claims = sampleClaims();
        claims.ttl = ttl;
        claims.audience = audience;
        const auto issued = JwtIssuer(*m_ring).issue(QStringLiteral("default"), claims);
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestJwtIssuer)
#include "tst_jwtissuer.moc"
