#include "core/EnglishPlurals.h"
#include "engine/PassBatchService.h"
#include "engine/PassCodeService.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "items/AuditModel.h"
#include "items/StoreWatcher.h"
#include "support/TempEngine.h"
#include "ui/AuditView.h"
#include "ui/InlineMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace tessera;
using test::TempEngine;
using ui::AuditView;

namespace {

// The model loads pages as a view asks for them.
int loadedRows(items::AuditModel& model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
    return model.rowCount();
}

} // namespace

class TestAuditView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tableShowsTheRecords();
    void operationFilterNarrowsTheTable();
    void loginsIncludeSignInsWithAPassCode();
    void timeRangeFilterNarrowsTheTable();
    void newRecordsShowOnTopWithinASecond();
    void readerOfOlderRecordsKeepsThemInViewAndSelected();
    void verifyChainRunsOffTheGuiThreadAndReportsIntact();
    void oneRecordReadsInTheSingular();
    void tamperedVerdictsArePlainWords_data();
    void tamperedVerdictsArePlainWords();

private:
    std::unique_ptr<TempEngine> m_temp;
    int m_created = 0;
};

void TestAuditView::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(EnglishPlurals::install()); // as the console does
}

void TestAuditView::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QStringList accessors;
    for (int i = 0; i < 5; ++i) {
        engine::TokenRequest request;
        request.displayName = QStringLiteral("visitor %1").arg(i);
        auto created = m_temp->engine().tokens().createToken(TempEngine::owner(), request);
        QVERIFY(created.ok());
        accessors << created->info.accessor;
    }
    m_created = 5;
    QVERIFY(m_temp->engine()
                .tokens()
                .revoke(TempEngine::owner(), engine::TokenRef::accessor(accessors.first()))
                .ok());
}

void TestAuditView::cleanup()
{
    m_temp.reset();
}

void TestAuditView::tableShowsTheRecords()
{
    AuditView view(m_temp->engine());
    view.show();
    auto* table = view.findChild<QTableView*>(QStringLiteral("records"));
    QTRY_VERIFY(table->model()->rowCount() >= m_created + 1);
}

void TestAuditView::operationFilterNarrowsTheTable()
{
    AuditView view(m_temp->engine());
    auto* operation = view.findChild<QComboBox*>(QStringLiteral("operation"));
    operation->setCurrentIndex(operation->findText(QStringLiteral("Tokens revoked")));
    QCOMPARE(loadedRows(*view.model()), 1);
    QCOMPARE(view.model()->record(0).operation, QStringLiteral("token.revoke"));
    operation->setCurrentIndex(operation->findText(QStringLiteral("Tokens issued")));
    QCOMPARE(loadedRows(*view.model()), m_created);
}

void TestAuditView::loginsIncludeSignInsWithAPassCode()
{
    engine::TokenEngine& engine = m_temp->engine();
    engine::Role visit;
    visit.name = QStringLiteral("class-visit");
    visit.settings.ttl = 3600;
    QVERIFY(engine.admin().putRole(TempEngine::owner(), visit));
    engine::PassBatchRequest request;
    request.role = visit.name;
    request.count = 1;
    auto batch = engine.passBatches().issue(TempEngine::owner(), request);
    QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
    QVERIFY(engine.passCodes().redeem(batch->codeOf(0), QStringLiteral("gate:192.0.2.7")).ok());

    AuditView view(engine);
    auto* operation = view.findChild<QComboBox*>(QStringLiteral("operation"));
    operation->setCurrentIndex(operation->findText(QStringLiteral("Logins")));
    QCOMPARE(loadedRows(*view.model()), 1);
    QCOMPARE(view.model()->record(0).operation, QStringLiteral("pass.redeem"));
}

void TestAuditView::timeRangeFilterNarrowsTheTable()
{
    AuditView view(m_temp->engine());
    const qint64 now = m_temp->clock().nowMs();
    auto* from = view.findChild<QDateTimeEdit*>(QStringLiteral("from"));
    from->setDateTime(QDateTime::fromMSecsSinceEpoch(now + 3'600'000));
    view.findChild<QCheckBox*>(QStringLiteral("fromEnabled"))->setChecked(true);
    QCOMPARE(loadedRows(*view.model()), 0);
    from->setDateTime(QDateTime::fromMSecsSinceEpoch(now - 3'600'000));
    QTRY_VERIFY(loadedRows(*view.model()) >= m_created + 1);
}

