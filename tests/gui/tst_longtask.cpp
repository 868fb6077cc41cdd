// Long work off the GUI thread: the progress dialog shows how far it got, its
// Cancel button is the one thing that takes clicks meanwhile, and the work
// learns that it should stop.
#include "ui/LongTask.h"

#include <QDeadlineTimer>
#include <QProgressDialog>
#include <QPushButton>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <atomic>

using tessera::ui::LongTask;

class TestLongTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cancelButtonStopsTheWorkWhileOtherInputIsHeldBack();
    void quickWorkReturnsItsResultWithoutADialog();
};

void TestLongTask::initTestCase()
{
    // The work holds one pool thread; Qt paints with the same pool.
    QThreadPool::globalInstance()->setMaxThreadCount(
        qMax(4, QThreadPool::globalInstance()->maxThreadCount()));
}

void TestLongTask::cancelButtonStopsTheWorkWhileOtherInputIsHeldBack()
{
    QWidget window;
    auto* other = new QPushButton(QStringLiteral("Other"), &window);
    int otherClicks = 0;
    connect(other, &QPushButton::clicked, this, [&otherClicks] { ++otherClicks; });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    bool shownWithProgress = false;
    QTimer::singleShot(0, &window, [&] {
        auto* progress = window.findChild<QProgressDialog*>();
        if (!progress || !QTest::qWaitFor([progress] { return progress->value() == 400; }, 10'000))
            return;
        shownWithProgress = QTest::qWaitFor([progress] { return progress->isVisible(); }, 10'000);
        QTest::mouseClick(other, Qt::LeftButton);
        if (auto* cancel = progress->findChild<QPushButton*>())
            QTest::mouseClick(cancel, Qt::LeftButton);
    });
    // Returns whether it was asked to stop (or gives up after 10 s).
    const bool stopped =
        LongTask::runCancellable(&window, QStringLiteral("Working…"), nullptr,
                                 [](std::stop_token stop, const LongTask::Progress& progress) {
                                     progress(400);
                                     const QDeadlineTimer deadline(10'000);
                                     while (!stop.stop_requested() && !deadline.hasExpired())
                                         QThread::msleep(5);
                                     return stop.stop_requested();
                                 });
    QVERIFY(shownWithProgress);
    QVERIFY(stopped);
    QCOMPARE(otherClicks, 0);
    QTest::mouseClick(other, Qt::LeftButton);
    QCOMPARE(otherClicks, 1); // input flows again afterwards
}

void TestLongTask::quickWorkReturnsItsResultWithoutADialog()
{
    QWidget window;
    bool dialogShown = false;
    const int answer =
        LongTask::runCancellable(&window, QStringLiteral("Working…"), nullptr,
                                 [](std::stop_token, const LongTask::Progress& progress) {
                                     progress(1000);
                                     return 42;
                                 });
    for (auto* progress : window.findChildren<QProgressDialog*>())
        dialogShown = dialogShown || progress->isVisible();
    QCOMPARE(answer, 42);
    QVERIFY(!dialogShown);
}

QTEST_MAIN(TestLongTask)
#include "tst_longtask.moc"
