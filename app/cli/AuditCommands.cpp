#include "CommandLine.h"
#include "Commands.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "audit/AuditLog.h"
#include "reports/ReportExport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>

namespace tessera::cli {
namespace {

Result<int> verifyAudit(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("audit verify"),
                            QStringLiteral("Check that no audit record was changed, removed or "
                                           "reordered (exit 0 intact, 2 not)."));
    parser.addStoreOptions();
    parser.addJsonOption();
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto report = (*session)->engine().admin().verifyAudit();
    if (!report)
        return report.error();

    const Output output(parser.json());
    output.document(QJsonObject{{QStringLiteral("intact"), report->intact},
                                {QStringLiteral("records_checked"), report->recordsChecked},
                                {QStringLiteral("problem"), report->problem},
                                {QStringLiteral("first_bad_sequence"), report->firstBadSequence}});
    if (report->intact) {
        output.line(QStringLiteral("The audit log is intact: %1 records checked.")
                        .arg(report->recordsChecked));
        return 0;
    }
    Output::writeStderr(QStringLiteral("tessera-cli: The audit log is not intact: %1.\n")
                            .arg(report->problem.endsWith(QLatin1Char('.'))
                                     ? report->problem.chopped(1)
                                     : report->problem));
    return kExitRefused;
}

// Writes the report to --out (atomically) or to standard output, and says so.
Result<int> writeReport(const SubcommandParser& parser, reports::ReportRequest request)
{
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    request.caller = StoreSession::caller();
    if (request.outputPath.isEmpty()) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return Error{ErrorCode::Io, QStringLiteral("Cannot write to standard output.")};
        request.outputPath = QStringLiteral("-");
        auto written = reports::ReportExport::toDevice(engine, request, out);
        if (!written)
            return written.error();
        return 0;
    }
    auto written = reports::ReportExport::toFile(engine, request);
    if (!written)
        return written.error();
    const Output output(parser.json());
    output.document(
        QJsonObject{{QStringLiteral("file"), request.outputPath},
                    {QStringLiteral("format"), reports::ReportExport::formatName(request.format)},
                    {QStringLiteral("records"), written->records},
                    {QStringLiteral("pages"), written->pages},
                    {QStringLiteral("chain_intact"), written->chain.intact}});
    const QString records = written->records == 1
                                ? QStringLiteral("1 audit record")
                                : QStringLiteral("%1 audit records").arg(written->records);
    if (request.format == reports::ReportFormat::Pdf)
        output.line(QStringLiteral("Wrote a %1-page PDF report of %2 to %3.")
                        .arg(written->pages)
                        .arg(records, request.outputPath));
    else
        output.line(QStringLiteral("Exported %1 to %2.").arg(records, request.outputPath));
    return 0;
}

void addOutOption(SubcommandParser& parser)
{
    parser.addOption(
        {QStringLiteral("out"),
         QStringLiteral("Write to FILE (replaced only once complete) instead of stdout."),
         QStringLiteral("FILE")});
}

Result<int> exportAudit(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("audit export"),
                            QStringLiteral("Write every audit record as CSV or JSON Lines."));
    parser.addStoreOptions();
    parser.addOption({QStringLiteral("format"), QStringLiteral("csv (default) or jsonl."),
                      QStringLiteral("FORMAT"), QStringLiteral("csv")});
    addOutOption(parser);
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    const auto format = reports::ReportExport::formatNamed(parser.value(QStringLiteral("format")));
    if (!format || *format == reports::ReportFormat::Pdf) {
        return Error::invalid(QStringLiteral("--format takes csv or jsonl, not \"%1\".")
                                  .arg(parser.value(QStringLiteral("format"))));
    }
    reports::ReportRequest request;
    request.query = reports::ReportQuery::wholeLog();
    request.format = *format;
    request.outputPath = parser.value(QStringLiteral("out"));
    return writeReport(parser, request);
}

