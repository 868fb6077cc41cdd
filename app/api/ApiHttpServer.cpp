#include "api/ApiHttpServer.h"

#include "api/ConnectionGuard.h"
#include "api/Handlers.h"
#include "api/HttpAnswer.h"
#include "api/ReplyQueue.h"
#include "api/RequestHead.h"
#include "core/GoBool.h"
#include "engine/TokenEngine.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUuid>
#include <algorithm>
#include <array>
#include <vector>

namespace tessera::api {
namespace {

using Method = QHttpServerRequest::Method;

QString methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Unknown:
        // Qt HTTP Server 6.4 knows no LIST; Vault's clients send nothing else unknown.
        return QStringLiteral("LIST");
    default:
        return QStringLiteral("OTHER");
    }
}

// Where `name` stands in `names`, in any case; -1 when it is not there.
qsizetype indexOfName(const QList<QByteArray>& names, QByteArrayView name)
{
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names[i].size() == name.size() && names[i].compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QString clientOf(const QString& address)
{
    return QStringLiteral("api:") + address;
}

QString newRequestId()
{
    // Unique, not secret: the seeded generator spares every request the
    // getrandom() call of QUuid::createUuid().
    std::array<quint32, 4> words{};
    QRandomGenerator::global()->fillRange(words.data(), int(words.size()));
    QByteArray bytes(reinterpret_cast<const char*>(words.data()), 16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

// The request's token as one use of it. On the server's thread (Runs::Inline)
// nullopt when the use must be counted: that waits for a commit, on a worker.
Result<std::optional<engine::Caller>> authenticate(engine::TokenEngine& engine,
                                                   const ApiRequest& request, Runs thread)
{
    const QString path = request.path.mid(4); // without "/v1/"
    if (thread == Runs::Inline)
        return engine.tokens().authenticateWithoutWaiting(request.rawToken, request.client,
                                                          request.requestId, path);
    auto caller =
        engine.tokens().authenticate(request.rawToken, request.client, request.requestId, path);
    TESSERA_TRY(caller);
    return std::optional<engine::Caller>(std::move(*caller));
}

// Vault repeats a sys/ answer's data at the top level (its documented shape, e.g.
// {"policies": [...]}, and what hvac's and node-vault's users read).
ApiResponse withTransportShape(const ApiRequest& request, ApiResponse response)
{
    if (request.path.startsWith(QLatin1String("/v1/sys/")))
        response.repeatDataAtTopLevel();
    return response;
}

ApiResponse tooManyRequests(RateLimiter& limiter, const QString& client)
{
    return ApiResponse::error(429, QStringLiteral("rate limit quota exceeded; try again later"))
        .retryAfter(std::max<qint64>(1, limiter.secondsUntilAvailable(client)));
}

} // namespace

ApiHttpServer::ApiHttpServer(engine::TokenEngine& engine, const ApiLimits& limits, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_engine(engine)
    , m_limits(limits)
    , m_gate(engine, limits)
    , m_loginLimiter(limits.loginBurst, limits.loginPerSecond)
    , m_failedTokenLimiter(limits.failedTokenBurst, limits.failedTokenPerSecond)
{
    addTokenRoutes(m_router, engine);
    addSysRoutes(m_router, engine);
    addUserpassRoutes(m_router, engine);
    addPassRoutes(m_router, engine);
    addCubbyholeRoutes(m_router, engine);
    addOidcRoutes(m_router, engine);
    m_workers.setMaxThreadCount(limits.workerThreads);
}

ApiHttpServer::~ApiHttpServer()
{
    m_workers.waitForDone();
}

QByteArray ApiHttpServer::tokenOf(const QHttpServerRequest& request)
{
    QByteArray token = request.value(QByteArrayLiteral("X-Vault-Token")).trimmed();
    if (!token.isEmpty())
        return token;
    const QByteArray authorization = request.value(QByteArrayLiteral("Authorization")).trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return authorization.mid(7).trimmed();
    return {};
}

bool ApiHttpServer::handleRequest(const QHttpServerRequest& httpRequest, QTcpSocket* socket)
{
    bool close = false; // after this answer: the client asked for it
    if (ConnectionGuard* guard = ConnectionGuard::of(socket)) {
        if (guard->rejected())
            return true;
        close = guard->requestHandled();
    }
    ApiRequest request;
    request.method = methodName(httpRequest.method());
    request.path = httpRequest.url().path();
    request.query = httpRequest.query();
    request.body = httpRequest.body();
    request.client = clientOf(ConnectionGuard::peerAddressOf(*socket));
    request.requestId = newRequestId();
    request.mfaHeader = httpRequest.value(QByteArrayLiteral("X-Vault-MFA"));

    const QByteArray token = tokenOf(httpRequest);

    // Qt keeps one QHttpServerRequest per connection until the socket is gone,
    // and the queue is the socket's child: while the queue lives, so does it.
    QPointer<ReplyQueue> replies = ReplyQueue::of(socket);
    const quint64 slot = replies->reserve();
    const bool head = httpRequest.method() == Method::Head;
    const auto answer = [replies, slot, head, close](const ApiResponse& response,
                                                     const QString& requestId) {
        if (!replies)
            return; // the client has gone
        replies->complete(slot, [=](QTcpSocket* connection) {
            write(connection, response, requestId, head, close);
        });
    };
    if (request.path.startsWith(QLatin1String("/gate/"))) {
        // The patron's side, outside Vault's /v1: reverse proxies' checks and
        // the browser's pages.
        QHash<QByteArray, QByteArray> headers;
        for (const QByteArray& name : GateEndpoint::headerNames())
            headers.insert(name.toLower(), httpRequest.value(name));
        GateRequest gate = gateRequest(
            request.method.toLatin1(), request.path, request.query, request.body,
            [headers = std::move(headers)](const QByteArray& name) {
                return headers.value(name.toLower());
            },
            *socket, request.requestId);
        // A proxy's repeated check of a cached token is answered here: the
        // hop to a worker and back cost more than the check itself.
        if (auto response = m_gate.handleWithoutWaiting(gate)) {
            answer(*response, request.requestId);
            return true;
        }
        m_workers.start([this, gate = std::move(gate), answer] {
            const ApiResponse response = m_gate.handle(gate);
            QMetaObject::invokeMethod(
                this, [answer, response, id = gate.requestId] { answer(response, id); },
                Qt::QueuedConnection);
        });
        return true;
    }
    // Matched once, here: 404, 405 and 413 are answered at once, routes served
    // from memory too (unless the token's use must be counted), the rest on a
    // worker.
    auto matched =
        request.body.size() > m_limits.maxBodyBytes
            ? Matched(ApiResponse::error(413, QStringLiteral("http: request body too large")))
            : match(request);
    if (const auto* early = std::get_if<ApiResponse>(&matched)) {
        answer(withTransportShape(request, *early), request.requestId);
        return true;
    }
    const Route* route = std::get<const Route*>(matched);
    if (route->runs == Runs::Inline) {
        if (auto response = serve(request, *route, token, Runs::Inline)) {
            answer(withTransportShape(request, *response), request.requestId);
            return true;
        }
    }
    m_workers.start([this, request = std::move(request), route, token, answer]() mutable {
        const ApiResponse response =
            withTransportShape(request, *serve(request, *route, token, Runs::Worker));
        QMetaObject::invokeMethod(
            this, [answer, response, id = request.requestId] { answer(response, id); },
            Qt::QueuedConnection);
    });
    return true;
}

void ApiHttpServer::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    write(socket, ApiResponse::error(404, QStringLiteral("not found")), {}, false, false);
}

ConnectionGuard::Shortcut ApiHttpServer::checkShortcut()
{
    return {{QByteArrayLiteral("GET /gate/check "), QByteArrayLiteral("HEAD /gate/check ")},
            [this](QByteArrayView head, QTcpSocket& socket, bool keepAlive) {
                return answerCheck(head, socket, keepAlive);
            }};
}

std::optional<QByteArray> ApiHttpServer::answerCheck(QByteArrayView head, QTcpSocket& socket,
                                                     bool keepAlive)
{
    // Answers go out in request order: none before Qt's earlier requests on
    // this connection have theirs.
    if (!ReplyQueue::isIdle(socket))
        return std::nullopt;
    // The fields the gate reads, in one pass over the head (which outlives
    // the check: the views need no copy).
    const QList<QByteArray>& names = GateEndpoint::headerNames();
    std::vector<std::optional<QByteArrayView>> values(size_t(names.size()));
    bool repeated = false;
    RequestHead::forEachField(head, [&](QByteArrayView name, QByteArrayView value) {
        if (const qsizetype i = indexOfName(names, name); i >= 0) {
            repeated = repeated || values[size_t(i)].has_value();
            values[size_t(i)] = value;
        }
    });
    if (repeated)
        return std::nullopt; // which one counts is Qt HTTP Server's to say, as for any request
    const bool isHead = head.startsWith("HEAD ");
    QString requestId = newRequestId();
    const GateRequest gate = gateRequest(
        isHead ? QByteArrayLiteral("HEAD") : QByteArrayLiteral("GET"),
        QStringLiteral("/gate/check"), {}, {},
        [&names, &values](const QByteArray& name) {
            const qsizetype i = indexOfName(names, name);
            return i >= 0 && values[size_t(i)] ? values[size_t(i)]->toByteArray() : QByteArray();
        },
        socket, requestId);
    const std::optional<ApiResponse> response = m_gate.handleWithoutWaiting(gate);
    if (!response)
        return std::nullopt; // a use to count: Qt HTTP Server's request, on a worker
    return HttpAnswer::bytes(*response, requestId, isHead, !keepAlive);
}

GateRequest ApiHttpServer::gateRequest(QByteArray method, QString path, QUrlQuery query,
                                       QByteArray body, GateForward::HeaderLookup header,
                                       const QTcpSocket& socket, QString requestId) const
{
    // Behind a trusted proxy the browser's address counts, not the proxy's.
    QString client = clientOf(m_gate.config().clientAddress(
        ConnectionGuard::peerAddressOf(socket), header(QByteArrayLiteral("X-Forwarded-For"))));
    return GateRequest{std::move(method), std::move(path),   std::move(query),    std::move(body),
                       std::move(header), std::move(client), std::move(requestId)};
}

ApiResponse ApiHttpServer::dispatch(ApiRequest& request, const QByteArray& tokenHeader)
{
    auto matched = match(request);
    if (const auto* early = std::get_if<ApiResponse>(&matched))
        return *early;
    return *serve(request, *std::get<const Route*>(matched), tokenHeader, Runs::Worker);
}

ApiHttpServer::Matched ApiHttpServer::match(ApiRequest& request) const
{
    // Vault reads ?list= with Go's ParseBool: hvac's client.list() sends "True".
    const bool listQuery =
        parseGoBool(request.query.queryItemValue(QStringLiteral("list"))).value_or(false);
    request.method = Router::vaultMethod(request.method, listQuery);
    Router::Match match = m_router.match(request.method, request.path);
    switch (match.outcome) {
    case Router::Match::Outcome::NotFound:
        return ApiResponse::error(
            404, QStringLiteral("no handler for route \"%1\". route entry not found.")
                     .arg(request.path.mid(4)));
    case Router::Match::Outcome::MethodNotAllowed:
        return ApiResponse::error(405, QStringLiteral("unsupported operation"));
    case Router::Match::Outcome::Found:
        break;
    }
    request.params = std::move(match.params);
    return match.route;
}

std::optional<ApiResponse> ApiHttpServer::serve(ApiRequest& request, const Route& route,
                                                const QByteArray& tokenHeader, Runs thread)
{
    switch (route.access) {
    case Access::Public:
        return route.handler(request);
    case Access::Login:
        if (!m_loginLimiter.take(request.client))
            return tooManyRequests(m_loginLimiter, request.client);
        return route.handler(request);
    case Access::Token:
        break;
    }
    return authenticated(request, route, tokenHeader, thread);
}

std::optional<ApiResponse> ApiHttpServer::authenticated(ApiRequest& request, const Route& route,
                                                        const QByteArray& tokenHeader, Runs thread)
{
    if (!m_failedTokenLimiter.available(request.client))
        return tooManyRequests(m_failedTokenLimiter, request.client);
    if (tokenHeader.isEmpty()) {
        m_failedTokenLimiter.take(request.client);
        return ApiResponse::error(403, QStringLiteral("permission denied"));
    }
    request.rawToken = QString::fromLatin1(tokenHeader);
    auto caller = authenticate(m_engine, request, thread);
    if (!caller.ok()) {
        if (caller.error().code == ErrorCode::PermissionDenied)
            m_failedTokenLimiter.take(request.client);
        return ApiResponse::fromError(caller.error());
    }
    if (!caller->has_value())
        return std::nullopt;
    request.caller = std::move(**caller);
    ApiResponse response = route.handler(request);
    // The use that reached a use limit revokes the token now that it is done.
    (void)m_engine.tokens().completeUse(request.caller);
    return response;
}

void ApiHttpServer::write(QTcpSocket* socket, const ApiResponse& response, const QString& requestId,
                          bool head, bool close)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    socket->write(HttpAnswer::bytes(response, requestId, head, close));
    // After the answer: the socket sends what it holds before it closes.
    if (close)
        socket->disconnectFromHost();
}

} // namespace tessera::api
