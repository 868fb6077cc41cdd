#include "core/Clock.h"

#include <QDateTime>
#include <QTest>

using namespace tessera;

namespace {

class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 ms)
        : m_ms(ms)
    {}
    qint64 nowMs() const override { return m_ms; }

private:
    qint64 m_ms;
};

} // namespace

class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemClockIsTheWallClock();
    void systemClockIsOneInstance();
    void secondsAreWholeSecondsOfTheMilliseconds();
};

void TestClock::systemClockIsTheWallClock()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 now = Clock::system().nowMs();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(before <= now && now <= after);
}

void TestClock::systemClockIsOneInstance()
{
    QCOMPARE(&Clock::system(), &Clock::system());
}

void TestClock::secondsAreWholeSecondsOfTheMilliseconds()
{
    QCOMPARE(FixedClock(1'700'000'000'999).nowSeconds(), qint64(1'700'000'000));
    QCOMPARE(FixedClock(1'700'000'001'000).nowSeconds(), qint64(1'700'000'001));
    QCOMPARE(FixedClock(0).nowSeconds(), qint64(0));
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
