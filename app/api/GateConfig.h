#pragma once

#include "core/Result.h"
#include "engine/WebAuthnCeremony.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace tessera::api {

// How the gate's pages behave (Preferences in the console, flags of
// `tessera-cli serve`; docs/ARCHITECTURE.md, «The gate»).
struct GateConfig
{
    // Hosts a signed-in browser may be sent back to besides this server's own
    // paths ("journal.example.org"); anything else is not followed.
    QStringList allowedRedirectHosts;
    // Set the cookie's Secure attribute although the server itself speaks
    // plain HTTP: it sits behind a TLS proxy. (With TLS it always does.)
    bool secureCookies = false;
    // Addresses of the reverse proxies in front of the gate ("127.0.0.1"), or
    // "unix" for whatever connects through the server's Unix socket.
    // A request from one of them is the browser's named in X-Forwarded-For,
    // so that sign-in limits and audit records count patrons, not the proxy.
    QStringList trustedProxies;
    // The gate's address as browsers see it ("https://library.example.org"):
    // security keys are bound to its host name (the WebAuthn relying party
    // id) and answers from any other origin are refused. Empty: the pages
    // offer no security keys.
    QString publicOrigin;

    // Where `rd` may send the browser: a path on this site ("/articles/42",
    // not "//host" nor "/\host", which browsers take for another host) or an
    // http(s) URL on an allowed host. nullopt: refused (no open redirect).
    std::optional<QString> redirectTarget(const QString& rd) const;

    // The client a gate request comes from: `peer` (the connection's address)
    // unless it is a trusted proxy, then the right-most address in
    // `forwardedFor` that is not one (each proxy appends the address it saw;
    // the ones to its left are the browser's word and may be forged).
    // Malformed entries end the walk at the last trusted hop's view.
    QString clientAddress(const QString& peer, const QByteArray& forwardedFor) const;

    // The relying party of `publicOrigin` (disabled when it is empty).
    engine::RelyingParty relyingParty() const;
    // `text` as a public origin: an https URL, or http on localhost (which
    // browsers treat as secure), with a host name (WebAuthn takes no IP
    // address) and no path, query or user. The canonical origin, or
    // InvalidArgument saying what is wrong.
    static Result<QString> checkedOrigin(const QString& text);
};

} // namespace tessera::api
