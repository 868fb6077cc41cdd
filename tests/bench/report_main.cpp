// tessera-report-bench: how long audit reports take on a store with a month of
// library activity (about 100,000 audit records by default). Prints a Markdown
// table (paste it into BENCHMARKS.md). Reproduce with:
//   cmake --preset release && cmake --build --preset release --target tessera-report-bench
//   build/release/tests/bench/tessera-report-bench --records 100000 --runs 3
// --keep DIR keeps the store's PDF report there (docs/ screenshots).
#include "ActivityHistory.h"
#include "BenchTable.h"
#include "reports/ReportExport.h"
#include "support/TempEngine.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace tessera;
using bench::BenchTable;

namespace {

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

[[noreturn]] void fail(const QString& what, const Error& error)
{
    err() << what << ": " << error.message << Qt::endl;
    std::exit(3);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times audit reports (PDF, CSV, JSON Lines)."));
    parser.addHelpOption();
    const QCommandLineOption recordsOption(
        QStringLiteral("records"), QStringLiteral("Audit records to create (default 100000)."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
                                        QStringLiteral("Days of activity (default 30)."),
                                        QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs per format; the median counts "
                                                       "(default 3)."),
                                        QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Copy the PDF report into DIR."),
                                        QStringLiteral("DIR"));
    parser.addOptions({recordsOption, daysOption, runsOption, keepOption});
    parser.process(app);
    const int days = std::clamp(parser.value(daysOption).toInt(), 1, 365);
    const int records = std::max(days * 10, parser.value(recordsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    test::TempEngine temp;
    if (!temp.isValid())
        fail(QStringLiteral("store"), Error::internal(temp.errorMessage()));
    err() << "Creating " << days << " days of activity (~" << records << " records)…" << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    if (auto built = bench::buildActivityHistory(temp, {days, records / days, 1}); !built)
        fail(QStringLiteral("history"), built.error());
    err() << "  done in " << timer.elapsed() / 1000.0 << " s" << Qt::endl;

    reports::ReportQuery query;
    const qint64 now = temp.clock().nowMs();
    query.to = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date();
    query.from = query.to.addDays(-days);

    BenchTable table;
    qint64 inReport = 0;
    for (const auto format : {reports::ReportFormat::Pdf, reports::ReportFormat::Csv,
                              reports::ReportFormat::JsonLines}) {
        const QString name = reports::ReportExport::formatName(format);
        const QString path = temp.filePath(QStringLiteral("report.") + name);
        std::vector<double> seconds;
        int pages = 0;
        for (int run = 0; run < runs; ++run) {
            timer.restart();
            auto outcome = reports::ReportExport::toFile(temp.engine(), {query, format, path});
            if (!outcome)
                fail(name, outcome.error());
            seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
            pages = outcome->pages;
            inReport = outcome->records;
        }
        const QString label =
            format == reports::ReportFormat::Pdf
                ? QStringLiteral("PDF report, %1 records, %2 pages (median of %3)")
                      .arg(inReport)
                      .arg(pages)
                      .arg(runs)
                : QStringLiteral("%1 export, %2 records (median of %3)")
                      .arg(name.toUpper())
                      .arg(inReport)
                      .arg(runs);
        table.add(label, median(seconds), QStringLiteral("s"),
                  format == reports::ReportFormat::Pdf ? BenchTable::Goal::AtMost
                                                       : BenchTable::Goal::Report,
                  10);
        if (format == reports::ReportFormat::Pdf && parser.isSet(keepOption)) {
            const QString kept =
                QDir(parser.value(keepOption)).filePath(QStringLiteral("report.pdf"));
            QFile::remove(kept);
            QFile::copy(path, kept);
        }
    }
    QTextStream(stdout) << table.toMarkdown();
    return table.allTargetsMet() ? 0 : 1;
}
