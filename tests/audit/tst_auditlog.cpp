#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "support/TempStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTest>
#include <optional>

using tessera::ErrorCode;
using tessera::Status;
using tessera::audit::AuditFilter;
using tessera::audit::AuditLog;
using tessera::audit::AuditProblem;
using tessera::audit::AuditRecord;
using tessera::audit::VerifyReport;
using tessera::store::Database;
using tessera::store::Store;
using tessera::store::Transaction;
using tessera::test::TempStore;

namespace {

constexpr qint64 kStartMs = 1790000000000;
const QByteArray kAuditKey(32, 'k');

const QString kOperations[] = {QStringLiteral("token.create"), QStringLiteral("token.renew"),
                               QStringLiteral("token.revoke"), QStringLiteral("login.failed")};

// Record i of a test log: operation cycles through kOperations, actor through
// owner/acc.actor1/acc.actor2, targets are acc.t<i> and acc.group<i % 2>, every
// fifth record was denied.
AuditRecord recordNumber(const AuditLog& log, int i)
{
    AuditRecord record;
    record.timeMs = kStartMs + i * 1000;
    record.operation = kOperations[i % 4];
    record.actor = i % 3 == 0 ? QString() : QStringLiteral("acc.actor%1").arg(i % 3);
    record.targets = {QStringLiteral("acc.t%1").arg(i), QStringLiteral("acc.group%1").arg(i % 2)};
    record.client = QStringLiteral("console");
    record.requestId = QStringLiteral("req-%1").arg(i);
    record.outcome = i % 5 == 0 ? QStringLiteral("denied") : QStringLiteral("ok");
    record.details = {
        {QStringLiteral("n"), i},
        {QStringLiteral("token"), log.tag(QByteArray("tss.secret") + QByteArray::number(i))}};
    return record;
}

// The error message of a failed Result, for QVERIFY2 (which evaluates its
// message even when the check passes).
template <typename T> QByteArray whyNot(const tessera::Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

QList<qint64> sequencesOf(const QList<AuditRecord>& records)
{
    QList<qint64> sequences;
    for (const AuditRecord& record : records)
        sequences.append(record.sequence);
    return sequences;
}

} // namespace

class tst_AuditLog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;
    std::unique_ptr<TempStore> m_longChain;
    std::optional<Store::Lease> m_lease;
    const AuditLog m_log{kAuditKey};

    Database& db() { return m_lease->db(); }

    // Appends records first..last (see recordNumber) in one transaction.
    Status appendRecords(int first, int last)
    {
        Transaction transaction(db());
        TESSERA_TRY(transaction.begun());
        for (int i = first; i <= last; ++i) {
            AuditRecord record = recordNumber(m_log, i);
            TESSERA_TRY(m_log.append(db(), record));
        }
        return transaction.commit();
    }

    // The same, as one list: AuditLog::append(db, QList<AuditRecord>&).
    Status appendRecordsAtOnce(int first, int last)
    {
        Transaction transaction(db());
        TESSERA_TRY(transaction.begun());
        QList<AuditRecord> records;
        for (int i = first; i <= last; ++i)
            records.append(recordNumber(m_log, i));
        TESSERA_TRY(m_log.append(db(), records));
        return transaction.commit();
    }

    // Verifies on the test's connection and, in parallel, through the store; both
    // must agree. An error or a disagreement comes back as a report no test expects.
    VerifyReport verified(int threads = 2)
    {
        const auto onOneConnection = m_log.verify(db());
        const auto inParallel = m_log.verify(m_temp->store(), threads);
        if (!onOneConnection || !inParallel) {
            qWarning("verify failed: %s%s", whyNot(onOneConnection).constData(),
                     whyNot(inParallel).constData());
            return VerifyReport{-1, false, AuditProblem::None, QStringLiteral("error"), -1, -1, {}};
        }
        const VerifyReport& a = *onOneConnection;
        const VerifyReport& b = *inParallel;
        if (a.recordsChecked != b.recordsChecked || a.intact != b.intact || a.kind != b.kind ||
            a.problem != b.problem || a.firstBadSequence != b.firstBadSequence ||
            a.otherSequence != b.otherSequence || a.lastMac != b.lastMac) {
            qWarning("one connection: \"%s\" after %lld; parallel: \"%s\" after %lld",
                     qPrintable(a.problem), a.recordsChecked, qPrintable(b.problem),
                     b.recordsChecked);
            return VerifyReport{-1, false, AuditProblem::None, QStringLiteral("disagree"), -1,
                                -1, {}};
        }
        return a;
    }

    QList<AuditRecord> recordsMatching(const AuditFilter& filter)
    {
        auto records = m_log.records(db(), filter);
        if (!records)
            qWarning("records failed: %s", whyNot(records).constData());
        return records.valueOr({});
    }

