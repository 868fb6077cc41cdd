#include "ReportExport.h"

#include "engine/TokenEngine.h"
#include "reports/CsvReport.h"
#include "reports/JsonlReport.h"
#include "reports/PdfReport.h"
#include "reports/ReportData.h"
#include "reports/ReportScan.h"
#include "store/Store.h"

#include <QGuiApplication>
#include <QSaveFile>

namespace tessera::reports {

std::optional<ReportFormat> ReportExport::formatNamed(const QString& name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("pdf"))
        return ReportFormat::Pdf;
    if (lower == QLatin1String("csv"))
        return ReportFormat::Csv;
    if (lower == QLatin1String("jsonl") || lower == QLatin1String("ndjson"))
        return ReportFormat::JsonLines;
    return std::nullopt;
}

QString ReportExport::formatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::JsonLines:
        return QStringLiteral("jsonl");
    }
    return {};
}

Result<ReportOutcome> ReportExport::build(engine::TokenEngine& engine, const ReportRequest& request,
                                          QIODevice& device, const ReportProgress& progress)
{
    ReportScan scan(engine, request.query);
    ReportOutcome outcome;
    if (request.format == ReportFormat::Csv) {
        CsvReport csv(device);
        TESSERA_TRY(csv.begin());
        TESSERA_TRY(scan.run(csv, progress, ReportScan::Lineage::IfFiltered));
    } else if (request.format == ReportFormat::JsonLines) {
        JsonlReport jsonl(device);
        TESSERA_TRY(scan.run(jsonl, progress, ReportScan::Lineage::IfFiltered));
    } else {
        if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            return Error::internal(QStringLiteral("PDF reports need a QGuiApplication."));
        if (request.query.from.daysTo(request.query.to) >= kMaxPdfDays)
            return Error::invalid(QStringLiteral("A PDF report covers at most %1 days; export "
                                                 "longer periods as CSV or JSON Lines.")
                                      .arg(kMaxPdfDays));
        // Reading and counting take about as long as drawing the pages.
        ReportData data(request.query, engine.clock().nowMs());
        TESSERA_TRY(scan.run(data, progress.phase(0, 450), ReportScan::Lineage::Always));
        data.finish(
            scan.lineage(), [&scan](int token) { return scan.selected(token); }, scan.chain());
        auto pages = PdfReport(data, engine.storePath()).write(device, progress.phase(450, 1000));
        TESSERA_TRY(pages);
        outcome.pages = *pages;
    }
    outcome.records = scan.recordsSelected();
    outcome.chain = scan.chain();
    TESSERA_TRY(progress.step(1, 1));
    return outcome;
}

Status ReportExport::audit(engine::TokenEngine& engine, const ReportRequest& request,
                           const ReportOutcome& outcome)
{
    QJsonObject details{{QStringLiteral("format"), formatName(request.format)},
                        {QStringLiteral("filters"), request.query.toJson()},
                        {QStringLiteral("records"), outcome.records},
                        {QStringLiteral("file"), request.outputPath}};
    if (outcome.pages > 0)
        details.insert(QStringLiteral("pages"), outcome.pages);
    return engine.admin().recordExport(request.caller, details);
}

Result<ReportOutcome> ReportExport::toDevice(engine::TokenEngine& engine,
                                             const ReportRequest& request, QIODevice& device,
                                             const ReportProgress& progress)
{
    auto outcome = build(engine, request, device, progress);
    TESSERA_TRY(outcome);
    TESSERA_TRY(audit(engine, request, *outcome));
    return outcome;
}

Result<ReportOutcome> ReportExport::toFile(engine::TokenEngine& engine,
                                           const ReportRequest& request,
                                           const ReportProgress& progress)
{
    QSaveFile file(request.outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error{
            ErrorCode::Io,
            QStringLiteral("Cannot write %1: %2.").arg(request.outputPath, file.errorString())};
    auto outcome = build(engine, request, file, progress);
    if (!outcome) {
        file.cancelWriting();
        return outcome.error();
    }
    if (!file.commit())
        return Error{
            ErrorCode::Io,
            QStringLiteral("Cannot write %1: %2.").arg(request.outputPath, file.errorString())};
    TESSERA_TRY(audit(engine, request, *outcome));
    return outcome;
}

} // namespace tessera::reports
