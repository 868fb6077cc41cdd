// JWT access tokens through the engine: named keys, roles, minting, the JWKS,
// rotation, and who may mint.
#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "engine/Jwks.h"
#include "engine/JwtVerifier.h"
#include "engine/OidcKey.h"
#include "engine/OidcRole.h"
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::Actor;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
const QString kClient = u"api:127.0.0.1"_s;
const QString kAudience = u"https://ebooks.library.example"_s;

QStringList kidsOf(const QJsonObject& jwks)
{
    QStringList kids;
    for (const QJsonValue& key : jwks.value(u"keys").toArray())
        kids << key.toObject().value(u"kid").toString();
    return kids;
}

QString kidOf(const QString& jwt)
{
    const QByteArray header =
        QByteArray::fromBase64(jwt.section(u'.', 0, 0).toLatin1(),
                               QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(header).object().value(u"kid").toString();
}

} // namespace

class TestOidc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void mintedJwtVerifiesAgainstJwks();
    void jwtExpiryNeverExceedsTokenExpiry_data();
    void jwtExpiryNeverExceedsTokenExpiry();
    void batchTokenGetsStableSubject();
    void rotatedKeyStillVerifiesOldJwtUntilVerificationTtl();
    void keyRotatesOnUseWhenPeriodHasPassed();
    void mintingNeedsRolePermission();
    void storeOwnerCannotMint();
    void keyMustAllowRolesClient();
    void roleTtlCannotOutliveVerificationTtl();
    void keyInUseCannotBeDeleted();
    void templateClaimsComeFromToken();
    void discoveryDocumentPointsAtJwks();
    void oidcAdministrationFollowsPolicyPaths();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    qint64 now() { return m_temp->clock().nowSeconds(); }
    Status setUp(qint64 roleTtl = kHour, OidcKey key = {});
    Result<Actor> actor(TokenRequest request = {});

    std::unique_ptr<TempEngine> m_temp;
};

void TestOidc::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestOidc::cleanup()
{
    m_temp.reset();
}

// Key "web" (allowing every client), role "ebooks" signing with it for
// kAudience, and a policy "minter" that may mint under that role.
Status TestOidc::setUp(qint64 roleTtl, OidcKey key)
{
    if (key.name.isEmpty()) {
        key.name = u"web"_s;
        key.allowedClientIds = {u"*"_s};
    }
    TESSERA_TRY(engine().oidc().putKey(owner(), key));
    OidcRole role;
    role.name = u"ebooks"_s;
    role.key = key.name;
    role.clientId = kAudience;
    role.ttl = roleTtl;
    TESSERA_TRY(engine().oidc().putRole(owner(), role));
    return engine().admin().putPolicy(
        owner(), u"minter"_s,
        u"path \"identity/oidc/token/ebooks\" { capabilities = [\"read\"] }"_s);
}

Result<Actor> TestOidc::actor(TokenRequest request)
{
    if (request.policies.isEmpty())
        request.policies = {u"minter"_s};
    if (request.ttl == 0)
        request.ttl = 8 * kHour;
    return test::issueActor(engine(), owner(), request, kClient);
}

