// AdminService::redactAudit: who may remove personal details from the audit
// log, and what the removal itself leaves in the log.
#include "engine/TokenEngine.h"
#include "support/TempEngine.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kDay = 24 * 3600;

Caller tokenCaller(const QStringList& policies)
{
    Caller caller;
    caller.accessor = u"acc.caller"_s;
    caller.policies = policies;
    caller.client = u"api:192.0.2.44"_s;
    return caller;
}

} // namespace

class TestAuditRedact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempEngine>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
        AdminService& admin = m_temp->engine().admin();
        QVERIFY(admin
                    .putPolicy(TempEngine::owner(), u"auditor"_s,
                               uR"(path "sys/audit" { capabilities = ["sudo"] })"_s)
                    .ok());
        QVERIFY(admin
                    .putPolicy(TempEngine::owner(), u"reader"_s,
                               uR"(path "sys/audit" { capabilities = ["read"] })"_s)
                    .ok());
        TokenRequest request;
        request.displayName = u"Ana Pérez"_s;
        request.meta = {{u"card_number"_s, u"4411"_s}};
        QVERIFY(m_temp->engine().tokens().createToken(TempEngine::owner(), request).ok());
        m_temp->clock().advanceSeconds(10 * kDay);
        m_cutoffMs = m_temp->clock().nowMs() - kDay * 1000;
    }
    void cleanup() { m_temp.reset(); }

    void ownerMayRedact()
    {
        const auto done = m_temp->engine().admin().redactAudit(TempEngine::owner(), m_cutoffMs);
        QVERIFY(done.ok());
        QVERIFY(done->redacted >= 1);
        QVERIFY(!auditText().contains(u"Ana"_s));
    }

    void sudoOnSysAuditMayRedact()
    {
        const auto done =
            m_temp->engine().admin().redactAudit(tokenCaller({u"auditor"_s}), m_cutoffMs);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));
        QVERIFY(!auditText().contains(u"4411"_s));
    }

    void othersAreRefusedTheRefusalIsAuditedAndNothingChanges_data()
    {
        QTest::addColumn<QStringList>("policies");
        QTest::newRow("default only") << QStringList{u"default"_s};
        QTest::newRow("read on sys/audit") << QStringList{u"reader"_s};
    }
    void othersAreRefusedTheRefusalIsAuditedAndNothingChanges()
    {
        QFETCH(QStringList, policies);
        const auto done = m_temp->engine().admin().redactAudit(tokenCaller(policies), m_cutoffMs);
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, ErrorCode::PermissionDenied);
        QVERIFY(auditText().contains(u"Ana Pérez"_s));
        QVERIFY(auditText().contains(u"4411"_s));
        const audit::AuditRecord last = lastRecord();
        QCOMPARE(last.operation, u"audit.redact"_s);
        QCOMPARE(last.outcome, u"denied"_s);
    }

    void theRedactionIsAuditedWithCountsNotPersonalData()
    {
        QVERIFY(m_temp->engine().admin().redactAudit(TempEngine::owner(), m_cutoffMs).ok());
        const audit::AuditRecord last = lastRecord();
        QCOMPARE(last.operation, u"audit.redact"_s);
        QCOMPARE(last.outcome, u"ok"_s);
        QVERIFY(last.details.value(u"redacted"_s).toInteger() >= 1);
        QCOMPARE(last.details.value(u"skipped"_s).toInteger(), 0);
        QCOMPARE(last.details.value(u"before"_s).toString(),
                 QDateTime::fromMSecsSinceEpoch(m_cutoffMs, Qt::UTC).toString(Qt::ISODate));
        QCOMPARE(last.redactedAtMs, 0);
        const auto report = m_temp->engine().admin().verifyAudit();
        QVERIFY(report.ok());
        QVERIFY2(report->intact, qPrintable(report->problem));
    }

private:
    QString auditText()
    {
        QString text;
        for (const audit::AuditRecord& record :
             m_temp->engine().admin().auditRecords({}).valueOr({}))
            text += record.client + QString::fromUtf8(QJsonDocument(record.details).toJson());
        return text;
    }
    audit::AuditRecord lastRecord()
    {
        audit::AuditFilter filter;
        filter.newestFirst = true;
        filter.limit = 1;
        return m_temp->engine().admin().auditRecords(filter).valueOr({}).value(0);
    }

    std::unique_ptr<TempEngine> m_temp;
    qint64 m_cutoffMs = 0;
};

QTEST_GUILESS_MAIN(TestAuditRedact)
#include "tst_auditredact.moc"
