#include "ReportFixture.h"
#include "reports/ReportData.h"
#include "reports/ReportExport.h"
#include "reports/ReportScan.h"
#include "support/CsvReader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <stop_token>

using namespace tessera;
using namespace tessera::reports;
using tessera::test::ReportFixture;

namespace {

// Collects what a scan selects.
class Collector final : public RecordSink
{
public:
    Status add(const audit::AuditRecord& record, const ScanContext&) override
    {
        records << record;
        return {};
    }
    QList<audit::AuditRecord> records;
};

QList<audit::AuditRecord> allRecords(engine::TokenEngine& engine)
{
    audit::AuditFilter filter;
    filter.limit = 100000;
    return engine.admin().auditRecords(filter).valueOr({});
}

} // namespace

class TestReportScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void filtersSelectExactlyTheRightRecords_data();
    void filtersSelectExactlyTheRightRecords();
    void dateRangeSelectsThoseDaysOnly();
    void unknownSubtreeIsAnError();
    void malformedQueriesAreRejected_data();
    void malformedQueriesAreRejected();
    void csvParsesBackToTheSameRecords();
    void jsonLinesParseBackToTheSameRecords();
    void exportIsAuditedWithoutSecrets();
    void cancelledExportWritesNothing();
    void summaryCountsTokensByDayAndRole();

private:
    std::unique_ptr<ReportFixture> m_fixture;
};

void TestReportScan::init()
{
    m_fixture = std::make_unique<ReportFixture>();
    QString error;
    QVERIFY2(m_fixture->build(&error), qPrintable(error));
}

void TestReportScan::cleanup()
{
    m_fixture.reset();
}

void TestReportScan::filtersSelectExactlyTheRightRecords_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("subtree"); // a token's name in the fixture
    QTest::addColumn<QString>("meta");
    QTest::addColumn<int>("firstDay");
    QTest::addColumn<int>("lastDay");
    QTest::addColumn<QStringList>("expected");

    const auto list = [](std::initializer_list<const char*> labels) {
        QStringList result;
        for (const char* label : labels)
            result << QString::fromLatin1(label);
        return result;
    };
    QTest::newRow("one operation") << "token.renew"
                                   << ""
                                   << "" << 1 << 3 << list({"token.renew:p2"});
    QTest::newRow("subtree A, revoked and orphaned members included")
        << ""
        << "A"
        << "" << 1 << 3
        << list({"token.create:A", "token.create:p1", "token.create:p2", "token.create:p3",
                 "token.renew:p2", "token.revoke:p1", "token.revoke-orphan:A"});
    QTest::newRow("subtree B, its expiry included")
        << ""
        << "B"
        << "" << 1 << 3 << list({"token.create:B", "token.create:q1", "token.expire:q1"});
    QTest::newRow("subtree of a revoked token")
        << ""
        << "p1"
        << "" << 1 << 3 << list({"token.create:p1", "token.create:p3", "token.revoke:p1"});
    QTest::newRow("operation family within a subtree")
        << "token.*"
        << "p1"
        << "" << 1 << 3 << list({"token.create:p1", "token.create:p3", "token.revoke:p1"});
    QTest::newRow("metadata across branches")
        << ""
        << ""
        << "card=111" << 1 << 3
        << list({"token.create:p1", "token.create:q1", "token.revoke:p1", "token.expire:q1"});
    QTest::newRow("login metadata") << ""
                                    << ""
                                    << "username=ann" << 1 << 3 << list({"login:login"});
    QTest::newRow("subtree and metadata together")
        << ""
        << "A"
        << "card=222" << 1 << 3 << list({"token.create:p2", "token.renew:p2"});
    QTest::newRow("subtree on one day")
        << ""
        << "A"
        << "" << 2 << 2 << list({"token.renew:p2", "token.revoke:p1"});
    QTest::newRow("operation outside the period") << "token.expire"
                                                  << ""
                                                  << "" << 1 << 2 << list({});
}

