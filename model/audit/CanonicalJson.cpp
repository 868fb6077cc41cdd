#include "audit/CanonicalJson.h"

#include <QJsonArray>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

namespace tessera::audit {
namespace {

// QJsonValue, or the QJsonValueConstRef an object or array iterator yields
// (which reads the element in place instead of copying it out first).
template <typename Value>
void writeValue(QByteArray& out, const Value& value);

constexpr char kHex[] = "0123456789abcdef";

void writeEscaped(QByteArray& out, char c)
{
    switch (c) {
    case '"':
        out.append("\\\"");
        break;
    case '\\':
        out.append("\\\\");
        break;
    case '\b':
        out.append("\\b");
        break;
    case '\f':
        out.append("\\f");
        break;
    case '\n':
        out.append("\\n");
        break;
    case '\r':
        out.append("\\r");
        break;
    case '\t':
        out.append("\\t");
        break;
    default:
        if (static_cast<unsigned char>(c) < 0x20) {
            out.append("\\u00");
            out.append(kHex[static_cast<unsigned char>(c) >> 4]);
            out.append(kHex[c & 0xf]);
        } else {
            out.append(c);
        }
    }
}

void writeString(QByteArray& out, QStringView text)
{
    out.append('"');
    // ASCII (nearly every key and value) is its own UTF-8: written as is, without
    // converting the string first. From the first other character on, the rest
    // goes through toUtf8(), whose bytes at or above 0x80 need no escaping.
    qsizetype i = 0;
    for (; i < text.size(); ++i) {
        const char16_t unit = text[i].unicode();
        if (unit >= 0x80)
            break;
        writeEscaped(out, char(unit));
    }
    if (i < text.size()) {
        const QByteArray utf8 = text.sliced(i).toUtf8();
        for (const char c : utf8)
            writeEscaped(out, c);
    }
    out.append('"');
}

template <typename Value>
void writeNumber(QByteArray& out, const Value& value)
{
    // Qt 6 keeps integers that fit in 64 bits as integers (also above 2^53, where a
    // double would round): print those exactly. toInteger() gives the stored integer,
    // or a double's value when it is whole and fits, and its default otherwise.
    const qint64 whole = value.toInteger(0);
    if (whole == value.toInteger(1)) {
        out.append(QByteArray::number(whole));
        return;
    }
    const double number = value.toDouble();
    if (!std::isfinite(number)) {
        out.append("null");
        return;
    }
    // 3 and 3.0 are the same JSON number: one spelling for both.
    constexpr double kTwoTo63 = 9223372036854775808.0;
    if (number == std::trunc(number) && number >= -kTwoTo63 && number < kTwoTo63) {
        out.append(QByteArray::number(static_cast<qint64>(number)));
        return;
    }
    char buffer[32];
    const auto converted = std::to_chars(buffer, buffer + sizeof buffer, number);
    out.append(buffer, converted.ptr - buffer);
}

// UTF-16 code units order like code points, and so like UTF-8 bytes, except
// that surrogates (code points above U+FFFF) sort below U+E000..U+FFFF.
bool hasSurrogate(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSurrogate(); });
}

void writeObject(QByteArray& out, const QJsonObject& object)
{
    struct Entry
    {
        QString key;
        QJsonObject::const_iterator at;
    };
    std::vector<Entry> entries;
    entries.reserve(std::size_t(object.size()));
    bool surrogates = false;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        entries.push_back({it.key(), it});
        surrogates = surrogates || hasSurrogate(entries.back().key);
    }
    if (surrogates) {
        // Rare: order by the UTF-8 bytes themselves.
        std::vector<std::pair<QByteArray, std::size_t>> utf8;
        utf8.reserve(entries.size());
        for (std::size_t i = 0; i < entries.size(); ++i)
            utf8.emplace_back(entries[i].key.toUtf8(), i);
        std::sort(utf8.begin(), utf8.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<Entry> sorted;
        sorted.reserve(entries.size());
        for (const auto& [bytes, index] : utf8)
            sorted.push_back(entries[index]);
        entries = std::move(sorted);
    } else {
        // QJsonObject keeps its keys sorted, so this finds them in order already.
        const auto byKey = [](const Entry& a, const Entry& b) { return a.key < b.key; };
        if (!std::is_sorted(entries.begin(), entries.end(), byKey))
            std::sort(entries.begin(), entries.end(), byKey);
    }
    out.append('{');
    bool first = true;
    for (const Entry& entry : entries) {
        if (!first)
            out.append(',');
        first = false;
        writeString(out, entry.key);
        out.append(':');
        writeValue(out, entry.at.value());
    }
    out.append('}');
}

template <typename Value>
void writeValue(QByteArray& out, const Value& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        writeNumber(out, value);
        break;
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        const QJsonArray array = value.toArray();
        for (auto it = array.constBegin(); it != array.constEnd(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            writeValue(out, *it);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object:
        writeObject(out, value.toObject());
        break;
    }
}

} // namespace

QByteArray CanonicalJson::write(const QJsonObject& object)
{
    QByteArray out;
    writeObject(out, object);
    return out;
}

QByteArray CanonicalJson::write(const QJsonValue& value)
{
    QByteArray out;
    writeValue(out, value);
    return out;
}

} // namespace tessera::audit
