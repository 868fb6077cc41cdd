// TokenEngine's rules (docs/ARCHITECTURE.md, «Token rules») as a caller sees them:
// creation, policies, TTLs, roles, renewal, batch tokens, revocation, audit.
#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "audit/VerifyReport.h"
#include "engine/CreationBatch.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "engine/TokenFormat.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/EngineActors.h"
#include "support/StoreProbes.h"
#include "support/TempEngine.h"

#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <sqlite3.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::Actor;
using tessera::test::errorText;
using tessera::test::hcl;
using tessera::test::SqlWatch;
using tessera::test::TempEngine;
using tessera::test::ThisThreadSqlWatch;

namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;

// Every text and blob value of every table, for "is this secret anywhere?".
QList<QByteArray> everyStoredValue(store::Database& db)
{
    QList<QByteArray> values;
    QStringList tables;
    {
        auto select = db.query("SELECT name FROM sqlite_master WHERE type = 'table'");
        if (!select)
            return values;
        while (select->next().valueOr(false))
            tables.append(select->text(0));
    }
    for (const QString& table : std::as_const(tables)) {
        const QByteArray sql = "SELECT * FROM \"" + table.toUtf8() + '"';
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db.handle(), sql.constData(), -1, &statement, nullptr) != SQLITE_OK)
            continue;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            for (int column = 0; column < sqlite3_column_count(statement); ++column) {
                const auto* bytes =
                    static_cast<const char*>(sqlite3_column_blob(statement, column));
                values.append(QByteArray(bytes, sqlite3_column_bytes(statement, column)));
            }
        }
        sqlite3_finalize(statement);
    }
    return values;
}

} // namespace

class TestTokenService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void childInheritsParentPolicies();
    void childPoliciesMustBeSubsetOfParent_data();
    void childPoliciesMustBeSubsetOfParent();
    void rootMayGrantAnyPolicy_data();
    void rootMayGrantAnyPolicy();
    void orphanCreationNeedsRootOrSudo_data();
    void orphanCreationNeedsRootOrSudo();
    void periodicTokenNeedsRootOrSudoUnlessTheRoleHasThePeriod_data();
    void periodicTokenNeedsRootOrSudoUnlessTheRoleHasThePeriod();
    void useLimitedTokenCannotCreateChildren_data();
    void useLimitedTokenCannotCreateChildren();
    void batchTokenWithUseLimitIsRefused_data();
    void batchTokenWithUseLimitIsRefused();
    void policyNameNoPolicyCanHaveIsRefused_data();
    void policyNameNoPolicyCanHaveIsRefused();
    void requestedTtlAboveSystemMaxIsCappedWithWarning_data();
    void requestedTtlAboveSystemMaxIsCappedWithWarning();
    void roleSettingsApplyToCreatedToken();
    void bulkCreationIsAllOrNothing();
    void bulkCreationAuditsEveryTokenInOrderAcrossFlushes();
    void tokenIdIsStoredOnlyAsHash();
    void tokenOfAnOlderStoreStillValidates();
    void malformedTokenIsRejectedBeforeStoreAccess_data();
    void malformedTokenIsRejectedBeforeStoreAccess();
    void malformedTokenNeedsNoConnection();
    void accessorIsNeverAcceptedAsToken();
    void renewExtendsWithinMax();
    void renewPastMaxTtlFails_data();
    void renewPastMaxTtlFails();
    void roleCreatedTokenRenewsWithRolesCurrentSettings_data();
    void roleCreatedTokenRenewsWithRolesCurrentSettings();
    void renewOfTokenWhoseRoleIsGoneFails();
    void batchTokenValidatesUntilParentRevoked();
    void orphanBatchTokenOutlivesRevokedCreator();
    void revokingAlreadyRevokedTokenIsIdempotent_data();
    void revokingAlreadyRevokedTokenIsIdempotent();
    void defaultPolicyIsAdded_data();
    void defaultPolicyIsAdded();

private:
    // A fresh engine (replacing the current one) under `config`.
    bool restart(EngineConfig config);
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    qint64 now() { return m_temp->clock().nowSeconds(); }
    Result<Actor> actor(const QStringList& policies, TokenRequest request = {});
    Result<Actor> rootActor() { return test::rootActor(engine()); }
    Result<Token> lookup(const QString& accessor)
    {
        return engine().tokens().lookup(owner(), TokenRef::accessor(accessor));
    }
    QList<audit::AuditRecord> auditTrail() { return test::auditTrail(engine()); }
    qint64 tokenCount() { return engine().browser().count().valueOr(-1); }

    std::unique_ptr<TempEngine> m_temp;
};

bool TestTokenService::restart(EngineConfig config)
{
    m_temp = std::make_unique<TempEngine>(std::move(config));
    return m_temp->isValid() && test::installTestPolicies(engine()).ok();
}

void TestTokenService::init()
{
    QVERIFY2(restart({}), qPrintable(m_temp->errorMessage()));
}

void TestTokenService::cleanup()
{
    m_temp.reset();
}

Result<Actor> TestTokenService::actor(const QStringList& policies, TokenRequest request)
{
    request.policies = policies;
    return test::issueActor(engine(), owner(), request);
}

// --- policies on children ------------------------------------------------------

void TestTokenService::childInheritsParentPolicies()
{
    auto parent = actor({u"ebooks"_s, u"archive"_s, u"issuer"_s});
    QVERIFY2(parent, qPrintable(errorText(parent)));

    auto child = engine().tokens().createToken(parent->caller, {});
    QVERIFY2(child, qPrintable(errorText(child)));
    const QStringList expected{u"archive"_s, u"default"_s, u"ebooks"_s, u"issuer"_s};
    QCOMPARE(child->info.policies, expected);
    QCOMPARE(child->info.parentAccessor, parent->info.accessor);

    auto stored = lookup(child->info.accessor);
    QVERIFY2(stored, qPrintable(errorText(stored)));
    QCOMPARE(stored->policies, expected);
    QCOMPARE(stored->parentAccessor, parent->info.accessor);
}

void TestTokenService::childPoliciesMustBeSubsetOfParent_data()
{
    QTest::addColumn<QStringList>("requested");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one of the parent's")
        << QStringList{u"ebooks"_s} << true << QStringList{u"default"_s, u"ebooks"_s};
    QTest::newRow("all of the parent's") << QStringList{u"issuer"_s, u"ebooks"_s} << true
                                         << QStringList{u"default"_s, u"ebooks"_s, u"issuer"_s};
    QTest::newRow("default alone")
        << QStringList{u"default"_s} << true << QStringList{u"default"_s};
    QTest::newRow("one the parent lacks")
        << QStringList{u"ebooks"_s, u"wifi"_s} << false << QStringList{};
    QTest::newRow("a policy nobody wrote")
        << QStringList{u"nonexistent"_s} << false << QStringList{};
    QTest::newRow("root") << QStringList{u"root"_s} << false << QStringList{};
}

