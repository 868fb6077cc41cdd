// TOTP second factors through the engine: enrolment (pending until one valid
// code, or active at once), sign-in with a code in one or two steps, each code
// once, wrong codes towards the lockout and the client's throttle, who may
// enrol, and that neither secret nor code reaches the audit log or an error.
#include "audit/AuditRecord.h"
#include "engine/Base32.h"
#include "engine/MfaRequests.h"
#include "engine/Role.h"
#include "engine/SecondFactorService.h"
#include "engine/TokenEngine.h"
#include "engine/Totp.h"
#include "engine/TotpKeys.h"
#include "engine/User.h"
#include "store/Store.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

const QString kPassword = u"correct horse battery staple"_s;
const QString kClient = u"api:10.0.0.7"_s;

QByteArray wholeRecord(const audit::AuditRecord& record)
{
    return record.canonicalForm() + QJsonDocument(record.details).toJson();
}

} // namespace

class TestSecondFactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pendingEnrolmentIsNotAskedForUntilConfirmed();
    void wrongConfirmationCodeLeavesEnrolmentPending();
    void activeUserNeedsTheCodeToSignIn();
    void codeWithThePasswordSignsInAtOnce();
    void twoStepSignInFinishesWithValidateMfa();
    void mfaRequestIsSingleUse();
    void mfaRequestExpiresAfterFiveMinutes();
    void passwordChangedBetweenTheStepsVoidsTheRequest();
    void oneStepOfDriftIsAcceptedTwoAreRefused_data();
    void oneStepOfDriftIsAcceptedTwoAreRefused();
    void replayedCodeIsRefusedInsideItsWindow();
    void wrongCodesLockTheUserEvenWithTheRightPassword();
    void wrongCodesCountTowardsTheClientsThrottle();
    void enablingOverAnActiveKeyIsAConflict();
    void disableRemovesTheSecondFactor();
    void deletingTheUserRemovesTheKey();
    void enrolmentNeedsUpdateOnTheUser();
    void secretAndCodesNeverReachAuditOrErrors();
    void enrolmentAndSecondFactorsAreAudited();
    void roleDemandingASecondFactorIssuesOnlyToSuchASignIn();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    qint64 now() { return m_temp->clock().nowSeconds(); }
    // alice with a password, and with TOTP switched on at once.
    QByteArray aliceWithTotp();
    QByteArray secretOf(const QString& user);
    SecondFactors::State aliceTotp()
    {
        return engine().secondFactors().factors(owner(), u"alice"_s).valueOr({}).totp;
    }
    // The code of the current step (offset: steps from it).
    QString codeNow(const QByteArray& secret, int offset = 0)
    {
        return Totp::code(secret, Totp::stepAt(now()) + offset);
    }
    // Moves the clock to the next step, so that a new code is not a replay.
    void nextStep() { m_temp->clock().advanceSeconds(Totp::kStepSeconds); }

    std::unique_ptr<TempEngine> m_temp;
};

void TestSecondFactor::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    User alice;
    alice.name = u"alice"_s;
    QVERIFY(engine().userpass().putUser(owner(), alice, kPassword).ok());
}

void TestSecondFactor::cleanup()
{
    m_temp.reset();
}

QByteArray TestSecondFactor::secretOf(const QString& user)
{
    auto lease = m_temp->store().acquire();
    if (!lease)
        return {};
    auto key = TotpKeys(lease->db()).find(user);
    return key && key->has_value() ? (*key)->secret : QByteArray();
}

QByteArray TestSecondFactor::aliceWithTotp()
{
    auto enrolled = engine().secondFactors().enableTotp(owner(), u"alice"_s, true);
    if (!enrolled)
        return {};
    const QByteArray secret = secretOf(u"alice"_s);
    if (base32Encode(secret) != enrolled->secret)
        return {};
    return secret;
}

