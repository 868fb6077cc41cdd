#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <functional>

namespace tessera::api {

// The web request a reverse proxy asks /gate/check about, read from the
// proxy's headers (docs/ARCHITECTURE.md, «The gate»):
//   nginx auth_request:               X-Original-URI, X-Original-Method, Host
//   Traefik forwardAuth, Caddy forward_auth:
//                                     X-Forwarded-Uri, X-Forwarded-Method, X-Forwarded-Host
// The X-Forwarded-* headers win where both are sent. Without a method header
// the request is taken for a GET (nginx's own sub-request method), which needs
// the least capability.
struct GateForward
{
    QByteArray method;
    QByteArray host;
    QByteArray uri;

    using HeaderLookup = std::function<QByteArray(const QByteArray& name)>;
    // Refuses (InvalidArgument) a check that names no document or no host.
    static Result<GateForward> fromHeaders(const HeaderLookup& header);
};

} // namespace tessera::api
