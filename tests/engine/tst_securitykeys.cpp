// Security keys (WebAuthn) through the engine: registering a key in two
// steps, signing in with it as the second factor, removing it, and the
// refusals a relying party owes its users: another origin or site, a used or
// expired challenge, a replayed assertion, a key that is not the user's, a
// counter that goes backwards (a cloned key), no user presence, no user
// verification (PIN, fingerprint) where the account asks for it. Who may
// manage keys, and that the audit log names the method and the key's name,
// never key material. The user's "second factor required" against what they
// have enrolled: what a sign-in offers, and the refusal when nothing meets it.
#include "audit/AuditRecord.h"
#include "engine/CoseKey.h"
#include "engine/MfaRequests.h"
#include "engine/SecondFactorService.h"
#include "engine/SecurityKeyService.h"
#include "engine/TokenEngine.h"
#include "engine/Totp.h"
#include "engine/TotpKeys.h"
#include "engine/User.h"
#include "store/Store.h"
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
    void accountAskingForUserVerificationRefusesKeysThatSkipIt();
    void userVerificationSettingIsReadAndWrittenWithTheUser();
    void anotherUsersKeyIsRefused();
    void counterGoingBackwardsIsRefusedAsACloneAndAudited();
    void wrongAssertionsCountTowardsTheLockout();
    void keyOptionsNeedALivePendingSignIn();
    void ownSignInTokenManagesOnlyItsOwnKeys();
    void deletingTheUserRemovesItsKeys();
    void auditNamesTheKeyNeverItsMaterial();
    void requirementIsReadAndWrittenWithTheUser();
    void requirementDecidesWhatSignInOffers_data();
    void requirementDecidesWhatSignInOffers();
    void unmetRequirementIsRefusedAfterTheRightPasswordAndAudited();
    void factorTheRequirementLeavesOutIsNoAnswer();

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
    Status requireForAlice(SecondFactorRequired required);
    // alice's TOTP, switched on at once; its secret.
    QByteArray aliceWithTotp();

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
    return test::registerSoftKey(engine(), owner(), key, user, label, library());
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

Status TestSecurityKeys::requireForAlice(SecondFactorRequired required)
{
    auto alice = engine().userpass().user(owner(), u"alice"_s);
    TESSERA_TRY(alice);
    alice->secondFactorRequired = required;
    return engine().userpass().putUser(owner(), *alice);
}

QByteArray TestSecurityKeys::aliceWithTotp()
{
    if (!engine().secondFactors().enableTotp(owner(), u"alice"_s, true))
        return {};
    auto lease = m_temp->store().acquire();
    if (!lease)
        return {};
    auto key = TotpKeys(lease->db()).find(u"alice"_s);
    return key && key->has_value() ? (*key)->secret : QByteArray();
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

void TestSecurityKeys::accountAskingForUserVerificationRefusesKeysThatSkipIt()
{
    auto alice = engine().userpass().user(owner(), u"alice"_s);
    QVERIFY(alice.ok());
    alice->keyUserVerification = true;
    QVERIFY(engine().userpass().putUser(owner(), *alice).ok());

    auto options = keys().registrationOptions(owner(), u"alice"_s, library());
    QVERIFY(options.ok());
    QCOMPARE(options->value(u"authenticatorSelection"_s)
                 .toObject()
                 .value(u"userVerification"_s)
                 .toString(),
             u"required"_s);
    SoftAuthenticator touchOnly(SignatureAlgorithm::Es256, kOrigin);
    auto refused = enrol(touchOnly);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.error().message.contains(u"PIN or fingerprint"_s),
             qPrintable(errorText(refused)));
    QVERIFY(keys().keys(owner(), u"alice"_s)->isEmpty());

    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    key.userVerified = true;
    QVERIFY2(enrol(key).ok(), qPrintable(errorText(enrol(key))));
    const QString request = pendingSignIn();
    auto assertionOptions = engine().userpass().keyOptions(request, library());
    QVERIFY(assertionOptions.ok());
    QCOMPARE(assertionOptions->value(u"userVerification"_s).toString(), u"required"_s);

    // The same registered key, once without its PIN: refused and counted.
    key.userVerified = false;
    auto skipped = signInWith(key);
    QCOMPARE(skipped.error().code, ErrorCode::PermissionDenied);
    QVERIFY(skipped.error().message.contains(u"PIN or fingerprint"_s));
    QCOMPARE(engine().userpass().user(owner(), u"alice"_s)->failedLogins, 1);
    key.userVerified = true;
    auto verified = signInWith(key);
    QVERIFY2(verified.ok(), qPrintable(errorText(verified)));
}

