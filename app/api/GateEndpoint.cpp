#include "api/GateEndpoint.h"

#include "api/GateCookie.h"
#include "engine/GatePath.h"
#include "engine/TokenEngine.h"

#include <QUrl>

namespace tessera::api {

namespace {

ApiResponse verdict(int status, const char* text)
{
    return ApiResponse::page(status, QByteArray(text) + '\n',
                             QByteArrayLiteral("text/plain; charset=utf-8"));
}

// Header values are one line of visible ASCII: the rest percent-encoded.
QByteArray headerValue(const QString& text)
{
    return QUrl::toPercentEncoding(text, QByteArrayLiteral(" !\"#$&'()*+,/:;<=>?@[\\]^`{|}~"));
}

QByteArray tokenOf(const GateForward::HeaderLookup& header)
{
    QByteArray token = GateCookie::tokenFrom(header(QByteArrayLiteral("Cookie")));
    if (!token.isEmpty())
        return token;
    const QByteArray authorization = header(QByteArrayLiteral("Authorization")).trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return authorization.mid(7).trimmed();
    return {};
}

} // namespace

const QList<QByteArray>& GateEndpoint::headerNames()
{
    static const QList<QByteArray> names{
        QByteArrayLiteral("Host"),
        QByteArrayLiteral("Cookie"),
        QByteArrayLiteral("Authorization"),
        QByteArrayLiteral("X-Original-URI"),
        QByteArrayLiteral("X-Original-Method"),
        QByteArrayLiteral("X-Forwarded-Uri"),
        QByteArrayLiteral("X-Forwarded-Method"),
        QByteArrayLiteral("X-Forwarded-Host"),
    };
    return names;
}

ApiResponse GateEndpoint::check(const GateForward::HeaderLookup& header, const QString& client,
                                const QString& requestId)
{
    auto forward = GateForward::fromHeaders(header);
    if (!forward)
        return ApiResponse::error(400, forward.error().message);
    if (auto host = engine::GatePath::normalizedHost(forward->host); !host)
        return ApiResponse::error(400, host.error().message);
    // A document that cannot be named safely is one no policy grants; nginx
    // passes 401 and 403 on, and takes anything else for its own failure.
    auto request = engine::GatePath::fromRequest(forward->method, forward->host, forward->uri);
    if (!request)
        return verdict(403, "forbidden");

    const QByteArray token = tokenOf(header);
    auto decision = m_engine.gate().check(QString::fromLatin1(token), *request, client, requestId);
    if (!decision)
        return ApiResponse::fromError(decision.error());
    using Verdict = engine::GateDecision::Verdict;
    switch (decision->verdict) {
    case Verdict::SignIn:
        return verdict(401, "sign in");
    case Verdict::Forbidden:
        return verdict(403, "forbidden");
    case Verdict::Allowed:
        break;
    }
    const engine::Token& info = *decision->token;
    ApiResponse allowed = verdict(200, "allowed");
    allowed.header(QByteArrayLiteral("X-Tessera-Display-Name"), headerValue(info.displayName))
        .header(QByteArrayLiteral("X-Tessera-Accessor"), info.accessor.toLatin1())
        .header(QByteArrayLiteral("X-Tessera-Policies"),
                headerValue(info.policies.join(QLatin1Char(','))));
    return allowed;
}

} // namespace tessera::api
