// Users and password logins (Vault's userpass) as a caller sees them:
// login tokens, wrong passwords, throttling, how passwords are stored.
#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "audit/VerifyReport.h"
#include "crypto/Kdf.h"
#include "engine/LoginThrottle.h"
#include "engine/PasswordHash.h"
#include "engine/TokenEngine.h"
#include "engine/User.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/EngineActors.h"
#include "support/FakeClock.h"
#include "support/TempEngine.h"
#include "support/TempStore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kHour = 3600;
const QString kPassword = u"correct horse battery staple"_s;
const QString kClient = u"api:10.0.0.7"_s;

User patron(const QString& name)
{
    User user;
    user.name = name;
    user.settings.policies = {u"ebooks"_s};
    user.settings.ttl = kHour;
    user.settings.maxTtl = 2 * kHour;
    return user;
}

QList<audit::AuditRecord> records(TokenEngine& engine, const QString& operation)
{
    audit::AuditFilter filter;
    filter.operations = {operation};
    return engine.admin().auditRecords(filter).valueOr({});
}

QByteArray wholeRecord(const audit::AuditRecord& record)
{
    return record.canonicalForm() + QJsonDocument(record.details).toJson();
}

qint64 medianMs(QList<qint64> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

} // namespace

class TestUserDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loginWithRightPasswordGivesTokenWithUsersPolicies();
    void loginNameIsCaseInsensitive();
    void wrongPasswordIsRefusedAndAudited();
    void unknownUserAndWrongPasswordLookAlike();
    void failedLoginsAreRateLimited();
    void lockoutIsSharedThroughTheStore();
    void lockoutDoublesWhileFailuresGoOn();
    void oneClientGuessingManyNamesIsRateLimited();
    void unknownNamesAreLockedOutLikeUsers();
    void passwordIsStoredOnlyAsSaltedHash();
    void weakerHashIsUpgradedAtNextLogin();
    void updatingUserWithoutPasswordKeepsIt();
    void newUserNeedsPassword();
    void userCannotHaveRootPolicy();
    void batchUserGetsBatchToken();
    void periodicUserGetsPeriodicLoginToken();
    void useLimitedUserGetsUseLimitedLoginToken();
    void batchUserLoginTokenIsCappedLikeEveryBatchToken();
    void userManagementFollowsUserpassPolicyPaths_data();
    void userManagementFollowsUserpassPolicyPaths();
    void userChangesAreAuditedAndSignalled();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    Status putPatron(const QString& name, const QString& password = kPassword)
    {
        return engine().userpass().putUser(owner(), patron(name), password);
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestUserDirectory::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestUserDirectory::cleanup()
{
    m_temp.reset();
}

void TestUserDirectory::loginWithRightPasswordGivesTokenWithUsersPolicies()
{
    QVERIFY2(putPatron(u"alice"_s).ok(), "putUser failed");
    const qint64 now = m_temp->clock().nowSeconds();

    auto login = engine().userpass().login(u"alice"_s, kPassword, kClient, u"req-1"_s);
    QVERIFY2(login, qPrintable(errorText(login)));

    auto token = engine().tokens().validate(login->token);
    QVERIFY2(token, qPrintable(errorText(token)));
    QCOMPARE(token->policies, (QStringList{u"default"_s, u"ebooks"_s}));
    QCOMPARE(token->type, TokenType::Service);
    QVERIFY2(token->isOrphan(), "a login token has no parent");
    QCOMPARE(token->path, u"auth/userpass/login/alice"_s);
    QCOMPARE(token->displayName, u"userpass-alice"_s);
    QCOMPARE(token->meta, (Metadata{{u"username"_s, u"alice"_s}}));
    QCOMPARE(token->issuedBy, u"login:alice"_s);
    QCOMPARE(token->creationTtl, kHour);
    QCOMPARE(token->expireAt, std::optional<qint64>(now + kHour));
    QCOMPARE(token->explicitMaxTtl, 2 * kHour); // token_max_ttl bounds renewals
    QVERIFY(token->renewable);

    const auto logins = records(engine(), u"login"_s);
    QCOMPARE(logins.size(), 1);
    QCOMPARE(logins.first().targets, QStringList{token->accessor});
    QCOMPARE(logins.first().client, kClient);
    QCOMPARE(logins.first().requestId, u"req-1"_s);
    QVERIFY(!wholeRecord(logins.first()).contains(kPassword.toUtf8()));
}

void TestUserDirectory::loginNameIsCaseInsensitive()
{
    QVERIFY(putPatron(u"Bob.Smith"_s).ok());
    auto names = engine().userpass().userNames(owner());
    QVERIFY(names);
    QCOMPARE(*names, QStringList{u"bob.smith"_s});
    auto login = engine().userpass().login(u"BOB.smith"_s, kPassword, kClient);
    QVERIFY2(login, qPrintable(errorText(login)));
    QCOMPARE(login->info.displayName, u"userpass-bob.smith"_s);
}

void TestUserDirectory::wrongPasswordIsRefusedAndAudited()
{
    QVERIFY(putPatron(u"alice"_s).ok());
    const qint64 tokensBefore = engine().browser().count().valueOr(-1);
    const QString wrong = u"Tr0ub4dor&3"_s;

    auto login = engine().userpass().login(u"alice"_s, wrong, kClient, u"req-9"_s);
    QVERIFY2(!login, "a wrong password logged in");
    QCOMPARE(login.error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(login.error().message, u"invalid username or password"_s);
    QVERIFY(!login.error().message.contains(wrong));
    QCOMPARE(engine().browser().count().valueOr(-1), tokensBefore);

    const auto failures = records(engine(), u"login.failed"_s);
    QCOMPARE(failures.size(), 1);
    const audit::AuditRecord& record = failures.first();
    QCOMPARE(record.outcome, u"denied"_s);
    QCOMPARE(record.client, kClient);
    QCOMPARE(record.requestId, u"req-9"_s);
    QCOMPARE(record.details.value(u"username").toString(), u"alice"_s);
    QCOMPARE(record.details.value(u"failed_attempts").toInt(), 1);
    // Neither the password nor anything derived from it.
    const QByteArray all = wholeRecord(record);
    QVERIFY(!all.contains(wrong.toUtf8()));
    QVERIFY(!all.contains("hmac-sha256:"));
    QVERIFY(!all.contains(kPassword.toUtf8()));
    QVERIFY(engine().admin().verifyAudit().ok());
}

// Measured with the real interactive KDF: with the cheap test KDF the dummy
// run for unknown users would be too quick to tell apart from no run at all.
void TestUserDirectory::unknownUserAndWrongPasswordLookAlike()
{
    QTemporaryDir dir(test::TempStore::temporaryDirTemplate());
    QVERIFY(dir.isValid());
    auto store =
        store::Store::create(dir.filePath(u"real.tessera"_s), "passphrase", KdfProfile::Scrypt);
    QVERIFY2(store, qPrintable(errorText(store)));
    test::FakeClock clock;
    auto opened = TokenEngine::open(std::move(*store), clock);
    QVERIFY2(opened, qPrintable(errorText(opened)));
    TokenEngine& real = **opened;
    QVERIFY(real.userpass().putUser(owner(), patron(u"alice"_s), kPassword).ok());

    QList<qint64> unknownMs, wrongMs;
    QString unknownMessage, wrongMessage;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto unknown = real.userpass().login(u"mallory"_s, u"guess"_s, u"api:10.0.0.%1"_s.arg(i));
        unknownMs << timer.restart();
        auto wrong = real.userpass().login(u"alice"_s, u"guess"_s, u"api:10.0.1.%1"_s.arg(i));
        wrongMs << timer.elapsed();
        QVERIFY(!unknown && !wrong);
        QCOMPARE(unknown.error().code, wrong.error().code);
        unknownMessage = unknown.error().message;
        wrongMessage = wrong.error().message;
    }
    QCOMPARE(unknownMessage, wrongMessage);
    const qint64 unknown = medianMs(unknownMs);
    const qint64 wrong = medianMs(wrongMs);
    qInfo("median login time: unknown user %lld ms, wrong password %lld ms", unknown, wrong);
    // Without the dummy KDF an unknown user answers ~100 times faster.
    QVERIFY2(unknown * 2 >= wrong && wrong * 2 >= unknown,
             qPrintable(u"unknown %1 ms vs wrong %2 ms"_s.arg(unknown).arg(wrong)));
}

void TestUserDirectory::failedLoginsAreRateLimited()
{
    QVERIFY(putPatron(u"alice"_s).ok());
    for (int i = 1; i <= LoginThrottle::kFreeFailures; ++i) {
        auto login = engine().userpass().login(u"alice"_s, u"wrong"_s, kClient);
        QVERIFY(!login);
        QCOMPARE(login.error().code, ErrorCode::InvalidCredentials);
    }
    // Locked now: even the right password is refused, without a KDF run.
    auto locked = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QVERIFY2(!locked, "a locked user logged in");
    QCOMPARE(locked.error().code, ErrorCode::RateLimited);
    QCOMPARE(httpStatus(locked.error().code), 429);
    QVERIFY2(locked.error().message.contains(u"60 seconds"_s), qPrintable(locked.error().message));
    auto user = engine().userpass().user(owner(), u"alice"_s);
    QVERIFY(user);
    QCOMPARE(user->lockedUntil, m_temp->clock().nowSeconds() + LoginThrottle::kFirstLockout);

    m_temp->clock().advanceSeconds(LoginThrottle::kFirstLockout - 1);
    QCOMPARE(engine().userpass().login(u"alice"_s, kPassword, kClient).error().code,
             ErrorCode::RateLimited);
    m_temp->clock().advanceSeconds(1);
    auto after = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QVERIFY2(after, qPrintable(errorText(after)));
    // A good login forgets the failures.
    QCOMPARE(engine().userpass().user(owner(), u"alice"_s)->failedLogins, 0);
}

void TestUserDirectory::lockoutIsSharedThroughTheStore()
{
    QVERIFY(putPatron(u"alice"_s).ok());
    for (int i = 0; i < LoginThrottle::kFreeFailures; ++i)
        QVERIFY(!engine().userpass().login(u"alice"_s, u"wrong"_s, u"api:10.0.0.%1"_s.arg(i)));
    // Another engine on the same file (another process, or after a restart)
    // knows nothing in memory, yet refuses.
    QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
    auto login = engine().userpass().login(u"alice"_s, kPassword, u"api:10.9.9.9"_s);
    QVERIFY(!login);
    QCOMPARE(login.error().code, ErrorCode::RateLimited);
}

void TestUserDirectory::lockoutDoublesWhileFailuresGoOn()
{
    QVERIFY(putPatron(u"alice"_s).ok());
    for (int i = 0; i < LoginThrottle::kFreeFailures; ++i)
        QVERIFY(!engine().userpass().login(u"alice"_s, u"wrong"_s, kClient));
    m_temp->clock().advanceSeconds(LoginThrottle::kFirstLockout);
    QCOMPARE(engine().userpass().login(u"alice"_s, u"wrong"_s, kClient).error().code,
             ErrorCode::InvalidCredentials);
    QCOMPARE(engine().userpass().user(owner(), u"alice"_s)->lockedUntil,
             m_temp->clock().nowSeconds() + 2 * LoginThrottle::kFirstLockout);
}

void TestUserDirectory::oneClientGuessingManyNamesIsRateLimited()
{
    QVERIFY(putPatron(u"alice"_s).ok());
    for (int i = 0; i < LoginThrottle::kClientFreeFailures; ++i)
        QVERIFY(!engine().userpass().login(u"user%1"_s.arg(i), u"guess"_s, kClient));
    auto fromGuesser = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QVERIFY(!fromGuesser);
    QCOMPARE(fromGuesser.error().code, ErrorCode::RateLimited);
    // Alice, from her own address, is not punished for someone else's guessing.
    auto fromAlice = engine().userpass().login(u"alice"_s, kPassword, u"api:192.168.1.20"_s);
    QVERIFY2(fromAlice, qPrintable(errorText(fromAlice)));
}

void TestUserDirectory::unknownNamesAreLockedOutLikeUsers()
{
    for (int i = 0; i < LoginThrottle::kFreeFailures; ++i)
        QVERIFY(!engine().userpass().login(u"nobody"_s, u"guess"_s, u"api:10.0.0.%1"_s.arg(i)));
    auto login = engine().userpass().login(u"nobody"_s, u"guess"_s, u"api:10.0.1.1"_s);
    QVERIFY(!login);
    QCOMPARE(login.error().code, ErrorCode::RateLimited);
}

void TestUserDirectory::passwordIsStoredOnlyAsSaltedHash()
{
    QVERIFY(putPatron(u"alice"_s).ok());
    QVERIFY(putPatron(u"bob"_s).ok()); // the same password

    auto lease = m_temp->store().acquire();
    QVERIFY(lease);
    auto select = lease->db().query("SELECT name, password_hash, salt, kdf, definition "
                                    "FROM users ORDER BY name");
    QVERIFY(select);
    QList<QByteArray> hashes, salts;
    while (select->next().valueOr(false)) {
        const QByteArray hash = select->blob(1);
        const QByteArray salt = select->blob(2);
        QCOMPARE(hash.size(), PasswordHash::kHashSize);
        QCOMPARE(salt.size(), PasswordHash::kSaltSize);
        // The stored parameters name the KDF that made the hash.
        QCOMPARE(select->text(3), PasswordKdf::testOnlyCheap().toString());
        auto expected = crypto::scrypt(kPassword.toUtf8(), salt, crypto::ScryptParameters{16, 8, 1},
                                       PasswordHash::kHashSize);
        QVERIFY(expected);
        QCOMPARE(hash, *expected);
        QVERIFY(!select->text(4).contains(kPassword));
        hashes << hash;
        salts << salt;
    }
    QCOMPARE(hashes.size(), 2);
    QVERIFY2(salts[0] != salts[1], "two users share a salt");
    QVERIFY2(hashes[0] != hashes[1], "the same password hashes the same for two users");
    // And never in clear anywhere in the audit log.
    for (const audit::AuditRecord& record : engine().admin().auditRecords({}).valueOr({}))
        QVERIFY(!wholeRecord(record).contains(kPassword.toUtf8()));
}

void TestUserDirectory::weakerHashIsUpgradedAtNextLogin()
{
    QVERIFY(putPatron(u"alice"_s).ok());
    auto old = PasswordHash::create(kPassword.toUtf8(), PasswordKdf::pbkdf2(1000));
    QVERIFY(old);
    {
        auto lease = m_temp->store().acquire();
        QVERIFY(lease);
        auto update = lease->db().query(
            "UPDATE users SET password_hash = ?, salt = ?, kdf = ? WHERE name = 'alice'");
        QVERIFY(update);
        update->bind(1, old->hash).bind(2, old->salt).bind(3, old->kdf.toString());
        QVERIFY(update->run().ok());
    }
    auto login = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QVERIFY2(login, qPrintable(errorText(login)));

    auto lease = m_temp->store().acquire();
    QVERIFY(lease);
    auto select = lease->db().query("SELECT kdf, salt FROM users WHERE name = 'alice'");
    QVERIFY(select && select->next().valueOr(false));
    QCOMPARE(select->text(0), PasswordKdf::testOnlyCheap().toString());
    QVERIFY(select->blob(1) != old->salt);
}

void TestUserDirectory::updatingUserWithoutPasswordKeepsIt()
{
    QVERIFY(putPatron(u"alice"_s).ok());
    User changed = patron(u"alice"_s);
    changed.settings.policies = {u"archive"_s};
    QVERIFY(engine().userpass().putUser(owner(), changed).ok());
    auto login = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QVERIFY2(login, qPrintable(errorText(login)));
    QCOMPARE(login->info.policies, (QStringList{u"archive"_s, u"default"_s}));

    QVERIFY(engine().userpass().setUserPassword(owner(), u"alice"_s, u"new secret"_s).ok());
    QVERIFY(!engine().userpass().login(u"alice"_s, kPassword, kClient));
    QVERIFY(engine().userpass().login(u"alice"_s, u"new secret"_s, kClient));
}

void TestUserDirectory::newUserNeedsPassword()
{
    auto put = engine().userpass().putUser(owner(), patron(u"alice"_s));
    QVERIFY(!put);
    QCOMPARE(put.error().code, ErrorCode::InvalidArgument);
    auto empty = engine().userpass().putUser(owner(), patron(u"alice"_s), QString());
    QVERIFY(!empty);
    QCOMPARE(engine().userpass().userNames(owner()).valueOr({u"?"_s}), QStringList{});
}

void TestUserDirectory::userCannotHaveRootPolicy()
{
    User user = patron(u"admin"_s);
    user.settings.policies = {u"root"_s};
    auto put = engine().userpass().putUser(owner(), user, kPassword);
    QVERIFY(!put);
    QCOMPARE(put.error().code, ErrorCode::InvalidArgument);
}

void TestUserDirectory::batchUserGetsBatchToken()
{
    User user = patron(u"kiosk"_s);
    user.settings.tokenType = RoleTokenType::Batch;
    user.settings.maxTtl = 0;
    QVERIFY(engine().userpass().putUser(owner(), user, kPassword).ok());
    auto login = engine().userpass().login(u"kiosk"_s, kPassword, kClient);
    QVERIFY2(login, qPrintable(errorText(login)));
    QVERIFY(login->token.startsWith(u"tsb."_s));
    auto token = engine().tokens().validate(login->token);
    QVERIFY2(token, qPrintable(errorText(token)));
    QCOMPARE(token->meta.value(u"username"_s), u"kiosk"_s);
    QCOMPARE(token->policies, (QStringList{u"default"_s, u"ebooks"_s}));
}

// Sign-in tokens go through planCreation like every token (CreationInput::signIn):
// the user's period, use limit and type are honoured by the same rule.
void TestUserDirectory::periodicUserGetsPeriodicLoginToken()
{
    User user = patron(u"night-desk"_s);
    user.settings.ttl = 0;
    user.settings.maxTtl = 0;
    user.settings.period = kHour;
    QVERIFY(engine().userpass().putUser(owner(), user, kPassword).ok());
    auto login = engine().userpass().login(u"night-desk"_s, kPassword, kClient);
    QVERIFY2(login, qPrintable(errorText(login)));
    QCOMPARE(login->info.period, kHour);
    QCOMPARE(login->info.creationTtl, kHour);
    QVERIFY(login->info.renewable);

    // A periodic token renews to its period whatever the increment asked.
    m_temp->clock().advanceSeconds(50 * 60);
    auto renewed = engine().tokens().renew(owner(), TokenRef::token(login->token), 5 * kHour);
    QVERIFY2(renewed, qPrintable(errorText(renewed)));
    QCOMPARE(renewed->info.expireAt, std::optional<qint64>(m_temp->clock().nowSeconds() + kHour));
}

void TestUserDirectory::useLimitedUserGetsUseLimitedLoginToken()
{
    User user = patron(u"kiosk"_s);
    user.settings.numUses = 2;
    QVERIFY(engine().userpass().putUser(owner(), user, kPassword).ok());
    auto login = engine().userpass().login(u"kiosk"_s, kPassword, kClient);
    QVERIFY2(login, qPrintable(errorText(login)));
    QCOMPARE(login->info.numUses, 2);

    for (int use = 1; use <= 2; ++use) {
        auto caller = engine().tokens().authenticate(login->token, kClient);
        QVERIFY2(caller, qPrintable(errorText(caller)));
        QCOMPARE(caller->lastUse, use == 2);
        QVERIFY(engine().tokens().completeUse(*caller));
    }
    QVERIFY2(!engine().tokens().authenticate(login->token, kClient),
             "a two-use login token worked a third time");
}

void TestUserDirectory::batchUserLoginTokenIsCappedLikeEveryBatchToken()
{
    EngineConfig config;
    config.maxBatchTtl = 2 * kHour;
    m_temp = std::make_unique<TempEngine>(config);
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));

    User user = patron(u"kiosk"_s);
    user.settings.tokenType = RoleTokenType::DefaultBatch; // a sign-in has no request to override
    user.settings.ttl = 8 * kHour;
    user.settings.maxTtl = 0;
    QVERIFY(engine().userpass().putUser(owner(), user, kPassword).ok());
    auto login = engine().userpass().login(u"kiosk"_s, kPassword, kClient);
    QVERIFY2(login, qPrintable(errorText(login)));
    QVERIFY(login->token.startsWith(u"tsb."_s));
    QCOMPARE(login->info.creationTtl, 2 * kHour);
    QCOMPARE(login->info.expireAt, std::optional<qint64>(m_temp->clock().nowSeconds() + 2 * kHour));
    QVERIFY2(login->warnings.join(u'\n').contains(u"capped"_s),
             qPrintable(login->warnings.join(u'\n')));
    QVERIFY(!login->info.renewable);

    // The same cap as a batch token created through auth/token/create.
    TokenRequest request;
    request.type = TokenType::Batch;
    request.ttl = 8 * kHour;
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY2(created, qPrintable(errorText(created)));
    QCOMPARE(created->info.creationTtl, login->info.creationTtl);

    // Settings batch tokens cannot have are refused when the user is written.
    user.settings.period = kHour;
    auto periodic = engine().userpass().putUser(owner(), user, kPassword);
    QVERIFY(!periodic);
    QVERIFY2(periodic.error().message.contains(u"periodic"_s),
             qPrintable(periodic.error().message));
}