void TestSecurityKeys::userVerificationSettingIsReadAndWrittenWithTheUser()
{
    const QString field = u"webauthn_user_verification"_s;
    auto alice = engine().userpass().user(owner(), u"alice"_s);
    QVERIFY(alice.ok());
    QVERIFY(!alice->keyUserVerification);
    QCOMPARE(alice->toJson().value(field).toString(), u"preferred"_s);
    auto required = User::fromJson(u"alice"_s, {{field, u"required"_s}}, &*alice);
    QVERIFY(required.ok());
    QVERIFY(engine().userpass().putUser(owner(), *required).ok());
    QVERIFY(engine().userpass().user(owner(), u"alice"_s)->keyUserVerification);
    // Absent, the user's own stays.
    auto kept = User::fromJson(u"alice"_s, {{u"token_ttl"_s, 60}}, &*required);
    QVERIFY(kept.ok() && kept->keyUserVerification);
    for (const QJsonValue& bad : {QJsonValue(u"discouraged"_s), QJsonValue(u"REQUIRED"_s),
                                  QJsonValue(true), QJsonValue(QJsonValue::Null)}) {
        auto refused = User::fromJson(u"alice"_s, {{field, bad}});
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(refused.error().message,
                 u"webauthn_user_verification must be \"preferred\" or \"required\""_s);
    }
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

void TestSecurityKeys::requirementIsReadAndWrittenWithTheUser()
{
    const QString field = u"second_factor_required"_s;
    auto alice = engine().userpass().user(owner(), u"alice"_s);
    QVERIFY(alice.ok());
    QVERIFY(alice->secondFactorRequired == SecondFactorRequired::None);
    QCOMPARE(alice->toJson().value(field).toString(), u"none"_s);
    for (const QString& name : SecondFactorRule::names()) {
        auto read = User::fromJson(u"alice"_s, {{field, name}}, &*alice);
        QVERIFY2(read.ok(), qPrintable(errorText(read)));
        QCOMPARE(read->toJson().value(field).toString(), name);
        QVERIFY(engine().userpass().putUser(owner(), *read).ok());
        QVERIFY(engine().userpass().user(owner(), u"alice"_s)->secondFactorRequired ==
                read->secondFactorRequired);
    }
    // Absent, the user's own stays: "either" from the last round.
    auto kept = User::fromJson(u"alice"_s, {{u"token_ttl"_s, 60}},
                               &*engine().userpass().user(owner(), u"alice"_s));
    QVERIFY(kept.ok());
    QVERIFY(kept->secondFactorRequired == SecondFactorRequired::Either);
    for (const QJsonValue& bad : {QJsonValue(u"TOTP"_s), QJsonValue(u"key"_s), QJsonValue(u""_s),
                                  QJsonValue(1), QJsonValue(QJsonValue::Null)}) {
        auto refused = User::fromJson(u"alice"_s, {{field, bad}});
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(refused.error().message,
                 u"second_factor_required must be one of \"none\", \"totp\", \"webauthn\", "
                 "\"either\""_s);
    }
}

void TestSecurityKeys::requirementDecidesWhatSignInOffers_data()
{
    QTest::addColumn<QString>("required");
    QTest::addColumn<bool>("totp");
    QTest::addColumn<bool>("key");
    // What the first step answers: the methods offered, any one of them;
    // "token": the password alone; "refused": PermissionDenied.
    QTest::addColumn<QStringList>("offered");
    const QStringList token{u"token"_s}, refused{u"refused"_s}, totp{u"totp"_s}, key{u"webauthn"_s},
        both{u"totp"_s, u"webauthn"_s};
    const struct
    {
        const char* required;
        QStringList nothing, onlyTotp, onlyKey, totpAndKey;
    } rows[] = {
        {"none", token, totp, key, both},
        {"totp", refused, totp, refused, totp},
        {"webauthn", refused, refused, key, key},
        {"either", refused, totp, key, both},
    };
    for (const auto& row : rows) {
        const QString name = QString::fromLatin1(row.required);
        QTest::addRow("%s, nothing", row.required) << name << false << false << row.nothing;
        QTest::addRow("%s, totp", row.required) << name << true << false << row.onlyTotp;
        QTest::addRow("%s, key", row.required) << name << false << true << row.onlyKey;
        QTest::addRow("%s, both", row.required) << name << true << true << row.totpAndKey;
    }
}

void TestSecurityKeys::requirementDecidesWhatSignInOffers()
{
    QFETCH(QString, required);
    QFETCH(bool, totp);
    QFETCH(bool, key);
    QFETCH(QStringList, offered);
    if (totp)
        QVERIFY(!aliceWithTotp().isEmpty());
    SoftAuthenticator authenticator(SignatureAlgorithm::Es256, kOrigin);
    if (key)
        QVERIFY(enrol(authenticator).ok());
    const auto requirement = SecondFactorRule::fromName(required);
    QVERIFY(requirement);
    QVERIFY(requireForAlice(*requirement).ok());

    auto factors = engine().secondFactors().factors(owner(), u"alice"_s);
    QVERIFY(factors.ok());
    QVERIFY(factors->requirement == *requirement);
    auto signedIn = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
    if (offered == QStringList{u"refused"_s}) {
        QVERIFY(!factors->requirementMet());
        QVERIFY(factors->required().isEmpty());
        QCOMPARE(signedIn.error().code, ErrorCode::PermissionDenied);
    } else if (offered == QStringList{u"token"_s}) {
        QVERIFY(factors->requirementMet());
        QVERIFY2(signedIn.ok(), qPrintable(errorText(signedIn)));
        QVERIFY(signedIn->token);
    } else {
        QVERIFY(factors->requirementMet());
        QCOMPARE(factors->required(), offered);
        QVERIFY2(signedIn.ok(), qPrintable(errorText(signedIn)));
        QVERIFY(!signedIn->token);
        QCOMPARE(signedIn->mfa->methods, offered);
    }
}

void TestSecurityKeys::unmetRequirementIsRefusedAfterTheRightPasswordAndAudited()
{
    QVERIFY(requireForAlice(SecondFactorRequired::WebAuthn).ok());
    // A wrong password is still only that, and counts as before.
    QCOMPARE(engine().userpass().login(u"alice"_s, u"wrong"_s, kClient).error().code,
             ErrorCode::InvalidCredentials);
    auto refused = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.error().message.contains(u"needs a security key"_s),
             qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(u"ask the library"_s));
    // The right password guessed nothing wrong: the lockout count stays.
    QCOMPARE(engine().userpass().user(owner(), u"alice"_s)->failedLogins, 1);

    const auto trail = test::auditTrail(engine());
    const auto last = std::find_if(trail.rbegin(), trail.rend(), [](const auto& record) {
        return record.operation == u"login.failed"_s;
    });
    QVERIFY(last != trail.rend());
    QCOMPARE(last->outcome, u"denied"_s);
    QCOMPARE(last->details.value(u"reason"_s).toString(), u"second factor required"_s);
    QCOMPARE(last->details.value(u"second_factor_required"_s).toString(), u"webauthn"_s);
    QCOMPARE(last->details.value(u"username"_s).toString(), u"alice"_s);

    // "totp" and "either" name what they miss too.
    for (const auto& [required, missing] :
         {std::pair(SecondFactorRequired::Totp, u"authenticator app"_s),
          std::pair(SecondFactorRequired::Either, u"a second factor"_s)}) {
        QVERIFY(requireForAlice(required).ok());
        const QString message =
            engine().userpass().login(u"alice"_s, kPassword, kClient).error().message;
        QVERIFY2(message.contains(missing), qPrintable(message));
    }

    // Once she has a key (added while the requirement was "none", as the
    // console advises), it is what signs her in.
    QVERIFY(requireForAlice(SecondFactorRequired::None).ok());
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    QVERIFY(requireForAlice(SecondFactorRequired::WebAuthn).ok());
    auto token = signInWith(key);
    QVERIFY2(token.ok(), qPrintable(errorText(token)));
}

