// The login throttling rule on its own: free failures, doubling lockouts,
// forgetting, and the in-memory tracker's bounds.
#include "engine/LoginThrottle.h"

#include <QTest>

using namespace Qt::StringLiterals;
using tessera::engine::LoginThrottle;

namespace {

constexpr qint64 kStart = 1'790'000'000;

LoginThrottle::State failTimes(int count, qint64 at = kStart)
{
    LoginThrottle::State state;
    for (int i = 0; i < count; ++i)
        state = LoginThrottle::afterFailure(state, at);
    return state;
}

} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockoutGrowsWithFailures_data();
    void lockoutGrowsWithFailures();
    void firstFailuresAreFree();
    void lockoutEndsWhenItsTimeHasPassed();
    void quietPeriodForgetsFailures();
    void quietPeriodCountsFromEndOfLockout();
    void clientsGetMoreRoomThanNames();
    void trackerStaysBoundedUnderFlood();
};

void TestLoginThrottle::lockoutGrowsWithFailures_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("lockout");
    QTest::newRow("4") << 4 << qint64(0);
    QTest::newRow("5") << 5 << qint64(60);
    QTest::newRow("6") << 6 << qint64(120);
    QTest::newRow("7") << 7 << qint64(240);
    QTest::newRow("10") << 10 << qint64(1920);
    QTest::newRow("11: capped") << 11 << qint64(3600);
    QTest::newRow("100: capped") << 100 << qint64(3600);
    QTest::newRow("huge: no overflow") << 1'000'000 << qint64(3600);
}

void TestLoginThrottle::lockoutGrowsWithFailures()
{
    QFETCH(int, failures);
    QFETCH(qint64, lockout);
    QCOMPARE(LoginThrottle::lockoutFor(failures), lockout);
}

void TestLoginThrottle::firstFailuresAreFree()
{
    const auto state = failTimes(LoginThrottle::kFreeFailures - 1);
    QVERIFY(!LoginThrottle::isLocked(state, kStart));
    const auto locked = LoginThrottle::afterFailure(state, kStart);
    QVERIFY(LoginThrottle::isLocked(locked, kStart));
    QCOMPARE(LoginThrottle::secondsLeft(locked, kStart), LoginThrottle::kFirstLockout);
}

void TestLoginThrottle::lockoutEndsWhenItsTimeHasPassed()
{
    const auto locked = failTimes(LoginThrottle::kFreeFailures);
    QVERIFY(LoginThrottle::isLocked(locked, kStart + LoginThrottle::kFirstLockout - 1));
    QVERIFY(!LoginThrottle::isLocked(locked, kStart + LoginThrottle::kFirstLockout));
    // The next failure right after it doubles the lockout: the count was kept.
    const auto again = LoginThrottle::afterFailure(locked, kStart + LoginThrottle::kFirstLockout);
    QCOMPARE(again.failures, LoginThrottle::kFreeFailures + 1);
    QCOMPARE(LoginThrottle::secondsLeft(again, kStart + LoginThrottle::kFirstLockout),
             2 * LoginThrottle::kFirstLockout);
}

void TestLoginThrottle::quietPeriodForgetsFailures()
{
    const auto some = failTimes(3);
    QCOMPARE(LoginThrottle::current(some, kStart + LoginThrottle::kForgetAfter - 1).failures, 3);
    QCOMPARE(LoginThrottle::current(some, kStart + LoginThrottle::kForgetAfter),
             LoginThrottle::State{});
    const auto later = LoginThrottle::afterFailure(some, kStart + LoginThrottle::kForgetAfter);
    QCOMPARE(later.failures, 1);
}

void TestLoginThrottle::quietPeriodCountsFromEndOfLockout()
{
    // An hour-long lockout must not be followed at once by five free guesses.
    const auto locked = failTimes(11);
    QCOMPARE(LoginThrottle::secondsLeft(locked, kStart), LoginThrottle::kMaxLockout);
    const qint64 unlocked = kStart + LoginThrottle::kMaxLockout;
    const auto next = LoginThrottle::afterFailure(locked, unlocked);
    QCOMPARE(next.failures, 12);
    QVERIFY(LoginThrottle::isLocked(next, unlocked));
    QCOMPARE(LoginThrottle::current(locked, unlocked + LoginThrottle::kForgetAfter),
             LoginThrottle::State{});
}

void TestLoginThrottle::clientsGetMoreRoomThanNames()
{
    LoginThrottle throttle;
    for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
        throttle.recordFailure(u"name:alice"_s, kStart);
        throttle.recordFailure(u"client:api:10.0.0.1"_s, kStart,
                               LoginThrottle::kClientFreeFailures);
    }
    QCOMPARE(throttle.lockedFor(u"name:alice"_s, kStart), LoginThrottle::kFirstLockout);
    QCOMPARE(throttle.lockedFor(u"client:api:10.0.0.1"_s, kStart), qint64(0));
    for (int i = LoginThrottle::kFreeFailures; i < LoginThrottle::kClientFreeFailures; ++i)
        throttle.recordFailure(u"client:api:10.0.0.1"_s, kStart,
                               LoginThrottle::kClientFreeFailures);
    QCOMPARE(throttle.lockedFor(u"client:api:10.0.0.1"_s, kStart), LoginThrottle::kFirstLockout);
    QCOMPARE(throttle.lockedFor(u"client:api:10.0.0.2"_s, kStart), qint64(0));
}

void TestLoginThrottle::trackerStaysBoundedUnderFlood()
{
    LoginThrottle throttle;
    // A locked name survives a flood of single failures for made-up names.
    for (int i = 0; i < LoginThrottle::kFreeFailures; ++i)
        throttle.recordFailure(u"name:alice"_s, kStart);
    for (int i = 0; i < 3 * LoginThrottle::kMaxTracked; ++i)
        throttle.recordFailure(u"name:made-up-%1"_s.arg(i), kStart);
    QVERIFY(throttle.lockedFor(u"name:alice"_s, kStart) > 0);
    QVERIFY(throttle.tracked() <= LoginThrottle::kMaxTracked);
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
