#include "engine/GatePath.h"

#include <QList>
#include <QStringDecoder>

namespace tessera::engine {

namespace {

constexpr qsizetype kMaxHostBytes = 253;
constexpr qsizetype kMaxLabelBytes = 63;

bool isHostNameByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.';
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 5)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isControl(unsigned char byte)
{
    return byte < 0x20 || byte == 0x7F;
}

Error unmappable(const char* why)
{
    return Error::invalid(
        QStringLiteral("The request path cannot be checked: %1.").arg(QString::fromLatin1(why)));
}

// Percent-decodes `path` once. Encoded slashes and backslashes are refused
// rather than decoded: servers disagree on whether they separate segments.
Result<QByteArray> percentDecoded(QByteArrayView path)
{
    QByteArray decoded;
    decoded.reserve(path.size());
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '\\')
            return unmappable("it contains a backslash");
        if (c != '%') {
            if (isControl(static_cast<unsigned char>(c)))
                return unmappable("it contains a control character");
            decoded.append(c);
            continue;
        }
        const bool complete = i + 2 < path.size();
        const int high = complete ? hexValue(path[i + 1]) : -1;
        const int low = complete ? hexValue(path[i + 2]) : -1;
        if (high < 0 || low < 0)
            return unmappable("it has a malformed percent escape");
        const auto byte = static_cast<unsigned char>(high * 16 + low);
        if (byte == '/' || byte == '\\')
            return unmappable("it contains an encoded slash");
        if (isControl(byte))
            return unmappable("it contains an encoded control character");
        decoded.append(static_cast<char>(byte));
        i += 2;
    }
    return decoded;
}

} // namespace

QString GatePath::aclPath() const
{
    return QStringLiteral("gate/") + host + u'/' + path;
}

Result<QString> GatePath::normalizedHost(QByteArrayView host)
{
    host = host.trimmed();
    if (host.isEmpty())
        return Error::invalid(QStringLiteral("The request names no host."));
    QByteArrayView name = host;
    if (host.startsWith('[')) { // an IPv6 literal, with an optional port
        const qsizetype close = host.indexOf(']');
        if (close < 0)
            return Error::invalid(QStringLiteral("The request's host is not a host name."));
        name = host.first(close + 1);
        const QByteArrayView rest = host.sliced(close + 1);
        if (!rest.isEmpty() && !(rest.startsWith(':') && isDigits(rest.sliced(1))))
            return Error::invalid(QStringLiteral("The request's host is not a host name."));
        for (const char c : name.sliced(1, name.size() - 2)) {
            if (hexValue(c) < 0 && c != ':' && c != '.')
                return Error::invalid(QStringLiteral("The request's host is not a host name."));
        }
        return QString::fromLatin1(name).toLower();
    }
    if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0) {
        if (!isDigits(host.sliced(colon + 1)))
            return Error::invalid(QStringLiteral("The request's host is not a host name."));
        name = host.first(colon);
    }
    if (name.endsWith('.')) // the root label: "example.org." is "example.org"
        name.chop(1);
    if (name.isEmpty() || name.size() > kMaxHostBytes)
        return Error::invalid(QStringLiteral("The request's host is not a host name."));
    qsizetype label = 0;
    for (const char c : name) {
        if (!isHostNameByte(c))
            return Error::invalid(QStringLiteral("The request's host is not a host name."));
        label = c == '.' ? 0 : label + 1;
        if (label > kMaxLabelBytes)
            return Error::invalid(QStringLiteral("The request's host is not a host name."));
    }
    if (name.startsWith('.') || name.contains(".."))
        return Error::invalid(QStringLiteral("The request's host is not a host name."));
    return QString::fromLatin1(name).toLower();
}

Result<QString> GatePath::normalizedPath(QByteArrayView uri)
{
    if (uri.size() > kMaxUriBytes)
        return unmappable("it is too long");
    if (!uri.startsWith('/'))
        return unmappable("it does not start with a slash");
    qsizetype end = uri.size();
    for (const char stop : {'?', '#'}) {
        if (const qsizetype at = uri.indexOf(stop); at >= 0 && at < end)
            end = at;
    }
    auto decoded = percentDecoded(uri.first(end));
    TESSERA_TRY(decoded);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(*decoded);
    if (utf8.hasError())
        return unmappable("it is not UTF-8");

    // Resolve the dot segments and merge repeated slashes.
    QList<QStringView> segments;
    bool directory = false; // a trailing slash (or dot segment) names a folder
    for (const QStringView segment : QStringView(text).sliced(1).split(u'/')) {
        directory = segment.isEmpty() || segment == u"." || segment == u"..";
        if (segment == u"..") {
            if (segments.isEmpty())
                return unmappable("it climbs above the root");
            segments.removeLast();
        } else if (!directory) {
            segments.append(segment);
        }
    }
    QString path;
    for (const QStringView segment : std::as_const(segments)) {
        if (!path.isEmpty())
            path += u'/';
        path += segment;
    }
    if (directory && !path.isEmpty())
        path += u'/';
    return path;
}

Result<Capability> GatePath::capabilityFor(QByteArrayView method)
{
    if (method == "GET" || method == "HEAD")
        return Capability::Read;
    if (method == "POST" || method == "PUT" || method == "PATCH")
        return Capability::Update;
    if (method == "DELETE")
        return Capability::Delete;
    return Error::invalid(QStringLiteral("The gate does not check this request method."));
}

Result<GatePath> GatePath::fromRequest(QByteArrayView method, QByteArrayView host,
                                       QByteArrayView uri)
{
    auto needed = capabilityFor(method);
    TESSERA_TRY(needed);
    auto name = normalizedHost(host);
    TESSERA_TRY(name);
    auto path = normalizedPath(uri);
    TESSERA_TRY(path);
    return GatePath{*name, *path, *needed};
}

} // namespace tessera::engine
