#include "engine/GateLink.h"

#include "engine/GatePath.h"

namespace tessera::engine {
namespace {

// Scheme, host and port of an http(s) address; nothing else of it is kept.
Result<QUrl> siteOf(const QString& address, const QString& what)
{
    const QUrl url(address.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
        url.host().isEmpty() || !url.userInfo().isEmpty())
        return Error::invalid(
            QStringLiteral("%1 must be an http or https address with a host name.").arg(what));
    QUrl site;
    site.setScheme(url.scheme());
    site.setHost(url.host());
    site.setPort(url.port());
    return site;
}

} // namespace

Result<GateLink> GateLink::forDocument(const QString& address)
{
    auto site = siteOf(address, QStringLiteral("The document's address"));
    TESSERA_TRY(site);
    const QUrl url(address.trimmed(), QUrl::StrictMode);
    const QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    auto document = GatePath::fromRequest("GET", url.host(QUrl::FullyEncoded).toUtf8(),
                                          path.isEmpty() ? QByteArrayView("/") : path);
    TESSERA_TRY(document);
    return GateLink(document->aclPath(), std::move(*site));
}

Result<GateLink> GateLink::forAclPath(const QString& aclPath, const QString& site)
{
    const QString host = aclPath.section(u'/', 1, 1);
    auto base = siteOf(site.trimmed().isEmpty() ? QStringLiteral("https://") + host : site,
                       QStringLiteral("The site's address"));
    TESSERA_TRY(base);
    return GateLink(aclPath, std::move(*base));
}

QString GateLink::redeemUrl(const QString& token) const
{
    QUrl url = m_site;
    url.setPath(QStringLiteral("/gate/redeem"));
    url.setQuery(QStringLiteral("t=") + token);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace tessera::engine
