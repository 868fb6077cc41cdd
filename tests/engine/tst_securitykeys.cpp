// Security keys (WebAuthn) through the engine: registering a key in two
// steps, signing in with it as the second factor, removing it, and the
// refusals a relying party owes its users: another origin or site, a used or
// expired challenge, a replayed assertion, a key that is not the user's, a
// counter that goes backwards (a cloned key), no user presence. Who may
// manage keys, and that the audit log names the method and the key's name,
// never key material.
#include "audit/AuditRecord.h"
#include "engine/CoseKey.h"
#include "engine/MfaRequests.h"
#include "engine/SecurityKeyService.h"
#include "engine/TokenEngine.h"
#include "engine/User.h"
#include "support/EngineActors.h"
#include "support/SoftAuthenticator.h"
#include "support/TempEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using crypto::SignatureAlgorithm;
using tessera::test::errorText;
using tessera::test::SoftAuthenticator;
using tessera::test::TempEngine;

namespace {

const QString kPassword = u"correct horse battery staple"_s;
const QString kClient = u"api:10.0.0.7"_s;
const QString kOrigin = u"https://library.example.org"_s;

RelyingParty library()
{
    return {u"library.example.org"_s, {kOrigin}, u"Tessera"_s};
}

} // namespace

class TestSecurityKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void registeredKeyIsListedAndAskedForAtSignIn_data();
    void registeredKeyIsListedAndAskedForAtSignIn();
    void keySignsInAsTheSecondFactor_data();
    void keySignsInAsTheSecondFactor();
    void removedKeyNoLongerSignsIn();
    void registrationFromAnotherOriginIsRefused();
    void registrationForAnotherSiteIsRefused();
    void registrationChallengeIsSingleUse();
    void registrationChallengeExpiresAfterFiveMinutes();
    void sameKeyCannotBeRegisteredTwice();
    void keyNamesAreRequiredAndUniquePerUser();
    void assertionFromAnotherOriginIsRefused();
    void replayedAssertionIsRefused();
    void assertionWithoutUserPresenceIsRefused();
    void anotherUsersKeyIsRefused();
    void counterGoingBackwardsIsRefusedAsACloneAndAudited();
    void wrongAssertionsCountTowardsTheLockout();
    void keyOptionsNeedALivePendingSignIn();
    void ownSignInTokenManagesOnlyItsOwnKeys();
    void deletingTheUserRemovesItsKeys();
    void auditNamesTheKeyNeverItsMaterial();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    SecurityKeyService& keys() { return engine().securityKeys(); }
    // Registers `key` for alice under `label` through both steps.
    Result<SecurityKey> enrol(SoftAuthenticator& key, const QString& label = u"Blue key"_s,
                              const QString& user = u"alice"_s);
    // A password sign-in of alice that waits for its second factor; its id.
    QString pendingSignIn();
    Result<CreatedToken> signInWith(SoftAuthenticator& key);

    std::unique_ptr<TempEngine> m_temp;
};

void TestSecurityKeys::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    for (const QString& name : {u"alice"_s, u"bob"_s}) {
        User user;
        user.name = name;
        QVERIFY(engine().userpass().putUser(owner(), user, kPassword).ok());
    }
}

void TestSecurityKeys::cleanup()
{
    m_temp.reset();
}

Result<SecurityKey> TestSecurityKeys::enrol(SoftAuthenticator& key, const QString& label,
                                            const QString& user)
{
    auto options = keys().registrationOptions(owner(), user, library());
    TESSERA_TRY(options);
    auto response = RegistrationResponse::fromJson(key.create(*options));
    TESSERA_TRY(response);
    return keys().registerKey(owner(), user, label, library(), *response);
}

QString TestSecurityKeys::pendingSignIn()
{
    auto first = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
    return first && first->mfa ? first->mfa->requestId : QString();
}

Result<CreatedToken> TestSecurityKeys::signInWith(SoftAuthenticator& key)
{
    const QString request = pendingSignIn();
    auto options = engine().userpass().keyOptions(request, library());
    TESSERA_TRY(options);
    auto assertion = AssertionResponse::fromJson(key.get(*options));
    TESSERA_TRY(assertion);
    return engine().userpass().validateMfa(request, {std::nullopt, *assertion, library()}, kClient);
}

void TestSecurityKeys::registeredKeyIsListedAndAskedForAtSignIn_data()
{
    QTest::addColumn<SignatureAlgorithm>("algorithm");
    QTest::addColumn<qint64>("cose");
    QTest::newRow("ES256") << SignatureAlgorithm::Es256 << CoseKey::kEs256;
    QTest::newRow("EdDSA") << SignatureAlgorithm::Ed25519 << CoseKey::kEdDsa;
}