void TestSecurityKeys::factorTheRequirementLeavesOutIsNoAnswer()
{
    const QByteArray secret = aliceWithTotp();
    QVERIFY(!secret.isEmpty());
    SoftAuthenticator key(SignatureAlgorithm::Es256, kOrigin);
    QVERIFY(enrol(key).ok());
    const auto code = [&] {
        m_temp->clock().advanceSeconds(Totp::kStepSeconds);
        return Totp::code(secret, Totp::stepAt(m_temp->clock().nowSeconds()));
    };

    // "totp": the key is not offered, nor taken.
    QVERIFY(requireForAlice(SecondFactorRequired::Totp).ok());
    QCOMPARE(engine().userpass().keyOptions(pendingSignIn(), library()).error().code,
             ErrorCode::NotFound);
    QCOMPARE(signInWith(key).error().code, ErrorCode::NotFound);
    const QString request = pendingSignIn();
    QVERIFY(requireForAlice(SecondFactorRequired::None).ok());
    auto options = engine().userpass().keyOptions(request, library());
    QVERIFY(options.ok());
    QVERIFY(requireForAlice(SecondFactorRequired::Totp).ok());
    auto assertion = AssertionResponse::fromJson(key.get(*options));
    QVERIFY(assertion.ok());
    const SecondFactorAnswer answer{std::nullopt, *assertion, library()};
    QCOMPARE(engine().userpass().validateMfa(request, answer, kClient).error().code,
             ErrorCode::PermissionDenied);
    QVERIFY(engine().userpass().validateMfa(pendingSignIn(), code(), kClient).ok());

    // "webauthn": a code is not taken, with the password or after it.
    QVERIFY(requireForAlice(SecondFactorRequired::WebAuthn).ok());
    QCOMPARE(engine().userpass().signIn(u"alice"_s, kPassword, code(), kClient).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(engine().userpass().validateMfa(pendingSignIn(), code(), kClient).error().code,
             ErrorCode::PermissionDenied);
    QVERIFY(signInWith(key).ok());

    const auto trail = test::auditTrail(engine());
    QStringList reasons;
    for (const audit::AuditRecord& record : trail)
        if (record.operation == u"login.failed"_s)
            reasons << record.details.value(u"reason"_s).toString();
    QCOMPARE(reasons, QStringList(3, u"method not allowed"_s));
}

QTEST_GUILESS_MAIN(TestSecurityKeys)
#include "tst_securitykeys.moc"
