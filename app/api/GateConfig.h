#pragma once

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

    // Where `rd` may send the browser: a path on this site ("/articles/42",
    // not "//host" nor "/\host", which browsers take for another host) or an
    // http(s) URL on an allowed host. nullopt: refused (no open redirect).
    std::optional<QString> redirectTarget(const QString& rd) const;
};

} // namespace tessera::api
