// ExpiryScheduler with TokenEngine: tokens die at their expire time with their
// subtrees, the scheduler sleeps until the next expiry (not polling), and what
// expired while nothing ran is swept at start. Time is a FakeClock; the one
// test that lets the timer fire waits about a second of real time.
#include "engine/ExpiryScheduler.h"
#include "engine/TokenEngine.h"
#include "store/Store.h"
#include "support/EngineActors.h"
#include "support/StoreProbes.h"
#include "support/TempEngine.h"
#include "support/TokenTrees.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::ReadOnlyStore;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kHour = 3600;

} // namespace

class TestExpiryScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void expiredTokenIsRevokedWithSubtree();
    void schedulerWakesAtNextExpiry();
    void schedulerWithNothingToExpireStillRechecksNow_data();
    void schedulerWithNothingToExpireStillRechecksNow();
    void sweepAtStartRemovesWhatExpiredWhileClosed();
    void failingSweepDoesNotSpin();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    static Caller owner() { return TempEngine::owner(); }
    Result<CreatedToken> tokenWithTtl(qint64 ttl, const QString& parent = {})
    {
        TokenRequest request;
        request.ttl = ttl;
        request.parentAccessor = parent;
        return engine().tokens().createToken(owner(), request);
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestExpiryScheduler::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestExpiryScheduler::cleanup()
{
    m_temp.reset();
}

void TestExpiryScheduler::expiredTokenIsRevokedWithSubtree()
{
    // A parent with one second to live and children that would live for hours:
    // children die with their parent (their TTLs are not capped by its).
    auto parent = tokenWithTtl(1);
    QVERIFY2(parent, qPrintable(errorText(parent)));
    TokenRequest childShape;
    childShape.ttl = 5 * kHour;
    auto subtree = test::buildTokenTree(engine(), 6, 2, childShape, parent->info.accessor);
    QVERIFY2(subtree, qPrintable(errorText(subtree)));
    auto bystander = tokenWithTtl(kHour);
    QVERIFY2(bystander, qPrintable(errorText(bystander)));

    ExpiryScheduler scheduler(engine());
    QSignalSpy swept(&scheduler, &ExpiryScheduler::swept);
    QSignalSpy revoked(&engine(), &TokenEngine::tokensRevoked);
    scheduler.start();
    QCOMPARE(swept.count(), 0); // nothing has expired yet
    QCOMPARE(scheduler.msUntilNextWake(), 1000);

    // The fake clock passes the expire time; the scheduler's timer, armed for
    // one real second, finds the parent expired when it fires.
    m_temp->clock().advanceSeconds(1);
    QTRY_COMPARE_WITH_TIMEOUT(swept.count(), 1, 2500);
    QCOMPARE(swept.at(0).at(0).toInt(), 7);
    QCOMPARE(revoked.count(), 1);
    // The expired parent is the one top; its children count with it.
    QCOMPARE(revoked.at(0).at(0).toStringList(), QStringList{parent->info.accessor});
    QCOMPARE(revoked.at(0).at(1).toLongLong(), 7);
    QCOMPARE(revoked.at(0).at(2).toString(), u"expire"_s);
    for (const QString& token : std::as_const(subtree->tokens))
        QVERIFY2(!engine().tokens().validate(token), "a child outlived its expired parent");
    QVERIFY(!engine().tokens().validate(parent->token));
    QVERIFY(engine().tokens().validate(bystander->token));
    QCOMPARE(engine().browser().count().valueOr(-1), 1);
    // Next: the bystander's expiry.
    QCOMPARE(scheduler.msUntilNextWake(), (kHour - 1) * 1000);
}

void TestExpiryScheduler::schedulerWakesAtNextExpiry()
{
    ExpiryScheduler scheduler(engine());
    auto later = tokenWithTtl(300);
    QVERIFY2(later, qPrintable(errorText(later)));
    QCOMPARE(scheduler.msUntilNextWake(), 300'000);

    // A token expiring sooner brings the wake-up forward.
    auto sooner = tokenWithTtl(100);
    QVERIFY2(sooner, qPrintable(errorText(sooner)));
    QCOMPARE(scheduler.msUntilNextWake(), 100'000);

    // Time passes: the wait shrinks, to the millisecond.
    m_temp->clock().setMs(m_temp->clock().nowMs() + 30'250);
    QCOMPARE(scheduler.msUntilNextWake(), 69'750);

    // Renewal moves the expiry.
    auto renewed = engine().tokens().renew(owner(), TokenRef::token(sooner->token), 600);
    QVERIFY2(renewed, qPrintable(errorText(renewed)));
    QCOMPARE(scheduler.msUntilNextWake(), 300'000 - 30'250);

    // Revocation too.
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::token(later->token)));
    QCOMPARE(scheduler.msUntilNextWake(), 600'000 - 250);

    // Past due: wake now.
    m_temp->clock().advanceSeconds(700);
    QCOMPARE(scheduler.msUntilNextWake(), 0);
}

void TestExpiryScheduler::schedulerWithNothingToExpireStillRechecksNow_data()
{
    QTest::addColumn<bool>("withRootToken");
    QTest::newRow("empty store") << false;
    QTest::newRow("only a root token, which never expires") << true;
}

void TestExpiryScheduler::schedulerWithNothingToExpireStillRechecksNow()
{
    QFETCH(bool, withRootToken);
    if (withRootToken)
        QVERIFY(engine().tokens().createRootToken(owner()));
    ExpiryScheduler scheduler(engine());
    // Nothing expires, yet another process (the CLI) may add tokens to the same
    // store, so the scheduler looks again after its longest sleep.
    const qint64 wait = scheduler.msUntilNextWake();
    QVERIFY2(wait > 0 && wait <= 60'000, qPrintable(QString::number(wait)));
}

void TestExpiryScheduler::sweepAtStartRemovesWhatExpiredWhileClosed()
{
    auto expiring = tokenWithTtl(kHour);
    QVERIFY2(expiring, qPrintable(errorText(expiring)));
    TokenRequest childShape;
    childShape.ttl = 10 * kHour;
    auto subtree = test::buildTokenTree(engine(), 4, 2, childShape, expiring->info.accessor);
    QVERIFY2(subtree, qPrintable(errorText(subtree)));
    auto lasting = tokenWithTtl(3 * kHour);
    QVERIFY2(lasting, qPrintable(errorText(lasting)));
    auto root = engine().tokens().createRootToken(owner());
    QVERIFY2(root, qPrintable(errorText(root)));

    // Closed for two hours.
    m_temp->close();
    m_temp->clock().advanceSeconds(2 * kHour);
    QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
    QCOMPARE(engine().browser().count().valueOr(-1), 7);

    ExpiryScheduler scheduler(engine());
    QSignalSpy swept(&scheduler, &ExpiryScheduler::swept);
    QSignalSpy revoked(&engine(), &TokenEngine::tokensRevoked);
    scheduler.start(); // sweeps at once, before any timer
    QCOMPARE(swept.count(), 1);
    QCOMPARE(swept.at(0).at(0).toInt(), 5);
    QCOMPARE(revoked.count(), 1);
    QCOMPARE(revoked.at(0).at(0).toStringList(), QStringList{expiring->info.accessor});
    QCOMPARE(revoked.at(0).at(1).toLongLong(), 5);
    QCOMPARE(engine().browser().count().valueOr(-1), 2);
    QVERIFY(engine().tokens().validate(lasting->token));
    QVERIFY(engine().tokens().validate(root->token));
    QVERIFY(!engine().tokens().validate(expiring->token));
    QCOMPARE(scheduler.msUntilNextWake(), kHour * 1000);
}

void TestExpiryScheduler::failingSweepDoesNotSpin()
{
    auto expired = tokenWithTtl(1);
    QVERIFY2(expired, qPrintable(errorText(expired)));
    m_temp->clock().advanceSeconds(5);
    ExpiryScheduler scheduler(engine());
    {
        ReadOnlyStore readOnly(m_temp->store());
        QVERIFY2(!engine().tokens().sweepExpired(), "the sweep did not fail on a read-only store");
        const int before = readOnly.statements();
        scheduler.start(); // fails: the token stays due
        QTest::qWait(300);
        // A retry loop would have run thousands of statements by now.
        const int during = readOnly.statements() - before;
        QVERIFY2(during < 50, qPrintable(QString::number(during)));
    }
    QVERIFY(!engine().tokens().validate(expired->token));
    QCOMPARE(engine().browser().count().valueOr(-1), 1);
}

QTEST_GUILESS_MAIN(TestExpiryScheduler)
#include "tst_expiryscheduler.moc"