void TestSecondFactor::pendingEnrolmentIsNotAskedForUntilConfirmed()
{
    auto enrolled = engine().secondFactors().enableTotp(owner(), u"Alice"_s, false);
    QVERIFY2(enrolled.ok(), qPrintable(errorText(enrolled)));
    QCOMPARE(enrolled->secret.size(), 32);
    QVERIFY(!enrolled->confirmed);
    QCOMPARE(enrolled->otpauthUrl,
             u"otpauth://totp/Tessera:alice?secret=%1&issuer=Tessera"_s.arg(enrolled->secret));
    QVERIFY(aliceTotp() == SecondFactors::State::Pending);
    // Not switched on yet: the password alone still signs in.
    QVERIFY(engine().userpass().login(u"alice"_s, kPassword, kClient).ok());

    const QByteArray secret = secretOf(u"alice"_s);
    QVERIFY2(engine().secondFactors().confirmTotp(owner(), u"alice"_s, codeNow(secret)).ok(),
             "confirmation failed");
    QVERIFY(aliceTotp() == SecondFactors::State::Active);
    QCOMPARE(engine().secondFactors().factors(owner(), u"alice"_s)->required(),
             QStringList{u"totp"_s});
    // The confirming code was used: it does not sign in as well.
    auto replay = engine().userpass().signIn(u"alice"_s, kPassword, codeNow(secret), kClient);
    QCOMPARE(replay.error().code, ErrorCode::PermissionDenied);
}

void TestSecondFactor::wrongConfirmationCodeLeavesEnrolmentPending()
{
    QVERIFY(engine().secondFactors().enableTotp(owner(), u"alice"_s, false).ok());
    const QByteArray secret = secretOf(u"alice"_s);
    const auto wrong =
        engine().secondFactors().confirmTotp(owner(), u"alice"_s, codeNow(secret, 3));
    QCOMPARE(wrong.error().code, ErrorCode::InvalidArgument);
    QVERIFY(aliceTotp() == SecondFactors::State::Pending);
    // Enabling again gives a new secret for the pending enrolment.
    auto again = engine().secondFactors().enableTotp(owner(), u"alice"_s, false);
    QVERIFY(again.ok());
    QVERIFY(secretOf(u"alice"_s) != secret);
}

void TestSecondFactor::activeUserNeedsTheCodeToSignIn()
{
    QVERIFY(!aliceWithTotp().isEmpty());
    const auto login = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QCOMPARE(login.error().code, ErrorCode::PermissionDenied);
    QVERIFY(login.error().message.contains(u"totp"_s));
    // A wrong password is still the password's answer, not the second factor's.
    auto wrongPassword = engine().userpass().signIn(u"alice"_s, u"wrong"_s, std::nullopt, kClient);
    QCOMPARE(wrongPassword.error().code, ErrorCode::InvalidCredentials);
}

void TestSecondFactor::codeWithThePasswordSignsInAtOnce()
{
    const QByteArray secret = aliceWithTotp();
    QVERIFY(!secret.isEmpty());
    auto signedIn = engine().userpass().signIn(u"alice"_s, kPassword, codeNow(secret), kClient);
    QVERIFY2(signedIn.ok(), qPrintable(errorText(signedIn)));
    QVERIFY(signedIn->token.has_value());
    QVERIFY(!signedIn->mfa.has_value());
    QVERIFY(engine().tokens().validate(signedIn->token->token).ok());
}

void TestSecondFactor::twoStepSignInFinishesWithValidateMfa()
{
    const QByteArray secret = aliceWithTotp();
    auto first = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    QVERIFY(!first->token.has_value());
    QVERIFY(first->mfa.has_value());
    QCOMPARE(first->mfa->methods, QStringList{u"totp"_s});
    QCOMPARE(first->mfa->requestId.size(), 36);
    QCOMPARE(first->mfa->expiresAt, now() + MfaRequests::kLifetimeSeconds);

    auto token = engine().userpass().validateMfa(first->mfa->requestId, codeNow(secret), kClient);
    QVERIFY2(token.ok(), qPrintable(errorText(token)));
    QCOMPARE(token->info.meta.value(u"username"_s), u"alice"_s);
}

