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

QString TokenText::metadataSummary(const engine::Token& token)
{
    QStringList pairs;
    for (auto it = token.meta.cbegin(); it != token.meta.cend(); ++it)
        pairs.append(it.key() + u'=' + it.value());
    return pairs.join(QLatin1String(", "));
}

QString TokenText::metadataLines(const engine::Token& token)
{
    QStringList lines;
    for (auto it = token.meta.cbegin(); it != token.meta.cend(); ++it)
        lines.append(it.key() + QStringLiteral(": ") + it.value());
    return lines.join(u'\n');
}

} // namespace tessera::items
