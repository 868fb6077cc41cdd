#include "api/JsonWriter.h"

#include <charconv>
#include <iterator>

namespace tessera::api {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.isEmpty()) {
        if (!m_first.last())
            m_out += ',';
        m_first.last() = false;
    }
}

void JsonWriter::string(QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const auto plain = [](char16_t c) { return c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\'; };
    m_out += '"';
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        // Most text is plain ASCII: copied in runs, without a UTF-8 conversion.
        qsizetype end = i;
        while (end < size && plain(text[end].unicode()))
            ++end;
        if (end > i) {
            const qsizetype at = m_out.size();
            m_out.resize(at + (end - i));
            char* out = m_out.data() + at;
            for (qsizetype k = i; k < end; ++k)
                *out++ = char(text[k].unicode());
            i = end;
            continue;
        }
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            // A run of non-ASCII characters (surrogate pairs stay together).
            while (end < size && text[end].unicode() >= 0x80)
                ++end;
            m_out += text.sliced(i, end - i).toUtf8();
            i = end;
        } else if (c == u'"' || c == u'\\') {
            m_out += '\\';
            m_out += char(c);
            ++i;
        } else {
            m_out += "\\u00";
            m_out += kHex[c >> 4];
            m_out += kHex[c & 0xf];
            ++i;
        }
    }
    m_out += '"';
}

JsonWriter::JsonWriter()
{
    m_out.reserve(kInitialCapacity);
}

JsonWriter& JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first.append(true);
    return *this;
}

JsonWriter& JsonWriter::endObject()
{
    m_first.removeLast();
    m_out += '}';
    return *this;
}

JsonWriter& JsonWriter::key(const char* name)
{
    separate();
    m_out += '"';
    m_out += name;
    m_out += "\":";
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::key(const QString& name)
{
    separate();
    string(name);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(const QString& text)
{
    separate();
    string(text);
    return *this;
}

JsonWriter& JsonWriter::value(qint64 number)
{
    separate();
    char digits[24];
    const auto written = std::to_chars(std::begin(digits), std::end(digits), number);
    m_out.append(digits, written.ptr - digits);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(const QStringList& texts)
{
    separate();
    m_out += '[';
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0)
            m_out += ',';
        string(texts[i]);
    }
    m_out += ']';
    return *this;
}

JsonWriter& JsonWriter::null()
{
    separate();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(const QByteArray& json)
{
    separate();
    m_out += json;
    return *this;
}

} // namespace tessera::api