void TestSecondFactor::mfaRequestIsSingleUse()
{
    const QByteArray secret = aliceWithTotp();
    auto first = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
    QVERIFY(first.ok() && first->mfa);
    // A wrong code uses the request up too: the next try starts with the password.
    auto wrong =
        engine().userpass().validateMfa(first->mfa->requestId, codeNow(secret, 4), kClient);
    QCOMPARE(wrong.error().code, ErrorCode::PermissionDenied);
    auto again = engine().userpass().validateMfa(first->mfa->requestId, codeNow(secret), kClient);
    QCOMPARE(again.error().code, ErrorCode::PermissionDenied);
    QVERIFY(again.error().message.contains(u"unknown, used or expired"_s));
}

void TestSecondFactor::mfaRequestExpiresAfterFiveMinutes()
{
    const QByteArray secret = aliceWithTotp();
    auto first = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
    QVERIFY(first.ok() && first->mfa);
    m_temp->clock().advanceSeconds(MfaRequests::kLifetimeSeconds);
    auto late = engine().userpass().validateMfa(first->mfa->requestId, codeNow(secret), kClient);
    QCOMPARE(late.error().code, ErrorCode::PermissionDenied);
}

void TestSecondFactor::passwordChangedBetweenTheStepsVoidsTheRequest()
{
    const QByteArray secret = aliceWithTotp();
    auto first = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
    QVERIFY(first.ok() && first->mfa);
    QVERIFY(engine().userpass().setUserPassword(owner(), u"alice"_s, u"a new one"_s).ok());
    auto token = engine().userpass().validateMfa(first->mfa->requestId, codeNow(secret), kClient);
    QVERIFY(!token.ok());
}

void TestSecondFactor::oneStepOfDriftIsAcceptedTwoAreRefused_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("-2") << -2 << false;
    QTest::newRow("-1") << -1 << true;
    QTest::newRow("0") << 0 << true;
    QTest::newRow("+1") << 1 << true;
    QTest::newRow("+2") << 2 << false;
}

void TestSecondFactor::oneStepOfDriftIsAcceptedTwoAreRefused()
{
    QFETCH(int, offset);
    QFETCH(bool, accepted);
    const QByteArray secret = aliceWithTotp();
    auto signedIn =
        engine().userpass().signIn(u"alice"_s, kPassword, codeNow(secret, offset), kClient);
    QCOMPARE(signedIn.ok(), accepted);
    if (!accepted)
        QCOMPARE(signedIn.error().code, ErrorCode::PermissionDenied);
}

void TestSecondFactor::replayedCodeIsRefusedInsideItsWindow()
{
    const QByteArray secret = aliceWithTotp();
    const QString code = codeNow(secret);
    QVERIFY(engine().userpass().signIn(u"alice"_s, kPassword, code, kClient).ok());
    // The same code 10 s later, and through the two steps: refused.
    m_temp->clock().advanceSeconds(10);
    auto replay = engine().userpass().signIn(u"alice"_s, kPassword, code, kClient);
    QCOMPARE(replay.error().code, ErrorCode::PermissionDenied);
    auto first = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
    QVERIFY(first.ok() && first->mfa);
    QCOMPARE(engine().userpass().validateMfa(first->mfa->requestId, code, kClient).error().code,
             ErrorCode::PermissionDenied);
    // The next step's code signs in.
    nextStep();
    QVERIFY(engine().userpass().signIn(u"alice"_s, kPassword, codeNow(secret), kClient).ok());
}