    // Swaps two records' positions by renumbering them, contents and MACs intact.
    Status swapRecords(qint64 a, qint64 b)
    {
        return db().exec(QStringLiteral("UPDATE audit SET seq = -1 WHERE seq = %1;"
                                        "UPDATE audit SET seq = %1 WHERE seq = %2;"
                                        "UPDATE audit SET seq = %2 WHERE seq = -1;")
                             .arg(a)
                             .arg(b)
                             .toStdString());
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
        auto lease = m_temp->store().acquire();
        QVERIFY2(lease.ok(), whyNot(lease).constData());
        m_lease.emplace(std::move(*lease));
    }
    void cleanup()
    {
        m_lease.reset();
        m_temp.reset();
    }

    void emptyLogVerifies()
    {
        const VerifyReport report = verified();
        QVERIFY(report.intact);
        QCOMPARE(report.recordsChecked, 0);
        QCOMPARE(report.kind, AuditProblem::None);
    }

    void appendedRecordsVerify()
    {
        QVERIFY(appendRecords(1, 10).ok());
        const QList<AuditRecord> records = recordsMatching({});
        QCOMPARE(sequencesOf(records), (QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));

        const VerifyReport report = verified();
        QVERIFY2(report.intact, qPrintable(report.problem));
        QCOMPARE(report.kind, AuditProblem::None);
        QVERIFY(report.problem.isEmpty());
        QCOMPARE(report.recordsChecked, 10);
        QCOMPARE(report.lastMac, records.last().mac);
        QCOMPARE(report.lastMac.size(), 32);
    }

    void appendContinuesAcrossTransactionsAndReopening()
    {
        QVERIFY(appendRecords(1, 3).ok());
        m_lease.reset();
        QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
        auto lease = m_temp->store().acquire();
        QVERIFY(lease.ok());
        m_lease.emplace(std::move(*lease));
        QVERIFY(appendRecords(4, 5).ok());
        const VerifyReport report = verified();
        QVERIFY2(report.intact, qPrintable(report.problem));
        QCOMPARE(report.recordsChecked, 5);
    }

    void appendOutsideATransactionIsRefused()
    {
        AuditRecord record = recordNumber(m_log, 1);
        QVERIFY(!m_log.append(db(), record).ok());
        QCOMPARE(db().queryInt("SELECT count(*) FROM audit").valueOr(-1), 0);
    }

    void rolledBackOperationLeavesNoRecord()
    {
        QVERIFY(appendRecords(1, 2).ok());
        {
            Transaction transaction(db());
            AuditRecord record = recordNumber(m_log, 3);
            QVERIFY(m_log.append(db(), record).ok());
            QCOMPARE(record.sequence, 3);
        }
        QVERIFY(appendRecords(3, 3).ok());
        const VerifyReport report = verified();
        QVERIFY2(report.intact, qPrintable(report.problem));
        QCOMPARE(report.recordsChecked, 3);
    }

