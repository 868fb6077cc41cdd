#pragma once

#include "core/Result.h"

#include <QString>
#include <QUrl>

namespace tessera::engine {

// The address of a one-use link: the site's `/gate/redeem?t=<token>`, which
// the site's proxy passes to Tessera, and the document it opens, named as the
// gate's checks name it (`gate/<host>/<path>`). GateService::createLink issues
// the token and refuses a document no check could name. See
// docs/ARCHITECTURE.md, «The gate».
class GateLink
{
public:
    // From the document's address as a patron would open it, such as
    // "https://journal.example.org/articles/42/": its site is the link's.
    static Result<GateLink> forDocument(const QString& address);
    // From "gate/<host>/<path>" and the address of the site the patron's
    // browser reaches it on ("" for https://<host>).
    static Result<GateLink> forAclPath(const QString& aclPath, const QString& site);

    const QString& aclPath() const { return m_aclPath; }
    QString redeemUrl(const QString& token) const;

private:
    GateLink(QString aclPath, QUrl site)
        : m_aclPath(std::move(aclPath))
        , m_site(std::move(site))
    {}

    QString m_aclPath;
    QUrl m_site; // scheme, host and port only
};

} // namespace tessera::engine