void TestSecurityKeys::registeredKeyIsListedAndAskedForAtSignIn()
{
    QFETCH(SignatureAlgorithm, algorithm);
    QFETCH(qint64, cose);
    SoftAuthenticator key(algorithm, kOrigin);
    auto registered = enrol(key, u"  Blue key "_s);
    QVERIFY2(registered.ok(), qPrintable(errorText(registered)));
    QCOMPARE(registered->label, u"Blue key"_s);
    QCOMPARE(registered->algorithm, cose);

    auto listed = keys().keys(owner(), u"alice"_s);
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().id(), registered->id());
    QCOMPARE(listed->first().lastUsedAt, 0);
    QCOMPARE(engine().secondFactors().factors(owner(), u"alice"_s)->required(),
             QStringList{u"webauthn"_s});

    auto first = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
    QVERIFY(first.ok());
    QVERIFY(!first->token);
    QCOMPARE(first->mfa->methods, QStringList{u"webauthn"_s});
    // bob has no key: the password alone.
    QVERIFY(engine().userpass().login(u"bob"_s, kPassword, kClient).ok());
}

void TestSecurityKeys::keySignsInAsTheSecondFactor_data()
{
    registeredKeyIsListedAndAskedForAtSignIn_data();
}

void TestSecurityKeys::keySignsInAsTheSecondFactor()
{
    QFETCH(SignatureAlgorithm, algorithm);
    SoftAuthenticator key(algorithm, kOrigin);
    QVERIFY(enrol(key).ok());
    m_temp->clock().advanceSeconds(60);
    auto token = signInWith(key);
    QVERIFY2(token.ok(), qPrintable(errorText(token)));
    QCOMPARE(token->info.meta.value(u"username"_s), u"alice"_s);
    QVERIFY(engine().tokens().validate(token->token).ok());
    const auto listed = keys().keys(owner(), u"alice"_s);
    QCOMPARE(listed->first().lastUsedAt, m_temp->clock().nowSeconds());
    QCOMPARE(listed->first().signCount, key.counter);
}

void TestSecurityKeys::removedKeyNoLongerSignsIn()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    auto registered = enrol(key);
    QVERIFY(registered.ok());
    QVERIFY(keys().removeKey(owner(), u"alice"_s, registered->id()).ok());
    QCOMPARE(keys().keys(owner(), u"alice"_s)->size(), 0);
    QCOMPARE(keys().removeKey(owner(), u"alice"_s, registered->id()).error().code,
             ErrorCode::NotFound);
    // No second factor left: the password signs in alone, and the key is no answer.
    QVERIFY(engine().userpass().login(u"alice"_s, kPassword, kClient).ok());
    SoftAuthenticator other(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(other, u"Spare"_s).ok());
    QCOMPARE(signInWith(key).error().code, ErrorCode::PermissionDenied);
    QVERIFY(signInWith(other).ok());
}

void TestSecurityKeys::registrationFromAnotherOriginIsRefused()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, u"https://library.example.org.evil.test"_s);
    auto registered = enrol(key);
    QCOMPARE(registered.error().code, ErrorCode::PermissionDenied);
    QVERIFY(registered.error().message.contains(u"origin"_s));
    QCOMPARE(keys().keys(owner(), u"alice"_s)->size(), 0);
}

void TestSecurityKeys::registrationForAnotherSiteIsRefused()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    key.rpId = u"evil.test"_s;
    auto registered = enrol(key);
    QCOMPARE(registered.error().code, ErrorCode::PermissionDenied);
    QVERIFY(registered.error().message.contains(u"another site"_s));
}

void TestSecurityKeys::registrationChallengeIsSingleUse()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    auto options = keys().registrationOptions(owner(), u"alice"_s, library());
    QVERIFY(options.ok());
    const auto response = RegistrationResponse::fromJson(key.create(*options));
    QVERIFY(keys().registerKey(owner(), u"alice"_s, u"One"_s, library(), *response).ok());
    const auto again = keys().registerKey(owner(), u"alice"_s, u"Two"_s, library(), *response);
    QCOMPARE(again.error().code, ErrorCode::PermissionDenied);
    // A challenge issued for alice does not register a key for bob.
    auto forAlice = keys().registrationOptions(owner(), u"alice"_s, library());
    const auto stolen = RegistrationResponse::fromJson(key.create(*forAlice));
    QCOMPARE(keys().registerKey(owner(), u"bob"_s, u"One"_s, library(), *stolen).error().code,
             ErrorCode::PermissionDenied);
}

void TestSecurityKeys::registrationChallengeExpiresAfterFiveMinutes()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    auto options = keys().registrationOptions(owner(), u"alice"_s, library());
    QVERIFY(options.ok());
    QCOMPARE(options->value(u"timeout"_s).toInteger(), 300'000);
    m_temp->clock().advanceSeconds(SecurityKeyService::kChallengeLifetimeSeconds);
    const auto response = RegistrationResponse::fromJson(key.create(*options));
    QCOMPARE(keys().registerKey(owner(), u"alice"_s, u"One"_s, library(), *response).error().code,
             ErrorCode::PermissionDenied);
}