void TestReportScan::filtersSelectExactlyTheRightRecords()
{
    QFETCH(QString, operation);
    QFETCH(QString, subtree);
    QFETCH(QString, meta);
    QFETCH(int, firstDay);
    QFETCH(int, lastDay);
    QFETCH(QStringList, expected);

    ReportQuery query;
    query.from = m_fixture->day(firstDay);
    query.to = m_fixture->day(lastDay);
    query.operation = operation;
    query.subtree = m_fixture->accessorOf.value(subtree);
    if (!meta.isEmpty()) {
        auto parsed = ReportQuery::parseMeta(meta);
        QVERIFY(parsed.ok());
        query.metaKey = parsed->first;
        query.metaValue = parsed->second;
    }
    for (const auto lineage : {ReportScan::Lineage::IfFiltered, ReportScan::Lineage::Always}) {
        ReportScan scan(m_fixture->temp.engine(), query);
        Collector collector;
        const Status status = scan.run(collector, {}, lineage);
        QVERIFY2(status.ok(), qPrintable(status.error().message));
        QStringList labels;
        for (const audit::AuditRecord& record : std::as_const(collector.records))
            labels << m_fixture->label(record);
        QCOMPARE(labels, expected);
        QCOMPARE(scan.recordsSelected(), qint64(expected.size()));
    }
}

void TestReportScan::dateRangeSelectsThoseDaysOnly()
{
    ReportQuery query;
    query.from = query.to = m_fixture->day(2);
    ReportScan scan(m_fixture->temp.engine(), query);
    Collector collector;
    QVERIFY(scan.run(collector, {}, ReportScan::Lineage::Always).ok());

    QList<qint64> expected;
    for (const audit::AuditRecord& record : allRecords(m_fixture->temp.engine())) {
        if (QDateTime::fromMSecsSinceEpoch(record.timeMs, Qt::UTC).date() == query.from)
            expected << record.sequence;
    }
    QList<qint64> selected;
    for (const audit::AuditRecord& record : std::as_const(collector.records))
        selected << record.sequence;
    QVERIFY(!expected.isEmpty());
    QCOMPARE(selected, expected);
}

void TestReportScan::unknownSubtreeIsAnError()
{
    ReportQuery query = m_fixture->wholePeriod();
    query.subtree = QStringLiteral("abcdefghijklmnopqrstuvwx");
    ReportScan scan(m_fixture->temp.engine(), query);
    Collector collector;
    const Status status = scan.run(collector, {}, ReportScan::Lineage::Always);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::NotFound);
}

void TestReportScan::malformedQueriesAreRejected_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("date") << "from"
                          << "2026-02-30";
    QTest::newRow("date, other shape") << "from"
                                       << "22.11.2026";
    QTest::newRow("end before start") << "to"
                                      << "2000-01-01";
    QTest::newRow("operation") << "operation"
                               << "token revoke";
    QTest::newRow("operation glob inside") << "operation"
                                           << "to*en";
    QTest::newRow("subtree") << "subtree"
                             << "not an accessor";
    QTest::newRow("meta") << "meta"
                          << "=value";
}

void TestReportScan::malformedQueriesAreRejected()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    ReportQuery query = m_fixture->wholePeriod();
    Status status;
    if (field == QLatin1String("from")) {
        status = ReportQuery::parseDate(value).ok() ? Status{} : Error::invalid(value);
    } else if (field == QLatin1String("to")) {
        query.to = *ReportQuery::parseDate(value);
        status = query.validate();
    } else if (field == QLatin1String("operation")) {
        query.operation = value;
        status = query.validate();
    } else if (field == QLatin1String("subtree")) {
        query.subtree = value;
        status = query.validate();
    } else {
        status = ReportQuery::parseMeta(value).ok() ? Status{} : Error::invalid(value);
    }
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::InvalidArgument);
}

