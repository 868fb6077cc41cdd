// PassBatchService (docs/ARCHITECTURE.md, «Batches of passes»): 1 to 1,000
// passes of a role in one transaction under one parent, all or none.
#include "audit/AuditRecord.h"
#include "engine/PassBatchService.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"
#include "support/StoreProbes.h"
#include "support/TempEngine.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

class TestPassBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void countOutsideOneToThousandIsRefusedAndWritesNothing_data();
    void countOutsideOneToThousandIsRefusedAndWritesNothing();
    void passesAreChildrenOfANewClassVisitParent();
    void thousandPassesTakeOneCommit();
    void failureInTheMiddleWritesNothing();
    void passesGoUnderAnExistingParentWhenNamed();
    void orphanRoleMakesOrphansWithoutParent();
    void unknownRoleIsRefusedAndWritesNothing();
    void revokingTheParentRevokesTheClass();
    void everyTokenHasItsOwnAuditRecord();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    qint64 tokenCount() { return engine().browser().count().valueOr(-1); }
    PassBatchRequest request(int count, QString role = u"class-visit"_s)
    {
        PassBatchRequest batch;
        batch.role = std::move(role);
        batch.count = count;
        return batch;
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestPassBatch::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(test::installTestPolicies(engine()).ok());
    Role visit;
    visit.name = u"class-visit"_s;
    visit.allowedPolicies = {u"wifi"_s};
    visit.settings.ttl = 4 * 3600;
    visit.settings.numUses = 1;
    QVERIFY(engine().admin().putRole(owner(), visit));
    Role orphans = visit;
    orphans.name = u"walk-in"_s;
    orphans.orphan = true;
    QVERIFY(engine().admin().putRole(owner(), orphans));
}

void TestPassBatch::cleanup()
{
    m_temp.reset();
}

void TestPassBatch::countOutsideOneToThousandIsRefusedAndWritesNothing_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -3;
    QTest::newRow("1001") << 1001;
}

void TestPassBatch::countOutsideOneToThousandIsRefusedAndWritesNothing()
{
    QFETCH(int, count);
    const qsizetype auditBefore = test::auditTrail(engine()).size();
    test::SqlWatch watch(m_temp->store());
    auto refused = engine().passBatches().issue(owner(), request(count));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(u"1 to 1000"_s), qPrintable(refused.error().message));
    QCOMPARE(watch.statements(), 0);
    QCOMPARE(tokenCount(), 0);
    QCOMPARE(test::auditTrail(engine()).size(), auditBefore);
}

void TestPassBatch::passesAreChildrenOfANewClassVisitParent()
{
    auto batch = engine().passBatches().issue(owner(), request(30));
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(batch->parent);
    QCOMPARE(batch->parent->info.displayName,
             PassBatchService::defaultGroupName(m_temp->clock().nowSeconds()));
    QVERIFY(batch->groupName.startsWith(u"Class visit "_s));
    QCOMPARE(batch->parent->info.policies, QStringList{u"default"_s});
    QCOMPARE(batch->passes.size(), 30);
    QCOMPARE(tokenCount(), 31);
    QSet<QString> tokens;
    for (const CreatedToken& pass : std::as_const(batch->passes)) {
        QCOMPARE(pass.info.parentAccessor, batch->parentAccessor);
        QCOMPARE(pass.info.role, u"class-visit"_s);
        QCOMPARE(pass.info.numUses, 1);
        QVERIFY(engine().tokens().validate(pass.token));
        tokens.insert(pass.token);
    }
    QCOMPARE(tokens.size(), 30);
    QCOMPARE(batch->passes.first().info.displayName, batch->groupName + u" #1"_s);
    QCOMPARE(batch->passes.last().info.displayName, batch->groupName + u" #30"_s);
    // The parent lives at least as long as any pass.
    for (const CreatedToken& pass : std::as_const(batch->passes))
        QVERIFY(*pass.info.expireAt <= *batch->parent->info.expireAt);
}