Result<int> reportAudit(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("audit report"),
        QStringLiteral("Write an audit report for a period: PDF (summary tables, charts, every "
                       "record; each page shows the chain's verification and last MAC), CSV or "
                       "JSON Lines. Dates are UTC days, both included."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption(
        {QStringLiteral("format"), QStringLiteral("pdf, csv or jsonl."), QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (UTC)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD (UTC)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("operation"),
                      QStringLiteral("Only records of OP (token.revoke) or a family (token.*)."),
                      QStringLiteral("OP")});
    parser.addOption({QStringLiteral("subtree"),
                      QStringLiteral("Only records touching the token ACCESSOR or any token ever "
                                     "issued below it, revoked ones included."),
                      QStringLiteral("ACCESSOR")});
    parser.addOption({QStringLiteral("meta"),
                      QStringLiteral("Only records touching tokens created with metadata "
                                     "key=value (login tokens: username=NAME)."),
                      QStringLiteral("KEY=VALUE")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("The report file (replaced only once complete)."),
                      QStringLiteral("FILE")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;

    // Everything is checked before the store is opened: bad input writes nothing.
    for (const char* required : {"format", "from", "to", "out"}) {
        if (parser.value(QLatin1String(required)).isEmpty())
            return Error::invalid(
                QStringLiteral("audit report needs --%1.").arg(QLatin1String(required)));
    }
    const QString formatName = parser.value(QStringLiteral("format"));
    const auto format = reports::ReportExport::formatNamed(formatName);
    if (!format)
        return Error::invalid(
            QStringLiteral("--format takes pdf, csv or jsonl, not \"%1\".").arg(formatName));
    reports::ReportRequest request;
    request.format = *format;
    request.outputPath = parser.value(QStringLiteral("out"));
    auto from = reports::ReportQuery::parseDate(parser.value(QStringLiteral("from")));
    if (!from)
        return Error::invalid(QStringLiteral("--from: %1").arg(from.error().message));
    auto to = reports::ReportQuery::parseDate(parser.value(QStringLiteral("to")));
    if (!to)
        return Error::invalid(QStringLiteral("--to: %1").arg(to.error().message));
    request.query.from = *from;
    request.query.to = *to;
    request.query.operation = parser.value(QStringLiteral("operation"));
    request.query.subtree = parser.value(QStringLiteral("subtree"));
    if (parser.isSet(QStringLiteral("meta"))) {
        auto meta = reports::ReportQuery::parseMeta(parser.value(QStringLiteral("meta")));
        if (!meta)
            return Error::invalid(QStringLiteral("--meta: %1").arg(meta.error().message));
        request.query.metaKey = meta->first;
        request.query.metaValue = meta->second;
    }
    TESSERA_TRY(request.query.validate());
    return writeReport(parser, request);
}

Result<int> redactAudit(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("audit redact"),
        QStringLiteral("Remove the personal details (names, patron ids, card numbers, user names, "
                       "paths, client addresses) from the audit records written before DATE. The "
                       "chain still proves every record and its order; reports still count them."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption({QStringLiteral("before"),
                      QStringLiteral("Records before this UTC day, YYYY-MM-DD (tomorrow's date: "
                                     "every record so far)."),
                      QStringLiteral("DATE")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;

    // Checked before the store is opened: bad input changes nothing.
    const QString beforeText = parser.value(QStringLiteral("before"));
    if (beforeText.isEmpty())
        return Error::invalid(QStringLiteral("audit redact needs --before."));
    auto before = reports::ReportQuery::parseDate(beforeText);
    if (!before)
        return Error::invalid(QStringLiteral("--before: %1").arg(before.error().message));
    // Later days would mean the same as tomorrow: most likely a mistyped year.
    if (*before > QDateTime::currentDateTimeUtc().date().addDays(1))
        return Error::invalid(
            QStringLiteral("--before: %1 is in the future; tomorrow's date at the latest.")
                .arg(before->toString(Qt::ISODate)));
    const qint64 beforeMs = QDateTime(*before, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto done = (*session)->engine().admin().redactAudit(StoreSession::caller(), beforeMs);
    if (!done)
        return done.error();

    const Output output(parser.json());
    output.document(QJsonObject{{QStringLiteral("before"), before->toString(Qt::ISODate)},
                                {QStringLiteral("redacted"), done->redacted},
                                {QStringLiteral("skipped"), done->skipped}});
    output.line(QStringLiteral("Removed the personal details of %1 audit %2 written before %3.")
                    .arg(done->redacted)
                    .arg(done->redacted == 1 ? QStringLiteral("record") : QStringLiteral("records"))
                    .arg(before->toString(Qt::ISODate)));
    if (done->skipped > 0)
        output.line(QStringLiteral("Kept %1 older records as they are: they predate chain rule 2 "
                                   "and the log did not verify when it was to be upgraded.")
                        .arg(done->skipped));
    return 0;
}

} // namespace

void addAuditCommands(CommandLine& commandLine)
{
    const QString group = QStringLiteral("audit");
    commandLine.add(
        {group, QStringLiteral("verify"), QStringLiteral("Check the audit chain."), verifyAudit});
    commandLine.add({group, QStringLiteral("export"),
                     QStringLiteral("Export audit records as CSV or JSON Lines."), exportAudit});
    commandLine.add({group, QStringLiteral("report"),
                     QStringLiteral("Write an audit report (PDF, CSV or JSON Lines) for a period."),
                     reportAudit});
    commandLine.add({group, QStringLiteral("redact"),
                     QStringLiteral("Remove personal details from audit records before a day."),
                     redactAudit});
}

} // namespace tessera::cli
