#pragma once

#include "engine/Caller.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>

namespace tessera::api {

// One HTTP request as a handler sees it: Vault's method (LIST included), the
// path's captured parameters, the body, and for authenticated routes the
// caller the engine authenticated.
struct ApiRequest
{
    QString method;                 // "GET", "POST" (PUT is the same), "DELETE", "LIST"
    QString path;                   // "/v1/auth/token/lookup-self", without the query
    QHash<QString, QString> params; // ":name" and "*rest" captures of the route
    QUrlQuery query;
    QByteArray body;
    QString client;    // "api:<peer address>"
    QString requestId; // Vault's request_id, also the audit records' request id
    engine::Caller caller;
    // The token the request came with (authenticated routes): lookup-self's
    // "id" and renew-self's client_token. Never logged or audited.
    QString rawToken;
    // X-Vault-MFA ("totp:<passcode>"), read by the login route. Never logged
    // or audited.
    QByteArray mfaHeader;

    QString param(const QString& name) const { return params.value(name); }
};

} // namespace tessera::api
