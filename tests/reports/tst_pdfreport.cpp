#include "ReportFixture.h"
#include "core/EnglishPlurals.h"
#include "reports/ReportExport.h"
#include "store/Store.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace tessera;
using namespace tessera::reports;
using tessera::test::ReportFixture;

namespace {

// poppler-utils: what a reader of the PDF sees.
QString run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pageCount(const QString& pdf)
{
    static const QRegularExpression pages(QStringLiteral("^Pages:\\s+(\\d+)$"),
                                          QRegularExpression::MultilineOption);
    return pages.match(run(QStringLiteral("pdfinfo"), {pdf})).captured(1).toInt();
}

QString pageText(const QString& pdf, int page)
{
    return run(QStringLiteral("pdftotext"),
               {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page),
                QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
}

// Every page, as one text.
QString allText(const QString& pdf)
{
    return run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
}

} // namespace

class TestPdfReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyPageCarriesChainResultMacAndPageNumber();
    void titlePageNamesStorePeriodAndFilters();
    void summaryShowsTheCounts();
    void everyRecordIsListed();
    void damagedChainIsReportedOnEveryPage();
    void daysWithoutActivityAreLeftOut();
    void quietPeriodSaysSoInsteadOfATableOfZeros();
    void oneRecordReadsInTheSingular();

private:
    Result<ReportOutcome> write(const ReportQuery& query, const QString& name);
    std::unique_ptr<ReportFixture> m_fixture;
};

void TestPdfReport::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QFAIL("pdftotext and pdfinfo are needed (poppler-utils, scripts/deps.sh)");
    // As tessera and tessera-cli do at start: "1 record", not "1 records".
    QVERIFY(EnglishPlurals::install());
}

void TestPdfReport::init()
{
    m_fixture = std::make_unique<ReportFixture>();
    QString error;
    QVERIFY2(m_fixture->build(&error), qPrintable(error));
}

void TestPdfReport::cleanup()
{
    m_fixture.reset();
}

Result<ReportOutcome> TestPdfReport::write(const ReportQuery& query, const QString& name)
{
    return ReportExport::toFile(
        m_fixture->temp.engine(),
        ReportRequest{query, ReportFormat::Pdf, m_fixture->temp.filePath(name)});
}

void TestPdfReport::everyPageCarriesChainResultMacAndPageNumber()
{
    engine::TokenEngine& engine = m_fixture->temp.engine();
    auto verified = engine.admin().verifyAudit();
    QVERIFY(verified.ok());
    audit::AuditFilter filter;
    filter.afterSequence = verified->recordsChecked - 1;
    auto last = engine.admin().auditRecords(filter);
    QVERIFY(last.ok() && last->size() == 1);
    const QString mac = QString::fromLatin1(last->first().mac.toHex());

    auto outcome = write(m_fixture->wholePeriod(), QStringLiteral("report.pdf"));
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    const QString pdf = m_fixture->temp.filePath(QStringLiteral("report.pdf"));
    const int pages = pageCount(pdf);
    // Title; charts with the daily figures; role, policy, branch and operation
    // tables; the records.
    QCOMPARE(pages, 4);
    QCOMPARE(outcome->pages, pages);
    QCOMPARE(outcome->chain.lastSequence, verified->recordsChecked);
    for (int page = 1; page <= pages; ++page) {
        const QString text = pageText(pdf, page);
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)),
                 qPrintable(text));
        QVERIFY2(text.contains(mac), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Audit chain verified intact: records 1 to %1.")
                                  .arg(verified->recordsChecked)));
    }
}

void TestPdfReport::titlePageNamesStorePeriodAndFilters()
{
    ReportQuery query = m_fixture->wholePeriod();
    query.operation = QStringLiteral("token.*");
    query.subtree = m_fixture->accessorOf.value(QStringLiteral("A"));
    query.metaKey = QStringLiteral("card");
    query.metaValue = QStringLiteral("222");
    QVERIFY(write(query, QStringLiteral("filtered.pdf")).ok());
    const QString title = pageText(m_fixture->temp.filePath(QStringLiteral("filtered.pdf")), 1);
    QVERIFY(title.contains(QStringLiteral("Audit report")));
    QVERIFY(title.contains(m_fixture->temp.path()));
    QVERIFY(
        title.contains(QStringLiteral("%1 to %2 (UTC)")
                           .arg(query.from.toString(Qt::ISODate), query.to.toString(Qt::ISODate))));
    QVERIFY(title.contains(QStringLiteral("Operation: token.*")));
    QVERIFY(title.contains(QStringLiteral("Subtree: ") + query.subtree));
    QVERIFY(title.contains(QStringLiteral("Metadata: card=222")));
    QVERIFY(title.contains(QStringLiteral("2 audit records in this report")));
    QVERIFY(title.contains(QStringLiteral("Generated")));
}