void TestOidc::mintedJwtVerifiesAgainstJwks()
{
    QVERIFY(setUp().ok());
    auto reader = actor();
    QVERIFY2(reader, qPrintable(errorText(reader)));

    auto minted = engine().oidc().mintJwt(reader->caller, u"ebooks"_s);
    QVERIFY2(minted, qPrintable(errorText(minted)));
    QCOMPARE(minted->clientId, kAudience);
    QCOMPARE(minted->ttl, kHour);

    // What a web site does offline: fetch the JWKS once, verify locally.
    auto jwks = engine().oidc().jwks();
    QVERIFY(jwks);
    auto keys = Jwks::parse(*jwks);
    QVERIFY2(keys, qPrintable(errorText(keys)));
    const JwtVerifier verifier(*keys, JwtExpectations{engine().config().issuer, kAudience},
                               m_temp->clock());
    auto claims = verifier.verify(QStringView(minted->token));
    QVERIFY2(claims, qPrintable(errorText(claims)));
    QCOMPARE(claims->value(u"iss").toString(), engine().config().issuer);
    QCOMPARE(claims->value(u"sub").toString(), reader->info.accessor);
    QCOMPARE(claims->value(u"aud").toString(), kAudience);
    QCOMPARE(claims->value(u"iat").toInteger(), now());
    QCOMPARE(claims->value(u"nbf").toInteger(), now());
    QCOMPARE(claims->value(u"exp").toInteger(), now() + kHour);
    QCOMPARE(claims->value(u"jti").toString(), minted->jti);
    QCOMPARE(claims->value(u"policies").toArray(),
             QJsonArray::fromStringList(reader->info.policies));

    // The engine's own verifier agrees, and insists on the audience.
    QVERIFY(engine().oidc().verifyJwt(minted->token, kAudience).ok());
    auto elsewhere = engine().oidc().verifyJwt(minted->token, u"https://other.example"_s);
    QVERIFY(!elsewhere);
    QCOMPARE(elsewhere.error().code, ErrorCode::InvalidArgument);

    audit::AuditFilter filter;
    filter.operations = {u"oidc.token"_s};
    const auto trail = engine().admin().auditRecords(filter).valueOr({});
    QCOMPARE(trail.size(), 1);
    QCOMPARE(trail.first().targets, QStringList{reader->info.accessor});
    QCOMPARE(trail.first().details.value(u"jti").toString(), minted->jti);
    QVERIFY(!trail.first().canonicalForm().contains(minted->token.toUtf8()));
}

void TestOidc::jwtExpiryNeverExceedsTokenExpiry_data()
{
    QTest::addColumn<qint64>("tokenTtl"); // 0: a root token that never expires
    QTest::addColumn<qint64>("expectedTtl");
    QTest::newRow("token outlives role ttl") << 8 * kHour << kHour;
    QTest::newRow("token expires first") << 10 * kMinute << 10 * kMinute;
    QTest::newRow("token expires with role ttl") << kHour << kHour;
    QTest::newRow("token never expires") << qint64(0) << kHour;
}

void TestOidc::jwtExpiryNeverExceedsTokenExpiry()
{
    QFETCH(qint64, tokenTtl);
    QFETCH(qint64, expectedTtl);
    QVERIFY(setUp().ok());
    TokenRequest request;
    if (tokenTtl == 0) {
        request.policies = {u"root"_s};
    } else {
        request.policies = {u"minter"_s};
        request.ttl = tokenTtl;
    }
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY2(created, qPrintable(errorText(created)));
    QCOMPARE(created->info.expireAt.has_value(), tokenTtl != 0);
    // Some time passes between issue and mint: the remaining TTL is what counts.
    m_temp->clock().advanceSeconds(kMinute);
    if (tokenTtl != 0)
        expectedTtl = std::min(expectedTtl, tokenTtl - kMinute);
    auto caller = engine().tokens().authenticate(created->token, kClient);
    QVERIFY(caller);

    auto minted = engine().oidc().mintJwt(*caller, u"ebooks"_s);
    QVERIFY2(minted, qPrintable(errorText(minted)));
    QCOMPARE(minted->ttl, expectedTtl);
    QCOMPARE(minted->expiresAt, now() + expectedTtl);
    if (created->info.expireAt)
        QVERIFY(minted->expiresAt <= *created->info.expireAt);
    auto claims = engine().oidc().verifyJwt(minted->token, kAudience);
    QVERIFY2(claims, qPrintable(errorText(claims)));
    QCOMPARE(claims->value(u"exp").toInteger(), minted->expiresAt);
}

