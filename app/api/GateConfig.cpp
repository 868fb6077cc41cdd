#include "api/GateConfig.h"

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

} // namespace

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
