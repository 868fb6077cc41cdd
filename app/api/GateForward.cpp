#include "api/GateForward.h"

namespace tessera::api {

namespace {

QByteArray firstOf(const GateForward::HeaderLookup& header, const QByteArray& preferred,
                   const QByteArray& fallback)
{
    const QByteArray value = header(preferred).trimmed();
    return value.isEmpty() ? header(fallback).trimmed() : value;
}

} // namespace

Result<GateForward> GateForward::fromHeaders(const HeaderLookup& header)
{
    GateForward forward;
    forward.uri =
        firstOf(header, QByteArrayLiteral("X-Forwarded-Uri"), QByteArrayLiteral("X-Original-URI"));
    if (forward.uri.isEmpty())
        return Error::invalid(QStringLiteral(
            "The check names no document: the proxy must send X-Original-URI (nginx) or "
            "X-Forwarded-Uri (Traefik, Caddy)."));
    forward.host =
        firstOf(header, QByteArrayLiteral("X-Forwarded-Host"), QByteArrayLiteral("Host"));
    if (forward.host.isEmpty())
        return Error::invalid(QStringLiteral(
            "The check names no host: the proxy must send Host or X-Forwarded-Host."));
    forward.method = firstOf(header, QByteArrayLiteral("X-Forwarded-Method"),
                             QByteArrayLiteral("X-Original-Method"));
    if (forward.method.isEmpty())
        forward.method = QByteArrayLiteral("GET");
    return forward;
}

} // namespace tessera::api
