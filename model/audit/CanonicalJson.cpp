#include "audit/CanonicalJson.h"

#include <QJsonArray>
#include <QVariant>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

namespace tessera::audit {
namespace {

// QJsonValue, or the QJsonValueConstRef an object or array iterator yields
// (which reads the element in place instead of copying it out first).
// `exact` is cleared when reading the text back would not give the same value
// (see CanonicalJson::write).
template <typename Value> void writeValue(QByteArray& out, const Value& value, bool& exact);

constexpr char kHex[] = "0123456789abcdef";

// The longest spelling of one byte: \u00XX.
constexpr qsizetype kMaxEscapedSize = 6;

char* writeEscaped(char* out, char c)
{
    const auto put = [&out](char a, char b) {
        out[0] = a;
        out[1] = b;
        return out + 2;
    };
    switch (c) {
    case '"':
        return put('\\', '"');
    case '\\':
        return put('\\', '\\');
    case '\b':
        return put('\\', 'b');
    case '\f':
        return put('\\', 'f');
    case '\n':
        return put('\\', 'n');
    case '\r':
        return put('\\', 'r');
    case '\t':
        return put('\\', 't');
    default:
        if (static_cast<unsigned char>(c) < 0x20) {
            std::memcpy(out, "\\u00", 4);
            out[4] = kHex[static_cast<unsigned char>(c) >> 4];
            out[5] = kHex[c & 0xf];
            return out + 6;
        }
        *out = c;
        return out + 1;
    }
}

char byteOf(char c)
{
    return c;
}
char byteOf(QChar c)
{
    return char(c.unicode());
} // only ever ASCII here

// Appends the escaped bytes through a pointer into room made in advance: a
// QByteArray::append per byte would cost several times as much.
template <typename Units> void appendEscaped(QByteArray& out, const Units& units)
{
    const qsizetype start = out.size();
    out.resize(start + kMaxEscapedSize * units.size());
    char* cursor = out.data() + start;
    for (const auto unit : units)
        cursor = writeEscaped(cursor, byteOf(unit));
    out.resize(cursor - out.constData());
}

void writeString(QByteArray& out, QStringView text, bool& exact)
{
    out.append('"');
    // ASCII (nearly every key and value) is its own UTF-8: written as is, without
    // converting the string first. From the first other character on, the rest
    // goes through toUtf8(), whose bytes at or above 0x80 need no escaping.
    const auto firstNonAscii =
        std::find_if(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x80; });
    const qsizetype ascii = firstNonAscii - text.begin();
    appendEscaped(out, text.first(ascii));
    if (ascii < text.size()) {
        const QStringView rest = text.sliced(ascii);
        exact = exact && rest.isValidUtf16(); // a lone surrogate becomes U+FFFD
        appendEscaped(out, rest.toUtf8());
    }
    out.append('"');
}

template <typename Value> void writeNumber(QByteArray& out, const Value& value, bool& exact)
{
    // Qt 6 keeps integers that fit in 64 bits as integers (also above 2^53, where a
    // double would round): print those exactly. (Not through toInteger(): Qt 6.4
    // answers a NaN with INT64_MIN instead of the default value.)
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong) {
        out.append(QByteArray::number(variant.toLongLong()));
        return;
    }
    // A double may read back as an integer, as null or (in theory) a neighbour.
    exact = false;
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

// An object's members in canonical order, each with its key read out once.
struct Entry
{
    QString key;
    QJsonObject::const_iterator at;
    bool kept = true; // by the key filter, when there is one
};

std::vector<Entry> canonicalEntries(const QJsonObject& object,
                                    CanonicalJson::KeyFilter keep = nullptr)
{
    std::vector<Entry> entries;
    entries.reserve(std::size_t(object.size()));
    bool surrogates = false;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QString key = it.key();
        const bool kept = !keep || keep(key);
        entries.push_back({std::move(key), it, kept});
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
    return entries;
}

// The entries whose `kept` is `which`, as an object. Any subset of entries in
// canonical order is in canonical order itself.
void writeEntries(QByteArray& out, const std::vector<Entry>& entries, bool which, bool& exact)
{
    out.append('{');
    bool first = true;
    for (const Entry& entry : entries) {
        if (entry.kept != which)
            continue;
        if (!first)
            out.append(',');
        first = false;
        writeString(out, entry.key, exact);
        out.append(':');
        writeValue(out, entry.at.value(), exact);
    }
    out.append('}');
}

void writeObject(QByteArray& out, const QJsonObject& object, bool& exact)
{
    writeEntries(out, canonicalEntries(object), true, exact);
}

template <typename Value> void writeValue(QByteArray& out, const Value& value, bool& exact)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        exact = false;
        out.append("null");
        break;
    case QJsonValue::Null:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        writeNumber(out, value, exact);
        break;
    case QJsonValue::String:
        writeString(out, value.toString(), exact);
        break;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        const QJsonArray array = value.toArray();
        for (auto it = array.constBegin(); it != array.constEnd(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            writeValue(out, *it, exact);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object:
        writeObject(out, value.toObject(), exact);
        break;
    }
}

} // namespace

QByteArray CanonicalJson::write(const QJsonObject& object, bool* readsBackEqual)
{
    QByteArray out;
    bool exact = true;
    writeObject(out, object, exact);
    if (readsBackEqual)
        *readsBackEqual = exact;
    return out;
}

CanonicalJson::Parts CanonicalJson::split(const QJsonObject& object, KeyFilter keep)
{
    const std::vector<Entry> entries = canonicalEntries(object, keep);
    Parts parts;
    writeEntries(parts.kept, entries, true, parts.keptExact);
    writeEntries(parts.rest, entries, false, parts.restExact);
    return parts;
}

QByteArray CanonicalJson::write(const QJsonValue& value)
{
    QByteArray out;
    bool exact = true;
    writeValue(out, value, exact);
    return out;
}

} // namespace tessera::audit