void TestReportScan::csvParsesBackToTheSameRecords()
{
    const QString path = m_fixture->temp.filePath(QStringLiteral("report.csv"));
    const QList<audit::AuditRecord> before = allRecords(m_fixture->temp.engine());
    ReportRequest request{m_fixture->wholePeriod(), ReportFormat::Csv, path};
    auto outcome = ReportExport::toFile(m_fixture->temp.engine(), request);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool wellFormed = false;
    const QList<QStringList> rows = test::parseCsv(file.readAll(), &wellFormed);
    QVERIFY(wellFormed);
    QCOMPARE(rows.size(), before.size() + 1);
    QCOMPARE(outcome->records, qint64(before.size()));
    QCOMPARE(rows.first().join(QLatin1Char(',')),
             QStringLiteral("sequence,time,operation,actor,targets,client,request_id,outcome,"
                            "details,mac,redacted_at"));
    for (qsizetype i = 0; i < before.size(); ++i) {
        const audit::AuditRecord& record = before[i];
        const QStringList& row = rows[i + 1];
        QCOMPARE(row.size(), 11);
        QCOMPARE(row[10], QString()); // not redacted
        QCOMPARE(row[0].toLongLong(), record.sequence);
        QCOMPARE(QDateTime::fromString(row[1], Qt::ISODateWithMs).toMSecsSinceEpoch(),
                 record.timeMs);
        QCOMPARE(row[2], record.operation);
        QCOMPARE(row[3], record.actor);
        QCOMPARE(row[4].split(QLatin1Char(' '), Qt::SkipEmptyParts), record.targets);
        QCOMPARE(row[5], record.client);
        QCOMPARE(row[6], record.requestId);
        QCOMPARE(row[7], record.outcome);
        QCOMPARE(QJsonDocument::fromJson(row[8].toUtf8()).object(), record.details);
        QCOMPARE(QByteArray::fromHex(row[9].toLatin1()), record.mac);
    }
}

void TestReportScan::jsonLinesParseBackToTheSameRecords()
{
    const QString path = m_fixture->temp.filePath(QStringLiteral("report.jsonl"));
    const QList<audit::AuditRecord> before = allRecords(m_fixture->temp.engine());
    ReportRequest request{m_fixture->wholePeriod(), ReportFormat::JsonLines, path};
    QVERIFY(ReportExport::toFile(m_fixture->temp.engine(), request).ok());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), before.size() + 1); // the last line ends with '\n'
    QVERIFY(lines.last().isEmpty());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const audit::AuditRecord& record = before[i];
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(lines[i], &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.keys().size(), 11);
        QVERIFY(object.value(QStringLiteral("redacted_at")).isNull());
        QCOMPARE(object.value(QStringLiteral("sequence")).toInteger(), record.sequence);
        QCOMPARE(QDateTime::fromString(object.value(QStringLiteral("time")).toString(),
                                       Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 record.timeMs);
        QCOMPARE(object.value(QStringLiteral("operation")).toString(), record.operation);
        QCOMPARE(object.value(QStringLiteral("actor")).toString(), record.actor);
        QStringList targets;
        for (const QJsonValue& target : object.value(QStringLiteral("targets")).toArray())
            targets << target.toString();
        QCOMPARE(targets, record.targets);
        QCOMPARE(object.value(QStringLiteral("client")).toString(), record.client);
        QCOMPARE(object.value(QStringLiteral("request_id")).toString(), record.requestId);
        QCOMPARE(object.value(QStringLiteral("outcome")).toString(), record.outcome);
        QCOMPARE(object.value(QStringLiteral("details")).toObject(), record.details);
        QCOMPARE(QByteArray::fromHex(object.value(QStringLiteral("mac")).toString().toLatin1()),
                 record.mac);
    }
}

void TestReportScan::exportIsAuditedWithoutSecrets()
{
    engine::TokenEngine& engine = m_fixture->temp.engine();
    // A batch token: its creation record carries the token as an HMAC tag only.
    engine::TokenRequest batch;
    batch.type = engine::TokenType::Batch;
    batch.parentAccessor = m_fixture->accessorOf.value(QStringLiteral("B"));
    auto created = engine.tokens().createToken(test::TempEngine::owner(), batch);
    QVERIFY(created.ok());

    ReportQuery query = m_fixture->wholePeriod();
    query.operation = QStringLiteral("token.*");
    query.metaKey = QStringLiteral("card");
    query.metaValue = QStringLiteral("111");
    const QString path = m_fixture->temp.filePath(QStringLiteral("audited.csv"));
    auto outcome = ReportExport::toFile(engine, ReportRequest{query, ReportFormat::Csv, path});
    QVERIFY(outcome.ok());

    const QList<audit::AuditRecord> after = allRecords(engine);
    const audit::AuditRecord& last = after.last();
    QCOMPARE(last.operation, QStringLiteral("audit.export"));
    QCOMPARE(last.outcome, QStringLiteral("ok"));
    QCOMPARE(last.details.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
    QCOMPARE(last.details.value(QStringLiteral("records")).toInteger(), outcome->records);
    QCOMPARE(last.details.value(QStringLiteral("file")).toString(), path);
    const QJsonObject filters = last.details.value(QStringLiteral("filters")).toObject();
    QCOMPARE(filters.value(QStringLiteral("operation")).toString(), QStringLiteral("token.*"));
    QCOMPARE(filters.value(QStringLiteral("meta")).toString(), QStringLiteral("card=111"));
    QCOMPARE(filters.value(QStringLiteral("from")).toString(), query.from.toString(Qt::ISODate));

    // The whole log, exported: the batch token appears as a tag, never raw.
    const QString all = m_fixture->temp.filePath(QStringLiteral("all.jsonl"));
    QVERIFY(ReportExport::toFile(
                engine, ReportRequest{ReportQuery::wholeLog(), ReportFormat::JsonLines, all})
                .ok());
    QFile file(all);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains(created->token.toLatin1()));
    QVERIFY(text.contains("\"token\":\"hmac-sha256:"));
    QVERIFY(text.contains("\"audit.export\""));
}

