#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "support/TempStore.h"

#include <QJsonArray>
#include <QTest>
#include <optional>

using tessera::Result;
using tessera::Status;
using tessera::audit::AuditFilter;
using tessera::audit::AuditLog;
using tessera::audit::AuditProblem;
using tessera::audit::AuditRecord;
using tessera::audit::Redaction;
using tessera::audit::VerifyReport;
using tessera::store::Database;
using tessera::store::Store;
using tessera::store::Transaction;
using tessera::test::TempStore;

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;
constexpr qint64 kStartMs = 1790000000000;
constexpr qint64 kNowMs = kStartMs + 30 * kDayMs;
const QByteArray kAuditKey(32, 'k');

// Record i: a patron's token issued over the API on day i, with their card
// number and name, and the policies it got.
AuditRecord patronRecord(int i)
{
    AuditRecord record;
    record.timeMs = kStartMs + i * kDayMs;
    record.operation = QStringLiteral("token.create");
    record.targets = {QStringLiteral("acc.t%1").arg(i)};
    record.client = QStringLiteral("api:192.0.2.%1").arg(i);
    record.requestId = QStringLiteral("req-%1").arg(i);
    record.outcome = QStringLiteral("ok");
    record.details = {{QStringLiteral("display_name"), QStringLiteral("Patron %1").arg(i)},
                      {QStringLiteral("meta"),
                       QJsonObject{{QStringLiteral("card_number"), QStringLiteral("44%1").arg(i)}}},
                      {QStringLiteral("policies"), QJsonArray{QStringLiteral("ebooks")}},
                      {QStringLiteral("ttl"), 3600}};
    return record;
}

} // namespace