void TestSecondFactor::wrongCodesLockTheUserEvenWithTheRightPassword()
{
    const QByteArray secret = aliceWithTotp();
    for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
        // The right password between wrong codes clears nothing.
        auto first = engine().userpass().signIn(u"alice"_s, kPassword, std::nullopt, kClient);
        QVERIFY2(first.ok() && first->mfa, qPrintable(errorText(first)));
        auto wrong =
            engine().userpass().validateMfa(first->mfa->requestId, codeNow(secret, 5), kClient);
        QCOMPARE(wrong.error().code, ErrorCode::PermissionDenied);
    }
    auto locked = engine().userpass().signIn(u"alice"_s, kPassword, codeNow(secret), kClient);
    QCOMPARE(locked.error().code, ErrorCode::RateLimited);
    QCOMPARE(locked.error().retryAfterSeconds, LoginThrottle::kFirstLockout);
    auto user = engine().userpass().user(owner(), u"alice"_s);
    QCOMPARE(user->failedLogins, LoginThrottle::kFreeFailures);
    // After the lockout the right code signs in and clears the count.
    m_temp->clock().advanceSeconds(LoginThrottle::kFirstLockout);
    QVERIFY(engine().userpass().signIn(u"alice"_s, kPassword, codeNow(secret), kClient).ok());
    QCOMPARE(engine().userpass().user(owner(), u"alice"_s)->failedLogins, 0);
}

void TestSecondFactor::wrongCodesCountTowardsTheClientsThrottle()
{
    // Five users, four wrong codes each: no user is locked, but the client has
    // failed kClientFreeFailures (20) times.
    QStringList names;
    for (int u = 0; u < 5; ++u) {
        const QString name = u"patron%1"_s.arg(u);
        User user;
        user.name = name;
        QVERIFY(engine().userpass().putUser(owner(), user, kPassword).ok());
        QVERIFY(engine().secondFactors().enableTotp(owner(), name, true).ok());
        for (int i = 0; i < LoginThrottle::kFreeFailures - 1; ++i) {
            auto wrong = engine().userpass().signIn(name, kPassword, u"000000"_s, kClient);
            QVERIFY(!wrong.ok());
        }
        names.append(name);
    }
    const QString code = codeNow(secretOf(names.first()));
    auto fromThatClient = engine().userpass().signIn(names.first(), kPassword, code, kClient);
    QCOMPARE(fromThatClient.error().code, ErrorCode::RateLimited);
    auto fromAnother =
        engine().userpass().signIn(names.first(), kPassword, code, u"api:192.168.1.20"_s);
    QVERIFY2(fromAnother.ok(), qPrintable(errorText(fromAnother)));
}

void TestSecondFactor::enablingOverAnActiveKeyIsAConflict()
{
    const QByteArray secret = aliceWithTotp();
    auto again = engine().secondFactors().enableTotp(owner(), u"alice"_s, true);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(secretOf(u"alice"_s), secret);
    auto unknown = engine().secondFactors().enableTotp(owner(), u"nobody"_s, true);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    auto badName = engine().secondFactors().enableTotp(owner(), u"not a name!"_s, true);
    QCOMPARE(badName.error().code, ErrorCode::InvalidArgument);
}

void TestSecondFactor::disableRemovesTheSecondFactor()
{
    QVERIFY(!aliceWithTotp().isEmpty());
    QVERIFY(engine().secondFactors().disableTotp(owner(), u"alice"_s).ok());
    QVERIFY(aliceTotp() == SecondFactors::State::None);
    QVERIFY(engine().userpass().login(u"alice"_s, kPassword, kClient).ok());
    QCOMPARE(engine().secondFactors().disableTotp(owner(), u"alice"_s).error().code,
             ErrorCode::NotFound);
}

void TestSecondFactor::deletingTheUserRemovesTheKey()
{
    QVERIFY(!aliceWithTotp().isEmpty());
    QVERIFY(engine().userpass().deleteUser(owner(), u"alice"_s).ok());
    QVERIFY(secretOf(u"alice"_s).isEmpty());
    User alice;
    alice.name = u"alice"_s;
    QVERIFY(engine().userpass().putUser(owner(), alice, kPassword).ok());
    QVERIFY(engine().userpass().login(u"alice"_s, kPassword, kClient).ok());
}

