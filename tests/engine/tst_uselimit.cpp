// Use limits through TokenEngine: every authenticated use counts, the use that
// reaches zero succeeds and revokes the token, a one-use token works exactly
// once however many clients race for it, and a crash between the last use and
// its revocation is cleaned up at the next start.
#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "audit/VerifyReport.h"
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"
#include "support/StoreProbes.h"
#include "support/TempEngine.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <barrier>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

const QString kClient = u"api:127.0.0.1"_s;

} // namespace

class TestUseLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneUseTokenSucceedsExactlyOnceAcrossEightThreads_data();
    void oneUseTokenSucceedsExactlyOnceAcrossEightThreads();
    void lastUseSucceedsThenTokenIsRevoked();
    void usesLeftCountsDown_data();
    void usesLeftCountsDown();
    void unlimitedTokenIsNotCounted();
    void usedUpTokenLeftByCrashIsSweptAtStart();
    void lastUseIsNotCutShortByExpirySweep();
    void revokedTokenCannotSpendUseOfNewTokenWithSameRowId();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    static Caller owner() { return TempEngine::owner(); }
    Result<CreatedToken> limitedToken(int uses)
    {
        TokenRequest request;
        request.numUses = uses;
        request.policies = {u"default"_s};
        return engine().tokens().createToken(owner(), request);
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestUseLimit::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestUseLimit::cleanup()
{
    m_temp.reset();
}

void TestUseLimit::oneUseTokenSucceedsExactlyOnceAcrossEightThreads_data()
{
    QTest::addColumn<int>("round");
    for (int round = 1; round <= 10; ++round)
        QTest::addRow("round %d", round) << round;
}

void TestUseLimit::oneUseTokenSucceedsExactlyOnceAcrossEightThreads()
{
    constexpr int kThreads = 8;
    auto created = limitedToken(1);
    QVERIFY2(created, qPrintable(errorText(created)));

    std::barrier start(kThreads);
    std::atomic<int> succeeded{0};
    std::atomic<int> deniedCount{0};
    std::atomic<int> otherErrors{0};
    std::vector<Caller> winners(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            auto caller =
                engine().tokens().authenticate(created->token, kClient, u"request-%1"_s.arg(t));
            if (caller.ok()) {
                ++succeeded;
                winners[t] = *caller;
            } else if (caller.error().code == ErrorCode::PermissionDenied) {
                ++deniedCount;
            } else {
                ++otherErrors;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();

    QCOMPARE(succeeded.load(), 1);
    QCOMPARE(deniedCount.load(), kThreads - 1);
    QCOMPARE(otherErrors.load(), 0);
    const auto winner = std::find_if(winners.cbegin(), winners.cend(),
                                     [](const Caller& c) { return !c.accessor.isEmpty(); });
    QVERIFY(winner != winners.cend());
    QVERIFY2(winner->lastUse, "the one use was not marked as the last");
    QVERIFY(!engine().tokens().validate(created->token));
    QVERIFY(engine().tokens().completeUse(*winner));
    QCOMPARE(engine().browser().count().valueOr(-1), 0);
    QVERIFY(!engine().tokens().authenticate(created->token, kClient));
}

void TestUseLimit::lastUseSucceedsThenTokenIsRevoked()
{
    auto created = limitedToken(2);
    QVERIFY2(created, qPrintable(errorText(created)));
    QSignalSpy revoked(&engine(), &TokenEngine::tokensRevoked);

    auto first = engine().tokens().authenticate(created->token, kClient);
    QVERIFY2(first, qPrintable(errorText(first)));
    QVERIFY(!first->lastUse);
    QVERIFY(engine().tokens().completeUse(*first)); // not the last use: nothing happens
    QVERIFY(engine().tokens().validate(created->token));
    QCOMPARE(revoked.count(), 0);

    auto last = engine().tokens().authenticate(created->token, kClient);
    QVERIFY2(last, qPrintable(errorText(last)));
    QVERIFY(last->lastUse);
    // The request that used it up still works with it...
    auto self = engine().tokens().lookup(*last, TokenRef::self());
    QVERIFY2(self, qPrintable(errorText(self)));
    QCOMPARE(self->accessor, created->info.accessor);
    // ...but nobody else can use it any more.
    QVERIFY(!engine().tokens().validate(created->token));
    auto third = engine().tokens().authenticate(created->token, kClient);
    QVERIFY2(!third, "a used-up token authenticated");
    QCOMPARE(third.error().code, ErrorCode::PermissionDenied);

    QVERIFY(engine().tokens().completeUse(*last));
    QCOMPARE(revoked.count(), 1);
    QCOMPARE(revoked.at(0).at(0).toStringList(), QStringList{created->info.accessor});
    QCOMPARE(revoked.at(0).at(1).toLongLong(), 1);
    QCOMPARE(revoked.at(0).at(2).toString(), u"use-limit"_s);
    QCOMPARE(engine().browser().count().valueOr(-1), 0);
    auto lookedUp = engine().tokens().lookup(owner(), TokenRef::accessor(created->info.accessor));
    QVERIFY(!lookedUp);
    QCOMPARE(lookedUp.error().code, ErrorCode::NotFound);
    // Completing twice is harmless.
    QVERIFY(engine().tokens().completeUse(*last));
    QCOMPARE(revoked.count(), 1);
}

void TestUseLimit::usesLeftCountsDown_data()
{
    QTest::addColumn<int>("uses");
    QTest::newRow("one") << 1;
    QTest::newRow("three") << 3;
    QTest::newRow("ten") << 10;
}

void TestUseLimit::usesLeftCountsDown()
{
    QFETCH(int, uses);
    auto created = limitedToken(uses);
    QVERIFY2(created, qPrintable(errorText(created)));
    QCOMPARE(created->info.numUses, uses);
    QCOMPARE(created->info.usesLeft, uses);
    QSignalSpy used(&engine(), &TokenEngine::tokenUsed);

    for (int left = uses - 1; left >= 0; --left) {
        auto caller = engine().tokens().authenticate(created->token, kClient);
        QVERIFY2(caller, qPrintable(errorText(caller)));
        QCOMPARE(caller->lastUse, left == 0);
        QCOMPARE(used.count(), uses - left);
        QCOMPARE(used.last().at(0).toString(), created->info.accessor);
        QCOMPARE(used.last().at(1).toInt(), left);
        if (left > 0) {
            auto token =
                engine().tokens().lookup(owner(), TokenRef::accessor(created->info.accessor));
            QVERIFY2(token, qPrintable(errorText(token)));
            QCOMPARE(token->usesLeft, left);
            QCOMPARE(token->numUses, uses);
        }
        QVERIFY(engine().tokens().completeUse(*caller));
    }
    QVERIFY(!engine().tokens().authenticate(created->token, kClient));
    QCOMPARE(engine().browser().count().valueOr(-1), 0);
}

void TestUseLimit::unlimitedTokenIsNotCounted()
{
    auto created = limitedToken(0);
    QVERIFY2(created, qPrintable(errorText(created)));
    QSignalSpy used(&engine(), &TokenEngine::tokenUsed);
    for (int i = 0; i < 20; ++i) {
        auto caller = engine().tokens().authenticate(created->token, kClient);
        QVERIFY2(caller, qPrintable(errorText(caller)));
        QVERIFY(!caller->lastUse);
        QVERIFY(engine().tokens().completeUse(*caller));
    }
    QCOMPARE(used.count(), 0);
    QVERIFY(engine().tokens().validate(created->token));
}

void TestUseLimit::usedUpTokenLeftByCrashIsSweptAtStart()
{
    auto created = limitedToken(1);
    QVERIFY2(created, qPrintable(errorText(created)));
    auto spared = limitedToken(2);
    QVERIFY2(spared, qPrintable(errorText(spared)));
    auto caller = engine().tokens().authenticate(created->token, kClient);
    QVERIFY2(caller, qPrintable(errorText(caller)));
    QVERIFY(caller->lastUse);
    QVERIFY2(!engine().tokens().validate(created->token), "a used-up token validated");
    QCOMPARE(engine().browser().count().valueOr(-1), 2);
    // The process dies here, before completeUse(): the token is used up but
    // still in the store. The next start removes it, and says so in the audit.
    m_temp->close();
    QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
    QCOMPARE(engine().browser().count().valueOr(-1), 1);
    QVERIFY(!engine().tokens().lookup(owner(), TokenRef::accessor(created->info.accessor)));
    QVERIFY(engine().tokens().validate(spared->token));
    audit::AuditFilter filter;
    filter.operations = {u"token.use-limit"_s};
    auto records = engine().admin().auditRecords(filter);
    QVERIFY2(records, qPrintable(errorText(records)));
    QCOMPARE(records->size(), 1);
    QCOMPARE(records->first().targets, QStringList{created->info.accessor});
    auto report = engine().admin().verifyAudit();
    QVERIFY2(report && report->intact, "the audit chain broke");
    // Opening again finds nothing more to do.
    QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
    QCOMPARE(engine().admin().auditRecords(filter).valueOr({}).size(), 1);
}

void TestUseLimit::lastUseIsNotCutShortByExpirySweep()
{
    auto created = limitedToken(1);
    QVERIFY2(created, qPrintable(errorText(created)));
    TokenRequest shortLived;
    shortLived.ttl = 1;
    auto expiring = engine().tokens().createToken(owner(), shortLived);
    QVERIFY2(expiring, qPrintable(errorText(expiring)));

    auto caller = engine().tokens().authenticate(created->token, kClient);
    QVERIFY2(caller, qPrintable(errorText(caller)));
    QVERIFY(caller->lastUse);
    // While the request runs on its last use, the scheduler wakes for another
    // token's expiry: the request must still be able to finish.
    m_temp->clock().advanceSeconds(1);
    auto swept = engine().tokens().sweepExpired();
    QVERIFY2(swept, qPrintable(errorText(swept)));
    QCOMPARE(*swept, QStringList{expiring->info.accessor});
    auto self = engine().tokens().lookup(*caller, TokenRef::self());
    QVERIFY2(self, qPrintable(errorText(self)));
    QCOMPARE(self->accessor, created->info.accessor);

    QVERIFY(engine().tokens().completeUse(*caller));
    QCOMPARE(engine().browser().count().valueOr(-1), 0);
}

void TestUseLimit::revokedTokenCannotSpendUseOfNewTokenWithSameRowId()
{
    auto created = limitedToken(3);
    QVERIFY2(created, qPrintable(errorText(created)));

    // A request has validated the token and is about to count its use...
    test::WriteGate gate(m_temp->store());
    std::atomic<bool> authenticated{false};
    std::thread racer([&] {
        gate.hold(std::this_thread::get_id());
        authenticated = engine().tokens().authenticate(created->token, kClient).ok();
    });
    auto joinRacer = qScopeGuard([&] {
        gate.release();
        racer.join();
    });
    QVERIFY2(gate.waitUntilHeld(), "authenticate() never reached its transaction");
    // ...when the token is revoked and a new one takes its row id.
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(created->info.accessor)));
    QVERIFY(engine().tokens().purgeRevoked()); // the row (and its id) goes with the purge
    auto stranger = limitedToken(3);
    QVERIFY2(stranger, qPrintable(errorText(stranger)));
    QCOMPARE(stranger->info.id, created->info.id);
    joinRacer.dismiss();
    gate.release();
    racer.join();

    QVERIFY2(!authenticated, "a revoked token authenticated");
    auto after = engine().tokens().lookup(owner(), TokenRef::accessor(stranger->info.accessor));
    QVERIFY2(after, qPrintable(errorText(after)));
    QCOMPARE(after->usesLeft, 3);
}

QTEST_GUILESS_MAIN(TestUseLimit)
#include "tst_uselimit.moc"