class tst_AuditRedaction : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    std::optional<Store::Lease> m_lease;
    const AuditLog m_log{kAuditKey};
    QList<AuditRecord> m_appended;

    Database& db() { return m_lease->db(); }

    Result<Redaction> redact(qint64 beforeMs)
    {
        Transaction transaction(db());
        TESSERA_TRY(transaction.begun());
        auto done = m_log.redact(db(), beforeMs, kNowMs);
        TESSERA_TRY(done);
        TESSERA_TRY(transaction.commit());
        return done;
    }

    VerifyReport verified()
    {
        const auto onOneConnection = m_log.verify(db());
        const auto inParallel = m_log.verify(m_temp->store(), 2);
        if (!onOneConnection || !inParallel)
            return VerifyReport{-1, false, AuditProblem::None, QStringLiteral("error"), -1, -1, {}};
        if (onOneConnection->problem != inParallel->problem ||
            onOneConnection->recordsChecked != inParallel->recordsChecked)
            return VerifyReport{-1, false, AuditProblem::None, QStringLiteral("disagree"), -1,
                                -1, {}};
        return *onOneConnection;
    }

    QList<AuditRecord> allRecords() { return m_log.records(db(), AuditFilter{}).valueOr({}); }

    // A column of record `sequence` as SQL sees it (NULL reads as "NULL").
    QString column(const char* name, qint64 sequence)
    {
        auto query = db().query(std::string("SELECT coalesce(quote(") + name +
                                "), 'NULL') FROM audit WHERE seq = ?");
        if (!query)
            return {};
        query->bind(1, sequence);
        return query->next().valueOr(false) ? query->text(0) : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
        auto lease = m_temp->store().acquire();
        QVERIFY(lease.ok());
        m_lease.emplace(std::move(*lease));
        m_appended.clear();
        for (int i = 1; i <= 10; ++i)
            m_appended.append(patronRecord(i));
        Transaction transaction(db());
        QVERIFY(m_log.append(db(), m_appended).ok());
        QVERIFY(transaction.commit().ok());
    }

    void cleanup()
    {
        m_lease.reset();
        m_temp.reset();
    }

    void redactedRecordsLosePersonalDetailsAndKeepTheRest()
    {
        const auto done = redact(kStartMs + 5 * kDayMs); // records of days 1 to 4
        QVERIFY(done.ok());
        QCOMPARE(done->redacted, 4);
        QCOMPARE(done->skipped, 0);

        const QList<AuditRecord> records = allRecords();
        QCOMPARE(records.size(), 10);
        for (int i = 0; i < 4; ++i) {
            const AuditRecord& read = records[i];
            QCOMPARE(read.redactedAtMs, kNowMs);
            QCOMPARE(read.client, QStringLiteral("api"));
            QCOMPARE(read.details, (QJsonObject{{QStringLiteral("policies"),
                                                 QJsonArray{QStringLiteral("ebooks")}},
                                                {QStringLiteral("ttl"), 3600}}));
            QCOMPARE(read.operation, m_appended[i].operation);
            QCOMPARE(read.targets, m_appended[i].targets);
            QCOMPARE(read.timeMs, m_appended[i].timeMs);
            QCOMPARE(read.mac, m_appended[i].mac);
        }
        for (int i = 4; i < 10; ++i) {
            QCOMPARE(records[i].redactedAtMs, 0);
            QCOMPARE(records[i].client, m_appended[i].client);
            QCOMPARE(records[i].details, m_appended[i].details);
        }
    }

    void nothingPersonalIsLeftInTheRedactedRow()
    {
        QVERIFY(redact(kStartMs + 2 * kDayMs).ok());
        QCOMPARE(column("personal", 1), QStringLiteral("NULL"));
        QCOMPARE(column("salt", 1), QStringLiteral("NULL"));
        QVERIFY(!column("client", 1).contains(QStringLiteral("192.0.2")));
        QVERIFY(!column("details", 1).contains(QStringLiteral("Patron")));
        QVERIFY(!column("details", 1).contains(QStringLiteral("441")));
        QVERIFY(column("digest", 1).startsWith(QStringLiteral("X'")));
    }

    void chainStillProvesEveryRecordAfterRedaction()
    {
        QVERIFY(redact(kStartMs + 5 * kDayMs).ok());
        const VerifyReport report = verified();
        QVERIFY2(report.intact, qPrintable(report.problem));
        QCOMPARE(report.recordsChecked, 10);
        // Redacting again changes nothing and still verifies.
        const auto again = redact(kStartMs + 5 * kDayMs);
        QVERIFY(again.ok());
        QCOMPARE(again->redacted, 0);
        QVERIFY(verified().intact);
    }

    void redactedRecordsAreStillCountedByFilters()
    {
        AuditFilter filter;
        filter.operations = {QStringLiteral("token.create")};
        filter.toMs = kStartMs + 6 * kDayMs;
        QCOMPARE(m_log.records(db(), filter).valueOr({}).size(), 5);
        QVERIFY(redact(kStartMs + 5 * kDayMs).ok());
        QCOMPARE(m_log.records(db(), filter).valueOr({}).size(), 5);
    }

    void tamperingIsStillDetected_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("firstBad");
        QTest::addColumn<int>("kind");
        const int changed = int(AuditProblem::Changed);
        QTest::newRow("personal details of a kept record")
            << "UPDATE audit SET personal = replace(personal, 'Patron 7', 'Patron 8') WHERE seq = 7"
            << qint64(7) << changed;
        QTest::newRow("salt of a kept record")
            << "UPDATE audit SET salt = randomblob(16) WHERE seq = 6" << qint64(6) << changed;
        QTest::newRow("client address of a kept record")
            << "UPDATE audit SET personal = replace(personal, '192.0.2.9', '192.0.2.1') "
               "WHERE seq = 9"
            << qint64(9) << changed;
        QTest::newRow("digest of a redacted record")
            << "UPDATE audit SET digest = randomblob(32) WHERE seq = 2" << qint64(2) << changed;
        QTest::newRow("public details of a redacted record")
            << "UPDATE audit SET details = '{\"policies\":[\"root\"],\"ttl\":3600}' WHERE seq = 3"
            << qint64(3) << changed;
        QTest::newRow("client kind of a redacted record")
            << "UPDATE audit SET client = 'console' WHERE seq = 1" << qint64(1) << changed;
        QTest::newRow("everything personal and the digest of a kept record")
            << "UPDATE audit SET personal = NULL, salt = NULL, digest = NULL WHERE seq = 8"
            << qint64(8) << changed;
        QTest::newRow("chain rule of a record")
            << "UPDATE audit SET chain = 1 WHERE seq = 5" << qint64(5) << changed;
        QTest::newRow("two redacted records swapped")
            << "UPDATE audit SET seq = -1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; "
               "UPDATE audit SET seq = 3 WHERE seq = -1"
            << qint64(2) << int(AuditProblem::Reordered);
        QTest::newRow("a redacted record deleted")
            << "DELETE FROM audit WHERE seq = 4" << qint64(4) << int(AuditProblem::Missing);
    }
    void tamperingIsStillDetected()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, firstBad);
        QFETCH(int, kind);
        QVERIFY(redact(kStartMs + 5 * kDayMs).ok()); // records 1 to 4 redacted
        QVERIFY(verified().intact);
        QVERIFY(db().exec(sql.toStdString()).ok());
        const VerifyReport report = verified();
        QVERIFY(!report.intact);
        QCOMPARE(report.firstBadSequence, firstBad);
        QCOMPARE(int(report.kind), kind);
    }

    void equalPersonalDetailsGetDifferentDigests()
    {
        AuditRecord first = patronRecord(20);
        AuditRecord second = patronRecord(20);
        Transaction transaction(db());
        QVERIFY(m_log.append(db(), first).ok());
        QVERIFY(m_log.append(db(), second).ok());
        QVERIFY(transaction.commit().ok());
        QCOMPARE(column("personal", 11), column("personal", 12));
        QVERIFY(column("salt", 11) != column("salt", 12));
        // The digest is kept once the details go: it still tells them apart.
        QVERIFY(redact(kStartMs + 21 * kDayMs).ok());
        QVERIFY(!column("digest", 11).isNull());
        QVERIFY(column("digest", 11) != column("digest", 12));
    }

    void recordsWithoutPersonalDetailsCarryNoSaltOrDigest()
    {
        AuditRecord record;
        record.timeMs = kNowMs;
        record.operation = QStringLiteral("policy.write");
        record.client = QStringLiteral("console");
        record.outcome = QStringLiteral("ok");
        record.details = {{QStringLiteral("policy"), QStringLiteral("ebooks")}};
        Transaction transaction(db());
        QVERIFY(m_log.append(db(), record).ok());
        QVERIFY(transaction.commit().ok());
        QCOMPARE(column("personal", 11), QStringLiteral("NULL"));
        QCOMPARE(column("salt", 11), QStringLiteral("NULL"));
        QCOMPARE(column("digest", 11), QStringLiteral("NULL"));
        QVERIFY(verified().intact);
        const auto done = redact(kNowMs + 1);
        QVERIFY(done.ok());
        QCOMPARE(done->redacted, 10); // the patrons' records, not this one
        QCOMPARE(allRecords().last().redactedAtMs, 0);
    }

    void redactingOutsideATransactionIsRefused()
    {
        QVERIFY(!m_log.redact(db(), kNowMs, kNowMs).ok());
        QCOMPARE(allRecords().first().redactedAtMs, 0);
    }
};

QTEST_GUILESS_MAIN(tst_AuditRedaction)
#include "tst_auditredaction.moc"
