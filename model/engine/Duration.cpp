#include "engine/Duration.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tessera::engine {
namespace {

constexpr qint64 kNanosPerSecond = 1'000'000'000;
constexpr int kMaxFractionDigits = 9;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isUnitLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == QChar(0xB5); // µ
}

qint64 unitSeconds(QStringView unit)
{
    if (unit == u"s")
        return 1;
    if (unit == u"m")
        return 60;
    if (unit == u"h")
        return 3600;
    if (unit == u"d")
        return 86400;
    return 0;
}

Error invalidDuration()
{
    return Error::invalid(QStringLiteral(
        "A duration must be a number of seconds or a value such as 90s, 30m, 2h30m or 7d."));
}

Error tooLong()
{
    return Error::invalid(QStringLiteral("The duration is too long."));
}

// seconds += count * unit, within kMaxDurationSeconds.
bool addScaled(qint64& seconds, qint64 count, qint64 unit)
{
    qint64 product = 0;
    if (__builtin_mul_overflow(count, unit, &product) || product > kMaxDurationSeconds)
        return false;
    seconds += product;
    return seconds <= kMaxDurationSeconds;
}

} // namespace

Result<qint64> parseDuration(QStringView text)
{
    if (text.isEmpty())
        return Error::invalid(QStringLiteral("A duration must not be empty."));
    if (std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); }))
        return Error::invalid(QStringLiteral("A duration must not contain spaces."));
    if (text.front() == u'-')
        return Error::invalid(QStringLiteral("A duration must not be negative."));

    qint64 seconds = 0;
    qint64 nanos = 0; // fractions of seconds from values such as "1.5h"
    qsizetype pos = 0;
    bool bareNumber = true;
    qint64 previousUnit = std::numeric_limits<qint64>::max();
    while (pos < text.size()) {
        qint64 whole = 0;
        qint64 fraction = 0; // kMaxFractionDigits digits, zero-padded
        int fractionDigits = 0;
        int digits = 0;
        while (pos < text.size() && isDigit(text[pos])) {
            if (__builtin_mul_overflow(whole, qint64(10), &whole) ||
                __builtin_add_overflow(whole, qint64(text[pos].unicode() - u'0'), &whole))
                return tooLong();
            ++pos;
            ++digits;
        }
        if (pos < text.size() && text[pos] == u'.') {
            bareNumber = false;
            ++pos;
            while (pos < text.size() && isDigit(text[pos])) {
                if (++fractionDigits > kMaxFractionDigits)
                    return invalidDuration();
                fraction = fraction * 10 + (text[pos].unicode() - u'0');
                ++pos;
                ++digits;
            }
        }
        if (digits == 0)
            return invalidDuration();
        for (int i = fractionDigits; i < kMaxFractionDigits; ++i)
            fraction *= 10;

        const qsizetype unitStart = pos;
        while (pos < text.size() && isUnitLetter(text[pos]))
            ++pos;
        const QStringView unit = text.sliced(unitStart, pos - unitStart);
        if (unit.isEmpty()) {
            // Only a whole text of digits may omit the unit: "3600" but not "1h30".
            if (bareNumber && pos == text.size()) {
                if (whole > kMaxDurationSeconds)
                    return tooLong();
                return whole;
            }
            return invalidDuration();
        }
        bareNumber = false;
        const qint64 unitLength = unitSeconds(unit);
        if (unitLength == 0)
            return Error::invalid(QStringLiteral("Unknown duration unit \"%1\"; use s, m, h or d.")
                                      .arg(unit.left(8)));
        // "1d1d" or "5m1h" is more likely a typing mistake than a sum.
        if (unitLength >= previousUnit)
            return Error::invalid(QStringLiteral("Each duration unit may appear once, from the "
                                                 "largest to the smallest (such as 1d2h30m)."));
        previousUnit = unitLength;
        if (!addScaled(seconds, whole, unitLength))
            return tooLong();
        nanos += fraction * unitLength; // < 1e9 * 86400: no overflow
        if (!addScaled(seconds, nanos / kNanosPerSecond, 1))
            return tooLong();
        nanos %= kNanosPerSecond;
    }
    if (nanos != 0)
        return Error::invalid(QStringLiteral("A duration must be a whole number of seconds."));
    return seconds;
}

Result<qint64> parseDuration(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return qint64(0);
    case QJsonValue::String:
        return parseDuration(QStringView(value.toString()));
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number < 0)
            return Error::invalid(QStringLiteral("A duration must not be negative."));
        if (number != std::floor(number))
            return Error::invalid(QStringLiteral("A duration must be a whole number of seconds."));
        if (number > double(kMaxDurationSeconds))
            return tooLong();
        return qint64(number);
    }
    default:
        return invalidDuration();
    }
}

QString formatDuration(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("0s");
    QString text;
    const auto part = [&](qint64 unit, char16_t suffix) {
        if (seconds >= unit) {
            text += QString::number(seconds / unit);
            text += QChar(suffix);
            seconds %= unit;
        }
    };
    part(86400, u'd');
    part(3600, u'h');
    part(60, u'm');
    part(1, u's');
    return text;
}

} // namespace tessera::engine
