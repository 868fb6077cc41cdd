#include "audit/AuditRecord.h"
#include "audit/VerifyReport.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QSignalSpy>
#include <QTest>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::Actor;
using tessera::test::errorText;
using tessera::test::hcl;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kHour = 3600;

} // namespace

// The contract every service gets from EngineCore: a refusal is audited, every
// operation appends exactly one chained record, and signals announce only what
// is committed.
class TestEngineCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void permissionDeniedIsAudited_data();
    void permissionDeniedIsAudited();
    void everyOperationAppendsAuditRecord();
    void tokenCreatedIsAnnouncedOnlyOnceCommitted();
    void failedOperationAnnouncesNothing();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    Result<Actor> actor(const QStringList& policies)
    {
        return test::ownersActor(engine(), policies);
    }
    QList<audit::AuditRecord> auditTrail() { return test::auditTrail(engine()); }

    std::unique_ptr<TempEngine> m_temp;
};

void TestEngineCore::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(test::installTestPolicies(engine()));
}

void TestEngineCore::cleanup()
{
    m_temp.reset();
}

// --- authorise and audit ----------------------------------------------------------------------

void TestEngineCore::permissionDeniedIsAudited_data()
{
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<QString>("operation");

    QTest::newRow("create a token") << u"create"_s << u"token.create"_s;
    QTest::newRow("create an orphan without sudo") << u"orphan"_s << u"token.create"_s;
    QTest::newRow("revoke another token") << u"revoke"_s << u"token.revoke"_s;
    QTest::newRow("look up another token") << u"lookup"_s << u"token.lookup"_s;
    QTest::newRow("renew another token") << u"renew"_s << u"token.renew"_s;
    QTest::newRow("write a policy") << u"policy"_s << u"policy.write"_s;
    QTest::newRow("write a role") << u"role"_s << u"role.write"_s;
}

void TestEngineCore::permissionDeniedIsAudited()
{
    QFETCH(QString, attempt);
    QFETCH(QString, operation);

    auto victim = engine().tokens().createToken(owner(), {});
    QVERIFY2(victim, qPrintable(errorText(victim)));
    // "issuer" may create children, but not orphans; nothing else.
    auto patron = actor({attempt == u"orphan" ? u"issuer"_s : u"ebooks"_s});
    QVERIFY2(patron, qPrintable(errorText(patron)));
    const Caller& caller = patron->caller;
    const qsizetype before = auditTrail().size();

    Status outcome;
    if (attempt == u"create" || attempt == u"orphan") {
        TokenRequest request;
        request.orphan = attempt == u"orphan";
        auto created = engine().tokens().createToken(caller, request);
        outcome = created ? Status() : Status(created.error());
    } else if (attempt == u"revoke") {
        auto revoked = engine().tokens().revoke(caller, TokenRef::accessor(victim->info.accessor));
        outcome = revoked ? Status() : Status(revoked.error());
    } else if (attempt == u"lookup") {
        auto found = engine().tokens().lookup(caller, TokenRef::accessor(victim->info.accessor));
        outcome = found ? Status() : Status(found.error());
    } else if (attempt == u"renew") {
        auto renewed = engine().tokens().renew(caller, TokenRef::token(victim->token), 0);
        outcome = renewed ? Status() : Status(renewed.error());
    } else if (attempt == u"policy") {
        outcome = engine().admin().putPolicy(caller, u"ebooks"_s, hcl({{"*", "sudo"}}));
    } else if (attempt == u"role") {
        Role role;
        role.name = u"escalate"_s;
        outcome = engine().admin().putRole(caller, role);
    }
    QVERIFY2(!outcome, "the attempt was allowed");
    QCOMPARE(outcome.error().code, ErrorCode::PermissionDenied);

    const QList<audit::AuditRecord> trail = auditTrail();
    QCOMPARE(trail.size(), before + 1);
    const audit::AuditRecord& record = trail.last();
    QCOMPARE(record.operation, operation);
    QCOMPARE(record.outcome, u"denied"_s);
    QCOMPARE(record.actor, patron->info.accessor);
    QCOMPARE(record.client, u"api:127.0.0.1"_s);
    auto report = engine().admin().verifyAudit();
    QVERIFY2(report, qPrintable(errorText(report)));
    QVERIFY2(report->intact, qPrintable(report->problem));
    // The victim is untouched.
    QVERIFY(engine().tokens().validate(victim->token));
}