void TestSecondFactor::enrolmentNeedsUpdateOnTheUser()
{
    QVERIFY(engine()
                .admin()
                .putPolicy(owner(), u"alice-admin"_s,
                           test::hcl({{"auth/userpass/users/alice", "update"}}))
                .ok());
    QVERIFY(engine()
                .admin()
                .putPolicy(owner(), u"alice-reader"_s,
                           test::hcl({{"auth/userpass/users/alice", "read"}}))
                .ok());
    auto admin = test::ownersActor(engine(), {u"alice-admin"_s});
    auto reader = test::ownersActor(engine(), {u"alice-reader"_s});
    QVERIFY(admin.ok() && reader.ok());
    QCOMPARE(engine().secondFactors().enableTotp(reader->caller, u"alice"_s, true).error().code,
             ErrorCode::PermissionDenied);
    QVERIFY(engine().secondFactors().factors(reader->caller, u"alice"_s).ok());
    QVERIFY(engine().secondFactors().enableTotp(admin->caller, u"alice"_s, true).ok());
    QCOMPARE(engine().secondFactors().disableTotp(reader->caller, u"alice"_s).error().code,
             ErrorCode::PermissionDenied);
    QVERIFY(engine().secondFactors().disableTotp(admin->caller, u"alice"_s).ok());
}

void TestSecondFactor::secretAndCodesNeverReachAuditOrErrors()
{
    auto enrolled = engine().secondFactors().enableTotp(owner(), u"alice"_s, false);
    QVERIFY(enrolled.ok());
    const QByteArray secret = secretOf(u"alice"_s);
    const QString wrongCode = codeNow(secret, 7);
    QStringList messages;
    messages
        << engine().secondFactors().confirmTotp(owner(), u"alice"_s, wrongCode).error().message;
    const QString goodCode = codeNow(secret);
    QVERIFY(engine().secondFactors().confirmTotp(owner(), u"alice"_s, goodCode).ok());
    nextStep();
    const QString loginCode = codeNow(secret);
    QVERIFY(engine().userpass().signIn(u"alice"_s, kPassword, loginCode, kClient).ok());
    messages
        << engine().userpass().signIn(u"alice"_s, kPassword, wrongCode, kClient).error().message;
    messages << engine()
                    .userpass()
                    .validateMfa(u"no-such-request"_s, wrongCode, kClient)
                    .error()
                    .message;

    const QList<QByteArray> secrets{
        secret.toHex(),     enrolled->secret.toUtf8(), enrolled->secret.toLower().toUtf8(),
        wrongCode.toUtf8(), goodCode.toUtf8(),         loginCode.toUtf8()};
    for (const audit::AuditRecord& record : test::auditTrail(engine())) {
        const QByteArray whole = wholeRecord(record);
        for (const QByteArray& bad : secrets)
            QVERIFY2(!whole.contains(bad), whole.constData());
    }
    for (const QString& message : messages) {
        QVERIFY(!message.isEmpty());
        for (const QByteArray& bad : secrets)
            QVERIFY2(!message.toUtf8().contains(bad), qPrintable(message));
    }
}

void TestSecondFactor::enrolmentAndSecondFactorsAreAudited()
{
    QVERIFY(engine().secondFactors().enableTotp(owner(), u"alice"_s, false).ok());
    const QByteArray secret = secretOf(u"alice"_s);
    QVERIFY(!engine().secondFactors().confirmTotp(owner(), u"alice"_s, codeNow(secret, 9)).ok());
    QVERIFY(engine().secondFactors().confirmTotp(owner(), u"alice"_s, codeNow(secret)).ok());
    nextStep();
    QVERIFY(engine().userpass().signIn(u"alice"_s, kPassword, codeNow(secret), kClient).ok());
    QVERIFY(!engine().userpass().signIn(u"alice"_s, kPassword, u"000000"_s, kClient).ok());
    QVERIFY(engine().secondFactors().disableTotp(owner(), u"alice"_s).ok());

    QStringList seen;
    for (const audit::AuditRecord& record : test::auditTrail(engine())) {
        const QJsonObject& d = record.details;
        if (record.operation.startsWith(u"user.totp."_s)) {
            QCOMPARE(d.value(u"method"_s).toString(), u"totp"_s);
            QCOMPARE(d.value(u"user"_s).toString(), u"alice"_s);
            seen << record.operation + u"/"_s + record.outcome;
        } else if (record.operation == u"login"_s) {
            QCOMPARE(d.value(u"second_factor"_s).toString(), u"totp"_s);
            seen << record.operation + u"/"_s + record.outcome;
        } else if (record.operation == u"login.failed"_s) {
            QCOMPARE(d.value(u"method"_s).toString(), u"totp"_s);
            QCOMPARE(d.value(u"reason"_s).toString(), u"wrong passcode"_s);
            QCOMPARE(d.value(u"failed_attempts"_s).toInt(), 1);
            seen << record.operation + u"/"_s + record.outcome;
        }
    }
    QCOMPARE(seen, (QStringList{u"user.totp.enable/ok"_s, u"user.totp.confirm/denied"_s,
                                u"user.totp.confirm/ok"_s, u"login/ok"_s, u"login.failed/denied"_s,
                                u"user.totp.disable/ok"_s}));
}

