#include "core/Result.h"

#include <QTest>
#include <memory>

using namespace tessera;

namespace {

Result<int> half(int value)
{
    if (value % 2 != 0)
        return Error::invalid(QStringLiteral("%1 is odd").arg(value));
    return value / 2;
}

// Halves twice through TESSERA_TRY; `reached` counts the steps that ran.
Result<int> quarter(int value, int& reached)
{
    TESSERA_TRY(half(value));
    ++reached;
    TESSERA_TRY(half(value / 2));
    ++reached;
    return value / 4;
}

Status failingAt(int step, int& reached)
{
    for (int i = 0; i < 3; ++i) {
        if (i == step)
            TESSERA_TRY(Status(Error::notFound(QStringLiteral("step %1").arg(i))));
        ++reached;
    }
    return {};
}

} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aValueIsSuccess();
    void anErrorIsFailureWithItsCodeAndMessage();
    void valueOrGivesTheFallbackOnlyOnFailure();
    void tryReturnsTheFirstErrorAndStops();
    void tryPassesSuccessThrough();
    void statusIsSuccessByDefault();
    void moveOnlyValuesCanBeTakenOut();
};

void TestResult::aValueIsSuccess()
{
    const Result<QString> result(QStringLiteral("token"));
    QVERIFY(result.ok());
    QVERIFY(bool(result));
    QCOMPARE(*result, QStringLiteral("token"));
    QCOMPARE(result->size(), 5);
}

void TestResult::anErrorIsFailureWithItsCodeAndMessage()
{
    const Result<QString> result(Error::denied(QStringLiteral("permission denied")));
    QVERIFY(!result.ok());
    QVERIFY(!bool(result));
    QCOMPARE(result.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(result.error().message, QStringLiteral("permission denied"));
}

void TestResult::valueOrGivesTheFallbackOnlyOnFailure()
{
    QCOMPARE(half(8).valueOr(-1), 4);
    QCOMPARE(half(7).valueOr(-1), -1);
}

void TestResult::tryReturnsTheFirstErrorAndStops()
{
    int reached = 0;
    const auto odd = quarter(7, reached);
    QVERIFY(!odd.ok());
    QCOMPARE(odd.error().message, QStringLiteral("7 is odd"));
    QCOMPARE(reached, 0);

    reached = 0;
    const auto secondOdd = quarter(6, reached);
    QVERIFY(!secondOdd.ok());
    QCOMPARE(secondOdd.error().message, QStringLiteral("3 is odd"));
    QCOMPARE(reached, 1);

    reached = 0;
    const Status stopped = failingAt(1, reached);
    QCOMPARE(stopped.error().code, ErrorCode::NotFound);
    QCOMPARE(stopped.error().message, QStringLiteral("step 1"));
    QCOMPARE(reached, 1);
}

void TestResult::tryPassesSuccessThrough()
{
    int reached = 0;
    const auto result = quarter(8, reached);
    QVERIFY(result.ok());
    QCOMPARE(*result, 2);
    QCOMPARE(reached, 2);

    reached = 0;
    QVERIFY(failingAt(-1, reached).ok());
    QCOMPARE(reached, 3);
}

void TestResult::statusIsSuccessByDefault()
{
    const Status status;
    QVERIFY(status.ok());
    const Status failed(Error::internal(QStringLiteral("bug")));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Internal);
}

void TestResult::moveOnlyValuesCanBeTakenOut()
{
    Result<std::unique_ptr<int>> result(std::make_unique<int>(42));
    QVERIFY(result.ok());
    const std::unique_ptr<int> taken = std::move(result).value();
    QVERIFY(taken);
    QCOMPARE(*taken, 42);
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
