#include "AuditExport.h"
#include "CommandLine.h"
#include "Commands.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "audit/AuditLog.h"

#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

namespace tessera::cli {
namespace {

constexpr int kExportPageSize = 1000;

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
    auto report = (*session)->engine().verifyAudit();
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

Result<int> exportAudit(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("audit export"),
                            QStringLiteral("Write every audit record as CSV or JSON Lines."));
    parser.addStoreOptions();
    parser.addOption({QStringLiteral("format"), QStringLiteral("csv (default) or jsonl."),
                      QStringLiteral("FORMAT"), QStringLiteral("csv")});
    parser.addOption(
        {QStringLiteral("out"),
         QStringLiteral("Write to FILE (replaced only once complete) instead of stdout."),
         QStringLiteral("FILE")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    const auto format = AuditExport::formatNamed(parser.value(QStringLiteral("format")));
    if (!format) {
        return Error::invalid(QStringLiteral("--format takes csv or jsonl, not \"%1\".")
                                  .arg(parser.value(QStringLiteral("format"))));
    }
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    const AuditExport::PageSource pages = [&engine](qint64 afterSequence) {
        audit::AuditFilter filter;
        filter.afterSequence = afterSequence;
        filter.limit = kExportPageSize;
        return engine.auditRecords(filter);
    };

    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty()) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return Error{ErrorCode::Io, QStringLiteral("Cannot write to standard output.")};
        auto written = AuditExport::write(pages, kExportPageSize, *format, out);
        if (!written)
            return written.error();
        return 0;
    }

    // QSaveFile writes a temporary file and renames it over FILE on commit, so
    // a failure halfway leaves no partial export behind.
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io,
                     QStringLiteral("Cannot write %1: %2.").arg(outPath, out.errorString())};
    auto written = AuditExport::write(pages, kExportPageSize, *format, out);
    if (!written) {
        out.cancelWriting();
        return written.error();
    }
    if (!out.commit())
        return Error{ErrorCode::Io,
                     QStringLiteral("Cannot write %1: %2.").arg(outPath, out.errorString())};
    Output(false).line(
        QStringLiteral("Exported %1 audit records to %2.").arg(*written).arg(outPath));
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
}

} // namespace tessera::cli
