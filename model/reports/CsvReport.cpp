#include "CsvReport.h"

#include "reports/RecordFields.h"

#include <QJsonDocument>

namespace tessera::reports {

Status CsvReport::begin()
{
    return writeTo(m_device, header());
}

Status CsvReport::add(const audit::AuditRecord& record, const ScanContext&)
{
    return writeTo(m_device, line(record));
}

QByteArray CsvReport::header()
{
    return RecordFields::names().join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QByteArray CsvReport::field(const QString& text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!quote)
        return text.toUtf8();
    QString escaped = text;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return '"' + escaped.toUtf8() + '"';
}

QByteArray CsvReport::line(const audit::AuditRecord& record)
{
    const QStringList fields{
        QString::number(record.sequence),
        RecordFields::timeText(record.timeMs),
        record.operation,
        record.actor,
        record.targets.join(QLatin1Char(' ')),
        record.client,
        record.requestId,
        record.outcome,
        QString::fromUtf8(QJsonDocument(record.details).toJson(QJsonDocument::Compact)),
        RecordFields::macText(record),
        RecordFields::redactedText(record),
    };
    QByteArrayList encoded;
    encoded.reserve(fields.size());
    for (const QString& text : fields)
        encoded << field(text);
    return encoded.join(',') + "\r\n";
}

} // namespace tessera::reports