void TestSecurityKeys::sameKeyCannotBeRegisteredTwice()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    auto options = keys().registrationOptions(owner(), u"bob"_s, library());
    QVERIFY(options.ok());
    // For alice the browser is told which keys she has.
    auto forAlice = keys().registrationOptions(owner(), u"alice"_s, library());
    QCOMPARE(forAlice->value(u"excludeCredentials"_s).toArray().size(), 1);
    const auto response = RegistrationResponse::fromJson(key.create(*options));
    QCOMPARE(keys().registerKey(owner(), u"bob"_s, u"Mine"_s, library(), *response).error().code,
             ErrorCode::Conflict);
}

void TestSecurityKeys::keyNamesAreRequiredAndUniquePerUser()
{
    SoftAuthenticator first(SignatureAlgorithm::Es256, kOrigin);
    SoftAuthenticator second(SignatureAlgorithm::Es256, kOrigin);
    QCOMPARE(enrol(first, u"   "_s).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(enrol(first, QString(65, u'k')).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(enrol(first, u"Tab\tname"_s).error().code, ErrorCode::InvalidArgument);
    QVERIFY(enrol(first, u"Ring"_s).ok());
    QCOMPARE(enrol(second, u"ring"_s).error().code, ErrorCode::Conflict);
    QVERIFY(enrol(second, u"Ring"_s, u"bob"_s).ok());
}

void TestSecurityKeys::assertionFromAnotherOriginIsRefused()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    key.origin = u"https://evil.test"_s;
    auto refused = signInWith(key);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(refused.error().message.contains(u"origin"_s));
    key.origin = kOrigin;
    key.crossOrigin = true;
    QCOMPARE(signInWith(key).error().code, ErrorCode::PermissionDenied);
    key.crossOrigin = false;
    QVERIFY(signInWith(key).ok());
}

void TestSecurityKeys::replayedAssertionIsRefused()
{
    SoftAuthenticator key(SignatureAlgorithm::Ed25519, kOrigin);
    QVERIFY(enrol(key).ok());
    const QString request = pendingSignIn();
    auto options = engine().userpass().keyOptions(request, library());
    QVERIFY(options.ok());
    const auto assertion = AssertionResponse::fromJson(key.get(*options));
    QVERIFY(engine()
                .userpass()
                .validateMfa(request, {std::nullopt, *assertion, library()}, kClient)
                .ok());
    // The same answer again: the request is used up.
    QCOMPARE(engine()
                 .userpass()
                 .validateMfa(request, {std::nullopt, *assertion, library()}, kClient)
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    // ...and on a new sign-in its challenge is not the new one.
    const QString next = pendingSignIn();
    QVERIFY(engine().userpass().keyOptions(next, library()).ok());
    QCOMPARE(engine()
                 .userpass()
                 .validateMfa(next, {std::nullopt, *assertion, library()}, kClient)
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
}

void TestSecurityKeys::assertionWithoutUserPresenceIsRefused()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    key.userPresent = false;
    auto refused = signInWith(key);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(refused.error().message.contains(u"touched"_s));
}

void TestSecurityKeys::anotherUsersKeyIsRefused()
{
    SoftAuthenticator alices(SignatureAlgorithm::Es256, kOrigin);
    SoftAuthenticator bobs(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(alices).ok());
    QVERIFY(enrol(bobs, u"Bob's"_s, u"bob"_s).ok());
    auto refused = signInWith(bobs);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(refused.error().message.contains(u"not registered for the user"_s));
}

void TestSecurityKeys::counterGoingBackwardsIsRefusedAsACloneAndAudited()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    key.counter = 41;
    QVERIFY(signInWith(key).ok()); // 42
    key.counter = 41;              // a copy of the key that signed less: 42 again
    auto cloned = signInWith(key);
    QCOMPARE(cloned.error().code, ErrorCode::PermissionDenied);
    QVERIFY(cloned.error().message.contains(u"cloned"_s));
    key.counter = 10;
    QCOMPARE(signInWith(key).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(keys().keys(owner(), u"alice"_s)->first().signCount, 42u);

    const auto trail = test::auditTrail(engine());
    const auto clones = std::count_if(trail.begin(), trail.end(), [](const auto& record) {
        return record.operation == u"login.failed"_s &&
               record.details.value(u"method"_s).toString() == u"webauthn"_s &&
               record.details.value(u"reason"_s).toString().contains(u"cloned"_s);
    });
    QCOMPARE(clones, 2);
}

void TestSecurityKeys::wrongAssertionsCountTowardsTheLockout()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    key.origin = u"https://evil.test"_s;
    for (int i = 0; i < 5; ++i)
        QVERIFY(!signInWith(key).ok());
    auto user = engine().userpass().user(owner(), u"alice"_s);
    QVERIFY(user.ok());
    QCOMPARE(user->failedLogins, 5);
    QVERIFY(user->lockedUntil > m_temp->clock().nowSeconds());
    key.origin = kOrigin;
    QCOMPARE(engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient).error().code,
             ErrorCode::RateLimited);
}

