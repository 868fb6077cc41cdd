#pragma once

#include "api/ApiLimits.h"
#include "api/RateLimiter.h"
#include "api/Router.h"

#include <QAbstractHttpServer>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::api {

// The HTTP side of the API: turns each request into an ApiRequest, finds its
// route, authenticates the token (one use of it, audited with the client
// address), runs the handler and writes Vault's envelope.
//
// A QAbstractHttpServer with its own router rather than QHttpServer: Qt HTTP
// Server 6.4 reports Vault's LIST method as Method::Unknown, which QHttpServer's
// route() never matches, and the own router gives Vault's 404 and 405.
// Requests are handled on the thread that owns the server; the engine's calls
// block that thread for their length (lookups are served from the engine's
// ValidationCache; writes wait for their group commit).
class ApiHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    ApiHttpServer(engine::TokenEngine& engine, const ApiLimits& limits, QObject* parent = nullptr);

    const Router& router() const { return m_router; }
    const ApiLimits& limits() const { return m_limits; }

    // The response to one request (also what the tests drive without sockets).
    ApiResponse dispatch(ApiRequest& request, const QByteArray& tokenHeader);

    // The token of a request: X-Vault-Token, else Authorization: Bearer.
    static QByteArray tokenOf(const QHttpServerRequest& request);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    ApiResponse authenticated(ApiRequest& request, const Route& route,
                              const QByteArray& tokenHeader);
    void write(const QHttpServerRequest& request, QTcpSocket* socket, const ApiResponse& response,
               const QString& requestId);

    engine::TokenEngine& m_engine;
    ApiLimits m_limits;
    Router m_router;
    RateLimiter m_loginLimiter;
    RateLimiter m_failedTokenLimiter;
};

} // namespace tessera::api
