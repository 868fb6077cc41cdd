#include "api/RequestHead.h"

#include <limits>

namespace tessera::api {
namespace {

const QByteArrayView kCrlf("\r\n");

// RFC 9110 tchar: what a method and a field name are made of.
bool isTchar(char c)
{
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

// A field value: visible characters, obs-text, space and tab; never CR, LF,
// NUL or another control character.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QByteArrayView withoutOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool is(QByteArrayView name, QByteArrayView lowerCase)
{
    return name.compare(lowerCase, Qt::CaseInsensitive) == 0;
}

RequestHead refused(int status, const char* problem)
{
    RequestHead head;
    head.status = status;
    head.problem = problem;
    return head;
}

} // namespace

RequestHead RequestHead::read(QByteArrayView head)
{
    // --- request line: METHOD SP TARGET SP HTTP/1.x ---------------------------
    qsizetype end = head.indexOf(kCrlf);
    if (end < 0)
        return refused(400, "malformed request line");
    const QByteArrayView line = head.first(end);
    const qsizetype methodEnd = line.indexOf(' ');
    const qsizetype targetEnd = methodEnd < 0 ? -1 : line.indexOf(' ', methodEnd + 1);
    if (targetEnd < 0 || !isToken(line.first(methodEnd)) || targetEnd == methodEnd + 1)
        return refused(400, "malformed request line");
    for (const char c : line.sliced(methodEnd + 1, targetEnd - methodEnd - 1)) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f)
            return refused(400, "malformed request line");
    }
    const QByteArrayView version = line.sliced(targetEnd + 1);
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return refused(400, "malformed request line");
    if (version[5] != '1')
        return refused(505, "HTTP version not supported");
    const bool http10 = version[7] == '0';

    // --- header fields -------------------------------------------------------
    RequestHead result;
    int fields = 0;
    int hosts = 0;
    bool encoding = false;
    bool close = false;
    bool keepAlive = false;
    for (qsizetype pos = end + 2; pos < head.size(); pos = end + 2) {
        end = head.indexOf(kCrlf, pos);
        if (end < 0)
            return refused(400, "malformed header field");
        const QByteArrayView field = head.sliced(pos, end - pos);
        if (++fields > kMaxFields)
            return refused(431, "too many header fields");
        if (field.size() > kMaxFieldLine)
            return refused(431, "a header field is too large");
        const qsizetype colon = field.indexOf(':');
        // A field starting with space or tab continues the previous one (obs-fold).
        if (colon < 0 || !isToken(field.first(colon)))
            return refused(400, "malformed header field");
        const QByteArrayView name = field.first(colon);
        const QByteArrayView raw = field.sliced(colon + 1);
        if (!isFieldValue(raw))
            return refused(400, "control character in a header field");
        const QByteArrayView value = withoutOws(raw);

        if (is(name, "content-length")) {
            // Equal duplicates are refused too: simpler, and no client sends them.
            if (result.contentLength >= 0 || value.isEmpty())
                return refused(400, "invalid or repeated Content-Length");
            qint64 length = 0;
            for (const char c : value) {
                if (c < '0' || c > '9')
                    return refused(400, "invalid or repeated Content-Length");
                const qint64 digit = c - '0';
                length = length > (std::numeric_limits<qint64>::max() - digit) / 10
                             ? std::numeric_limits<qint64>::max()
                             : length * 10 + digit;
            }
            result.contentLength = length;
        } else if (is(name, "transfer-encoding")) {
            if (encoding || !is(value, "chunked"))
                return refused(400, "unsupported Transfer-Encoding (only chunked is supported)");
            encoding = true;
        } else if (is(name, "host")) {
            ++hosts;
        } else if (is(name, "connection")) {
            QByteArrayView options = value;
            while (!options.isEmpty()) {
                const qsizetype comma = options.indexOf(',');
                const QByteArrayView option =
                    withoutOws(comma < 0 ? options : options.first(comma));
                options = comma < 0 ? QByteArrayView() : options.sliced(comma + 1);
                close = close || is(option, "close");
                keepAlive = keepAlive || is(option, "keep-alive");
            }
        }
    }
    if (hosts > 1 || (hosts == 0 && !http10))
        return refused(400, "a request needs exactly one Host header field");
    if (encoding && result.contentLength >= 0)
        return refused(400, "both Transfer-Encoding and Content-Length");
    if (encoding && http10)
        return refused(400, "Transfer-Encoding in an HTTP/1.0 request");
    result.chunked = encoding;
    result.keepAlive = !close && (!http10 || keepAlive);
    return result;
}

void RequestHead::forEachField(
    QByteArrayView head, qxp::function_ref<void(QByteArrayView name, QByteArrayView value)> visit)
{
    qsizetype end = head.indexOf(kCrlf); // after the request line
    for (qsizetype pos = end + 2; end >= 0 && pos < head.size(); pos = end + 2) {
        end = head.indexOf(kCrlf, pos);
        const QByteArrayView line = head.sliced(pos, (end < 0 ? head.size() : end) - pos);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            visit(line.first(colon), withoutOws(line.sliced(colon + 1)));
    }
}

} // namespace tessera::api