void TestOidc::batchTokenGetsStableSubject()
{
    QVERIFY(setUp().ok());
    TokenRequest request;
    request.type = TokenType::Batch;
    request.ttl = 30 * kMinute;
    request.displayName = u"kiosk 1"_s;
    auto batch = actor(request);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    request.displayName = u"kiosk 2"_s;
    auto other = actor(request);
    QVERIFY(other);

    auto first = engine().oidc().mintJwt(batch->caller, u"ebooks"_s);
    QVERIFY2(first, qPrintable(errorText(first)));
    m_temp->clock().advanceSeconds(kMinute);
    auto again = engine().oidc().mintJwt(batch->caller, u"ebooks"_s);
    QVERIFY(again);
    auto sibling = engine().oidc().mintJwt(other->caller, u"ebooks"_s);
    QVERIFY(sibling);
    const auto subjectOf = [&](const MintedJwt& jwt) {
        return engine().oidc().verifyJwt(jwt.token, kAudience).valueOr({}).value(u"sub").toString();
    };
    const QString subject = subjectOf(*first);
    QVERIFY2(subject.startsWith(u"batch:"_s), qPrintable(subject));
    QCOMPARE(subject.size(), 6 + 24);
    QCOMPARE(subjectOf(*again), subject);
    QVERIFY(subjectOf(*sibling) != subject);
    QVERIFY(first->jti != again->jti);
    // A batch token's life bounds its JWTs too.
    QCOMPARE(first->ttl, 30 * kMinute);
    QCOMPARE(again->ttl, 29 * kMinute);
}

void TestOidc::rotatedKeyStillVerifiesOldJwtUntilVerificationTtl()
{
    OidcKey key;
    key.name = u"web"_s;
    key.allowedClientIds = {u"*"_s};
    key.rotationPeriod = 24 * kHour;
    key.verificationTtl = 2 * kHour;
    QVERIFY(setUp(kHour, key).ok());
    auto reader = actor();
    QVERIFY(reader);

    auto old = engine().oidc().mintJwt(reader->caller, u"ebooks"_s);
    QVERIFY(old);
    m_temp->clock().advanceSeconds(10 * kMinute);
    const qint64 rotatedAt = now();
    QVERIFY(engine().oidc().rotateKey(owner(), u"web"_s).ok());
    auto fresh = engine().oidc().mintJwt(reader->caller, u"ebooks"_s);
    QVERIFY(fresh);
    QVERIFY2(fresh->kid != old->kid, "rotation did not change the signing key");
    QCOMPARE(kidOf(old->token), old->kid);

    // Both published; the old JWT still verifies until it expires.
    QCOMPARE(kidsOf(engine().oidc().jwks().valueOr({})).size(), 2);
    m_temp->clock().advanceSeconds(40 * kMinute);
    auto stillGood = engine().oidc().verifyJwt(old->token, kAudience);
    QVERIFY2(stillGood, qPrintable(errorText(stillGood)));
    QVERIFY(engine().oidc().verifyJwt(fresh->token, kAudience).ok());

    // Published until rotation + verification_ttl, not a second longer.
    m_temp->clock().setMs((rotatedAt + 2 * kHour - 1) * 1000);
    QVERIFY(kidsOf(engine().oidc().jwks().valueOr({})).contains(old->kid));
    m_temp->clock().setMs((rotatedAt + 2 * kHour) * 1000);
    const QStringList published = kidsOf(engine().oidc().jwks().valueOr({}));
    QVERIFY2(!published.contains(old->kid), "a rotated-out key outlived its verification_ttl");
    QCOMPARE(published, QStringList{fresh->kid});
    QVERIFY(!engine().oidc().verifyJwt(old->token, kAudience));
}

void TestOidc::keyRotatesOnUseWhenPeriodHasPassed()
{
    OidcKey key;
    key.name = u"web"_s;
    key.allowedClientIds = {u"*"_s};
    key.rotationPeriod = kHour;
    key.verificationTtl = kHour;
    QVERIFY(setUp(30 * kMinute, key).ok());
    auto reader = actor();
    QVERIFY(reader);
    auto first = engine().oidc().mintJwt(reader->caller, u"ebooks"_s);
    QVERIFY(first);

    QSignalSpy changed(&engine(), &TokenEngine::oidcChanged);
    m_temp->clock().advanceSeconds(kHour);
    auto second = engine().oidc().mintJwt(reader->caller, u"ebooks"_s);
    QVERIFY2(second, qPrintable(errorText(second)));
    QVERIFY2(second->kid != first->kid, "the key did not rotate after its rotation_period");
    QCOMPARE(changed.count(), 1);

    audit::AuditFilter filter;
    filter.operations = {u"oidc.key.rotate"_s};
    const auto trail = engine().admin().auditRecords(filter).valueOr({});
    QCOMPARE(trail.size(), 1);
    QCOMPARE(trail.first().client, u"rotation"_s);
    QCOMPARE(trail.first().details.value(u"keys").toArray(), QJsonArray{u"web"_s});
}

