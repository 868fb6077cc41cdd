#pragma once

#include "api/ApiLimits.h"
#include "api/ConnectionGuard.h"
#include "api/GateEndpoint.h"
#include "api/RateLimiter.h"
#include "api/Router.h"

#include <QAbstractHttpServer>
#include <QThreadPool>
#include <optional>
#include <variant>

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
// The server's thread parses, answers what is served from memory (Runs::Inline:
// lookup-self with a token without a use limit, sys/health) and writes; every
// other handler runs on a worker thread, so the engine's waits never block the
// event loop (the GUI's, in the console) and concurrent writes are in flight
// together, which lets the engine's GroupCommit share one durable commit among
// them. Answers go out in each connection's request order (ReplyQueue).
class ApiHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    ApiHttpServer(engine::TokenEngine& engine, const ApiLimits& limits, QObject* parent = nullptr);
    // Waits for the requests still being handled.
    ~ApiHttpServer() override;

    const Router& router() const { return m_router; }
    const ApiLimits& limits() const { return m_limits; }
    // The gate's pages and checks (set before listening).
    void configureGate(const GateConfig& config, bool tls) { m_gate.configure(config, tls); }

    // The response to one request (also what the tests drive without sockets).
    // Thread-safe: the worker threads call it.
    ApiResponse dispatch(ApiRequest& request, const QByteArray& tokenHeader);

    // The token of a request: X-Vault-Token, else Authorization: Bearer.
    static QByteArray tokenOf(const QHttpServerRequest& request);

    // For the connections' guards (ConnectionGuard::makeServer): a reverse
    // proxy's GET or HEAD of /gate/check, answered from its head when that
    // needs no commit, with no Qt HTTP Server request in between.
    ConnectionGuard::Shortcut checkShortcut();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    // The route a request names (its parameters filled in), or Vault's 404 / 405.
    using Matched = std::variant<const Route*, ApiResponse>;
    Matched match(ApiRequest& request) const;
    // The route's answer. With Runs::Inline: nullopt when the token's use must
    // be counted (that waits for a commit, on a worker).
    std::optional<ApiResponse> serve(ApiRequest& request, const Route& route,
                                     const QByteArray& tokenHeader, Runs thread);
    std::optional<ApiResponse> authenticated(ApiRequest& request, const Route& route,
                                             const QByteArray& tokenHeader, Runs thread);
    std::optional<QByteArray> answerCheck(QByteArrayView head, QTcpSocket& socket, bool keepAlive);
    // A request to the gate, its headers read through `header`.
    GateRequest gateRequest(QByteArray method, QString path, QUrlQuery query, QByteArray body,
                            GateForward::HeaderLookup header, const QTcpSocket& socket,
                            QString requestId) const;
    // `head`: a HEAD request, answered without the body; `close`: the
    // connection is closed after the answer.
    static void write(QTcpSocket* socket, const ApiResponse& response, const QString& requestId,
                      bool head, bool close);

    engine::TokenEngine& m_engine;
    ApiLimits m_limits;
    Router m_router;
    GateEndpoint m_gate;
    RateLimiter m_loginLimiter;
    RateLimiter m_failedTokenLimiter;
    QThreadPool m_workers;
};

} // namespace tessera::api