void TestPdfReport::summaryShowsTheCounts()
{
    QVERIFY(write(m_fixture->wholePeriod(), QStringLiteral("summary.pdf")).ok());
    const QString pdf = m_fixture->temp.filePath(QStringLiteral("summary.pdf"));
    const QString overview = pageText(pdf, 2).simplified();
    // Day (UTC), Issued, Renewed, Revoked, Expired, Logins, Failed logins, Active at end.
    QVERIFY2(overview.contains(m_fixture->day(1).toString(Qt::ISODate) +
                               QStringLiteral(" 7 0 0 0 1 1 7")),
             qPrintable(overview));
    QVERIFY(overview.contains(m_fixture->day(2).toString(Qt::ISODate) +
                              QStringLiteral(" 0 1 2 0 0 0 5")));
    QVERIFY(overview.contains(QStringLiteral("Total 7 1 3 1 1 1 4")));
    QVERIFY(overview.contains(QStringLiteral("Activity per day")));
    QVERIFY(overview.contains(QStringLiteral("Active tokens over time")));
    const QString tables = pageText(pdf, 3).simplified();
    QVERIFY2(tables.contains(QStringLiteral("visitor 2 1 1 0 0 0 1")), qPrintable(tables));
    QVERIFY(tables.contains(QStringLiteral("Top subtrees by activity")));
    QVERIFY(tables.contains(QStringLiteral("A ") +
                            m_fixture->accessorOf.value(QStringLiteral("A")) +
                            QStringLiteral(" 7 4")));
    QVERIFY(tables.contains(QStringLiteral("token.revoke-orphan 1 0 0 1")));
}

void TestPdfReport::everyRecordIsListed()
{
    auto outcome = write(m_fixture->wholePeriod(), QStringLiteral("records.pdf"));
    QVERIFY(outcome.ok());
    const QString text = pageText(m_fixture->temp.filePath(QStringLiteral("records.pdf")), 4);
    audit::AuditFilter filter;
    filter.limit = 1000;
    auto records = m_fixture->temp.engine().admin().auditRecords(filter);
    QVERIFY(records.ok());
    qsizetype listed = 0;
    for (const audit::AuditRecord& record : *records) {
        if (record.sequence > outcome->chain.lastSequence)
            break;
        const QRegularExpression row(QStringLiteral("^\\s*%1\\s+\\S+ \\S+\\s+%2\\s")
                                         .arg(record.sequence)
                                         .arg(QRegularExpression::escape(record.operation)),
                                     QRegularExpression::MultilineOption);
        QVERIFY2(row.match(text).hasMatch(), qPrintable(record.operation));
        ++listed;
    }
    QCOMPARE(listed, outcome->records);
}

void TestPdfReport::damagedChainIsReportedOnEveryPage()
{
    // Remove the chain head: verification fails, and the report says so.
    m_fixture->temp.close();
    {
        auto store =
            store::Store::open(m_fixture->temp.path(), QByteArray(test::TempEngine::kPassphrase));
        QVERIFY(store.ok());
        auto lease = (*store)->acquire();
        QVERIFY(lease.ok());
        QVERIFY(lease->db().exec("DELETE FROM settings WHERE key = 'audit_head'").ok());
    }
    QVERIFY(m_fixture->temp.reopen());
    auto outcome = write(m_fixture->wholePeriod(), QStringLiteral("damaged.pdf"));
    QVERIFY(outcome.ok());
    QVERIFY(!outcome->chain.intact);
    const QString pdf = m_fixture->temp.filePath(QStringLiteral("damaged.pdf"));
    for (int page = 1; page <= outcome->pages; ++page)
        QVERIFY(pageText(pdf, page).contains(QStringLiteral("AUDIT CHAIN NOT INTACT")));
}

void TestPdfReport::daysWithoutActivityAreLeftOut()
{
    ReportQuery query = m_fixture->wholePeriod();
    query.to = m_fixture->day(30);
    QVERIFY(write(query, QStringLiteral("month.pdf")).ok());
    const QString text =
        allText(m_fixture->temp.filePath(QStringLiteral("month.pdf"))).simplified();
    QVERIFY2(
        text.contains(m_fixture->day(1).toString(Qt::ISODate) + QStringLiteral(" 7 0 0 0 1 1 7")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Total 7 1 3 1 1 1 4")));
    QVERIFY(text.contains(QStringLiteral("Days without activity are left out.")));
    for (int day = 4; day < 30; ++day)
        QVERIFY2(!text.contains(m_fixture->day(day).toString(Qt::ISODate)),
                 qPrintable(m_fixture->day(day).toString(Qt::ISODate)));
}

void TestPdfReport::quietPeriodSaysSoInsteadOfATableOfZeros()
{
    ReportQuery query;
    query.from = m_fixture->day(10);
    query.to = m_fixture->day(20);
    QVERIFY(write(query, QStringLiteral("quiet.pdf")).ok());
    const QString text =
        allText(m_fixture->temp.filePath(QStringLiteral("quiet.pdf"))).simplified();
    QVERIFY2(text.contains(QStringLiteral("0 audit records in this report")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("No activity in this period.")));
    QVERIFY(!text.contains(QStringLiteral("Day (UTC)")));
    QVERIFY(!text.contains(m_fixture->day(15).toString(Qt::ISODate)));
}

void TestPdfReport::oneRecordReadsInTheSingular()
{
    ReportQuery query = m_fixture->wholePeriod();
    query.operation = QStringLiteral("token.revoke-orphan");
    auto outcome = write(query, QStringLiteral("one.pdf"));
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->records, 1);
    const QString text = allText(m_fixture->temp.filePath(QStringLiteral("one.pdf"))).simplified();
    QVERIFY2(text.contains(QStringLiteral("1 audit record in this report")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("1 record. Accessors are shortened")));
    QVERIFY(!text.contains(QStringLiteral("1 records")));
}

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
