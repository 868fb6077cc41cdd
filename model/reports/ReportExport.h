#pragma once

#include "core/DeskIdentity.h"
#include "core/Result.h"
#include "engine/Caller.h"
#include "reports/ChainStatus.h"
#include "reports/ReportProgress.h"
#include "reports/ReportQuery.h"

#include <QString>
#include <optional>

class QIODevice;

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::reports {

enum class ReportFormat
{
    Pdf,
    Csv,
    JsonLines,
};

struct ReportRequest
{
    ReportQuery query;
    ReportFormat format = ReportFormat::Pdf;
    QString outputPath; // the file; what the audit record names
    engine::Caller caller =
        engine::Caller::storeOwner(DeskIdentity::client(QStringLiteral("console")));
};

struct ReportOutcome
{
    qint64 records = 0; // audit records in the report
    int pages = 0;      // PDF only
    ChainStatus chain;
};

// Builds a report from the engine's audit log, the one way the CLI and the
// console do it: scan (ReportScan), then CSV, JSON Lines or PDF, then an
// "audit.export" record naming the format, filters, record count and file.
// Runs on any thread (the engine is thread-safe); PDF needs a QGuiApplication.
class ReportExport
{
public:
    static std::optional<ReportFormat> formatNamed(const QString& name); // pdf, csv, jsonl
    static QString formatName(ReportFormat format);
    // Two years: one table row and one chart bar per day.
    static constexpr int kMaxPdfDays = 732;

    // Writes request.outputPath atomically: a temporary file renamed over it
    // once complete, so an error or a cancellation leaves no file (and an
    // existing one untouched).
    static Result<ReportOutcome> toFile(engine::TokenEngine& engine, const ReportRequest& request,
                                        const ReportProgress& progress = {});
    // Writes to an open device (standard output), then records the export.
    static Result<ReportOutcome> toDevice(engine::TokenEngine& engine, const ReportRequest& request,
                                          QIODevice& device, const ReportProgress& progress = {});

private:
    static Result<ReportOutcome> build(engine::TokenEngine& engine, const ReportRequest& request,
                                       QIODevice& device, const ReportProgress& progress);
    static Status audit(engine::TokenEngine& engine, const ReportRequest& request,
                        const ReportOutcome& outcome);
};

} // namespace tessera::reports