void TestUserDirectory::userManagementFollowsUserpassPolicyPaths_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<bool>("mayWrite");
    QTest::addColumn<bool>("mayRead");
    QTest::addColumn<bool>("mayList");
    QTest::addColumn<bool>("mayDelete");

    QTest::newRow("no rules") << QString() << false << false << false << false;
    QTest::newRow("all users")
        << u"path \"auth/userpass/users/*\" { capabilities = [\"create\", \"update\", \"read\", "
           "\"list\", \"delete\"] }"_s
        << true << true << true << true;
    QTest::newRow("read one") << u"path \"auth/userpass/users/alice\" { capabilities = "
                                 "[\"read\"] }"_s
                              << false << true << false << false;
    QTest::newRow("other users only")
        << u"path \"auth/userpass/users/bob\" { capabilities = [\"create\", \"update\", "
           "\"read\", \"delete\"] }"_s
        << false << false << false << false;
}

void TestUserDirectory::userManagementFollowsUserpassPolicyPaths()
{
    QFETCH(QString, rules);
    QFETCH(bool, mayWrite);
    QFETCH(bool, mayRead);
    QFETCH(bool, mayList);
    QFETCH(bool, mayDelete);

    QVERIFY(putPatron(u"alice"_s).ok());
    QStringList policies;
    if (!rules.isEmpty()) {
        QVERIFY(engine().admin().putPolicy(owner(), u"desk"_s, rules).ok());
        policies << u"desk"_s;
    }
    TokenRequest request;
    request.policies = policies.isEmpty() ? QStringList{u"default"_s} : policies;
    auto desk = engine().tokens().createToken(owner(), request);
    QVERIFY2(desk, qPrintable(errorText(desk)));
    auto caller = engine().tokens().authenticate(desk->token, kClient);
    QVERIFY(caller);

    QCOMPARE(engine().userpass().putUser(*caller, patron(u"alice"_s)).ok(), mayWrite);
    QCOMPARE(engine().userpass().user(*caller, u"alice"_s).ok(), mayRead);
    QCOMPARE(engine().userpass().userNames(*caller).ok(), mayList);
    auto deleted = engine().userpass().deleteUser(*caller, u"alice"_s);
    QCOMPARE(deleted.ok(), mayDelete);
    if (!mayDelete) {
        QCOMPARE(deleted.error().code, ErrorCode::PermissionDenied);
        const auto refusals = records(engine(), u"user.delete"_s);
        QVERIFY(!refusals.isEmpty());
        QCOMPARE(refusals.last().outcome, u"denied"_s);
    }
}

void TestUserDirectory::userChangesAreAuditedAndSignalled()
{
    QSignalSpy changed(&engine(), &TokenEngine::usersChanged);
    QVERIFY(putPatron(u"alice"_s).ok());
    QVERIFY(engine().userpass().deleteUser(owner(), u"alice"_s).ok());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(records(engine(), u"user.write"_s).size(), 1);
    QCOMPARE(records(engine(), u"user.delete"_s).size(), 1);
    auto gone = engine().userpass().user(owner(), u"alice"_s);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    auto login = engine().userpass().login(u"alice"_s, kPassword, kClient);
    QCOMPARE(login.error().message, u"invalid username or password"_s);
}

QTEST_GUILESS_MAIN(TestUserDirectory)
#include "tst_userdirectory.moc"
