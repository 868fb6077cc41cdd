#include "audit/CanonicalJson.h"

#include <QJsonArray>
#include <QVariant>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

namespace tessera::audit {
namespace {

void writeValue(QByteArray& out, const QJsonValue& value);

void writeString(QByteArray& out, const QString& text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (byte) {
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
            if (byte < 0x20) {
                out.append("\\u00");
                out.append(kHex[byte >> 4]);
                out.append(kHex[byte & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void writeNumber(QByteArray& out, const QJsonValue& value)
{
    // Qt 6 keeps integers that fit in 64 bits as integers (also above 2^53, where a
    // double would round): print those exactly.
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong) {
        out.append(QByteArray::number(variant.toLongLong()));
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

void writeObject(QByteArray& out, const QJsonObject& object)
{
    std::vector<std::pair<QByteArray, QString>> keys; // UTF-8 for ordering, QString for lookup
    keys.reserve(std::size_t(object.size()));
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.emplace_back(it.key().toUtf8(), it.key());
    std::sort(keys.begin(), keys.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out.append('{');
    bool first = true;
    for (const auto& [utf8, key] : keys) {
        if (!first)
            out.append(',');
        first = false;
        writeString(out, key);
        out.append(':');
        writeValue(out, object.value(key));
    }
    out.append('}');
}

void writeValue(QByteArray& out, const QJsonValue& value)
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
        for (const QJsonValue& element : value.toArray()) {
            if (!first)
                out.append(',');
            first = false;
            writeValue(out, element);
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
