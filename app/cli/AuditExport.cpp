#include "AuditExport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tessera::cli {
namespace {

const QStringList& fieldNames()
{
    static const QStringList names{
        QStringLiteral("sequence"),   QStringLiteral("time"),    QStringLiteral("operation"),
        QStringLiteral("actor"),      QStringLiteral("targets"), QStringLiteral("client"),
        QStringLiteral("request_id"), QStringLiteral("outcome"), QStringLiteral("details"),
        QStringLiteral("mac"),
    };
    return names;
}

QString timeMsText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<AuditExport::Format> AuditExport::formatNamed(const QString& name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("csv"))
        return Format::Csv;
    if (lower == QLatin1String("jsonl") || lower == QLatin1String("ndjson"))
        return Format::JsonLines;
    return std::nullopt;
}

QByteArray AuditExport::csvField(const QString& text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!quote)
        return text.toUtf8();
    QString escaped = text;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return '"' + escaped.toUtf8() + '"';
}

QByteArray AuditExport::header(Format format)
{
    if (format != Format::Csv)
        return {};
    return fieldNames().join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QByteArray AuditExport::encode(const audit::AuditRecord& record, Format format)
{
    const QString mac = QString::fromLatin1(record.mac.toHex());
    if (format == Format::JsonLines) {
        const QJsonObject object{
            {QStringLiteral("sequence"), record.sequence},
            {QStringLiteral("time"), timeMsText(record.timeMs)},
            {QStringLiteral("operation"), record.operation},
            {QStringLiteral("actor"), record.actor},
            {QStringLiteral("targets"), QJsonArray::fromStringList(record.targets)},
            {QStringLiteral("client"), record.client},
            {QStringLiteral("request_id"), record.requestId},
            {QStringLiteral("outcome"), record.outcome},
            {QStringLiteral("details"), record.details},
            {QStringLiteral("mac"), mac},
        };
        return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    }
    // Targets are accessors (base62), so a space cannot occur inside one.
    const QStringList fields{
        QString::number(record.sequence),
        timeMsText(record.timeMs),
        record.operation,
        record.actor,
        record.targets.join(QLatin1Char(' ')),
        record.client,
        record.requestId,
        record.outcome,
        compactJson(record.details),
        mac,
    };
    QByteArrayList encoded;
    for (const QString& field : fields)
        encoded << csvField(field);
    return encoded.join(',') + "\r\n";
}

Result<qint64> AuditExport::write(const PageSource& nextPage, int pageSize, Format format,
                                  QIODevice& device)
{
    const auto put = [&device](const QByteArray& bytes) -> Status {
        if (device.write(bytes) != bytes.size())
            return Error{
                ErrorCode::Io,
                QStringLiteral("Writing the export failed: %1.").arg(device.errorString())};
        return {};
    };
    TESSERA_TRY(put(header(format)));
    qint64 written = 0;
    qint64 afterSequence = 0;
    while (true) {
        auto page = nextPage(afterSequence);
        if (!page)
            return page.error();
        for (const audit::AuditRecord& record : *page) {
            TESSERA_TRY(put(encode(record, format)));
            afterSequence = record.sequence;
            ++written;
        }
        if (page->size() < pageSize)
            break;
    }
    return written;
}

} // namespace tessera::cli
