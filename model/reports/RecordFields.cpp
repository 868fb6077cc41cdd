#include "RecordFields.h"

#include <QDateTime>

namespace tessera::reports {

const QStringList& RecordFields::names()
{
    static const QStringList names{
        QStringLiteral("sequence"),   QStringLiteral("time"),        QStringLiteral("operation"),
        QStringLiteral("actor"),      QStringLiteral("targets"),     QStringLiteral("client"),
        QStringLiteral("request_id"), QStringLiteral("outcome"),     QStringLiteral("details"),
        QStringLiteral("mac"),        QStringLiteral("redacted_at"),
    };
    return names;
}

QString RecordFields::timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString RecordFields::redactedText(const audit::AuditRecord& record)
{
    return record.redactedAtMs > 0 ? timeText(record.redactedAtMs) : QString();
}

QString RecordFields::macText(const audit::AuditRecord& record)
{
    return QString::fromLatin1(record.mac.toHex());
}

} // namespace tessera::reports