void TestSecurityKeys::keyOptionsNeedALivePendingSignIn()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    QCOMPARE(engine().userpass().keyOptions(u"no-such-request"_s, library()).error().code,
             ErrorCode::NotFound);
    const QString request = pendingSignIn();
    auto options = engine().userpass().keyOptions(request, library());
    QVERIFY(options.ok());
    QCOMPARE(options->value(u"rpId"_s).toString(), u"library.example.org"_s);
    QCOMPARE(options->value(u"allowCredentials"_s).toArray().size(), 1);
    // Asking again gives a new challenge; the first one is void.
    const auto stale = AssertionResponse::fromJson(key.get(*options));
    QVERIFY(engine().userpass().keyOptions(request, library()).ok());
    QCOMPARE(engine()
                 .userpass()
                 .validateMfa(request, {std::nullopt, *stale, library()}, kClient)
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    m_temp->clock().advanceSeconds(MfaRequests::kLifetimeSeconds);
    QCOMPARE(engine().userpass().keyOptions(pendingSignIn(), RelyingParty{}).error().code,
             ErrorCode::InvalidArgument);
}

void TestSecurityKeys::ownSignInTokenManagesOnlyItsOwnKeys()
{
    auto alice = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QVERIFY(alice.ok());
    auto caller = engine().tokens().authenticate(alice->token, kClient, {}, u"test"_s);
    QVERIFY2(caller.ok(), qPrintable(errorText(caller)));
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    auto options = keys().registrationOptions(*caller, u"alice"_s, library());
    QVERIFY2(options.ok(), qPrintable(errorText(options)));
    auto response = RegistrationResponse::fromJson(key.create(*options));
    auto registered = keys().registerKey(*caller, u"alice"_s, u"Mine"_s, library(), *response);
    QVERIFY2(registered.ok(), qPrintable(errorText(registered)));
    QCOMPARE(keys().keys(*caller, u"alice"_s)->size(), 1);
    // Not bob's.
    QCOMPARE(keys().registrationOptions(*caller, u"bob"_s, library()).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(keys().keys(*caller, u"bob"_s).error().code, ErrorCode::PermissionDenied);
    QVERIFY(keys().removeKey(*caller, u"alice"_s, registered->id()).ok());
}

void TestSecurityKeys::deletingTheUserRemovesItsKeys()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    QVERIFY(engine().userpass().deleteUser(owner(), u"alice"_s).ok());
    User alice;
    alice.name = u"alice"_s;
    QVERIFY(engine().userpass().putUser(owner(), alice, kPassword).ok());
    QCOMPARE(keys().keys(owner(), u"alice"_s)->size(), 0);
    QVERIFY(engine().userpass().login(u"alice"_s, kPassword, kClient).ok());
}

void TestSecurityKeys::auditNamesTheKeyNeverItsMaterial()
{
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    auto registered = enrol(key);
    QVERIFY(registered.ok());
    QVERIFY(signInWith(key).ok());
    QVERIFY(keys().removeKey(owner(), u"alice"_s, registered->id()).ok());

    QStringList seen;
    const QList<QByteArray> material{registered->credentialId.toHex(), registered->id().toUtf8(),
                                     registered->publicKey.toHex(),
                                     registered->publicKey.toBase64()};
    for (const audit::AuditRecord& record : test::auditTrail(engine())) {
        const QByteArray whole = record.canonicalForm() + QJsonDocument(record.details).toJson();
        for (const QByteArray& bad : material)
            QVERIFY2(!whole.contains(bad), whole.constData());
        if (record.operation.startsWith(u"user.webauthn."_s)) {
            QCOMPARE(record.details.value(u"method"_s).toString(), u"webauthn"_s);
            QCOMPARE(record.details.value(u"key"_s).toString(), u"Blue key"_s);
            QCOMPARE(record.details.value(u"key_id"_s).toString().size(), 12);
            seen << record.operation;
        } else if (record.operation == u"login"_s) {
            QCOMPARE(record.details.value(u"second_factor"_s).toString(), u"webauthn"_s);
            seen << record.operation;
        }
    }
    QCOMPARE(seen,
             (QStringList{u"user.webauthn.register"_s, u"login"_s, u"user.webauthn.remove"_s}));
}

QTEST_GUILESS_MAIN(TestSecurityKeys)
#include "tst_securitykeys.moc"
