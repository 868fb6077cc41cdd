#pragma once

#include "reports/RecordSink.h"

#include <QByteArray>
#include <QIODevice>

namespace tessera::reports {

// Records as CSV for spreadsheets (RFC 4180: a header row, CRLF line ends,
// fields quoted when they hold a comma, quote or line break; UTF-8). Targets
// are joined by spaces (accessors hold none); details are compact JSON.
class CsvReport final : public RecordSink
{
public:
    explicit CsvReport(QIODevice& device)
        : m_device(device)
    {}

    Status begin(); // the header row
    Status add(const audit::AuditRecord& record, const ScanContext& context) override;

    static QByteArray header();
    static QByteArray line(const audit::AuditRecord& record);
    static QByteArray field(const QString& text);

private:
    QIODevice& m_device;
};

} // namespace tessera::reports
