#include "engine/User.h"
#include "reports/ActivityCounts.h"
#include "reports/AuditOperations.h"
#include "reports/DeskActivity.h"
#include "support/TempEngine.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace tessera;
using namespace tessera::reports;
using tessera::test::TempEngine;

namespace {

const QTimeZone& berlin()
{
    static const QTimeZone zone("Europe/Berlin");
    return zone;
}

qint64 localMs(const QDate& day, const QTime& time, const QTimeZone& zone = berlin())
{
    return QDateTime(day, time, zone).toMSecsSinceEpoch();
}

bool issue(TempEngine& temp, qint64 ttl = 7 * 24 * 3600, QString* accessor = nullptr,
           const QString& parent = {})
{
    engine::TokenRequest request;
    request.policies = {QStringLiteral("default")};
    request.ttl = ttl;
    request.parentAccessor = parent;
    auto created = temp->tokens().createToken(TempEngine::owner(), request);
    if (created && accessor)
        *accessor = created->info.accessor;
    return bool(created);
}

bool addUser(TempEngine& temp, const QString& name)
{
    engine::User user;
    user.name = name;
    user.settings.policies = {QStringLiteral("default")};
    return bool(
        temp->userpass().putUser(TempEngine::owner(), user, QStringLiteral("a long password")));
}

DeskActivity load(TempEngine& temp, const QTimeZone& zone = berlin())
{
    auto activity = DeskActivity::load(temp->admin(), temp.clock(), zone);
    if (!activity) {
        qWarning("%s", qPrintable(activity.error().message));
        return {};
    }
    return *activity;
}

} // namespace

class TestDeskActivity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyStoreShowsThirtyQuietDays();
    void todayCountsEachFigureOnce();
    void expiryCountsEveryTokenTheSweepTook();
    void refusedOperationsCountOnlyAsFailedSignIns();
    void recordsCountOnTheirLocalDayAcrossClockChanges_data();
    void recordsCountOnTheirLocalDayAcrossClockChanges();
    void daysStartAtLocalMidnightWhateverTheirLength();
    void recordsOlderThanThirtyDaysAreLeftOut();
    void reportAndDashboardShareOneMapping_data();
    void reportAndDashboardShareOneMapping();
    void everyCountedOperationHasAFigure();
    void tallyRefusesPeriodsOutOfOrder();
};

void TestDeskActivity::initTestCase()
{
    // The days are Berlin's whatever the machine's zone: tzdata must know it.
    QVERIFY2(berlin().isValid(), "no time zone data for Europe/Berlin (package tzdata)");
}

void TestDeskActivity::emptyStoreShowsThirtyQuietDays()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const DeskActivity activity = load(temp);
    QCOMPARE(activity.days().size(), DeskActivity::kDays);
    QCOMPARE(activity.today(),
             QDateTime::fromMSecsSinceEpoch(temp.clock().nowMs(), berlin()).date());
    QCOMPARE(activity.days().first().date, activity.today().addDays(-29));
    QCOMPARE(activity.totals(), ActivityCounts());
}

void TestDeskActivity::todayCountsEachFigureOnce()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    temp.clock().setMs(localMs(QDate(2026, 9, 22), QTime(9, 0)));
    QString parent;
    QString child;
    QVERIFY(issue(temp, 7 * 24 * 3600, &parent));
    QVERIFY(issue(temp, 7 * 24 * 3600, &child, parent));
    QVERIFY(issue(temp));
    // A branch revoked at once is one revocation.
    QVERIFY(temp->tokens().revoke(TempEngine::owner(), engine::TokenRef::accessor(parent)));
    QVERIFY(addUser(temp, QStringLiteral("ann")));
    QVERIFY(temp->userpass().login(QStringLiteral("ann"), QStringLiteral("a long password"),
                                   QStringLiteral("api:127.0.0.1")));
    QVERIFY(!temp->userpass().login(QStringLiteral("ann"), QStringLiteral("wrong"),
                                    QStringLiteral("api:127.0.0.1")));
    QVERIFY(!temp->userpass().login(QStringLiteral("bob"), QStringLiteral("wrong"),
                                    QStringLiteral("api:127.0.0.1")));

    const ActivityCounts today = load(temp).todayCounts();
    QCOMPARE(today.issued, 3); // the login's token counts as a sign-in
    QCOMPARE(today.revoked, 1);
    QCOMPARE(today.expired, 0);
    QCOMPARE(today.logins, 1);
    QCOMPARE(today.failedLogins, 2);
}

