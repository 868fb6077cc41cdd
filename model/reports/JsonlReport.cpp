#include "JsonlReport.h"

#include "reports/RecordFields.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::reports {

Status JsonlReport::add(const audit::AuditRecord& record, const ScanContext&)
{
    return writeTo(m_device, QJsonDocument(object(record)).toJson(QJsonDocument::Compact) + '\n');
}

QJsonObject JsonlReport::object(const audit::AuditRecord& record)
{
    return QJsonObject{
        {QStringLiteral("sequence"), record.sequence},
        {QStringLiteral("time"), RecordFields::timeText(record.timeMs)},
        {QStringLiteral("operation"), record.operation},
        {QStringLiteral("actor"), record.actor},
        {QStringLiteral("targets"), QJsonArray::fromStringList(record.targets)},
        {QStringLiteral("client"), record.client},
        {QStringLiteral("request_id"), record.requestId},
        {QStringLiteral("outcome"), record.outcome},
        {QStringLiteral("details"), record.details},
        {QStringLiteral("mac"), RecordFields::macText(record)},
        {QStringLiteral("redacted_at"), record.redactedAtMs > 0
                                            ? QJsonValue(RecordFields::redactedText(record))
                                            : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace tessera::reports