    void malformedRecordsAreRefused_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QStringList>("targets");
        QTest::newRow("no operation") << QString() << QStringList{QStringLiteral("acc.a")};
        QTest::newRow("comma in target")
            << QStringLiteral("token.revoke") << QStringList{QStringLiteral("acc.a,acc.b")};
    }
    void malformedRecordsAreRefused()
    {
        QFETCH(QString, operation);
        QFETCH(QStringList, targets);
        Transaction transaction(db());
        AuditRecord record = recordNumber(m_log, 1);
        record.operation = operation;
        record.targets = targets;
        const Status appended = m_log.append(db(), record);
        QVERIFY(!appended.ok());
        QCOMPARE(appended.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(db().queryInt("SELECT count(*) FROM audit").valueOr(-1), 0);
    }

    void emptyTargetsAreDropped()
    {
        AuditRecord record = recordNumber(m_log, 1);
        record.targets = {QString(), QStringLiteral("acc.a"), QStringLiteral("")};
        {
            Transaction transaction(db());
            QVERIFY(m_log.append(db(), record).ok());
            QVERIFY(transaction.commit().ok());
        }
        QCOMPARE(record.targets, QStringList{QStringLiteral("acc.a")});
        QCOMPARE(recordsMatching({}).first().targets, QStringList{QStringLiteral("acc.a")});
        QVERIFY(verified().intact);
    }

    void recordsReadBackAsAppended()
    {
        AuditRecord appended;
        appended.timeMs = kStartMs;
        appended.operation = QStringLiteral("policy.update");
        appended.actor = QStringLiteral("acc.Zz9");
        appended.targets = {QStringLiteral("acc.one"), QStringLiteral("acc.two")};
        appended.client = QStringLiteral("api:[::1]");
        // Awkward text: non-ASCII, an embedded NUL, a lone surrogate (stored as
        // its UTF-8 replacement), quotes and control characters in details.
        appended.requestId = QStringLiteral("r\u00e9q") + QChar(0) + QStringLiteral("\U0001F600");
        appended.outcome = QStringLiteral("ok") + QChar(0xD800);
        appended.details =
            QJsonDocument::fromJson(
                "{\"z\": {\"b\": [1, 2.5, \"x\\\"y\\n\"], \"a\": null}, \"a\": true}")
                .object();
        {
            Transaction transaction(db());
            QVERIFY(m_log.append(db(), appended).ok());
            QVERIFY(transaction.commit().ok());
        }
        // Stored as Qt's UTF-8 replacement for the lone surrogate.
        QVERIFY(!appended.outcome.contains(QChar(0xD800)));
        QCOMPARE(appended.outcome,
                 QString::fromUtf8((QStringLiteral("ok") + QChar(0xD800)).toUtf8()));

        const QList<AuditRecord> records = recordsMatching({});
        QCOMPARE(records.size(), 1);
        const AuditRecord& read = records.first();
        QCOMPARE(read.sequence, 1);
        QCOMPARE(read.timeMs, appended.timeMs);
        QCOMPARE(read.operation, appended.operation);
        QCOMPARE(read.actor, appended.actor);
        QCOMPARE(read.targets, appended.targets);
        QCOMPARE(read.client, appended.client);
        QCOMPARE(read.requestId, appended.requestId);
        QCOMPARE(read.outcome, appended.outcome);
        QCOMPARE(read.details, appended.details);
        QCOMPARE(read.mac, appended.mac);
        QCOMPARE(read.canonicalForm(), appended.canonicalForm());

        const VerifyReport report = verified();
        QVERIFY2(report.intact, qPrintable(report.problem));
    }

    void appendedRecordIsWhatReadingBackGives()
    {
        // Values that change on the way through storage: a whole double reads back
        // as an integer, lone surrogates as U+FFFD, undefined as null.
        AuditRecord appended = recordNumber(m_log, 1);
        appended.targets = {QStringLiteral("acc.") + QChar(0xDC00)};
        appended.details = {
            {QStringLiteral("whole"), 3.0},
            {QStringLiteral("half"), 0.5},
            {QStringLiteral("n"), 7},
            {QStringLiteral("k") + QChar(0xD800), QStringLiteral("v") + QChar(0xDC00)},
            {QStringLiteral("gone"), QJsonValue(QJsonValue::Undefined)}};
        QList<AuditRecord> several{recordNumber(m_log, 2)};
        several.first().details = appended.details;
        {
            Transaction transaction(db());
            QVERIFY(m_log.append(db(), appended).ok());
            QVERIFY(m_log.append(db(), several).ok());
            QVERIFY(transaction.commit().ok());
        }
        const QList<AuditRecord> records = recordsMatching({});
        QCOMPARE(records.size(), 2);
        for (const auto& [mine, read] :
             {std::pair{appended, records[0]}, std::pair{several.first(), records[1]}}) {
            QCOMPARE(mine.targets, read.targets);
            QCOMPARE(mine.details.keys(), read.details.keys());
            for (const QString& key : read.details.keys()) {
                QCOMPARE(mine.details.value(key).toVariant().typeId(),
                         read.details.value(key).toVariant().typeId());
                QCOMPARE(mine.details.value(key), read.details.value(key));
            }
        }
        QCOMPARE(appended.details.value(QStringLiteral("whole")).toVariant().typeId(),
                 QMetaType::LongLong);
    }

    void changedRecordIsDetectedAndNamed_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("sequence");
        QTest::newRow("outcome") << "UPDATE audit SET outcome = 'ok' WHERE seq = 5" << qint64(5);
        QTest::newRow("operation")
            << "UPDATE audit SET operation = 'token.create' WHERE seq = 5" << qint64(5);
        QTest::newRow("actor") << "UPDATE audit SET actor = 'acc.other' WHERE seq = 5" << qint64(5);
        QTest::newRow("time") << "UPDATE audit SET time_ms = time_ms + 1 WHERE seq = 5"
                              << qint64(5);
        QTest::newRow("targets") << "UPDATE audit SET targets = 'acc.t5' WHERE seq = 5"
                                 << qint64(5);
        QTest::newRow("client") << "UPDATE audit SET client = 'cli' WHERE seq = 5" << qint64(5);
        QTest::newRow("request id")
            << "UPDATE audit SET request_id = 'req-x' WHERE seq = 5" << qint64(5);
        QTest::newRow("details") << "UPDATE audit SET details = '{\"n\":6}' WHERE seq = 5"
                                 << qint64(5);
        QTest::newRow("mac") << "UPDATE audit SET mac = randomblob(32) WHERE seq = 5" << qint64(5);
        QTest::newRow("mac cut short") << "UPDATE audit SET mac = x'00' WHERE seq = 5" << qint64(5);
        QTest::newRow("first record")
            << "UPDATE audit SET outcome = 'x' WHERE seq = 1" << qint64(1);
        QTest::newRow("last record")
            << "UPDATE audit SET outcome = 'x' WHERE seq = 10" << qint64(10);
        QTest::newRow("two records, first named")
            << "UPDATE audit SET outcome = 'x' WHERE seq IN (7, 3)" << qint64(3);
    }
    void changedRecordIsDetectedAndNamed()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, sequence);
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec(sql.toStdString()).ok());
        QCOMPARE(db().changes() > 0, true);

        const VerifyReport report = verified();
        QVERIFY(!report.intact);
        QCOMPARE(report.kind, AuditProblem::Changed);
        QCOMPARE(report.firstBadSequence, sequence);
        QCOMPARE(report.problem, QStringLiteral("record %1 was changed").arg(sequence));
        QCOMPARE(report.recordsChecked, sequence - 1);
    }

    void deletedRecordIsDetected_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("sequence");
        QTest::addColumn<QString>("problem");
        QTest::newRow("one") << "DELETE FROM audit WHERE seq = 5" << qint64(5)
                             << "record 5 is missing";
        QTest::newRow("several") << "DELETE FROM audit WHERE seq BETWEEN 5 AND 7" << qint64(5)
                                 << "records 5 to 7 are missing";
        QTest::newRow("the first")
            << "DELETE FROM audit WHERE seq = 1" << qint64(1) << "record 1 is missing";
    }
    void deletedRecordIsDetected()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, sequence);
        QFETCH(QString, problem);
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec(sql.toStdString()).ok());

        const VerifyReport report = verified();
        QVERIFY(!report.intact);
        QCOMPARE(report.kind, AuditProblem::Missing);
        QCOMPARE(report.firstBadSequence, sequence);
        QCOMPARE(report.problem, problem);
    }

    void reorderedRecordsAreDetected_data()
    {
        QTest::addColumn<qint64>("a");
        QTest::addColumn<qint64>("b");
        QTest::newRow("neighbours") << qint64(5) << qint64(6);
        QTest::newRow("far apart") << qint64(3) << qint64(8);
        QTest::newRow("first and last") << qint64(1) << qint64(10);
    }
    void reorderedRecordsAreDetected()
    {
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(swapRecords(a, b).ok());

        const VerifyReport report = verified();
        QVERIFY(!report.intact);
        QCOMPARE(report.kind, AuditProblem::Reordered);
        QCOMPARE(report.firstBadSequence, a);
        QCOMPARE(report.otherSequence, b);
        QCOMPARE(report.problem,
                 QStringLiteral("records %1 and %2 are out of order").arg(a).arg(b));
    }

    void swappedContentsKeepingMacsAreDetected()
    {
        // Contents moved but each MAC left at its position: no position holds a
        // record that verifies there, so it is a change, named at the first one.
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec("UPDATE audit SET outcome = CASE seq WHEN 4 THEN 'denied' ELSE 'ok' END "
                          "WHERE seq IN (4, 5)")
                    .ok());
        const VerifyReport report = verified();
        QCOMPARE(report.kind, AuditProblem::Changed);
        QCOMPARE(report.firstBadSequence, 4);
    }

    void truncatedTailIsDetected_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("sequence");
        QTest::addColumn<QString>("problem");
        QTest::newRow("last three") << "DELETE FROM audit WHERE seq > 7" << qint64(8)
                                    << "the last 3 records (8 to 10) were removed";
        QTest::newRow("last one") << "DELETE FROM audit WHERE seq = 10" << qint64(10)
                                  << "the last record (10) was removed";
        QTest::newRow("all") << "DELETE FROM audit" << qint64(1)
                             << "the last 10 records (1 to 10) were removed";
    }
    void truncatedTailIsDetected()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, sequence);
        QFETCH(QString, problem);
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec(sql.toStdString()).ok());

        const VerifyReport report = verified();
        QVERIFY(!report.intact);
        QCOMPARE(report.kind, AuditProblem::Truncated);
        QCOMPARE(report.firstBadSequence, sequence);
        QCOMPARE(report.recordsChecked, sequence - 1);
        QCOMPARE(report.problem, problem);
    }

    void truncationStaysVisibleAfterLaterAppends()
    {
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec("DELETE FROM audit WHERE seq > 8").ok());
        QVERIFY(appendRecords(11, 11).ok());
        QCOMPARE(recordsMatching({}).last().sequence, 11);

        const VerifyReport report = verified();
        QCOMPARE(report.kind, AuditProblem::Missing);
        QCOMPARE(report.firstBadSequence, 9);
        QCOMPARE(report.problem, QStringLiteral("records 9 to 10 are missing"));
    }

    void tamperedHeadIsDetected_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("problem");
        QTest::newRow("deleted") << "DELETE FROM settings WHERE key = 'audit_head'"
                                 << "the chain head is missing";
        QTest::newRow("garbage") << "UPDATE settings SET value = x'00' WHERE key = 'audit_head'"
                                 << "the chain head was tampered with";
        QTest::newRow("sequence raised")
            << "UPDATE settings SET value = x'00000000000000ff' || substr(value, 9) "
               "WHERE key = 'audit_head'"
            << "the chain head was tampered with";
        QTest::newRow("mac replaced")
            << "UPDATE settings SET value = substr(value, 1, 8) || randomblob(32) || "
               "substr(value, 41) WHERE key = 'audit_head'"
            << "the chain head was tampered with";
    }
    void tamperedHeadIsDetected()
    {
        QFETCH(QString, sql);
        QFETCH(QString, problem);
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec(sql.toStdString()).ok());
        QCOMPARE(db().changes(), 1);

        const VerifyReport report = verified();
        QVERIFY(!report.intact);
        QCOMPARE(report.kind, AuditProblem::HeadTampered);
        QCOMPARE(report.problem, problem);
        QCOMPARE(report.recordsChecked, 10);
    }

    void replayedOlderHeadIsDetected()
    {
        QVERIFY(appendRecords(1, 9).ok());
        QVERIFY(db().exec("CREATE TEMP TABLE saved AS SELECT value FROM settings "
                          "WHERE key = 'audit_head'")
                    .ok());
        QVERIFY(appendRecords(10, 10).ok());
        QVERIFY(db().exec("UPDATE settings SET value = (SELECT value FROM saved) "
                          "WHERE key = 'audit_head'")
                    .ok());
        const VerifyReport report = verified();
        QCOMPARE(report.kind, AuditProblem::HeadTampered);
        QCOMPARE(report.problem,
                 QStringLiteral("the chain head does not match the last record (10)"));
    }

    void damagedHeadIsNotRepairedByAppend()
    {
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec("DELETE FROM settings WHERE key = 'audit_head'").ok());
        QVERIFY(appendRecords(11, 12).ok());
        const VerifyReport report = verified();
        QCOMPARE(report.kind, AuditProblem::HeadTampered);
        QCOMPARE(report.recordsChecked, 12);
    }

    // A batch as large as the audit writer's (hundreds of uses) chains exactly
    // as one record at a time would.
    void appendingSeveralAtOnceStoresWhatOneByOneWould_data()
    {
        QTest::addColumn<int>("batch");
        QTest::newRow("7") << 7;
        QTest::newRow("200") << 200;
    }

    void appendingSeveralAtOnceStoresWhatOneByOneWould()
    {
        QFETCH(int, batch);
        const int total = 3 + batch + 1;
        QVERIFY(appendRecords(1, 3).ok());
        QVERIFY(appendRecordsAtOnce(4, 3 + batch).ok());
        QVERIFY(appendRecordsAtOnce(total, total).ok());
        const QList<AuditRecord> together = recordsMatching({});

        TempStore other;
        QVERIFY2(other.isValid(), qPrintable(other.errorMessage()));
        auto lease = other.store().acquire();
        QVERIFY(lease.ok());
        {
            Transaction transaction(lease->db());
            QVERIFY(transaction.begun().ok());
            for (int i = 1; i <= total; ++i) {
                AuditRecord record = recordNumber(m_log, i);
                QVERIFY(m_log.append(lease->db(), record).ok());
            }
            QVERIFY(transaction.commit().ok());
        }
        const auto oneByOne = m_log.records(lease->db(), {});
        QVERIFY(oneByOne.ok());
        QCOMPARE(together.size(), total);
        QCOMPARE(oneByOne->size(), total);
        for (int i = 0; i < total; ++i) {
            QCOMPARE(together[i].sequence, (*oneByOne)[i].sequence);
            // Not the MACs: each record's personal part has a random salt of its own.
            QCOMPARE(together[i].canonicalForm(), (*oneByOne)[i].canonicalForm());
            QCOMPARE(together[i].details, (*oneByOne)[i].details);
            QCOMPARE(together[i].requestId, (*oneByOne)[i].requestId);
        }
        const VerifyReport report = verified();
        QVERIFY2(report.intact, qPrintable(report.problem));
        QCOMPARE(report.recordsChecked, total);
    }

    // Equal details in a row are written once; each record must still get
    // its own, whatever came before it.
    void severalWithRepeatedDetailsStoreEachRecordsOwn()
    {
        const QJsonObject lookup{
            {QStringLiteral("path"), QStringLiteral("auth/token/lookup-self")}};
        const QJsonObject renew{{QStringLiteral("path"), QStringLiteral("auth/token/renew-self")}};
        const QList<QJsonObject> details{lookup, lookup, renew, lookup, {}, renew};
        QList<AuditRecord> records;
        for (qsizetype i = 0; i < details.size(); ++i) {
            AuditRecord record = recordNumber(m_log, int(i) + 1);
            record.details = details[i];
            records.append(record);
        }
        Transaction transaction(db());
        QVERIFY(transaction.begun().ok());
        QVERIFY(m_log.append(db(), records).ok());
        QVERIFY(transaction.commit().ok());
        const QList<AuditRecord> stored = recordsMatching({});
        QCOMPARE(stored.size(), details.size());
        for (qsizetype i = 0; i < details.size(); ++i)
            QCOMPARE(stored[i].details, details[i]);
        const VerifyReport report = verified();
        QVERIFY2(report.intact, qPrintable(report.problem));
    }

    void appendingSeveralUpdatesEachRecord()
    {
        Transaction transaction(db());
        QVERIFY(transaction.begun().ok());
        QList<AuditRecord> records{recordNumber(m_log, 1), recordNumber(m_log, 2)};
        records[1].targets.append(QString());
        QVERIFY(m_log.append(db(), records).ok());
        QVERIFY(transaction.commit().ok());
        QCOMPARE(records[0].sequence, 1);
        QCOMPARE(records[1].sequence, 2);
        QCOMPARE(records[1].targets, recordNumber(m_log, 2).targets);
        const QList<AuditRecord> stored = recordsMatching({});
        QCOMPARE(stored.size(), 2);
        QCOMPARE(records[0].mac, stored[0].mac);
        QCOMPARE(records[1].mac, stored[1].mac);
    }

    void malformedRecordAmongSeveralWritesNone()
    {
        Transaction transaction(db());
        QVERIFY(transaction.begun().ok());
        QList<AuditRecord> records{recordNumber(m_log, 1), recordNumber(m_log, 2),
                                   recordNumber(m_log, 3)};
        records[2].targets = {QStringLiteral("a,b")};
        const Status status = m_log.append(db(), records);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(db().queryInt("SELECT count(*) FROM audit").valueOr(-1), 0);
    }

    void truncationStaysVisibleAfterAppendingSeveral()
    {
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec("DELETE FROM audit WHERE seq > 8").ok());
        QVERIFY(appendRecordsAtOnce(11, 13).ok());
        QCOMPARE(recordsMatching({}).last().sequence, 13);

        const VerifyReport report = verified();
        QCOMPARE(report.kind, AuditProblem::Missing);
        QCOMPARE(report.firstBadSequence, 9);
        QCOMPARE(report.problem, QStringLiteral("records 9 to 10 are missing"));
    }

    void damagedHeadIsNotRepairedByAppendingSeveral()
    {
        QVERIFY(appendRecords(1, 10).ok());
        QVERIFY(db().exec("DELETE FROM settings WHERE key = 'audit_head'").ok());
        QVERIFY(appendRecordsAtOnce(11, 14).ok());
        const VerifyReport report = verified();
        QCOMPARE(report.kind, AuditProblem::HeadTampered);
        QCOMPARE(report.recordsChecked, 14);
    }

    void filtersSelectExactlyMatchingRecords_data()
    {
        QTest::addColumn<qint64>("fromMs"); // -1: none
        QTest::addColumn<qint64>("toMs");   // -1: none
        QTest::addColumn<QStringList>("operations");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("target");
        QTest::addColumn<qint64>("afterSequence");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QList<qint64>>("expected");

        const QString none;
        const QStringList all;
        QList<qint64> everything;
        for (qint64 i = 1; i <= 20; ++i)
            everything.append(i);
        // Records 1..20 as recordNumber() builds them.
        QTest::newRow("no conditions")
            << -1LL << -1LL << all << none << none << 0LL << 1000 << everything;
        QTest::newRow("time range, end exclusive")
            << kStartMs + 5000 << kStartMs + 8000 << all << none << none << 0LL << 1000
            << QList<qint64>{5, 6, 7};
        QTest::newRow("from only") << kStartMs + 18000 << -1LL << all << none << none << 0LL << 1000
                                   << QList<qint64>{18, 19, 20};
        QTest::newRow("one operation")
            << -1LL << -1LL << QStringList{QStringLiteral("token.revoke")} << none << none << 0LL
            << 1000 << QList<qint64>{2, 6, 10, 14, 18};
        QTest::newRow("two operations")
            << -1LL << -1LL
            << QStringList{QStringLiteral("token.create"), QStringLiteral("login.failed")} << none
            << none << 0LL << 1000 << QList<qint64>{3, 4, 7, 8, 11, 12, 15, 16, 19, 20};
        QTest::newRow("unknown operation") << -1LL << -1LL << QStringList{QStringLiteral("token")}
                                           << none << none << 0LL << 1000 << QList<qint64>{};
        QTest::newRow("actor") << -1LL << -1LL << all << QStringLiteral("acc.actor1") << none << 0LL
                               << 1000 << QList<qint64>{1, 4, 7, 10, 13, 16, 19};
        QTest::newRow("target, not its prefix of acc.t10..19")
            << -1LL << -1LL << all << none << QStringLiteral("acc.t1") << 0LL << 1000
            << QList<qint64>{1};
        QTest::newRow("target shared by many")
            << -1LL << -1LL << all << none << QStringLiteral("acc.group0") << 0LL << 1000
            << QList<qint64>{2, 4, 6, 8, 10, 12, 14, 16, 18, 20};
        QTest::newRow("target is case-sensitive")
            << -1LL << -1LL << all << none << QStringLiteral("ACC.T1") << 0LL << 1000
            << QList<qint64>{};
        QTest::newRow("target suffix does not match")
            << -1LL << -1LL << all << none << QStringLiteral("t1") << 0LL << 1000
            << QList<qint64>{};
        QTest::newRow("operation, actor and target together")
            << -1LL << -1LL << QStringList{QStringLiteral("token.revoke")}
            << QStringLiteral("acc.actor2") << QStringLiteral("acc.group0") << 0LL << 1000
            << QList<qint64>{2, 14};
        QTest::newRow("after a sequence")
            << -1LL << -1LL << all << none << none << 17LL << 1000 << QList<qint64>{18, 19, 20};
        QTest::newRow("limit") << -1LL << -1LL << all << none << none << 0LL << 3
                               << QList<qint64>{1, 2, 3};
        QTest::newRow("operation after a sequence with a limit")
            << -1LL << -1LL << QStringList{QStringLiteral("token.create")} << none << none << 8LL
            << 2 << QList<qint64>{12, 16};
    }
    void filtersSelectExactlyMatchingRecords()
    {
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        QFETCH(QStringList, operations);
        QFETCH(QString, actor);
        QFETCH(QString, target);
        QFETCH(qint64, afterSequence);
        QFETCH(int, limit);
        QFETCH(QList<qint64>, expected);
        QVERIFY(appendRecords(1, 20).ok());

        AuditFilter filter;
        if (fromMs >= 0)
            filter.fromMs = fromMs;
        if (toMs >= 0)
            filter.toMs = toMs;
        filter.operations = operations;
        filter.actor = actor;
        filter.target = target;
        filter.afterSequence = afterSequence;
        filter.limit = limit;
        const auto records = m_log.records(db(), filter);
        QVERIFY2(records.ok(), whyNot(records).constData());
        QCOMPARE(sequencesOf(*records), expected);
    }

    void pagingVisitsEveryRecordOnce()
    {
        QVERIFY(appendRecords(1, 20).ok());
        AuditFilter filter;
        filter.limit = 7;
        QList<qint64> seen;
        int pages = 0;
        for (;;) {
            const QList<AuditRecord> page = recordsMatching(filter);
            if (page.isEmpty())
                break;
            ++pages;
            seen += sequencesOf(page);
            filter.afterSequence = page.last().sequence;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 20);
        QCOMPARE(seen.first(), 1);
        QCOMPARE(seen.last(), 20);
    }

    void invalidFiltersAreRefused()
    {
        AuditFilter noRows;
        noRows.limit = 0;
        QCOMPARE(m_log.records(db(), noRows).error().code, ErrorCode::InvalidArgument);
        AuditFilter twoTargets;
        twoTargets.target = QStringLiteral("acc.a,acc.b");
        QCOMPARE(m_log.records(db(), twoTargets).error().code, ErrorCode::InvalidArgument);
    }

    void tagsAreStablePerKeyAndHideTheSecret()
    {
        const QByteArray secret("tss.AbCdEfGhIjKlMnOpQrStUvWxYz0123");
        const QString tag = m_log.tag(secret);
        QVERIFY(tag.startsWith(QStringLiteral("hmac-sha256:")));
        QCOMPARE(tag.size(), 12 + 64);
        QVERIFY(!tag.contains(QString::fromLatin1(secret)));
        QCOMPARE(m_log.tag(secret), tag);
        QVERIFY(m_log.tag("tss.other") != tag);
        QVERIFY(AuditLog(QByteArray(32, 'x')).tag(secret) != tag);
    }

    void recordsOfAnotherKeyDoNotVerify()
    {
        QVERIFY(appendRecords(1, 3).ok());
        const auto report = AuditLog(QByteArray(32, 'x')).verify(db());
        QVERIFY(report.ok());
        QCOMPARE(report->kind, AuditProblem::Changed);
        QCOMPARE(report->firstBadSequence, 1);
    }

    void longChainVerifiesAndDamageAnywhereIsFound_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("touched"); // which rows `sql` touches, to restore them
        QTest::addColumn<AuditProblem>("kind");
        QTest::addColumn<qint64>("sequence");
        QTest::addColumn<QString>("problem");
        // Four threads check 50,000 records in ranges of 12,500: damage on both
        // sides of a range boundary, spanning one, and found out of order.
        QTest::newRow("intact") << QString() << QString() << AuditProblem::None << qint64(0)
                                << QString();
        QTest::newRow("changed at a range's end")
            << "UPDATE audit SET outcome = 'x' WHERE seq = 12500"
            << "seq = 12500" << AuditProblem::Changed << qint64(12500)
            << "record 12500 was changed";
        QTest::newRow("changed at a range's start")
            << "UPDATE audit SET outcome = 'x' WHERE seq = 12501"
            << "seq = 12501" << AuditProblem::Changed << qint64(12501)
            << "record 12501 was changed";
        QTest::newRow("mac of a range's last record")
            << "UPDATE audit SET mac = randomblob(32) WHERE seq = 25000"
            << "seq = 25000" << AuditProblem::Changed << qint64(25000)
            << "record 25000 was changed";
        QTest::newRow("changes late in one range and early in the next, first named")
            << "UPDATE audit SET outcome = 'x' WHERE seq IN (37502, 37400)"
            << "seq IN (37502, 37400)" << AuditProblem::Changed << qint64(37400)
            << "record 37400 was changed";
        QTest::newRow("deleted at a range's end")
            << "DELETE FROM audit WHERE seq = 12500"
            << "seq = 12500" << AuditProblem::Missing << qint64(12500) << "record 12500 is missing";
        QTest::newRow("deleted at a range's start")
            << "DELETE FROM audit WHERE seq = 12501"
            << "seq = 12501" << AuditProblem::Missing << qint64(12501) << "record 12501 is missing";
        QTest::newRow("deleted across a range boundary")
            << "DELETE FROM audit WHERE seq BETWEEN 12499 AND 12502"
            << "seq BETWEEN 12499 AND 12502" << AuditProblem::Missing << qint64(12499)
            << "records 12499 to 12502 are missing";
        QTest::newRow("swapped across ranges")
            << "UPDATE audit SET seq = -1 WHERE seq = 20000; "
               "UPDATE audit SET seq = 20000 WHERE seq = 49999; "
               "UPDATE audit SET seq = 49999 WHERE seq = -1"
            << "seq IN (20000, 49999)" << AuditProblem::Reordered << qint64(20000)
            << "records 20000 and 49999 are out of order";
        QTest::newRow("truncated") << "DELETE FROM audit WHERE seq > 49990"
                                   << "seq > 49990" << AuditProblem::Truncated << qint64(49991)
                                   << "the last 10 records (49991 to 50000) were removed";
        QTest::newRow("intact again after the restores")
            << QString() << QString() << AuditProblem::None << qint64(0) << QString();
    }
    void longChainVerifiesAndDamageAnywhereIsFound()
    {
        QFETCH(QString, sql);
        QFETCH(QString, touched);
        QFETCH(AuditProblem, kind);
        QFETCH(qint64, sequence);
        QFETCH(QString, problem);
        constexpr int kRecords = 50'000;
        // Built once for all rows (init() gives every row a fresh, empty store).
        m_lease.reset();
        if (!m_longChain) {
            m_longChain = std::make_unique<TempStore>();
            QVERIFY(m_longChain->isValid());
        }
        std::swap(m_temp, m_longChain);
        auto lease = m_temp->store().acquire();
        QVERIFY(lease.ok());
        m_lease.emplace(std::move(*lease));
        if (db().queryInt("SELECT count(*) FROM audit").valueOr(-1) == 0) {
            QElapsedTimer timer;
            timer.start();
            QVERIFY(appendRecords(1, kRecords).ok());
            qDebug("appended %d records in %lld ms", kRecords, timer.elapsed());
        }
        const auto restore = qScopeGuard([&] {
            if (!touched.isEmpty()) {
                QVERIFY(db().exec(QStringLiteral("DELETE FROM audit WHERE %1;"
                                                 "INSERT INTO audit SELECT * FROM saved;"
                                                 "DROP TABLE saved;")
                                      .arg(touched)
                                      .toStdString())
                            .ok());
            }
            std::swap(m_temp, m_longChain);
        });
        if (!touched.isEmpty()) {
            QVERIFY(db().exec(QStringLiteral("CREATE TABLE saved AS SELECT * FROM audit WHERE %1;")
                                  .arg(touched)
                                  .toStdString())
                        .ok());
            QVERIFY(db().exec(sql.toStdString()).ok());
        }

        QElapsedTimer timer;
        timer.start();
        const auto report = m_log.verify(m_temp->store(), 4);
        qDebug("verified %lld records in %lld ms", report.ok() ? report->recordsChecked : -1,
               timer.elapsed());
        QVERIFY2(report.ok(), whyNot(report).constData());
        QCOMPARE(report->kind, kind);
        QCOMPARE(report->intact, kind == AuditProblem::None);
        QCOMPARE(report->firstBadSequence, sequence);
        QCOMPARE(report->problem, problem);
        QCOMPARE(report->recordsChecked, kind == AuditProblem::None ? kRecords : sequence - 1);
    }

    void cleanupTestCase() { m_longChain.reset(); }
};

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_auditlog.moc"
