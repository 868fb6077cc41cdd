// Opening a store whose audit log was written before chain rule 2 (schema 1):
// the schema gains the rule 2 columns, and the engine rewrites the log under
// rule 2 only if the whole log verifies first, recording "audit.upgrade". The
// old log is built here the way Tessera wrote it before: the schema 1 table,
// canonical form "TAR1" over every field, MACs under the derived chain key.
#include "audit/CanonicalFields.h"
#include "audit/CanonicalJson.h"
#include "audit/ChainHead.h"
#include "crypto/Hmac.h"
#include "store/Database.h"
#include "store/Store.h"
#include "store/Transaction.h"
#include "support/TempEngine.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::TempEngine;

namespace {

constexpr int kLegacyRecords = 12;

// Schema 1's audit table, as created by migration 1 before rule 2 existed (and
// without what later steps add).
constexpr char kSchemaOneAudit[] = R"sql(
DROP TABLE audit;
CREATE TABLE audit(
    seq        INTEGER PRIMARY KEY,
    time_ms    INTEGER NOT NULL,
    operation  TEXT NOT NULL,
    actor      TEXT NOT NULL DEFAULT '',
    targets    TEXT NOT NULL DEFAULT '',
    client     TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL,
    details    TEXT NOT NULL DEFAULT '{}',
    mac        BLOB NOT NULL
);
CREATE INDEX audit_by_time ON audit(time_ms);
DROP TABLE IF EXISTS revoked;
DROP TABLE IF EXISTS totp_keys;
DROP TABLE IF EXISTS security_keys;
DROP TABLE IF EXISTS token_use;
DROP TABLE IF EXISTS pass_codes;
DROP TABLE IF EXISTS expiry_warnings;
DELETE FROM settings WHERE key IN ('audit_head', 'audit_upgrade');
PRAGMA user_version = 1;
)sql";

struct LegacyRecord
{
    qint64 timeMs = 0;
    QString operation;
    QString client;
    QJsonObject details;
};

LegacyRecord legacyRecord(int i, qint64 startMs)
{
    if (i % 3 == 0) {
        return {startMs + i * 1000, u"policy.write"_s, u"console"_s,
                QJsonObject{{u"policy"_s, u"ebooks"_s}}};
    }
    return {startMs + i * 1000, u"token.create"_s, u"api:192.0.2.%1"_s.arg(i),
            QJsonObject{{u"display_name"_s, u"Patron %1"_s.arg(i)},
                        {u"meta"_s, QJsonObject{{u"card_number"_s, u"44%1"_s.arg(i)}}},
                        {u"ttl"_s, 3600}}};
}

} // namespace

class TestAuditUpgrade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempEngine>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
        m_temp->close();
        QVERIFY(writeLegacyLog());
    }
    void cleanup() { m_temp.reset(); }

    void verifiedOldLogIsUpgradedAndStillReadsTheSame()
    {
        QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
        const auto report = m_temp->engine().admin().verifyAudit();
        QVERIFY(report.ok());
        QVERIFY2(report->intact, qPrintable(report->problem));

        const QList<audit::AuditRecord> records = allRecords();
        QVERIFY(records.size() > kLegacyRecords);
        for (int i = 1; i <= kLegacyRecords; ++i) {
            const LegacyRecord expected = legacyRecord(i, m_startMs);
            const audit::AuditRecord& read = records[i - 1];
            QCOMPARE(read.sequence, i);
            QCOMPARE(read.timeMs, expected.timeMs);
            QCOMPARE(read.operation, expected.operation);
            QCOMPARE(read.client, expected.client);
            QCOMPARE(read.details, expected.details);
        }
        const audit::AuditRecord& upgrade = records[kLegacyRecords];
        QCOMPARE(upgrade.operation, u"audit.upgrade"_s);
        QCOMPARE(upgrade.details.value(u"converted"_s).toInteger(), kLegacyRecords);
        QCOMPARE(upgrade.details.value(u"previous_head"_s).toString(),
                 QString::fromLatin1(m_legacyLastMac.toHex()));
        QCOMPARE(rawCount("SELECT count(*) FROM audit WHERE chain = 1"), 0);
        QCOMPARE(rawCount("SELECT count(*) FROM settings WHERE key = 'audit_upgrade'"), 0);
    }

    void upgradedRecordsCanBeRedactedAndStillVerify()
    {
        QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
        const auto done = m_temp->engine().admin().redactAudit(
            TempEngine::owner(), m_startMs + (kLegacyRecords + 1) * 1000);
        QVERIFY(done.ok());
        QCOMPARE(done->redacted, kLegacyRecords - kLegacyRecords / 3); // the patrons' records
        QCOMPARE(done->skipped, 0);
        const QList<audit::AuditRecord> records = allRecords();
        QCOMPARE(records[0].client, u"api"_s);
        QVERIFY(!records[0].details.contains(u"meta"_s));
        QCOMPARE(records[0].details.value(u"ttl"_s).toInt(), 3600);
        const auto report = m_temp->engine().admin().verifyAudit();
        QVERIFY(report.ok());
        QVERIFY2(report->intact, qPrintable(report->problem));
    }

    void upgradeHappensOnce()
    {
        QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
        QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
        int upgrades = 0;
        for (const audit::AuditRecord& record : allRecords())
            upgrades += record.operation == u"audit.upgrade"_s ? 1 : 0;
        QCOMPARE(upgrades, 1);
    }

    void brokenOldLogIsLeftAsItIsAndStillReported()
    {
        {
            auto store = store::Store::open(m_temp->path(), TempEngine::kPassphrase);
            QVERIFY(store.ok());
            auto lease = (*store)->acquire();
            QVERIFY(lease.ok());
            QVERIFY(lease->db().exec("UPDATE audit SET outcome = 'denied' WHERE seq = 5").ok());
        }
        QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
        const auto report = m_temp->engine().admin().verifyAudit();
        QVERIFY(report.ok());
        QVERIFY(!report->intact);
        QCOMPARE(report->firstBadSequence, 5);
        QCOMPARE(report->kind, audit::AuditProblem::Changed);
        QCOMPARE(rawCount("SELECT count(*) FROM audit WHERE chain = 1"), kLegacyRecords);
        QCOMPARE(rawCount("SELECT count(*) FROM settings WHERE key = 'audit_upgrade'"), 1);
        for (const audit::AuditRecord& record : allRecords())
            QVERIFY(record.operation != u"audit.upgrade"_s);

        // Redaction leaves rule 1 records alone (removing their details would
        // make every one of them fail) and says so.
        const auto done = m_temp->engine().admin().redactAudit(
            TempEngine::owner(), m_startMs + (kLegacyRecords + 1) * 1000);
        QVERIFY(done.ok());
        QCOMPARE(done->redacted, 0);
        QCOMPARE(done->skipped, kLegacyRecords);
        const auto after = m_temp->engine().admin().verifyAudit();
        QVERIFY(after.ok());
        QCOMPARE(after->firstBadSequence, 5);
    }

