#include "api/GateCookie.h"

namespace tessera::api {

namespace {

// RFC 6265's cookie-octet, which every token format of ours stays within.
bool isCookieOctet(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte == 0x21 || (byte >= 0x23 && byte <= 0x2B) || (byte >= 0x2D && byte <= 0x3A) ||
           (byte >= 0x3C && byte <= 0x5B) || (byte >= 0x5D && byte <= 0x7E);
}

QByteArray attributes(bool secure, QByteArrayView path = "/")
{
    QByteArray text = QByteArrayLiteral("; Path=") + path.toByteArray() +
                      QByteArrayLiteral("; HttpOnly; SameSite=Lax");
    if (secure)
        text += QByteArrayLiteral("; Secure");
    return text;
}

} // namespace

QByteArray GateCookie::tokenFrom(QByteArrayView cookieHeader)
{
    return valueOf(cookieHeader, kName);
}

QByteArray GateCookie::valueOf(QByteArrayView cookieHeader, QByteArrayView name)
{
    qsizetype start = 0;
    while (start <= cookieHeader.size()) {
        qsizetype end = cookieHeader.indexOf(';', start);
        if (end < 0)
            end = cookieHeader.size();
        const QByteArrayView pair = cookieHeader.sliced(start, end - start).trimmed();
        start = end + 1;
        if (!pair.startsWith(name) || pair.size() <= name.size() || pair[name.size()] != '=')
            continue;
        QByteArrayView value = pair.sliced(name.size() + 1);
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.sliced(1, value.size() - 2);
        if (value.isEmpty() || value.size() > kMaxValueBytes)
            return {};
        for (const char c : value) {
            if (!isCookieOctet(c))
                return {};
        }
        return value.toByteArray();
    }
    return {};
}

QByteArray GateCookie::set(QByteArrayView token, qint64 maxAgeSeconds, bool secure,
                           QByteArrayView path)
{
    QByteArray text = QByteArray(kName) + '=' + token.toByteArray();
    if (maxAgeSeconds > 0)
        text += QByteArrayLiteral("; Max-Age=") + QByteArray::number(maxAgeSeconds);
    return text + attributes(secure, path);
}

QByteArray GateCookie::clear(bool secure)
{
    return QByteArray(kName) + QByteArrayLiteral("=; Max-Age=0") + attributes(secure);
}

} // namespace tessera::api