void TestSecondFactor::roleDemandingASecondFactorIssuesOnlyToSuchASignIn()
{
    QVERIFY(engine()
                .admin()
                .putPolicy(owner(), u"archive-issuer"_s,
                           test::hcl({{"auth/token/create", "create,update"},
                                      {"auth/token/create/archive", "create,update"},
                                      {"auth/token/create/reading-room", "create,update"}}))
                .ok());
    for (const QString& name : {u"archive"_s, u"reading-room"_s}) {
        auto role = Role::fromJson(
            name, {{u"second_factor_required"_s, name == u"archive"_s}, {u"token_ttl"_s, 600}});
        QVERIFY(role.ok());
        QVERIFY(engine().admin().putRole(owner(), *role).ok());
    }
    QCOMPARE(
        engine().admin().role(owner(), u"archive"_s)->toJson().value(u"second_factor_required"_s),
        QJsonValue(true));
    for (const QString& name : {u"alice"_s, u"bob"_s}) {
        User user;
        user.name = name;
        user.settings.policies = {u"archive-issuer"_s};
        QVERIFY(engine().userpass().putUser(owner(), user, kPassword).ok());
    }
    const QByteArray secret = aliceWithTotp();
    auto alice = engine().userpass().signIn(u"alice"_s, kPassword, codeNow(secret), kClient);
    QVERIFY(alice.ok() && alice->token);
    QCOMPARE(alice->token->info.meta.value(u"second_factor"_s), u"totp"_s);
    auto bob = engine().userpass().login(u"bob"_s, kPassword, kClient);
    QVERIFY(bob.ok());
    const auto callerOf = [&](const QString& token) {
        return engine().tokens().authenticate(token, kClient, {}, u"auth/token/create"_s).value();
    };
    TokenRequest archive;
    archive.role = u"archive"_s;
    TokenRequest readingRoom;
    readingRoom.role = u"reading-room"_s;

    auto forAlice = engine().tokens().createToken(callerOf(alice->token->token), archive);
    QVERIFY2(forAlice.ok(), qPrintable(errorText(forAlice)));
    // bob signed in with the password alone: not the archive, the reading room yes.
    const auto refused = engine().tokens().createToken(callerOf(bob->token), archive);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(refused.error().message.contains(u"second factor"_s));
    QVERIFY(engine().tokens().createToken(callerOf(bob->token), readingRoom).ok());
    // A child of alice's sign-in is not a sign-in itself, whatever its meta says.
    TokenRequest child;
    child.meta = {{u"username"_s, u"alice"_s}, {u"second_factor"_s, u"totp"_s}};
    child.policies = {u"archive-issuer"_s};
    auto made = engine().tokens().createToken(callerOf(alice->token->token), child);
    QVERIFY2(made.ok(), qPrintable(errorText(made)));
    QCOMPARE(engine().tokens().createToken(callerOf(made->token), archive).error().code,
             ErrorCode::PermissionDenied);
    // The desk (the owner) is not asked.
    QVERIFY(engine().tokens().createToken(owner(), archive).ok());
}

QTEST_GUILESS_MAIN(TestSecondFactor)
#include "tst_secondfactor.moc"