void TestPassBatch::thousandPassesTakeOneCommit()
{
    QSignalSpy created(&engine(), &TokenEngine::tokenCreated);
    test::CommitCount commits(m_temp->store());
    auto batch = engine().passBatches().issue(owner(), request(PassBatchService::kMaxCount));
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QCOMPARE(batch->passes.size(), 1000);
    QCOMPARE(commits.commits(), 1);
    QCOMPARE(tokenCount(), 1001);
    QCOMPARE(created.count(), 1001); // after the commit, as every creation
}

void TestPassBatch::failureInTheMiddleWritesNothing()
{
    // A group name of 253 characters: "#1" to "#9" fit the 256 a display name
    // may have, "#10" does not. The parent and nine passes are written first.
    QSignalSpy created(&engine(), &TokenEngine::tokenCreated);
    const qsizetype auditBefore = test::auditTrail(engine()).size();
    PassBatchRequest tooLong = request(20);
    tooLong.groupName = QString(253, u'x');
    auto refused = engine().passBatches().issue(owner(), tooLong);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(tokenCount(), 0);
    QCOMPARE(created.count(), 0);
    QCOMPARE(test::auditTrail(engine()).size(), auditBefore);
}

void TestPassBatch::passesGoUnderAnExistingParentWhenNamed()
{
    TokenRequest workshop;
    workshop.displayName = u"Workshop"_s;
    auto parent = engine().tokens().createToken(owner(), workshop);
    QVERIFY2(parent, qPrintable(errorText(parent)));
    PassBatchRequest under = request(5);
    under.parentAccessor = parent->info.accessor;
    under.groupName = u"Workshop"_s;
    auto batch = engine().passBatches().issue(owner(), under);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(!batch->parent);
    QCOMPARE(batch->parentAccessor, parent->info.accessor);
    QCOMPARE(tokenCount(), 6);
    for (const CreatedToken& pass : std::as_const(batch->passes))
        QCOMPARE(pass.info.parentAccessor, parent->info.accessor);
}

void TestPassBatch::orphanRoleMakesOrphansWithoutParent()
{
    auto batch = engine().passBatches().issue(owner(), request(4, u"walk-in"_s));
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(!batch->parent);
    QVERIFY(batch->parentAccessor.isEmpty());
    QCOMPARE(tokenCount(), 4);
    for (const CreatedToken& pass : std::as_const(batch->passes))
        QVERIFY(pass.info.parentAccessor.isEmpty());

    PassBatchRequest under = request(4, u"walk-in"_s);
    under.parentAccessor = batch->passes.first().info.accessor;
    auto refused = engine().passBatches().issue(owner(), under);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(tokenCount(), 4);
}

void TestPassBatch::unknownRoleIsRefusedAndWritesNothing()
{
    auto refused = engine().passBatches().issue(owner(), request(3, u"no-such-role"_s));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotFound);
    QCOMPARE(tokenCount(), 0);
}

void TestPassBatch::revokingTheParentRevokesTheClass()
{
    auto batch = engine().passBatches().issue(owner(), request(12));
    QVERIFY2(batch, qPrintable(errorText(batch)));
    auto revoked =
        engine().tokens().revoke(owner(), TokenRef::accessor(batch->parent->info.accessor));
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    QCOMPARE(revoked->size(), 13);
    for (const CreatedToken& pass : std::as_const(batch->passes))
        QVERIFY(!engine().tokens().validate(pass.token));
}

void TestPassBatch::everyTokenHasItsOwnAuditRecord()
{
    // Decision: one "token.create" record per token (the parent's accessor in
    // each pass's details), like any other creation, rather than one summary.
    const qsizetype auditBefore = test::auditTrail(engine()).size();
    auto batch = engine().passBatches().issue(owner(), request(7));
    QVERIFY2(batch, qPrintable(errorText(batch)));
    const QList<audit::AuditRecord> trail = test::auditTrail(engine());
    QCOMPARE(trail.size(), auditBefore + 8);
    int passes = 0;
    for (qsizetype i = auditBefore; i < trail.size(); ++i) {
        QCOMPARE(trail.at(i).operation, u"token.create"_s);
        if (trail.at(i).details.value(u"parent"_s).toString() == batch->parentAccessor)
            ++passes;
    }
    QCOMPARE(passes, 7);
}

QTEST_GUILESS_MAIN(TestPassBatch)
#include "tst_passbatch.moc"
