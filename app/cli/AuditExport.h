#pragma once

#include "audit/AuditRecord.h"
#include "core/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <functional>
#include <optional>

namespace tessera::cli {

// `audit export`: the audit records as CSV (RFC 4180: header row, CRLF, fields
// quoted when needed, UTF-8) or JSON Lines (one object per record). Both carry
// the same fields; secrets are already HMAC tags inside `details`.
class AuditExport
{
public:
    enum class Format
    {
        Csv,
        JsonLines,
    };

    static std::optional<Format> formatNamed(const QString& name); // "csv", "jsonl"

    static QByteArray header(Format format); // the CSV header row; empty for JSON Lines
    static QByteArray encode(const audit::AuditRecord& record, Format format);
    static QByteArray csvField(const QString& text);

    // Pulls pages from `nextPage(afterSequence)` until one comes back short and
    // writes every record to `device`. Returns the number of records written.
    using PageSource = std::function<Result<QList<audit::AuditRecord>>(qint64 afterSequence)>;
    static Result<qint64> write(const PageSource& nextPage, int pageSize, Format format,
                                QIODevice& device);
};

} // namespace tessera::cli
