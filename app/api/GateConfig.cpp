#include "api/GateConfig.h"

#include <QHostAddress>
#include <QUrl>

namespace tessera::api {

namespace {

bool hasControlOrBackslash(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || c == u'\\')
            return true;
    }
    return false;
}

// One address in canonical text form, or nullopt.
std::optional<QString> addressOf(QByteArrayView text)
{
    const QHostAddress address(QString::fromLatin1(text.trimmed()));
    if (address.isNull())
        return std::nullopt;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : address.toString();
}

} // namespace

QString GateConfig::clientAddress(const QString& peer, const QByteArray& forwardedFor) const
{
    const auto trusted = [this](const QString& address) {
        for (const QString& proxy : trustedProxies) {
            if (proxy == address || addressOf(proxy.toLatin1()) == address)
                return true;
        }
        return false;
    };
    QString client = peer;
    if (!trusted(client))
        return client;
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        const auto address = addressOf(*hop);
        if (!address)
            break;
        client = *address;
        if (!trusted(client))
            break;
    }
    return client;
}

std::optional<QString> GateConfig::redirectTarget(const QString& rd) const
{
    if (rd.isEmpty() || rd.size() > 2048 || hasControlOrBackslash(rd))
        return std::nullopt;
    if (rd.startsWith(u'/'))
        return rd.size() > 1 && rd.at(1) == u'/' ? std::nullopt : std::optional<QString>(rd);
    const QUrl url(rd, QUrl::StrictMode);
    if (!url.isValid() || !url.userInfo().isEmpty())
        return std::nullopt;
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return std::nullopt;
    const QString host = url.host().toLower();
    for (const QString& allowed : allowedRedirectHosts) {
        if (!host.isEmpty() && host == allowed.toLower())
            return url.toString(QUrl::FullyEncoded);
    }
    return std::nullopt;
}

engine::RelyingParty GateConfig::relyingParty() const
{
    if (publicOrigin.isEmpty())
        return {};
    return {QUrl(publicOrigin).host(), {publicOrigin}, QStringLiteral("Tessera")};
}

Result<QString> GateConfig::checkedOrigin(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QString host = url.host().toLower();
    const Error bad =
        Error::invalid(QStringLiteral("%1: not an origin such as https://library.example.org")
                           .arg(text.left(200)));
    if (!url.isValid() || host.isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
        url.hasFragment() || (!url.path().isEmpty() && url.path() != u"/"))
        return bad;
    if (!QHostAddress(host).isNull())
        return Error::invalid(QStringLiteral("%1: security keys need a host name, not an IP "
                                             "address")
                                  .arg(text.left(200)));
    const bool local = host == u"localhost" || host.endsWith(u".localhost");
    if (scheme != u"https" && !(scheme == u"http" && local))
        return Error::invalid(QStringLiteral("%1: browsers allow security keys only on https "
                                             "(or http on localhost)")
                                  .arg(text.left(200)));
    const int defaultPort = scheme == u"https" ? 443 : 80;
    QString origin = scheme + QStringLiteral("://") + host;
    if (url.port() > 0 && url.port() != defaultPort)
        origin += u':' + QString::number(url.port());
    return origin;
}

} // namespace tessera::api