private:
    // The log as Tessera wrote it before rule 2, on a schema 1 store.
    bool writeLegacyLog()
    {
        auto store = store::Store::open(m_temp->path(), TempEngine::kPassphrase);
        if (!store)
            return false;
        auto lease = (*store)->acquire();
        if (!lease)
            return false;
        store::Database& db = lease->db();
        QByteArray auditKey;
        {
            auto key = db.query("SELECT value FROM settings WHERE key = 'audit_key'");
            if (!key || !key->next().valueOr(false))
                return false;
            auditKey = key->blob(0);
        }
        const crypto::HmacSha256 chain(crypto::HmacSha256(auditKey).mac("tessera audit chain v1"));
        if (const Status schema = db.exec(kSchemaOneAudit); !schema.ok()) {
            qWarning("%s", qPrintable(schema.error().message));
            return false;
        }

        m_startMs = m_temp->clock().nowMs() - 60'000;
        store::Transaction tx(db);
        QByteArray previous(audit::kGenesisMac, 32);
        for (int i = 1; i <= kLegacyRecords; ++i) {
            const LegacyRecord record = legacyRecord(i, m_startMs);
            const QByteArray operation = record.operation.toUtf8();
            const QByteArray client = record.client.toUtf8();
            const QByteArray details = audit::CanonicalJson::write(record.details);
            const QByteArray outcome = "ok";
            const audit::CanonicalFields fields{
                i,  record.timeMs,     operation, {}, {}, client, {}, outcome, details,
                {}, audit::kChainRule1};
            QByteArray canonical;
            fields.appendTo(canonical);
            previous = chain.mac(previous, canonical);
            auto insert = db.query("INSERT INTO audit(seq, time_ms, operation, client, outcome, "
                                   "details, mac) VALUES(?, ?, ?, ?, ?, ?, ?)");
            if (!insert)
                return false;
            insert->bind(1, qint64(i))
                .bind(2, record.timeMs)
                .bindUtf8(3, operation)
                .bindUtf8(4, client)
                .bindUtf8(5, outcome)
                .bindUtf8(6, details)
                .bind(7, previous);
            if (!insert->run().ok())
                return false;
        }
        m_legacyLastMac = previous;
        if (!audit::ChainHead{kLegacyRecords, previous}.write(db, chain).ok())
            return false;
        return tx.commit().ok();
    }

    qint64 rawCount(const char* sql)
    {
        auto lease = m_temp->store().acquire();
        return lease ? lease->db().queryInt(sql).valueOr(-1) : -1;
    }

    QList<audit::AuditRecord> allRecords()
    {
        return m_temp->engine().admin().auditRecords({}).valueOr({});
    }

    std::unique_ptr<TempEngine> m_temp;
    qint64 m_startMs = 0;
    QByteArray m_legacyLastMac;
};

QTEST_GUILESS_MAIN(TestAuditUpgrade)
#include "tst_auditupgrade.moc"
