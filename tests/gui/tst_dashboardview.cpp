#include "engine/StoreSetup.h"
#include "engine/User.h"
#include "ui/DashboardView.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"
#include "ui/Session.h"

#include <QAction>
#include <QChartView>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using ui::DashboardView;
using Figure = ui::DashboardView::Figure;

namespace {

const engine::Caller& owner()
{
    static const engine::Caller caller = engine::Caller::storeOwner(QStringLiteral("console"));
    return caller;
}

bool issue(engine::TokenEngine& engine, QString* accessor = nullptr)
{
    engine::TokenRequest request;
    request.policies = {QStringLiteral("default")};
    request.ttl = 24 * 3600;
    auto created = engine.tokens().createToken(owner(), request);
    if (created && accessor)
        *accessor = created->info.accessor;
    return created.ok();
}

QLineSeries* seriesOf(DashboardView& view, Figure figure)
{
    auto* chartView = view.findChild<QChartView*>();
    if (!chartView)
        return nullptr;
    const auto series = chartView->chart()->series();
    const auto index = static_cast<qsizetype>(figure);
    return index < series.size() ? qobject_cast<QLineSeries*>(series[index]) : nullptr;
}

} // namespace

class TestDashboardView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ui::Resources::init(); }
    void init();
    void cleanup();

    void tilesShowTodaysFiguresOfTheStore();
    void chartShowsTheLastThirtyDaysEndingToday();
    void newRecordUpdatesTheTilesOnceTheEventLoopRuns();
    void burstOfChangesGivesOneRecount();
    void hiddenDashboardCountsWhenShown();
    void viewMenuTogglesTheDashboardWithCtrlShiftD();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::Session> m_session;
    int m_stores = 0;
};

void TestDashboardView::init()
{
    // A store with known records for today: its root token (issued), two
    // tokens (one revoked), a sign-in and two refused ones.
    auto initialized = engine::StoreSetup::initialize(
        m_dir.filePath(QStringLiteral("desk-%1.store").arg(++m_stores)),
        "a passphrase for the test", QStringLiteral("test"), KdfProfile::TestOnlyCheap);
    QVERIFY(initialized.ok());
    engine::TokenEngine& engine = *initialized->engine;
    QString revoked;
    QVERIFY(issue(engine, &revoked));
    QVERIFY(issue(engine));
    QVERIFY(engine.tokens().revoke(owner(), engine::TokenRef::accessor(revoked)).ok());
    engine::User ann;
    ann.name = QStringLiteral("ann");
    ann.settings.policies = {QStringLiteral("default")};
    QVERIFY(engine.userpass().putUser(owner(), ann, QStringLiteral("a long password")).ok());
    QVERIFY(engine.userpass()
                .login(QStringLiteral("ann"), QStringLiteral("a long password"),
                       QStringLiteral("api:127.0.0.1"))
                .ok());
    for (int i = 0; i < 2; ++i)
        QVERIFY(!engine.userpass()
                     .login(QStringLiteral("ann"), QStringLiteral("not it"),
                            QStringLiteral("api:127.0.0.1"))
                     .ok());
    m_session = std::make_unique<ui::Session>();
    m_session->adopt(std::move(initialized->engine));
}

void TestDashboardView::cleanup()
{
    m_session.reset();
}

void TestDashboardView::tilesShowTodaysFiguresOfTheStore()
{
    DashboardView view(*m_session);
    QSignalSpy refreshed(&view, &DashboardView::refreshed);
    view.show();
    QVERIFY(refreshed.wait());
    QCOMPARE(view.tileText(Figure::Issued), QStringLiteral("3")); // the root token too
    QCOMPARE(view.tileText(Figure::Revoked), QStringLiteral("1"));
    QCOMPARE(view.tileText(Figure::Expired), QStringLiteral("0"));
    QCOMPARE(view.tileText(Figure::SignIns), QStringLiteral("1"));
    QCOMPARE(view.tileText(Figure::FailedSignIns), QStringLiteral("2"));
}

void TestDashboardView::chartShowsTheLastThirtyDaysEndingToday()
{
    DashboardView view(*m_session);
    QSignalSpy refreshed(&view, &DashboardView::refreshed);
    view.show();
    QVERIFY(refreshed.wait());
    QCOMPARE(view.activity().days().size(), reports::DeskActivity::kDays);
    for (int i = 0; i < DashboardView::kFigures; ++i) {
        QLineSeries* series = seriesOf(view, static_cast<Figure>(i));
        QVERIFY(series);
        QCOMPARE(series->count(), reports::DeskActivity::kDays);
        QCOMPARE(series->name(), DashboardView::figureName(static_cast<Figure>(i)));
    }
    QCOMPARE(seriesOf(view, Figure::Issued)->points().constLast().y(), 3.0);
    QCOMPARE(seriesOf(view, Figure::FailedSignIns)->points().constLast().y(), 2.0);
    QCOMPARE(seriesOf(view, Figure::Issued)->points().constFirst().y(), 0.0);
}

void TestDashboardView::newRecordUpdatesTheTilesOnceTheEventLoopRuns()
{
    DashboardView view(*m_session);
    QSignalSpy refreshed(&view, &DashboardView::refreshed);
    view.show();
    QVERIFY(refreshed.wait());
    QVERIFY(issue(m_session->engine()));
    // Counted a moment later, not inside the engine's signal.
    QCOMPARE(view.tileText(Figure::Issued), QStringLiteral("3"));
    QTRY_COMPARE(view.tileText(Figure::Issued), QStringLiteral("4"));
    QVERIFY(!m_session->engine()
                 .userpass()
                 .login(QStringLiteral("ann"), QStringLiteral("still not it"),
                        QStringLiteral("api:127.0.0.1"))
                 .ok());
    QTRY_COMPARE(view.tileText(Figure::FailedSignIns), QStringLiteral("3"));
}

void TestDashboardView::burstOfChangesGivesOneRecount()
{
    DashboardView view(*m_session);
    QSignalSpy refreshed(&view, &DashboardView::refreshed);
    view.show();
    QVERIFY(refreshed.wait());
    refreshed.clear();
    for (int i = 0; i < 50; ++i)
        QVERIFY(issue(m_session->engine()));
    QTRY_COMPARE(view.tileText(Figure::Issued), QStringLiteral("53"));
    QCOMPARE(refreshed.count(), 1);
}

void TestDashboardView::hiddenDashboardCountsWhenShown()
{
    ui::MainWindow window(*m_session);
    window.show();
    DashboardView* view = window.dashboard();
    QVERIFY(view);
    QVERIFY(!view->isVisible());
    QVERIFY(issue(m_session->engine())); // a change while hidden...
    view->show();                        // ...is counted once shown
    QTRY_COMPARE(view->tileText(Figure::Issued), QStringLiteral("4"));
}

void TestDashboardView::viewMenuTogglesTheDashboardWithCtrlShiftD()
{
    ui::MainWindow window(*m_session);
    window.show();
    QAction* toggle = window.action(ui::MainAction::Dashboard);
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QVERIFY(!window.dashboard()->isVisible());
    toggle->trigger();
    QVERIFY(window.dashboard()->isVisible());
    toggle->trigger();
    QVERIFY(!window.dashboard()->isVisible());
}

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