void TestEngineCore::everyOperationAppendsAuditRecord()
{
    Caller root;
    QString child;
    QString childAccessor;
    QString limitedToken;
    Caller limitedCaller;
    const QString backup = m_temp->filePath(u"backup.tessera"_s);
    QSignalSpy revoked(&engine(), &TokenEngine::tokensRevoked);

    Caller patronCaller;
    QString rootToken;
    QString patronToken;
    struct Step
    {
        const char* operation;
        std::function<bool()> run;
        const char* outcome = "ok";
    };
    const std::vector<Step> steps{
        {"token.create-root",
         [&] {
             auto created = engine().tokens().createRootToken(owner());
             rootToken = created ? created->token : QString();
             return created.ok();
         }},
        {"token.use", // a token without a use limit: a batched record
         [&] {
             auto caller = engine().tokens().authenticate(rootToken, u"api:10.0.0.1"_s);
             root = caller.valueOr(Caller{});
             return caller.ok();
         }},
        {"token.use",
         [&] {
             return engine()
                        .tokens()
                        .authenticate(u"tss.forged"_s, u"api:10.0.0.9"_s)
                        .error()
                        .code == ErrorCode::PermissionDenied;
         },
         "denied"},
        {"policy.write",
         [&] {
             return engine().admin().putPolicy(root, u"maps"_s, hcl({{"maps/*", "read"}})).ok();
         }},
        {"role.write",
         [&] {
             Role role;
             role.name = u"desk"_s;
             role.allowedPolicies = {u"maps"_s};
             return engine().admin().putRole(root, role).ok();
         }},
        {"token.create",
         [&] {
             TokenRequest request;
             request.ttl = kHour;
             request.role = u"desk"_s;
             auto created = engine().tokens().createToken(root, request);
             child = created ? created->token : QString();
             childAccessor = created ? created->info.accessor : QString();
             return created.ok();
         }},
        {"token.renew",
         [&] { return engine().tokens().renew(root, TokenRef::token(child), kHour).ok(); }},
        {"token.create",
         [&] {
             TokenRequest request;
             request.numUses = 1;
             auto created = engine().tokens().createToken(root, request);
             limitedToken = created ? created->token : QString();
             return created.ok();
         }},
        {"token.use",
         [&] {
             auto caller = engine().tokens().authenticate(limitedToken, u"api:10.0.0.2"_s);
             limitedCaller = caller.valueOr(Caller{});
             return caller.ok() && caller->lastUse;
         }},
        {"token.use-limit", [&] { return engine().tokens().completeUse(limitedCaller).ok(); }},
        {"token.create",
         [&] {
             TokenRequest request;
             request.ttl = 60;
             return engine().tokens().createToken(owner(), request).ok();
         }},
        {"token.expire",
         [&] {
             m_temp->clock().advanceSeconds(61);
             auto swept = engine().tokens().sweepExpired();
             return swept && swept->size() == 1;
         }},
        {"token.create",
         [&] {
             TokenRequest request;
             request.parentAccessor = childAccessor;
             return engine().tokens().createToken(owner(), request).ok();
         }},
        {"token.revoke-orphan",
         [&] {
             return engine().tokens().revokeOrphan(root, TokenRef::accessor(childAccessor)).ok();
         }},
        {"token.create",
         [&] {
             TokenRequest request;
             request.policies = {u"maps"_s};
             auto patron = engine().tokens().createToken(root, request);
             patronToken = patron ? patron->token : QString();
             return patron.ok();
         }},
        {"token.use",
         [&] {
             auto caller = engine().tokens().authenticate(patronToken, u"api:10.0.0.3"_s);
             patronCaller = caller.valueOr(Caller{});
             return caller.ok();
         }},
        {"token.create", // refused: "maps" grants no token creation
         [&] {
             return engine().tokens().createToken(patronCaller, {}).error().code ==
                    ErrorCode::PermissionDenied;
         },
         "denied"},
        {"token.revoke", [&] { return engine().tokens().revoke(root, TokenRef::self()).ok(); }},
        {"role.delete", [&] { return engine().admin().deleteRole(owner(), u"desk"_s).ok(); }},
        {"policy.delete", [&] { return engine().admin().deletePolicy(owner(), u"maps"_s).ok(); }},
        {"store.backup", [&] { return engine().admin().backupTo(owner(), backup).ok(); }},
        {"store.rekey",
         [&] { return engine().admin().changePassphrase(owner(), "another passphrase").ok(); }},
    };

    qsizetype count = auditTrail().size();
    for (const Step& step : steps) {
        QVERIFY2(step.run(), step.operation);
        const QList<audit::AuditRecord> trail = auditTrail();
        QVERIFY2(trail.size() == count + 1,
                 qPrintable(u"%1: %2 records appended"_s.arg(QString::fromUtf8(step.operation))
                                .arg(trail.size() - count)));
        QCOMPARE(trail.last().operation, QString::fromUtf8(step.operation));
        QCOMPARE(trail.last().outcome, QString::fromUtf8(step.outcome));
        count = trail.size();
        auto report = engine().admin().verifyAudit();
        QVERIFY2(report, qPrintable(errorText(report)));
        QVERIFY2(report->intact, qPrintable(report->problem));
        QCOMPARE(report->recordsChecked, count);
    }
    QVERIFY(revoked.count() >= 4);
}

void TestEngineCore::tokenCreatedIsAnnouncedOnlyOnceCommitted()
{
    // A listener that reads the new token back from the store (as the console's
    // tree does) must find it: the signal comes after the commit.
    bool seenInStore = false;
    int announced = 0;
    connect(&engine(), &TokenEngine::tokenCreated, this, [&](const Token& token) {
        ++announced;
        auto found = engine().tokens().lookup(owner(), TokenRef::accessor(token.accessor));
        seenInStore = found.ok();
    });
    auto created = engine().tokens().createToken(owner(), {});
    QVERIFY2(created, qPrintable(errorText(created)));
    QCOMPARE(announced, 1);
    QVERIFY(seenInStore);
}

void TestEngineCore::failedOperationAnnouncesNothing()
{
    QSignalSpy created(&engine(), &TokenEngine::tokenCreated);
    QSignalSpy policies(&engine(), &TokenEngine::policiesChanged);
    const qsizetype before = auditTrail().size();

    TokenRequest request;
    request.policies = {u"ebooks read"_s}; // no policy can have that name
    QVERIFY(!engine().tokens().createToken(owner(), request));
    QVERIFY(!engine().admin().putPolicy(owner(), u"broken"_s, u"path \"x\" {"_s));

    QCOMPARE(created.count(), 0);
    QCOMPARE(policies.count(), 0);
    QCOMPARE(engine().admin().policy(owner(), u"broken"_s).error().code, ErrorCode::NotFound);
    // Bad input from the owner is not a refusal of rights: nothing is recorded.
    QCOMPARE(auditTrail().size(), before);
}

QTEST_GUILESS_MAIN(TestEngineCore)
#include "tst_enginecore.moc"
