#pragma once

#include "core/Result.h"

#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace tessera::engine {

// The longest duration accepted anywhere (Go's time.Duration limit, about 292
// years): Vault clients never send more, and sums with a Unix time cannot overflow.
inline constexpr qint64 kMaxDurationSeconds = 9'223'372'036;

// A duration in whole seconds, as the API, the CLI and the forms accept it:
// a bare integer of seconds ("3600") or Go-style units d, h, m and s, each at
// most once and from the largest to the smallest ("90s", "30m", "2h30m", "7d",
// "1h30m15s", "1.5h"). Rejects empty text, any whitespace (" 5m"), signs,
// unknown units (including Go's ms/us/ns), a unit repeated or out of order
// ("1d1d", "5m1h", which Go would add up), totals that are not whole seconds
// ("0.5s") and anything above kMaxDurationSeconds.
Result<qint64> parseDuration(QStringView text);
// Exact match for QString arguments, which would otherwise be ambiguous
// between the QStringView and the QJsonValue overloads.
inline Result<qint64> parseDuration(const QString& text)
{
    return parseDuration(QStringView(text));
}

// The same for a JSON field: a non-negative integral number of seconds or a
// string as above. Null or absent means 0 ("not set"), as in Vault's API.
Result<qint64> parseDuration(const QJsonValue& value);

// Compact text that parseDuration() reads back: "2h30m", "7d", "1d1h1m1s", "0s".
QString formatDuration(qint64 seconds);

} // namespace tessera::engine