void TestAuditView::newRecordsShowOnTopWithinASecond()
{
    AuditView view(m_temp->engine());
    items::StoreWatcher watcher(m_temp->engine());
    view.follow(watcher);
    const int before = loadedRows(*view.model());
    auto created =
        m_temp->engine().tokens().createToken(TempEngine::owner(), engine::TokenRequest{});
    QVERIFY(created.ok());
    auto* table = view.findChild<QTableView*>(QStringLiteral("records"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), before + 1, 1000);
    QCOMPARE(table->model()->index(0, items::AuditModel::TargetsColumn).data().toString(),
             created->info.accessor);
}

void TestAuditView::readerOfOlderRecordsKeepsThemInViewAndSelected()
{
    for (int i = 0; i < 60; ++i)
        QVERIFY(m_temp->engine()
                    .tokens()
                    .createToken(TempEngine::owner(), engine::TokenRequest{})
                    .ok());
    AuditView view(m_temp->engine());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* table = view.findChild<QTableView*>(QStringLiteral("records"));
    loadedRows(*view.model());
    const auto sequenceAt = [](const QModelIndex& index) {
        return index.data(items::AuditModel::SequenceRole).toLongLong();
    };
    const auto create = [this](int count) {
        for (int i = 0; i < count; ++i)
            QVERIFY(m_temp->engine()
                        .tokens()
                        .createToken(TempEngine::owner(), engine::TokenRequest{})
                        .ok());
    };

    // Reading older records: they stay where they are, and selected.
    table->scrollTo(table->model()->index(40, 0), QAbstractItemView::PositionAtTop);
    table->selectRow(45);
    const qint64 top = sequenceAt(table->indexAt(QPoint(1, 1)));
    const qint64 selected = sequenceAt(table->currentIndex());
    QVERIFY(table->verticalScrollBar()->value() > 0);
    create(3);
    view.model()->fetchNewRecords();
    QCOMPARE(sequenceAt(table->model()->index(0, 0)), sequenceAt(table->model()->index(3, 0)) + 3);
    QCOMPARE(sequenceAt(table->indexAt(QPoint(1, 1))), top);
    QCOMPARE(sequenceAt(table->currentIndex()), selected);
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(sequenceAt(rows.first()), selected);

    // At the top: the new records show.
    table->scrollToTop();
    create(1);
    view.model()->fetchNewRecords();
    QCOMPARE(table->indexAt(QPoint(1, 1)).row(), 0);
    QCOMPARE(sequenceAt(table->currentIndex()), selected);
}

void TestAuditView::verifyChainRunsOffTheGuiThreadAndReportsIntact()
{
    AuditView view(m_temp->engine());
    view.show();
    QSignalSpy verified(&view, &AuditView::verified);
    auto* verify = view.findChild<QPushButton*>(QStringLiteral("verify"));
    verify->click();
    QVERIFY(!verify->isEnabled()); // the window stays responsive while it runs
    QVERIFY(verified.wait(10'000));
    const auto report = verified.first().first().value<audit::VerifyReport>();
    QVERIFY(report.intact);
    QVERIFY(verify->isEnabled());
    auto* verdict = view.findChild<ui::InlineMessage*>(QStringLiteral("verdict"));
    QVERIFY2(verdict->text().contains(QStringLiteral("intact")), qPrintable(verdict->text()));
}

void TestAuditView::tamperedVerdictsArePlainWords_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("changed") << int(audit::AuditProblem::Changed)
                             << QStringLiteral("Record 1,234 was changed");
    QTest::newRow("missing") << int(audit::AuditProblem::Missing)
                             << QStringLiteral("Record 1,234 is missing");
    QTest::newRow("reordered") << int(audit::AuditProblem::Reordered)
                               << QStringLiteral("found at position 1,240");
    QTest::newRow("truncated") << int(audit::AuditProblem::Truncated)
                               << QStringLiteral("newest records were removed");
    QTest::newRow("head") << int(audit::AuditProblem::HeadTampered) << QStringLiteral("seal");
}

void TestAuditView::tamperedVerdictsArePlainWords()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    audit::VerifyReport report;
    report.intact = false;
    report.kind = audit::AuditProblem(kind);
    report.firstBadSequence = 1234;
    report.otherSequence = 1240;
    report.recordsChecked = 1233;
    const QString text = AuditView::describe(report);
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("first 1,233 records are intact")), qPrintable(text));
}

void TestAuditView::oneRecordReadsInTheSingular()
{
    audit::VerifyReport report;
    report.recordsChecked = 1;
    QCOMPARE(AuditView::describe(report),
             QStringLiteral("The audit log is intact: its 1 record is in order and unchanged."));
    report.intact = false;
    report.kind = audit::AuditProblem::Changed;
    report.firstBadSequence = 2;
    QVERIFY2(AuditView::describe(report).endsWith(QStringLiteral("The first record is intact.")),
             qPrintable(AuditView::describe(report)));
}

QTEST_MAIN(TestAuditView)
#include "tst_auditview.moc"