void TestDeskActivity::expiryCountsEveryTokenTheSweepTook()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    temp.clock().setMs(localMs(QDate(2026, 9, 22), QTime(9, 0)));
    for (int i = 0; i < 3; ++i)
        QVERIFY(issue(temp, 3600));
    QVERIFY(issue(temp));
    temp.clock().advanceSeconds(2 * 3600);
    auto swept = temp->tokens().sweepExpired();
    QVERIFY(swept);
    QCOMPARE(swept->size(), 3);

    const ActivityCounts today = load(temp).todayCounts();
    QCOMPARE(today.expired, 3);
    QCOMPARE(today.issued, 4);
}

void TestDeskActivity::refusedOperationsCountOnlyAsFailedSignIns()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    // A token without the right to create children is refused: a denied
    // token.create that must not count as issued.
    engine::TokenRequest request;
    request.policies = {QStringLiteral("default")};
    auto weak = temp->tokens().createToken(TempEngine::owner(), request);
    QVERIFY(weak);
    auto caller = temp->tokens().authenticate(weak->token, QStringLiteral("api:127.0.0.1"));
    QVERIFY(caller);
    QVERIFY(!temp->tokens().createToken(*caller, request));

    const ActivityCounts today = load(temp).todayCounts();
    QCOMPARE(today.issued, 1);
    QCOMPARE(today.total(), 1);
}

void TestDeskActivity::recordsCountOnTheirLocalDayAcrossClockChanges_data()
{
    QTest::addColumn<QDate>("changeDay");
    // Sunday 25 October 2026 has 25 hours in Berlin, Sunday 29 March 23.
    QTest::newRow("clocks go back") << QDate(2026, 10, 25);
    QTest::newRow("clocks go forward") << QDate(2026, 3, 29);
}

void TestDeskActivity::recordsCountOnTheirLocalDayAcrossClockChanges()
{
    QFETCH(QDate, changeDay);
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    // 00:30 and 23:30 on the day of the change, and 00:30 on the next: the
    // first is still the day before in UTC, the last is still the day of the
    // change in UTC; a fixed offset would misplace one of them.
    const qint64 ttl = 30 * 24 * 3600;
    temp.clock().setMs(localMs(changeDay, QTime(0, 30)));
    QVERIFY(issue(temp, ttl));
    temp.clock().setMs(localMs(changeDay, QTime(23, 30)));
    QVERIFY(issue(temp, ttl));
    temp.clock().setMs(localMs(changeDay.addDays(1), QTime(0, 30)));
    QVERIFY(issue(temp, ttl));
    QVERIFY(issue(temp, ttl));
    temp.clock().setMs(localMs(changeDay.addDays(2), QTime(12, 0)));

    const DeskActivity activity = load(temp);
    QCOMPARE(activity.today(), changeDay.addDays(2));
    const QList<DeskActivity::Day>& days = activity.days();
    QCOMPARE(days[27].date, changeDay);
    QCOMPARE(days[26].counts.issued, 0);
    QCOMPARE(days[27].counts.issued, 2);
    QCOMPARE(days[28].counts.issued, 2);
    QCOMPARE(days[29].counts.issued, 0);
}

void TestDeskActivity::daysStartAtLocalMidnightWhateverTheirLength()
{
    const QList<QDate> days = {QDate(2026, 3, 29), QDate(2026, 3, 30)};
    const QList<qint64> bounds = DeskActivity::boundaries(days, berlin());
    QCOMPARE(bounds.size(), 3);
    QCOMPARE(bounds[1] - bounds[0], 23 * 3600 * 1000LL);
    QCOMPARE(bounds[2] - bounds[1], 24 * 3600 * 1000LL);
    QCOMPARE(bounds[0], localMs(QDate(2026, 3, 29), QTime(0, 0)));
    const QList<qint64> autumn = DeskActivity::boundaries({QDate(2026, 10, 25)}, berlin());
    QCOMPARE(autumn[1] - autumn[0], 25 * 3600 * 1000LL);

    // Late at night in Berlin is already tomorrow in Tokyo.
    const qint64 lateNight = localMs(QDate(2026, 10, 25), QTime(23, 30));
    QCOMPARE(DeskActivity::daysEndingAt(lateNight, berlin(), 1).constFirst(), QDate(2026, 10, 25));
    QCOMPARE(DeskActivity::daysEndingAt(lateNight, QTimeZone("Asia/Tokyo"), 1).constFirst(),
             QDate(2026, 10, 26));
}

