#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::api {

// The cookie that keeps a patron's token in the browser: `tessera_token`,
// HttpOnly (no script reads it), SameSite=Lax (not sent with cross-site
// posts), Path=/, Secure whenever the browser reaches the gate over TLS, and
// as long-lived as the token (docs/ARCHITECTURE.md, «The gate»).
class GateCookie
{
public:
    static constexpr const char* kName = "tessera_token";
    // Longer values are no token of ours (and not worth parsing).
    static constexpr qsizetype kMaxValueBytes = 4096;

    // The token in a Cookie header ("a=1; tessera_token=...; b=2"), or empty:
    // none, an empty or oversized value, or characters a token never has.
    static QByteArray tokenFrom(QByteArrayView cookieHeader);
    // The same for any cookie of the gate's ("tessera_csrf").
    static QByteArray valueOf(QByteArrayView cookieHeader, QByteArrayView name);

    // Set-Cookie values that store `token` for `maxAgeSeconds` (0: a session
    // cookie) and that clear it.
    // `path`: "/" for a sign-in; a link's cookie goes only to its document.
    static QByteArray set(QByteArrayView token, qint64 maxAgeSeconds, bool secure,
                          QByteArrayView path = "/");
    static QByteArray clear(bool secure);
};

} // namespace tessera::api