void TestOidc::mintingNeedsRolePermission()
{
    QVERIFY(setUp().ok());
    OidcRole other;
    other.name = u"archive"_s;
    other.key = u"web"_s;
    other.clientId = u"https://archive.library.example"_s;
    QVERIFY(engine().oidc().putRole(owner(), other).ok());

    TokenRequest plain;
    plain.policies = {u"default"_s};
    auto visitor = actor(plain);
    QVERIFY(visitor);
    auto refused = engine().oidc().mintJwt(visitor->caller, u"ebooks"_s);
    QVERIFY2(!refused, "a token without the role's policy minted a JWT");
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);

    auto minter = actor();
    QVERIFY(minter);
    QVERIFY(engine().oidc().mintJwt(minter->caller, u"ebooks"_s).ok());
    auto wrongRole = engine().oidc().mintJwt(minter->caller, u"archive"_s);
    QVERIFY(!wrongRole);
    QCOMPARE(wrongRole.error().code, ErrorCode::PermissionDenied);

    audit::AuditFilter filter;
    filter.operations = {u"oidc.token"_s};
    const auto trail = engine().admin().auditRecords(filter).valueOr({});
    QCOMPARE(trail.size(), 3);
    QCOMPARE(trail.at(0).outcome, u"denied"_s);
    QCOMPARE(trail.at(0).actor, visitor->info.accessor);
    QCOMPARE(trail.at(1).outcome, u"ok"_s);
    QCOMPARE(trail.at(2).outcome, u"denied"_s);
}

void TestOidc::storeOwnerCannotMint()
{
    QVERIFY(setUp().ok());
    auto minted = engine().oidc().mintJwt(owner(), u"ebooks"_s);
    QVERIFY(!minted);
    QCOMPARE(minted.error().code, ErrorCode::InvalidArgument);
}

void TestOidc::keyMustAllowRolesClient()
{
    OidcKey key;
    key.name = u"web"_s;
    key.allowedClientIds = {u"https://someone.else"_s};
    QVERIFY(setUp(kHour, key).ok());
    auto reader = actor();
    QVERIFY(reader);
    auto minted = engine().oidc().mintJwt(reader->caller, u"ebooks"_s);
    QVERIFY2(!minted, "a key signed for a client it does not allow");
    QCOMPARE(minted.error().code, ErrorCode::InvalidArgument);

    key.allowedClientIds = {kAudience};
    QVERIFY(engine().oidc().putKey(owner(), key).ok());
    QVERIFY(engine().oidc().mintJwt(reader->caller, u"ebooks"_s).ok());
}

void TestOidc::roleTtlCannotOutliveVerificationTtl()
{
    OidcKey key;
    key.name = u"web"_s;
    key.allowedClientIds = {u"*"_s};
    key.verificationTtl = kHour;
    QVERIFY(engine().oidc().putKey(owner(), key).ok());
    OidcRole role;
    role.name = u"long"_s;
    role.key = u"web"_s;
    role.clientId = kAudience;
    role.ttl = 2 * kHour;
    QCOMPARE(engine().oidc().putRole(owner(), role).error().code, ErrorCode::InvalidArgument);
    role.ttl = kHour;
    QVERIFY(engine().oidc().putRole(owner(), role).ok());
    // Nor can the key's verification_ttl drop below its roles' ttl afterwards.
    key.verificationTtl = 30 * kMinute;
    QCOMPARE(engine().oidc().putKey(owner(), key).error().code, ErrorCode::InvalidArgument);
    role.key = u"missing"_s;
    QCOMPARE(engine().oidc().putRole(owner(), role).error().code, ErrorCode::InvalidArgument);
}