void TestDeskActivity::recordsOlderThanThirtyDaysAreLeftOut()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QDate today(2026, 9, 30);
    temp.clock().setMs(localMs(today.addDays(-30), QTime(23, 59)));
    QVERIFY(issue(temp, 60 * 24 * 3600));
    temp.clock().setMs(localMs(today.addDays(-29), QTime(0, 0)));
    QVERIFY(issue(temp, 60 * 24 * 3600));
    temp.clock().setMs(localMs(today, QTime(10, 0)));

    const DeskActivity activity = load(temp);
    QCOMPARE(activity.days().first().date, today.addDays(-29));
    QCOMPARE(activity.days().first().counts.issued, 1);
    QCOMPARE(activity.totals().issued, 1);
}

void TestDeskActivity::reportAndDashboardShareOneMapping_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("figure");

    using namespace operations;
    QTest::newRow("created") << kCreate << "ok"
                             << "issued";
    QTest::newRow("root token") << kCreateRoot << "ok"
                                << "issued";
    QTest::newRow("refused creation") << kCreate << "denied"
                                      << "";
    QTest::newRow("renewed") << kRenew << "ok"
                             << "renewed";
    QTest::newRow("revoked") << kRevoke << "ok"
                             << "revoked";
    QTest::newRow("revoked, children kept") << kRevokeOrphan << "ok"
                                            << "revoked";
    QTest::newRow("revoked by search") << kRevokeMatching << "ok"
                                       << "revoked";
    QTest::newRow("used up") << kUseLimit << "ok"
                             << "revoked";
    QTest::newRow("expired") << kExpire << "ok"
                             << "expired";
    QTest::newRow("signed in") << kLogin << "ok"
                               << "logins";
    QTest::newRow("sign-in refused") << kLoginFailed << "denied"
                                     << "failedLogins";
    QTest::newRow("lookup") << "token.lookup"
                            << "ok"
                            << "";
    QTest::newRow("gate check") << "gate.check"
                                << "denied"
                                << "";
}

void TestDeskActivity::reportAndDashboardShareOneMapping()
{
    QFETCH(QString, operation);
    QFETCH(QString, outcome);
    QFETCH(QString, figure);
    const QHash<QString, ActivityCounts::Figure> byName{
        {QStringLiteral("issued"), &ActivityCounts::issued},
        {QStringLiteral("renewed"), &ActivityCounts::renewed},
        {QStringLiteral("revoked"), &ActivityCounts::revoked},
        {QStringLiteral("expired"), &ActivityCounts::expired},
        {QStringLiteral("logins"), &ActivityCounts::logins},
        {QStringLiteral("failedLogins"), &ActivityCounts::failedLogins}};
    QVERIFY(ActivityCounts::figureOf(operation, outcome) == byName.value(figure, nullptr));

    // The dashboard counts a tallied record where the mapping says.
    const QDate day(2026, 9, 22);
    const DeskActivity activity =
        DeskActivity::fromTally({day}, {audit::AuditTally::Count{0, operation, outcome, 2, 2}});
    QCOMPARE(activity.todayCounts().total(), figure.isEmpty() ? 0 : 2);
    if (!figure.isEmpty())
        QCOMPARE(activity.todayCounts().*byName.value(figure), 2);
}

void TestDeskActivity::everyCountedOperationHasAFigure()
{
    const QStringList counted = ActivityCounts::countedOperations();
    for (const QString& operation : counted) {
        const QString outcome =
            operation == operations::kLoginFailed ? QStringLiteral("denied") : QStringLiteral("ok");
        QVERIFY2(ActivityCounts::figureOf(operation, outcome) != nullptr, qPrintable(operation));
    }
    QVERIFY(counted.contains(operations::kLoginFailed));
}

void TestDeskActivity::tallyRefusesPeriodsOutOfOrder()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QStringList operations = ActivityCounts::countedOperations();
    for (const QList<qint64>& bounds :
         {QList<qint64>{}, QList<qint64>{5}, QList<qint64>{5, 5}, QList<qint64>{1, 9, 4}}) {
        auto tally = temp->admin().auditTally(bounds, operations);
        QVERIFY(!tally);
        QCOMPARE(tally.error().code, ErrorCode::InvalidArgument);
    }
    QVERIFY(temp->admin().auditTally({0, 1}, operations));
}

QTEST_GUILESS_MAIN(TestDeskActivity)
#include "tst_deskactivity.moc"
