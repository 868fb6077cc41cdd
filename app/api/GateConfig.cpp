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
            if (addressOf(proxy.toLatin1()) == address)
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

} // namespace tessera::api
