#include "items/TokenText.h"

#include <QDateTime>
#include <QLocale>

namespace tessera::items {

QString TokenText::duration(qint64 seconds)
{
    if (seconds <= 0)
        return tr("expired");
    const qint64 days = seconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                              .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? tr("%1d %2").arg(days).arg(clock) : clock;
}

QString TokenText::localTime(qint64 unixSeconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(unixSeconds).toLocalTime(),
                              QLocale::ShortFormat);
}

QString TokenText::issuedBy(const engine::Token& token)
{
    QStringList pairs;
    for (auto it = token.meta.cbegin(); it != token.meta.cend(); ++it)
        pairs.append(it.key() + u'=' + it.value());
    if (pairs.isEmpty())
        return token.issuedBy;
    if (token.issuedBy.isEmpty())
        return pairs.join(QLatin1String(", "));
    return token.issuedBy + QStringLiteral(" \u00b7 ") + pairs.join(QLatin1String(", "));
}

QString TokenText::metadataLines(const engine::Token& token)
{
    QStringList lines;
    if (!token.issuedBy.isEmpty())
        lines.append(tr("Issued by: %1").arg(token.issuedBy));
    for (auto it = token.meta.cbegin(); it != token.meta.cend(); ++it)
        lines.append(it.key() + QStringLiteral(": ") + it.value());
    return lines.join(u'\n');
}

} // namespace tessera::items