void TestReportScan::cancelledExportWritesNothing()
{
    engine::TokenEngine& engine = m_fixture->temp.engine();
    const qsizetype before = allRecords(engine).size();
    const QString path = m_fixture->temp.filePath(QStringLiteral("cancelled.csv"));
    std::stop_source stop;
    int calls = 0;
    const ReportProgress progress(stop.get_token(), [&](int) {
        if (++calls == 1)
            stop.request_stop();
    });
    auto outcome = ReportExport::toFile(
        engine, ReportRequest{m_fixture->wholePeriod(), ReportFormat::Csv, path}, progress);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().message, ReportProgress::cancelledError().message);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(allRecords(engine).size(), before); // no audit.export for it
}

void TestReportScan::summaryCountsTokensByDayAndRole()
{
    ReportScan scan(m_fixture->temp.engine(), m_fixture->wholePeriod());
    ReportData data(m_fixture->wholePeriod(), m_fixture->temp.clock().nowMs());
    QVERIFY(scan.run(data, {}, ReportScan::Lineage::Always).ok());
    data.finish(
        scan.lineage(), [&scan](int token) { return scan.selected(token); }, scan.chain());

    QCOMPARE(data.days().size(), 3);
    const ActivityCounts day1 = data.days()[0].counts;
    QCOMPARE(day1.issued, 7); // root, A, B, p1, p2, p3, q1
    QCOMPARE(day1.logins, 1);
    QCOMPARE(day1.failedLogins, 1);
    const ActivityCounts day2 = data.days()[1].counts;
    QCOMPARE(day2.renewed, 1);
    QCOMPARE(day2.revoked, 2); // p1 and p3 below it
    const ActivityCounts day3 = data.days()[2].counts;
    QCOMPARE(day3.expired, 1);
    QCOMPARE(day3.revoked, 1); // A; p2 was orphaned, not revoked
    // Day 1's end: R, A, B, p1, p2, p3, login (q1 expired after an hour).
    QCOMPARE(data.days()[0].active.value_or(-1), 7);
    QCOMPARE(data.days()[1].active.value_or(-1), 5);
    // Now: R, B, p2, the login token.
    QCOMPARE(data.activeAtEnd(), 4);

    QHash<QString, GroupActivity> roles;
    for (const GroupActivity& role : data.roles())
        roles.insert(role.name, role);
    QCOMPARE(roles.value(QStringLiteral("visitor")).counts.issued, 2);
    QCOMPARE(roles.value(QStringLiteral("visitor")).counts.renewed, 1);
    QCOMPARE(roles.value(QStringLiteral("visitor")).counts.revoked, 1);
    QCOMPARE(roles.value(QStringLiteral("visitor")).activeAtEnd, 1);
    QCOMPARE(roles.value(ReportData::loginTokens()).counts.logins, 1);
    QCOMPARE(roles.value(ReportData::loginTokens()).counts.failedLogins, 1);
    QCOMPARE(roles.value(ReportData::rootTokens()).activeAtEnd, 1);

    const QList<SubtreeActivity> top = data.topSubtrees(10);
    QVERIFY(!top.isEmpty());
    QCOMPARE(top.first().accessor, m_fixture->accessorOf.value(QStringLiteral("A")));
    QCOMPARE(top.first().issued, 4); // A, p1, p2, p3
}

QTEST_GUILESS_MAIN(TestReportScan)
#include "tst_reportscan.moc"
