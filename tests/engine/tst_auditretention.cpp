// AuditRetention: the console's "remove personal details from audit records
// older than N days", applied when set and then daily. Time is a FakeClock; the
// daily run is a timer whose period the test shortens, and the test waits for
// its signal rather than for an amount of time.
#include "engine/AuditRetention.h"
#include "engine/TokenEngine.h"
#include "support/TempEngine.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kDay = 24 * 3600;

} // namespace

class TestAuditRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempEngine>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    }
    void cleanup() { m_temp.reset(); }

    void settingDaysRemovesOlderPersonalDetailsAtOnce()
    {
        QVERIFY(patronToken(u"Old Patron"_s, u"1001"_s));
        m_temp->clock().advanceSeconds(40 * kDay);
        QVERIFY(patronToken(u"New Patron"_s, u"1002"_s));

        AuditRetention retention(m_temp->engine().admin(), m_temp->clock(), TempEngine::owner());
        QSignalSpy applied(&retention, &AuditRetention::applied);
        retention.setDays(30);
        QTRY_COMPARE(applied.size(), 1); // off the calling thread
        QVERIFY(applied.first().first().toLongLong() >= 1);
        QVERIFY(!auditMentions(u"Old Patron"_s));
        QVERIFY(!auditMentions(u"1001"_s));
        QVERIFY(auditMentions(u"New Patron"_s));
        QVERIFY(auditMentions(u"1002"_s));
        const auto report = m_temp->engine().admin().verifyAudit();
        QVERIFY(report.ok());
        QVERIFY2(report->intact, qPrintable(report->problem));
    }

    void dailyRunRemovesWhatAgedSince()
    {
        QVERIFY(patronToken(u"Ana"_s, u"2001"_s));
        AuditRetention retention(m_temp->engine().admin(), m_temp->clock(), TempEngine::owner(),
                                 std::chrono::milliseconds(1));
        QSignalSpy applied(&retention, &AuditRetention::applied);
        retention.setDays(30);
        QVERIFY(retention.isScheduled());
        QTRY_VERIFY(!applied.isEmpty()); // the run at once
        QTRY_VERIFY(!retention.isRunning());
        QVERIFY(auditMentions(u"Ana"_s)); // not 30 days old yet
        applied.clear();

        m_temp->clock().advanceSeconds(31 * kDay);
        QVERIFY(applied.wait(5000)); // the timer's run, under the moved clock
        QVERIFY(!auditMentions(u"Ana"_s));
    }

    void theDailyRunIsDaily()
    {
        AuditRetention retention(m_temp->engine().admin(), m_temp->clock(), TempEngine::owner());
        QVERIFY(!retention.isScheduled());
        retention.setDays(7);
        QVERIFY(retention.isScheduled());
        QCOMPARE(retention.period(), std::chrono::milliseconds(std::chrono::hours(24)));
    }

    void zeroDaysKeepsEverythingAndStopsTheDailyRun()
    {
        QVERIFY(patronToken(u"Kept Patron"_s, u"3001"_s));
        m_temp->clock().advanceSeconds(400 * kDay);
        AuditRetention retention(m_temp->engine().admin(), m_temp->clock(), TempEngine::owner());
        retention.setDays(500);
        QTRY_VERIFY(!retention.isRunning());
        QVERIFY(auditMentions(u"Kept Patron"_s));
        retention.setDays(0);
        QVERIFY(!retention.isScheduled());
        const auto none = retention.applyNow();
        QVERIFY(none.ok());
        QCOMPARE(none->redacted, 0);
        QVERIFY(auditMentions(u"Kept Patron"_s));
    }

    void scheduledRunDoesNotBlockTheCallingThread()
    {
        // The run works on its own thread: the caller's thread (the GUI's)
        // is not the one that redacts.
        QVERIFY(patronToken(u"Busy Patron"_s, u"5001"_s));
        m_temp->clock().advanceSeconds(40 * kDay);
        AuditRetention retention(m_temp->engine().admin(), m_temp->clock(), TempEngine::owner());
        QThread* redactedOn = nullptr;
        connect(
            &retention, &AuditRetention::applied, &retention,
            [&redactedOn] { redactedOn = QThread::currentThread(); }, Qt::DirectConnection);
        retention.setDays(30);
        QTRY_VERIFY(redactedOn != nullptr);
        QVERIFY(redactedOn != QThread::currentThread());
        QTRY_VERIFY(!auditMentions(u"Busy Patron"_s));
    }

    void aCallerWithoutTheRightIsRefusedAndChangesNothing()
    {
        QVERIFY(patronToken(u"Private Patron"_s, u"4001"_s));
        m_temp->clock().advanceSeconds(40 * kDay);
        Caller clerk;
        clerk.accessor = u"acc.clerk"_s;
        clerk.policies = {u"default"_s};
        clerk.client = u"api:192.0.2.1"_s;
        AuditRetention retention(m_temp->engine().admin(), m_temp->clock(), clerk);
        QSignalSpy failed(&retention, &AuditRetention::failed);
        retention.setDays(30);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(auditMentions(u"Private Patron"_s));
    }

private:
    bool patronToken(const QString& name, const QString& card)
    {
        TokenRequest request;
        request.displayName = name;
        request.meta = {{u"card_number"_s, card}};
        request.ttl = 3600;
        return m_temp->engine().tokens().createToken(TempEngine::owner(), request).ok();
    }

    // Whether any audit record, as the engine reads it back, still holds `text`.
    bool auditMentions(const QString& text)
    {
        const auto records = m_temp->engine().admin().auditRecords({});
        if (!records)
            return true;
        for (const audit::AuditRecord& record : *records) {
            if (record.client.contains(text) ||
                QString::fromUtf8(QJsonDocument(record.details).toJson()).contains(text))
                return true;
        }
        return false;
    }

    std::unique_ptr<TempEngine> m_temp;
};

QTEST_GUILESS_MAIN(TestAuditRetention)
#include "tst_auditretention.moc"