void TestOidc::keyInUseCannotBeDeleted()
{
    QVERIFY(setUp().ok());
    auto deleted = engine().oidc().deleteKey(owner(), u"web"_s);
    QVERIFY(!deleted);
    QCOMPARE(deleted.error().code, ErrorCode::Conflict);
    QVERIFY(deleted.error().message.contains(u"ebooks"_s));
    QVERIFY(engine().oidc().deleteRole(owner(), u"ebooks"_s).ok());
    QVERIFY(engine().oidc().deleteKey(owner(), u"web"_s).ok());
    QCOMPARE(engine().oidc().key(owner(), u"web"_s).error().code, ErrorCode::NotFound);
    QCOMPARE(kidsOf(engine().oidc().jwks().valueOr({})), QStringList{});
}

void TestOidc::templateClaimsComeFromToken()
{
    QVERIFY(setUp().ok());
    auto role = engine().oidc().role(owner(), u"ebooks"_s);
    QVERIFY(role);
    role->templateText =
        uR"({"patron": "{{token.meta.patron_id}}", "desk": "{{token.meta.desk}}", "site": "main"})"_s;
    QVERIFY(engine().oidc().putRole(owner(), *role).ok());
    TokenRequest request;
    request.meta = {{u"patron_id"_s, u"P-1042"_s}};
    auto patron = actor(request);
    QVERIFY(patron);
    auto minted = engine().oidc().mintJwt(patron->caller, u"ebooks"_s);
    QVERIFY2(minted, qPrintable(errorText(minted)));
    auto claims = engine().oidc().verifyJwt(minted->token, kAudience);
    QVERIFY(claims);
    QCOMPARE(claims->value(u"patron").toString(), u"P-1042"_s);
    QCOMPARE(claims->value(u"site").toString(), u"main"_s);
    QVERIFY2(!claims->contains(u"desk"), "a placeholder without a value became a claim");

    role->templateText = uR"({"sub": "someone else"})"_s;
    QCOMPARE(engine().oidc().putRole(owner(), *role).error().code, ErrorCode::InvalidArgument);
}

void TestOidc::discoveryDocumentPointsAtJwks()
{
    const QJsonObject document = engine().oidc().openIdConfiguration();
    QCOMPARE(document.value(u"issuer").toString(), engine().config().issuer);
    QCOMPARE(document.value(u"jwks_uri").toString(),
             engine().config().issuer + u"/.well-known/keys"_s);
}

void TestOidc::oidcAdministrationFollowsPolicyPaths()
{
    QVERIFY(setUp().ok());
    QVERIFY(
        engine()
            .admin()
            .putPolicy(owner(), u"oidc-reader"_s,
                       u"path \"identity/oidc/key/*\" { capabilities = [\"read\", \"list\"] }\n"
                       "path \"identity/oidc/role/*\" { capabilities = [\"read\", \"list\"] }"_s)
            .ok());
    TokenRequest request;
    request.policies = {u"oidc-reader"_s};
    auto reader = actor(request);
    QVERIFY(reader);
    QCOMPARE(engine().oidc().keyNames(reader->caller).valueOr({}), QStringList{u"web"_s});
    QCOMPARE(engine().oidc().roleNames(reader->caller).valueOr({}), QStringList{u"ebooks"_s});
    auto key = engine().oidc().key(reader->caller, u"web"_s);
    QVERIFY(key);
    QCOMPARE(key->allowedClientIds, QStringList{u"*"_s});
    QCOMPARE(engine().oidc().role(reader->caller, u"ebooks"_s).valueOr({}).clientId, kAudience);

    OidcKey changed = *key;
    changed.allowedClientIds = {};
    QCOMPARE(engine().oidc().putKey(reader->caller, changed).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(engine().oidc().rotateKey(reader->caller, u"web"_s).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(engine().oidc().deleteRole(reader->caller, u"ebooks"_s).error().code,
             ErrorCode::PermissionDenied);
}

QTEST_GUILESS_MAIN(TestOidc)
#include "tst_oidc.moc"