void TestTokenService::childPoliciesMustBeSubsetOfParent()
{
    QFETCH(QStringList, requested);
    QFETCH(bool, allowed);
    QFETCH(QStringList, expected);

    auto parent = actor({u"ebooks"_s, u"issuer"_s});
    QVERIFY2(parent, qPrintable(errorText(parent)));
    const qint64 before = tokenCount();

    TokenRequest request;
    request.policies = requested;
    auto child = engine().tokens().createToken(parent->caller, request);
    QCOMPARE(child.ok(), allowed);
    if (allowed) {
        QCOMPARE(child->info.policies, expected);
        QCOMPARE(tokenCount(), before + 1);
    } else {
        QCOMPARE(child.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(child.error().message.contains(u"subset of parent"_s),
                 qPrintable(child.error().message));
        QCOMPARE(tokenCount(), before);
    }
}

void TestTokenService::rootMayGrantAnyPolicy_data()
{
    QTest::addColumn<bool>("asOwner");
    QTest::addColumn<QStringList>("requested");
    QTest::addColumn<QStringList>("expected");

    const QStringList any{u"wifi"_s, u"archive"_s, u"not-written-yet"_s};
    const QStringList anyWithDefault{u"archive"_s, u"default"_s, u"not-written-yet"_s, u"wifi"_s};
    QTest::newRow("root token, any policies") << false << any << anyWithDefault;
    QTest::newRow("store owner, any policies") << true << any << anyWithDefault;
    QTest::newRow("root token, root") << false << QStringList{u"root"_s} << QStringList{u"root"_s};
    QTest::newRow("store owner, root") << true << QStringList{u"root"_s} << QStringList{u"root"_s};
}

void TestTokenService::rootMayGrantAnyPolicy()
{
    QFETCH(bool, asOwner);
    QFETCH(QStringList, requested);
    QFETCH(QStringList, expected);

    Caller caller = owner();
    if (!asOwner) {
        auto root = rootActor();
        QVERIFY2(root, qPrintable(errorText(root)));
        caller = root->caller;
    }
    TokenRequest request;
    request.policies = requested;
    auto child = engine().tokens().createToken(caller, request);
    QVERIFY2(child, qPrintable(errorText(child)));
    QCOMPARE(child->info.policies, expected);
}

void TestTokenService::orphanCreationNeedsRootOrSudo_data()
{
    QTest::addColumn<QStringList>("callerPolicies"); // empty: the store owner
    QTest::addColumn<bool>("allowed");

    QTest::newRow("create without sudo") << QStringList{u"issuer"_s} << false;
    QTest::newRow("create with sudo") << QStringList{u"sudo-issuer"_s} << true;
    QTest::newRow("root token") << QStringList{u"root"_s} << true;
    QTest::newRow("store owner") << QStringList{} << true;
}

void TestTokenService::orphanCreationNeedsRootOrSudo()
{
    QFETCH(QStringList, callerPolicies);
    QFETCH(bool, allowed);

    Caller caller = owner();
    QString creatorAccessor;
    if (!callerPolicies.isEmpty()) {
        auto creator =
            callerPolicies == QStringList{u"root"_s} ? rootActor() : actor(callerPolicies);
        QVERIFY2(creator, qPrintable(errorText(creator)));
        caller = creator->caller;
        creatorAccessor = creator->info.accessor;
    }
    const qint64 before = tokenCount();

    TokenRequest request;
    request.orphan = true;
    auto orphan = engine().tokens().createToken(caller, request);
    QCOMPARE(orphan.ok(), allowed);
    if (!allowed) {
        QCOMPARE(orphan.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(tokenCount(), before);
        return;
    }
    QVERIFY(orphan->info.parentAccessor.isEmpty());
    auto stored = lookup(orphan->info.accessor);
    QVERIFY2(stored, qPrintable(errorText(stored)));
    QVERIFY(stored->isOrphan());
    // An orphan does not go with its creator.
    if (!creatorAccessor.isEmpty()) {
        auto revoked = engine().tokens().revoke(owner(), TokenRef::accessor(creatorAccessor));
        QVERIFY2(revoked, qPrintable(errorText(revoked)));
        QCOMPARE(*revoked, QStringList{creatorAccessor});
    }
    QVERIFY2(engine().tokens().validate(orphan->token), "the orphan went with its creator");
}

void TestTokenService::periodicTokenNeedsRootOrSudoUnlessTheRoleHasThePeriod_data()
{
    QTest::addColumn<QStringList>("callerPolicies"); // empty: the store owner
    QTest::addColumn<QString>("role");               // empty: none
    QTest::addColumn<bool>("allowed");

    QTest::newRow("period without sudo") << QStringList{u"issuer"_s} << QString() << false;
    QTest::newRow("period with sudo") << QStringList{u"sudo-issuer"_s} << QString() << true;
    QTest::newRow("root token") << QStringList{u"root"_s} << QString() << true;
    QTest::newRow("store owner") << QStringList{} << QString() << true;
    // As in Vault, the request's own period needs sudo even through a role.
    QTest::newRow("period through a role, without sudo")
        << QStringList{u"issuer"_s} << u"plain"_s << false;
    QTest::newRow("the role's period, without sudo")
        << QStringList{u"issuer"_s} << u"periodic"_s << true;
}

void TestTokenService::periodicTokenNeedsRootOrSudoUnlessTheRoleHasThePeriod()
{
    QFETCH(QStringList, callerPolicies);
    QFETCH(QString, role);
    QFETCH(bool, allowed);

    Role plain;
    plain.name = u"plain"_s;
    plain.allowedPolicies = {u"ebooks"_s};
    QVERIFY(engine().admin().putRole(owner(), plain));
    Role periodic = plain;
    periodic.name = u"periodic"_s;
    periodic.settings.period = kDay;
    QVERIFY(engine().admin().putRole(owner(), periodic));

    Caller caller = owner();
    if (!callerPolicies.isEmpty()) {
        auto creator =
            callerPolicies == QStringList{u"root"_s} ? rootActor() : actor(callerPolicies);
        QVERIFY2(creator, qPrintable(errorText(creator)));
        caller = creator->caller;
    }
    const qint64 before = tokenCount();
    TokenRequest request;
    request.role = role;
    if (role != u"periodic"_s)
        request.period = kHour;
    auto created = engine().tokens().createToken(caller, request);
    QVERIFY2(created.ok() == allowed, qPrintable(errorText(created)));
    if (!allowed) {
        QCOMPARE(created.error().code, ErrorCode::PermissionDenied);
        QVERIFY(created.error().message.contains(u"periodic"));
        QCOMPARE(tokenCount(), before);
        return;
    }
    QCOMPARE(created->info.period, role == u"periodic"_s ? kDay : kHour);
}

void TestTokenService::useLimitedTokenCannotCreateChildren_data()
{
    QTest::addColumn<bool>("asOwner"); // the owner names the use-limited token as parent
    QTest::addColumn<bool>("orphan");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("batch");

    QTest::newRow("child") << false << false << QString() << false;
    QTest::newRow("batch child") << false << false << QString() << true;
    QTest::newRow("orphan with sudo") << false << true << QString() << false;
    QTest::newRow("orphan from an orphan role") << false << false << u"orphans"_s << false;
    QTest::newRow("owner names it as parent") << true << false << QString() << false;
}

void TestTokenService::useLimitedTokenCannotCreateChildren()
{
    QFETCH(bool, asOwner);
    QFETCH(bool, orphan);
    QFETCH(QString, role);
    QFETCH(bool, batch);

    Role orphans;
    orphans.name = u"orphans"_s;
    orphans.orphan = true;
    QVERIFY(engine().admin().putRole(owner(), orphans));

    TokenRequest limited;
    limited.numUses = 10;
    auto parent = actor({u"sudo-issuer"_s, u"ebooks"_s}, limited);
    QVERIFY2(parent, qPrintable(errorText(parent)));
    QVERIFY(parent->caller.useLimited);
    const qint64 before = tokenCount();

    TokenRequest request;
    request.orphan = orphan;
    request.role = role;
    if (batch)
        request.type = TokenType::Batch;
    if (asOwner)
        request.parentAccessor = parent->info.accessor;
    auto child = engine().tokens().createToken(asOwner ? owner() : parent->caller, request);
    QVERIFY2(!child, "a use-limited token created a token");
    QCOMPARE(child.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(child.error().message.contains(u"use limit"_s), qPrintable(child.error().message));
    QCOMPARE(tokenCount(), before);
}

// Found by fuzz_tokenrequest: ["e,ooks-read"] was stored and read back as
// two policies, "e" and "ooks-read".
void TestTokenService::policyNameNoPolicyCanHaveIsRefused_data()
{
    QTest::addColumn<QString>("policy");
    QTest::newRow("comma") << u"e,ooks-read"_s;
    QTest::newRow("space inside") << u"ebooks read"_s;
    QTest::newRow("slash") << u"ebooks/read"_s;
}

void TestTokenService::policyNameNoPolicyCanHaveIsRefused()
{
    QFETCH(QString, policy);
    const qint64 before = tokenCount();
    TokenRequest request;
    request.policies = {policy};
    request.noDefaultPolicy = true;
    auto refused = engine().tokens().createToken(owner(), request);
    QVERIFY2(!refused, "a token with an impossible policy name was issued");
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(policy), qPrintable(refused.error().message));
    QCOMPARE(tokenCount(), before);
}

void TestTokenService::batchTokenWithUseLimitIsRefused_data()
{
    QTest::addColumn<int>("requestedUses");
    QTest::addColumn<int>("roleUses"); // -1: no role

    QTest::newRow("use limit in the request") << 3 << -1;
    QTest::newRow("one use") << 1 << -1;
    QTest::newRow("use limit from the role") << 0 << 2;
}

void TestTokenService::batchTokenWithUseLimitIsRefused()
{
    QFETCH(int, requestedUses);
    QFETCH(int, roleUses);

    TokenRequest request;
    request.type = TokenType::Batch;
    request.numUses = requestedUses;
    request.policies = {u"ebooks"_s};
    if (roleUses >= 0) {
        Role limited;
        limited.name = u"limited"_s;
        limited.settings.numUses = roleUses;
        QVERIFY(engine().admin().putRole(owner(), limited));
        request.role = limited.name;
    }
    auto refused = engine().tokens().createToken(owner(), request);
    QVERIFY2(!refused, "a batch token with a use limit was issued");
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(u"use limit"_s), qPrintable(refused.error().message));

    // The same request without the use limit is fine.
    request.numUses = 0;
    request.role.clear();
    auto batch = engine().tokens().createToken(owner(), request);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(batch->token.startsWith(u"tsb."_s));
}

void TestTokenService::requestedTtlAboveSystemMaxIsCappedWithWarning_data()
{
    QTest::addColumn<qint64>("systemMax");
    QTest::addColumn<qint64>("ttl");
    QTest::addColumn<qint64>("explicitMax");
    QTest::addColumn<qint64>("roleMax"); // 0: no role
    QTest::addColumn<qint64>("expectedTtl");
    QTest::addColumn<bool>("warned");

    QTest::newRow("above the system max of 32 days")
        << 32 * kDay << 40 * kDay << qint64(0) << qint64(0) << 32 * kDay << true;
    QTest::newRow("above a configured system max")
        << 3 * kHour << 10 * kHour << qint64(0) << qint64(0) << 3 * kHour << true;
    QTest::newRow("above the explicit max")
        << 32 * kDay << 2 * kHour << kHour << qint64(0) << kHour << true;
    QTest::newRow("above the role's max")
        << 32 * kDay << 2 * kHour << qint64(0) << 30 * kMinute << 30 * kMinute << true;
    QTest::newRow("the smallest limit wins")
        << 3 * kHour << 10 * kHour << 5 * kHour << 4 * kHour << 3 * kHour << true;
    QTest::newRow("within every limit")
        << 32 * kDay << kHour << 2 * kHour << 3 * kHour << kHour << false;
}

void TestTokenService::requestedTtlAboveSystemMaxIsCappedWithWarning()
{
    QFETCH(qint64, systemMax);
    QFETCH(qint64, ttl);
    QFETCH(qint64, explicitMax);
    QFETCH(qint64, roleMax);
    QFETCH(qint64, expectedTtl);
    QFETCH(bool, warned);

    EngineConfig config;
    config.maxTtl = systemMax;
    config.defaultTtl = std::min(config.defaultTtl, systemMax);
    QVERIFY2(restart(config), qPrintable(m_temp->errorMessage()));

    TokenRequest request;
    request.ttl = ttl;
    request.explicitMaxTtl = explicitMax;
    if (roleMax > 0) {
        Role role;
        role.name = u"limited"_s;
        role.settings.explicitMaxTtl = roleMax;
        QVERIFY(engine().admin().putRole(owner(), role));
        request.role = role.name;
    }
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY2(created, qPrintable(errorText(created)));
    QCOMPARE(created->info.creationTtl, expectedTtl);
    QCOMPARE(created->info.expireAt, std::optional<qint64>(now() + expectedTtl));
    // (Other warnings may come too, e.g. when request and role both set a max.)
    const QString warnings = created->warnings.join(u'\n');
    QVERIFY2(warnings.contains(u"capped"_s) == warned, qPrintable(warnings));
    auto stored = lookup(created->info.accessor);
    QVERIFY2(stored, qPrintable(errorText(stored)));
    QCOMPARE(stored->expireAt, created->info.expireAt);
}

// --- roles -----------------------------------------------------------------------

void TestTokenService::roleSettingsApplyToCreatedToken()
{
    Role dayPass;
    dayPass.name = u"visitor-day-pass"_s;
    dayPass.allowedPolicies = {u"ebooks"_s, u"wifi"_s};
    dayPass.orphan = true;
    dayPass.renewable = false;
    dayPass.settings.ttl = 8 * kHour;
    dayPass.settings.explicitMaxTtl = 12 * kHour;
    dayPass.pathSuffix = u"desk-1"_s;
    QVERIFY(engine().admin().putRole(owner(), dayPass));

    Role oneTime;
    oneTime.name = u"one-time-archive-entry"_s;
    oneTime.allowedPolicies = {u"archive"_s};
    oneTime.settings.numUses = 1;
    oneTime.settings.tokenType = RoleTokenType::Service;
    QVERIFY(engine().admin().putRole(owner(), oneTime));

    Role semester;
    semester.name = u"semester"_s;
    semester.allowedPolicies = {u"ebooks"_s};
    semester.settings.period = 7 * kDay;
    QVERIFY(engine().admin().putRole(owner(), semester));

    Role batchPass;
    batchPass.name = u"batch-pass"_s;
    batchPass.allowedPolicies = {u"wifi"_s};
    batchPass.settings.tokenType = RoleTokenType::Batch;
    batchPass.renewable = false;
    batchPass.settings.ttl = kHour;
    QVERIFY2(engine().admin().putRole(owner(), batchPass), "batch role refused");

    // A desk token without the role's policies issues from the roles.
    auto desk = actor({u"issuer"_s});
    QVERIFY2(desk, qPrintable(errorText(desk)));

    TokenRequest request;
    request.role = dayPass.name;
    auto day = engine().tokens().createToken(desk->caller, request);
    QVERIFY2(day, qPrintable(errorText(day)));
    QCOMPARE(day->info.role, dayPass.name);
    QCOMPARE(day->info.path, u"auth/token/create/visitor-day-pass/desk-1"_s);
    QCOMPARE(day->info.policies, (QStringList{u"default"_s, u"ebooks"_s, u"wifi"_s}));
    QCOMPARE(day->info.creationTtl, 8 * kHour);
    QCOMPARE(day->info.expireAt, std::optional<qint64>(now() + 8 * kHour));
    QCOMPARE(day->info.explicitMaxTtl, 12 * kHour);
    QVERIFY(!day->info.renewable);
    QVERIFY2(day->info.parentAccessor.isEmpty(), "an orphan role made a child token");
    auto stored = lookup(day->info.accessor);
    QVERIFY2(stored, qPrintable(errorText(stored)));
    QCOMPARE(stored->role, dayPass.name);
    QCOMPARE(stored->path, day->info.path);
    QVERIFY(!stored->renewable);
    QVERIFY(stored->isOrphan());
    request.renewable = true; // as hvac always sends: the role's renewable = false wins
    auto asked = engine().tokens().createToken(desk->caller, request);
    QVERIFY2(asked, qPrintable(errorText(asked)));
    QVERIFY(!asked->info.renewable);
    request.renewable.reset();

    request.role = oneTime.name;
    auto entry = engine().tokens().createToken(desk->caller, request);
    QVERIFY2(entry, qPrintable(errorText(entry)));
    QCOMPARE(entry->info.numUses, 1);
    QCOMPARE(entry->info.usesLeft, 1);
    QCOMPARE(entry->info.policies, (QStringList{u"archive"_s, u"default"_s}));
    QCOMPARE(entry->info.parentAccessor, desk->info.accessor);

    request.role = semester.name;
    auto term = engine().tokens().createToken(desk->caller, request);
    QVERIFY2(term, qPrintable(errorText(term)));
    QCOMPARE(term->info.period, 7 * kDay);
    QCOMPARE(term->info.expireAt, std::optional<qint64>(now() + 7 * kDay));

    request.role = batchPass.name;
    request.renewable = true; // ignored for batch tokens, as in Vault
    auto pass = engine().tokens().createToken(desk->caller, request);
    QVERIFY2(pass, qPrintable(errorText(pass)));
    QCOMPARE(pass->info.type, TokenType::Batch);
    QVERIFY(!pass->info.renewable);
    QVERIFY(pass->token.startsWith(u"tsb."_s));
    auto validated = engine().tokens().validate(pass->token);
    QVERIFY2(validated, qPrintable(errorText(validated)));
    QCOMPARE(validated->role, batchPass.name);
    QCOMPARE(validated->policies, (QStringList{u"default"_s, u"wifi"_s}));
}

void TestTokenService::bulkCreationIsAllOrNothing()
{
    QSignalSpy created(&engine(), &TokenEngine::tokenCreated);
    const qsizetype auditBefore = auditTrail().size();
    TokenRequest good;
    good.policies = {u"ebooks"_s};
    TokenRequest bad = good;
    bad.type = TokenType::Batch;
    bad.numUses = 2;

    auto refused = engine().tokens().createTokens(owner(), {good, good, bad, good});
    QVERIFY2(!refused, "a bulk creation with an invalid request went through");
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(tokenCount(), 0);
    QCOMPARE(created.count(), 0);
    QCOMPARE(auditTrail().size(), auditBefore);

    // The same when the bad request comes after a flush of audit records was
    // handed to another thread to be prepared.
    QList<TokenRequest> many(CreationBatch::kAuditFlush + 100, good);
    many.append(bad);
    auto refusedLate = engine().tokens().createTokens(owner(), many);
    QVERIFY2(!refusedLate, "a bulk creation with an invalid request went through");
    QCOMPARE(refusedLate.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(tokenCount(), 0);
    QCOMPARE(created.count(), 0);
    QCOMPARE(auditTrail().size(), auditBefore);
    const auto report = engine().admin().verifyAudit();
    QVERIFY2(report, qPrintable(errorText(report)));
    QVERIFY2(report->intact, qPrintable(report->problem));

    auto all = engine().tokens().createTokens(owner(), {good, good, good});
    QVERIFY2(all, qPrintable(errorText(all)));
    QCOMPARE(all->size(), 3);
    QCOMPARE(tokenCount(), 3);
    QCOMPARE(created.count(), 3);
    QCOMPARE(auditTrail().size(), auditBefore + 3);
    for (const CreatedToken& token : std::as_const(*all))
        QVERIFY(engine().tokens().validate(token.token));
}

void TestTokenService::bulkCreationAuditsEveryTokenInOrderAcrossFlushes()
{
    // More than two flushes: each one's records are prepared on another
    // thread while the next flush's tokens are inserted.
    const qsizetype count = 2 * CreationBatch::kAuditFlush + 5;
    const qsizetype auditBefore = auditTrail().size();
    TokenRequest request;
    request.policies = {u"ebooks"_s};
    request.displayName = u"class visit"_s;
    request.meta = {{u"patron"_s, u"21000123"_s}}; // a personal part in every record
    QList<TokenRequest> requests(count - 1, request);
    request.type = TokenType::Batch; // recorded by its tag: it has no accessor
    requests.append(request);
    auto all = engine().tokens().createTokens(owner(), requests);
    QVERIFY2(all, qPrintable(errorText(all)));

    const QList<audit::AuditRecord> trail = auditTrail();
    QCOMPARE(trail.size(), auditBefore + count);
    for (qsizetype i = 0; i < count; ++i) {
        const audit::AuditRecord& record = trail.at(auditBefore + i);
        QCOMPARE(record.operation, u"token.create"_s);
        const CreatedToken& token = all->at(i);
        QCOMPARE(record.targets,
                 token.info.accessor.isEmpty() ? QStringList() : QStringList{token.info.accessor});
        QCOMPARE(record.details.value(u"type"_s).toString(),
                 i == count - 1 ? u"batch"_s : u"service"_s);
        QCOMPARE(record.details.value(u"display_name"_s).toString(), u"class visit"_s);
        QCOMPARE(record.details.value(u"meta"_s).toObject().value(u"patron"_s).toString(),
                 u"21000123"_s);
    }
    QVERIFY(trail.last().details.value(u"token"_s).toString().startsWith(u"hmac-sha256:"_s));
    const auto report = engine().admin().verifyAudit();
    QVERIFY2(report, qPrintable(errorText(report)));
    QVERIFY2(report->intact, qPrintable(report->problem));
    QCOMPARE(report->recordsChecked, qint64(auditBefore + count));
}

// --- the token's secrecy and format ------------------------------------------------

void TestTokenService::tokenIdIsStoredOnlyAsHash()
{
    TokenRequest request;
    request.displayName = u"patron 1234"_s;
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY2(created, qPrintable(errorText(created)));
    auto batch = engine().tokens().createToken(owner(), [] {
        TokenRequest batchRequest;
        batchRequest.type = TokenType::Batch;
        batchRequest.policies = {u"ebooks"_s};
        return batchRequest;
    }());
    QVERIFY2(batch, qPrintable(errorText(batch)));

    auto lease = m_temp->store().acquire();
    QVERIFY2(lease, qPrintable(errorText(lease)));
    {
        auto select = lease->db().query("SELECT hash FROM tokens WHERE accessor = ?");
        QVERIFY(select);
        select->bind(1, created->info.accessor);
        QVERIFY(select->next().valueOr(false));
        // The creation second's digits, then HMAC-SHA256 (EngineSecrets::tokenKey).
        const QByteArray key = select->blob(0);
        QCOMPARE(key.size(), TokenFormat::kTimeDigits + 32);
        QCOMPARE(
            key.first(TokenFormat::kTimeDigits),
            created->token.toLatin1().mid(TokenFormat::kPrefixLength, TokenFormat::kTimeDigits));
    }
    // Neither token appears anywhere: not in tokens, audit, settings...
    const QList<QByteArray> values = everyStoredValue(lease->db());
    QVERIFY(values.size() > 20);
    for (const QString& raw : {created->token, batch->token}) {
        const QByteArray utf8 = raw.toUtf8();
        // The token's random body alone, without prefix, time and checksum.
        const QByteArray body = utf8.mid(TokenFormat::kPrefixLength + TokenFormat::kTimeDigits, 20);
        for (const QByteArray& value : values) {
            QVERIFY2(!value.contains(body), "a raw token was written to the store");
        }
    }
    // The control: the accessor is stored, so the search does find stored values.
    const bool accessorFound =
        std::any_of(values.cbegin(), values.cend(), [&](const QByteArray& v) {
            return v.contains(created->info.accessor.toUtf8());
        });
    QVERIFY(accessorFound);
}

void TestTokenService::tokenOfAnOlderStoreStillValidates()
{
    // Before 2026-12-07 a token was stored under its HMAC alone; such rows
    // stay as they are (the token itself is not stored, so its key cannot
    // be rewritten) and must keep working.
    auto created = engine().tokens().createToken(owner(), TokenRequest{});
    QVERIFY2(created, qPrintable(errorText(created)));
    {
        auto lease = m_temp->store().acquire();
        QVERIFY2(lease, qPrintable(errorText(lease)));
        auto update =
            lease->db().query("UPDATE tokens SET hash = substr(hash, ?) WHERE accessor = ?");
        QVERIFY(update);
        update->bind(1, TokenFormat::kTimeDigits + 1).bind(2, created->info.accessor);
        QVERIFY(update->run());
    }
    QVERIFY(m_temp->reopen()); // nothing cached
    auto validated = engine().tokens().validate(created->token);
    QVERIFY2(validated, qPrintable(errorText(validated)));
    QCOMPARE(validated->accessor, created->info.accessor);
    auto revoked = engine().tokens().revoke(owner(), TokenRef::token(created->token));
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    QVERIFY(!engine().tokens().validate(created->token));
}

void TestTokenService::malformedTokenIsRejectedBeforeStoreAccess_data()
{
    QTest::addColumn<QString>("how");

    for (const char* how :
         {"wrong checksum", "typo in the body", "batch token with a typo", "no prefix",
          "unknown prefix", "empty", "too long", "non-ASCII", "truncated", "whitespace around"})
        QTest::newRow(how) << QString::fromUtf8(how);
}

void TestTokenService::malformedTokenIsRejectedBeforeStoreAccess()
{
    QFETCH(QString, how);

    auto created = engine().tokens().createToken(owner(), {});
    QVERIFY2(created, qPrintable(errorText(created)));
    TokenRequest batchRequest;
    batchRequest.type = TokenType::Batch;
    batchRequest.policies = {u"ebooks"_s};
    auto batch = engine().tokens().createToken(owner(), batchRequest);
    QVERIFY2(batch, qPrintable(errorText(batch)));

    const QString good = created->token;
    auto swap = [](QString token, qsizetype at) {
        token[at] = token.at(at) == u'a' ? u'b' : u'a';
        return token;
    };
    QString bad;
    if (how == u"wrong checksum")
        bad = swap(good, good.size() - 1);
    else if (how == u"typo in the body")
        bad = swap(good, 10);
    else if (how == u"batch token with a typo")
        bad = swap(batch->token, 20);
    else if (how == u"no prefix")
        bad = good.mid(TokenFormat::kPrefixLength);
    else if (how == u"unknown prefix")
        bad = u"tsx."_s + good.mid(TokenFormat::kPrefixLength);
    else if (how == u"empty")
        bad = QString();
    else if (how == u"too long")
        bad = u"tss."_s + QString(2000, u'a');
    else if (how == u"non-ASCII")
        bad = good.left(10) + u"é"_s + good.mid(11);
    else if (how == u"truncated")
        bad = good.left(good.size() - 3);
    else if (how == u"whitespace around")
        bad = u' ' + good + u'\n';
    QVERIFY(bad != good);

    ThisThreadSqlWatch watch(m_temp->store());
    auto validated = engine().tokens().validate(bad);
    QVERIFY2(!validated, "a malformed token validated");
    QCOMPARE(validated.error().code, ErrorCode::InvalidArgument);
    if (bad.size() >= 14)
        QVERIFY(!validated.error().message.contains(bad.mid(4, 10)));
    auto authenticated = engine().tokens().authenticate(bad, u"api:127.0.0.1"_s);
    QVERIFY2(!authenticated, "a malformed token authenticated");
    QCOMPARE(authenticated.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(watch.ownStatements(), 0);

    // The control: a well-formed token is looked up in the store.
    QVERIFY(engine().tokens().validate(good));
    QVERIFY(watch.ownStatements() > 0);
}

void TestTokenService::malformedTokenNeedsNoConnection()
{
    auto created = engine().tokens().createToken(owner(), {});
    QVERIFY2(created, qPrintable(errorText(created)));
    const QString bad = created->token.left(created->token.size() - 1) + u'!';
    // The file is moved away, and the store has noticed: it looks at its file
    // again at the first acquire at least kVerifyIntervalMs after its last
    // look, and from then on refuses every lease, pooled connections too. So
    // any store access would fail. (Taking every pooled connection instead
    // raced with background writers returning theirs.)
    const QString moved = m_temp->path() + u".moved"_s;
    QVERIFY(QFile::rename(m_temp->path(), moved));
    auto restore = qScopeGuard([&] { QFile::rename(moved, m_temp->path()); });
    QTest::qWait(store::Store::kVerifyIntervalMs + 1);
    QVERIFY(!m_temp->store().acquire());

    auto validated = engine().tokens().validate(bad);
    QVERIFY(!validated);
    QCOMPARE(validated.error().code, ErrorCode::InvalidArgument);
    auto authenticated = engine().tokens().authenticate(bad, u"api:127.0.0.1"_s);
    QVERIFY(!authenticated);
    QCOMPARE(authenticated.error().code, ErrorCode::PermissionDenied);
    // The control: a well-formed token does need the store.
    auto lookedUp = engine().tokens().validate(created->token);
    QVERIFY(!lookedUp);
    QVERIFY(lookedUp.error().code != ErrorCode::InvalidArgument);
}

void TestTokenService::accessorIsNeverAcceptedAsToken()
{
    auto created = engine().tokens().createToken(owner(), {});
    QVERIFY2(created, qPrintable(errorText(created)));
    const QString accessor = created->info.accessor;

    auto validated = engine().tokens().validate(accessor);
    QVERIFY2(!validated, "an accessor validated as a token");
    QCOMPARE(validated.error().code, ErrorCode::InvalidArgument);
    auto authenticated = engine().tokens().authenticate(accessor, u"api:127.0.0.1"_s);
    QVERIFY2(!authenticated, "an accessor authenticated");
    QCOMPARE(authenticated.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!engine().tokens().lookup(owner(), TokenRef::token(accessor)));
    auto revoked = engine().tokens().revoke(owner(), TokenRef::token(accessor));
    QVERIFY(!revoked || revoked->isEmpty());
    QVERIFY2(engine().tokens().validate(created->token),
             "revoking by accessor-as-token revoked it");
}

// --- renewal --------------------------------------------------------------------

void TestTokenService::renewExtendsWithinMax()
{
    TokenRequest request;
    request.ttl = kHour;
    request.explicitMaxTtl = 3 * kHour;
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY2(created, qPrintable(errorText(created)));
    const qint64 createdAt = now();
    QSignalSpy renewed(&engine(), &TokenEngine::tokenRenewed);

    m_temp->clock().advanceSeconds(30 * kMinute);
    auto first = engine().tokens().renew(owner(), TokenRef::token(created->token), kHour);
    QVERIFY2(first, qPrintable(errorText(first)));
    QCOMPARE(first->info.expireAt, std::optional<qint64>(now() + kHour));
    QVERIFY(first->warnings.isEmpty());
    QCOMPARE(renewed.count(), 1);

    // No increment: the creation TTL.
    m_temp->clock().advanceSeconds(50 * kMinute);
    auto second = engine().tokens().renew(owner(), TokenRef::accessor(created->info.accessor), 0);
    QVERIFY2(second, qPrintable(errorText(second)));
    QCOMPARE(second->info.expireAt, std::optional<qint64>(now() + kHour));

    // Near the max: capped there, with a warning.
    m_temp->clock().advanceSeconds(50 * kMinute);
    auto third = engine().tokens().renew(owner(), TokenRef::token(created->token), 2 * kHour);
    QVERIFY2(third, qPrintable(errorText(third)));
    QCOMPARE(third->info.expireAt, std::optional<qint64>(createdAt + 3 * kHour));
    QVERIFY2(third->warnings.join(u'\n').contains(u"capped"_s),
             qPrintable(third->warnings.join(u'\n')));

    auto stored = lookup(created->info.accessor);
    QVERIFY2(stored, qPrintable(errorText(stored)));
    QCOMPARE(stored->expireAt, std::optional<qint64>(createdAt + 3 * kHour));
    QCOMPARE(stored->lastRenewal, std::optional<qint64>(now()));

    // The token itself may renew itself (the default policy).
    auto self = engine().tokens().authenticate(created->token, u"api:127.0.0.1"_s);
    QVERIFY2(self, qPrintable(errorText(self)));
    auto selfRenewal = engine().tokens().renew(*self, TokenRef::self(), 60);
    QVERIFY2(selfRenewal, qPrintable(errorText(selfRenewal)));
    QCOMPARE(selfRenewal->info.expireAt, std::optional<qint64>(now() + 60));
}

void TestTokenService::renewPastMaxTtlFails_data()
{
    QTest::addColumn<bool>("viaRole"); // else the system max is lowered

    QTest::newRow("the role's max was lowered") << true;
    QTest::newRow("the system max was lowered") << false;
}

void TestTokenService::renewPastMaxTtlFails()
{
    QFETCH(bool, viaRole);

    EngineConfig config;
    config.maxTtl = 10 * kHour;
    config.defaultTtl = kHour;
    QVERIFY2(restart(config), qPrintable(m_temp->errorMessage()));
    Role role;
    role.name = u"shrinking"_s;
    role.settings.explicitMaxTtl = 10 * kHour;
    QVERIFY(engine().admin().putRole(owner(), role));

    TokenRequest request;
    request.ttl = kHour;
    if (viaRole)
        request.role = role.name;
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY2(created, qPrintable(errorText(created)));

    m_temp->clock().advanceSeconds(40 * kMinute);
    if (viaRole) {
        role.settings.explicitMaxTtl = 30 * kMinute;
        QVERIFY(engine().admin().putRole(owner(), role));
    } else {
        config.maxTtl = 30 * kMinute;
        config.defaultTtl = 30 * kMinute;
        QVERIFY2(m_temp->reopen(config), qPrintable(m_temp->errorMessage()));
    }
    auto renewal = engine().tokens().renew(owner(), TokenRef::token(created->token), kHour);
    QVERIFY2(!renewal, "renewed past the max TTL");
    QCOMPARE(renewal.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(renewal.error().message, u"past the max TTL, cannot renew"_s);
    auto stored = lookup(created->info.accessor);
    QVERIFY2(stored, qPrintable(errorText(stored)));
    QCOMPARE(stored->expireAt, created->info.expireAt);
}

void TestTokenService::roleCreatedTokenRenewsWithRolesCurrentSettings_data()
{
    QTest::addColumn<qint64>("periodBefore");
    QTest::addColumn<qint64>("maxBefore");
    QTest::addColumn<qint64>("periodAfter");
    QTest::addColumn<qint64>("maxAfter");
    QTest::addColumn<qint64>("expectedTtl"); // after 50 minutes, asking for one hour more

    QTest::newRow("period raised") << kHour << qint64(0) << 2 * kHour << qint64(0) << 2 * kHour;
    QTest::newRow("period lowered")
        << 2 * kHour << qint64(0) << 30 * kMinute << qint64(0) << 30 * kMinute;
    QTest::newRow("period dropped") << kHour << qint64(0) << qint64(0) << qint64(0) << kHour;
    QTest::newRow("explicit max lowered")
        << qint64(0) << 10 * kHour << qint64(0) << 80 * kMinute << 30 * kMinute;
    QTest::newRow("explicit max added to a periodic role")
        << kHour << qint64(0) << kHour << 70 * kMinute << 20 * kMinute;
}

void TestTokenService::roleCreatedTokenRenewsWithRolesCurrentSettings()
{
    QFETCH(qint64, periodBefore);
    QFETCH(qint64, maxBefore);
    QFETCH(qint64, periodAfter);
    QFETCH(qint64, maxAfter);
    QFETCH(qint64, expectedTtl);

    Role role;
    role.name = u"semester"_s;
    role.settings.period = periodBefore;
    role.settings.explicitMaxTtl = maxBefore;
    role.settings.ttl = periodBefore > 0 ? 0 : kHour;
    QVERIFY(engine().admin().putRole(owner(), role));
    TokenRequest request;
    request.role = role.name;
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY2(created, qPrintable(errorText(created)));

    m_temp->clock().advanceSeconds(50 * kMinute);
    role.settings.period = periodAfter;
    role.settings.explicitMaxTtl = maxAfter;
    QVERIFY(engine().admin().putRole(owner(), role));
    auto renewal = engine().tokens().renew(owner(), TokenRef::token(created->token), kHour);
    QVERIFY2(renewal, qPrintable(errorText(renewal)));
    QCOMPARE(renewal->info.expireAt, std::optional<qint64>(now() + expectedTtl));
}

void TestTokenService::renewOfTokenWhoseRoleIsGoneFails()
{
    Role role;
    role.name = u"retired"_s;
    role.settings.ttl = kHour;
    QVERIFY(engine().admin().putRole(owner(), role));
    TokenRequest request;
    request.role = role.name;
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY2(created, qPrintable(errorText(created)));
    QVERIFY(engine().admin().deleteRole(owner(), role.name));

    m_temp->clock().advanceSeconds(10 * kMinute);
    auto renewal = engine().tokens().renew(owner(), TokenRef::token(created->token), kHour);
    QVERIFY2(!renewal, "renewed under a role that no longer exists");
    QVERIFY2(renewal.error().message.contains(u"not renewing"_s),
             qPrintable(renewal.error().message));
    // The token itself still works until it expires.
    QVERIFY(engine().tokens().validate(created->token));
}

// --- batch tokens ---------------------------------------------------------------

void TestTokenService::batchTokenValidatesUntilParentRevoked()
{
    auto parent = actor({u"ebooks"_s, u"issuer"_s});
    QVERIFY2(parent, qPrintable(errorText(parent)));
    TokenRequest request;
    request.type = TokenType::Batch;
    request.ttl = kHour;
    request.policies = {u"ebooks"_s};
    request.displayName = u"reading room"_s;
    auto batch = engine().tokens().createToken(parent->caller, request);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(batch->token.startsWith(u"tsb."_s));
    QCOMPARE(tokenCount(), 1); // batch tokens are not stored

    auto validated = engine().tokens().validate(batch->token);
    QVERIFY2(validated, qPrintable(errorText(validated)));
    QCOMPARE(validated->type, TokenType::Batch);
    QCOMPARE(validated->parentAccessor, parent->info.accessor);
    QCOMPARE(validated->policies, (QStringList{u"default"_s, u"ebooks"_s}));
    QCOMPARE(validated->displayName, u"reading room"_s);
    QVERIFY(engine().tokens().authenticate(batch->token, u"api:127.0.0.1"_s));

    auto revoked = engine().tokens().revoke(owner(), TokenRef::accessor(parent->info.accessor));
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    auto after = engine().tokens().validate(batch->token);
    QVERIFY2(!after, "a batch token outlived its parent");
    QCOMPARE(after.error().code, ErrorCode::NotFound);
    QVERIFY(!engine().tokens().authenticate(batch->token, u"api:127.0.0.1"_s));

    // And a batch token of a live parent dies at its expire time.
    auto other = engine().tokens().createToken(owner(), request);
    QVERIFY2(other, qPrintable(errorText(other)));
    m_temp->clock().advanceSeconds(kHour - 1);
    QVERIFY(engine().tokens().validate(other->token));
    m_temp->clock().advanceSeconds(1);
    QVERIFY2(!engine().tokens().validate(other->token), "a batch token outlived its TTL");
}

void TestTokenService::orphanBatchTokenOutlivesRevokedCreator()
{
    auto creator = actor({u"sudo-issuer"_s, u"wifi"_s});
    QVERIFY2(creator, qPrintable(errorText(creator)));
    TokenRequest request;
    request.type = TokenType::Batch;
    request.orphan = true;
    request.policies = {u"wifi"_s};
    auto batch = engine().tokens().createToken(creator->caller, request);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(batch->info.parentAccessor.isEmpty());

    auto revoked = engine().tokens().revoke(owner(), TokenRef::token(creator->token));
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    QCOMPARE(*revoked, QStringList{creator->info.accessor});
    auto validated = engine().tokens().validate(batch->token);
    QVERIFY2(validated, qPrintable(errorText(validated)));
    QVERIFY(validated->isOrphan());
}

// --- revocation -----------------------------------------------------------------

void TestTokenService::revokingAlreadyRevokedTokenIsIdempotent_data()
{
    QTest::addColumn<bool>("byAccessor");
    QTest::addColumn<bool>("orphaning");

    QTest::newRow("revoke") << false << false;
    QTest::newRow("revoke-accessor") << true << false;
    QTest::newRow("revoke-orphan") << false << true;
    QTest::newRow("revoke-orphan by accessor") << true << true;
}

void TestTokenService::revokingAlreadyRevokedTokenIsIdempotent()
{
    QFETCH(bool, byAccessor);
    QFETCH(bool, orphaning);

    auto created = engine().tokens().createToken(owner(), {});
    QVERIFY2(created, qPrintable(errorText(created)));
    const TokenRef ref =
        byAccessor ? TokenRef::accessor(created->info.accessor) : TokenRef::token(created->token);
    QSignalSpy revokedSignal(&engine(), &TokenEngine::tokensRevoked);
    auto revokeOnce = [&] {
        return orphaning ? engine().tokens().revokeOrphan(owner(), ref)
                         : engine().tokens().revoke(owner(), ref);
    };

    auto first = revokeOnce();
    QVERIFY2(first, qPrintable(errorText(first)));
    QCOMPARE(*first, QStringList{created->info.accessor});
    auto second = revokeOnce();
    QVERIFY2(second, qPrintable(errorText(second)));
    QVERIFY(second->isEmpty());
    QCOMPARE(revokedSignal.count(), 1);
    QVERIFY(!engine().tokens().validate(created->token));

    // Something that never existed is "already gone" too.
    const TokenRef never = byAccessor ? TokenRef::accessor(TokenFormat::newAccessor(now()))
                                      : TokenRef::token(TokenFormat::newServiceToken(now()));
    auto nothing = orphaning ? engine().tokens().revokeOrphan(owner(), never)
                             : engine().tokens().revoke(owner(), never);
    QVERIFY2(nothing, qPrintable(errorText(nothing)));
    QVERIFY(nothing->isEmpty());
}

// --- policies -------------------------------------------------------------------

void TestTokenService::defaultPolicyIsAdded_data()
{
    QTest::addColumn<QStringList>("parentPolicies"); // empty: the store owner creates
    QTest::addColumn<QStringList>("requested");
    QTest::addColumn<bool>("noDefault");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("expected");

    const QStringList none;
    QTest::newRow("owner, policies given") << none << QStringList{u"ebooks"_s} << false << QString()
                                           << QStringList{u"default"_s, u"ebooks"_s};
    QTest::newRow("owner, no_default_policy")
        << none << QStringList{u"ebooks"_s} << true << QString() << QStringList{u"ebooks"_s};
    QTest::newRow("child, inherited")
        << QStringList{u"ebooks"_s, u"issuer"_s} << none << false << QString()
        << QStringList{u"default"_s, u"ebooks"_s, u"issuer"_s};
    QTest::newRow("child, subset given")
        << QStringList{u"ebooks"_s, u"issuer"_s} << QStringList{u"ebooks"_s} << false << QString()
        << QStringList{u"default"_s, u"ebooks"_s};
    QTest::newRow("child, inherited, no_default_policy")
        << QStringList{u"ebooks"_s, u"issuer"_s} << none << true << QString()
        << QStringList{u"ebooks"_s, u"issuer"_s};
    QTest::newRow("role") << QStringList{u"issuer"_s} << none << false << u"wifi-only"_s
                          << QStringList{u"default"_s, u"wifi"_s};
    QTest::newRow("role with token_no_default_policy")
        << QStringList{u"issuer"_s} << none << false << u"wifi-bare"_s << QStringList{u"wifi"_s};
}

void TestTokenService::defaultPolicyIsAdded()
{
    QFETCH(QStringList, parentPolicies);
    QFETCH(QStringList, requested);
    QFETCH(bool, noDefault);
    QFETCH(QString, role);
    QFETCH(QStringList, expected);

    Role wifiOnly;
    wifiOnly.name = u"wifi-only"_s;
    wifiOnly.allowedPolicies = {u"wifi"_s};
    QVERIFY(engine().admin().putRole(owner(), wifiOnly));
    Role wifiBare = wifiOnly;
    wifiBare.name = u"wifi-bare"_s;
    wifiBare.settings.noDefaultPolicy = true;
    QVERIFY(engine().admin().putRole(owner(), wifiBare));

    Caller caller = owner();
    if (!parentPolicies.isEmpty()) {
        auto parent = actor(parentPolicies);
        QVERIFY2(parent, qPrintable(errorText(parent)));
        caller = parent->caller;
    }
    TokenRequest request;
    request.policies = requested;
    request.noDefaultPolicy = noDefault;
    request.role = role;
    auto created = engine().tokens().createToken(caller, request);
    QVERIFY2(created, qPrintable(errorText(created)));
    QCOMPARE(created->info.policies, expected);
}

QTEST_GUILESS_MAIN(TestTokenService)
#include "tst_tokenservice.moc"
