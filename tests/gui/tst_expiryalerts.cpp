// The desktop notice of tokens about to expire (ExpiryAlerts): each token is
// announced once per session, in one notice with the others new at that
// check; the periodic check is a timer whose interval comes from Preferences.
// A fake source and notifier; check() is called directly, no timer is waited for.
#include "core/EnglishPlurals.h"
#include "ui/ExpiryAlerts.h"

#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace tessera;
using engine::ExpiringToken;
using ui::ExpiryAlerts;

namespace {

ExpiringToken expiring(const QString& accessor, const QString& name)
{
    ExpiringToken one;
    one.token.accessor = accessor;
    one.token.displayName = name;
    one.token.expireAt = 1'760'000'000;
    one.marked = true;
    return one;
}

} // namespace

class TestExpiryAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void announcesEachTokenOnce();
    void failedCheckAnnouncesNothingAndTriesAgain();
    void checksAtStartThenAtThePreferredInterval();
    void noticeNamesTheSoonestToken();

private:
    std::unique_ptr<ExpiryAlerts> make()
    {
        return std::make_unique<ExpiryAlerts>(
            [this]() -> Result<QList<ExpiringToken>> {
                if (m_fail)
                    return Error::invalid(u"the store is busy"_s);
                return m_listed;
            },
            [this](const ExpiryAlerts::Notice& notice) { m_notices.append(notice); });
    }

    QList<ExpiringToken> m_listed;
    QList<ExpiryAlerts::Notice> m_notices;
    bool m_fail = false;
};

void TestExpiryAlerts::init()
{
    QVERIFY(EnglishPlurals::install()); // as the console does
    m_listed.clear();
    m_notices.clear();
    m_fail = false;
}

void TestExpiryAlerts::announcesEachTokenOnce()
{
    auto alerts = make();
    m_listed = {expiring(u"a"_s, u"Ada"_s), expiring(u"b"_s, u"Ben"_s)};
    QCOMPARE(alerts->check(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(m_notices.size(), 1);
    QCOMPARE(m_notices.first().accessors, (QStringList{u"a"_s, u"b"_s}));

    // Still expiring at the next check: nothing new to say.
    QCOMPARE(alerts->check(), QStringList{});
    QCOMPARE(m_notices.size(), 1);

    // A new one: only it is announced.
    m_listed.append(expiring(u"c"_s, u"Cy"_s));
    QCOMPARE(alerts->check(), QStringList{u"c"_s});
    QCOMPARE(m_notices.size(), 2);
    QCOMPARE(m_notices.last().accessors, QStringList{u"c"_s});
    QVERIFY(alerts->wasAnnounced(u"a"_s));

    // Renewed out of the window and back in: announced already this session.
    m_listed = {expiring(u"b"_s, u"Ben"_s)};
    alerts->check();
    m_listed.append(expiring(u"a"_s, u"Ada"_s));
    QCOMPARE(alerts->check(), QStringList{});
    QCOMPARE(m_notices.size(), 2);

    // The next session (a new unlock, a new object) announces again.
    auto next = make();
    QCOMPARE(next->check(), (QStringList{u"b"_s, u"a"_s}));
}

void TestExpiryAlerts::failedCheckAnnouncesNothingAndTriesAgain()
{
    auto alerts = make();
    m_listed = {expiring(u"a"_s, u"Ada"_s)};
    m_fail = true;
    QCOMPARE(alerts->check(), QStringList{});
    QVERIFY(m_notices.isEmpty());
    m_fail = false;
    QCOMPARE(alerts->check(), QStringList{u"a"_s});
}

void TestExpiryAlerts::checksAtStartThenAtThePreferredInterval()
{
    auto alerts = make();
    m_listed = {expiring(u"a"_s, u"Ada"_s)};
    alerts->start(60);
    QCOMPARE(m_notices.size(), 1); // at once, not after the first interval
    QVERIFY(alerts->timer()->isActive());
    QCOMPARE(alerts->timer()->interval(), 60 * 60 * 1000);
    alerts->setIntervalMinutes(0); // at least a minute
    QCOMPARE(alerts->timer()->interval(), 60 * 1000);
    // The timer's check is the same check.
    m_listed.append(expiring(u"b"_s, u"Ben"_s));
    QMetaObject::invokeMethod(alerts->timer(), "timeout", Qt::DirectConnection);
    QCOMPARE(m_notices.size(), 2);
    QCOMPARE(m_notices.last().accessors, QStringList{u"b"_s});
}

void TestExpiryAlerts::noticeNamesTheSoonestToken()
{
    const auto one = ExpiryAlerts::noticeFor({expiring(u"a"_s, u"Ada"_s)});
    QVERIFY2(one.text.contains(u"“Ada”"_s), qPrintable(one.text));
    QVERIFY(!one.title.isEmpty());
    const auto two =
        ExpiryAlerts::noticeFor({expiring(u"a"_s, u"Ada"_s), expiring(u"b"_s, QString())});
    QVERIFY2(two.text.startsWith(u"2 "_s), qPrintable(two.text));
    QVERIFY2(two.text.contains(u"“Ada”"_s), qPrintable(two.text));
    // A token without a name goes by its accessor.
    const auto unnamed = ExpiryAlerts::noticeFor({expiring(u"acc"_s, QString())});
    QVERIFY2(unnamed.text.contains(u"“acc”"_s), qPrintable(unnamed.text));
}

QTEST_GUILESS_MAIN(TestExpiryAlerts)
#include "tst_expiryalerts.moc"
