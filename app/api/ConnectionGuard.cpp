#include "api/ConnectionGuard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <algorithm>
#include <chrono>

namespace tessera::api {
namespace {

const QByteArray kHeaderEnd = QByteArrayLiteral("\r\n\r\n");

class GuardedTcpServer : public QTcpServer
{
public:
    explicit GuardedTcpServer(const ApiLimits& limits)
        : m_limits(limits)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this); // owned by the server until the HTTP server takes it
        if (!socket->setSocketDescriptor(descriptor)) {
            socket->deleteLater();
            return;
        }
        ConnectionGuard::attach(socket, m_limits);
        addPendingConnection(socket);
    }

private:
    ApiLimits m_limits;
};

// The declared Content-Length of a header block (-1: none), and whether the
// body is chunked. Runs for every request: reads the block in place.
qint64 contentLength(QByteArrayView head, bool& chunked)
{
    chunked = false;
    qint64 length = -1;
    while (!head.isEmpty()) {
        const qsizetype newline = head.indexOf('\n');
        const QByteArrayView line = newline < 0 ? head : head.first(newline);
        head = newline < 0 ? QByteArrayView() : head.sliced(newline + 1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 declared = value.toLongLong(&ok);
            length = ok ? declared : std::numeric_limits<qint64>::max();
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            chunked = value.toByteArray().toLower().contains("chunked");
        }
    }
    return length;
}

qint64 monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const ApiLimits& limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    arm(m_limits.idleTimeoutMs);
}

void ConnectionGuard::attach(QTcpSocket* socket, const ApiLimits& limits)
{
    new ConnectionGuard(socket, limits); // a child of the socket
}

ConnectionGuard* ConnectionGuard::of(QTcpSocket* socket)
{
    return socket->findChild<ConnectionGuard*>(QString(), Qt::FindDirectChildrenOnly);
}

std::unique_ptr<QTcpServer> ConnectionGuard::makeServer(const ApiLimits& limits,
                                                        const QSslConfiguration* tls)
{
    if (!tls)
        return std::make_unique<GuardedTcpServer>(limits);
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(*tls);
    server->setHandshakeTimeout(limits.requestTimeoutMs);
    QObject::connect(server.get(), &QSslServer::startedEncryptionHandshake, server.get(),
                     [limits](QSslSocket* socket) { attach(socket, limits); });
    return server;
}

void ConnectionGuard::arm(int ms)
{
    // Every request moves the deadline twice; restarting the timer each time
    // cost more than the rest of the guard. The timer only ever fires early
    // (then onTimeout() sets it for the rest), so it is restarted only when the
    // new deadline comes before it.
    m_deadlineMs = monotonicMs() + ms;
    if (!m_timer.isActive() || m_timerDueMs > m_deadlineMs) {
        m_timer.start(ms);
        m_timerDueMs = m_deadlineMs;
    }
}

void ConnectionGuard::requestHandled()
{
    if (m_phase == Phase::Rejected)
        return;
    m_phase = Phase::Idle;
    m_head.clear();
    m_bodySeen = 0;
    arm(m_limits.idleTimeoutMs);
}

void ConnectionGuard::onReadyRead()
{
    if (m_phase == Phase::Rejected) {
        drain();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    // Peeked into a buffer kept for the connection: no allocation per request.
    m_peeked.resize(available);
    const qint64 peeked = m_socket->peek(m_peeked.data(), available);
    if (peeked > 0)
        inspect(QByteArrayView(m_peeked).first(peeked));
}

void ConnectionGuard::inspect(QByteArrayView chunk)
{
    if (m_phase == Phase::Idle) {
        m_phase = Phase::Headers;
        arm(m_limits.requestTimeoutMs);
    }
    if (m_phase == Phase::Headers) {
        // Usually a request's header block arrives whole: then it is read where
        // it is, without a copy.
        const qsizetype before = m_head.size();
        const qsizetype room = m_limits.maxHeaderBytes + kHeaderEnd.size() - before;
        const QByteArrayView part = chunk.first(std::min(chunk.size(), room));
        if (before > 0)
            m_head.append(part);
        const QByteArrayView head = before > 0 ? QByteArrayView(m_head) : part;
        const qsizetype end = head.indexOf(kHeaderEnd);
        if (end < 0) {
            if (head.size() > m_limits.maxHeaderBytes)
                reject(431, "Request Header Fields Too Large",
                       QStringLiteral("request headers too large"));
            else if (before == 0)
                m_head = part.toByteArray();
            return;
        }
        bool chunked = false;
        const qint64 declared = contentLength(head.first(end), chunked);
        if (declared > m_limits.maxBodyBytes) {
            const qint64 unread = declared - (chunk.size() - (end + kHeaderEnd.size() - before));
            reject(413, "Payload Too Large", QStringLiteral("http: request body too large"),
                   unread);
            return;
        }
        m_phase = Phase::Body;
        m_bodySeen = chunk.size() - (end + kHeaderEnd.size() - before);
        m_head.clear();
    } else {
        m_bodySeen += chunk.size();
    }
    // Chunked bodies (or lies about the length) are counted as they arrive.
    if (m_bodySeen > m_limits.maxBodyBytes + 64)
        reject(413, "Payload Too Large", QStringLiteral("http: request body too large"));
}

void ConnectionGuard::onTimeout()
{
    const qint64 left = m_deadlineMs - monotonicMs();
    if (left > 0) {
        m_timer.start(int(left));
        m_timerDueMs = m_deadlineMs;
        return;
    }
    if (m_phase == Phase::Headers || m_phase == Phase::Body)
        reject(408, "Request Timeout", QStringLiteral("request timed out"));
    else
        m_socket->abort();
}

void ConnectionGuard::reject(int status, const char* reason, const QString& message,
                             qint64 unreadBody)
{
    m_phase = Phase::Rejected;
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("errors"), QJsonArray{message}}})
            .toJson(QJsonDocument::Compact);
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n\r\n" + body;
    m_socket->write(response);
    // What is buffered now has been inspected: `unreadBody` counts only what
    // is still to come. (Counting it again closed the connection while the
    // client was still sending, and its unread 413 was lost to the reset.)
    (void)m_socket->readAll();
    // A client still sending the body it announced reads the answer only once
    // it has sent it: swallow a bounded amount (polling too, since Qt HTTP
    // Server disconnects every socket signal when its parser gives up), then close.
    m_drainLeft = unreadBody <= 8 * m_limits.maxBodyBytes ? unreadBody : 0;
    if (m_drainLeft > 0) {
        connect(&m_drainPoll, &QTimer::timeout, this, &ConnectionGuard::drain);
        m_drainPoll.start(20);
    }
    drain();
    // A client that never reads its answer is cut off.
    arm(m_limits.requestTimeoutMs);
}

void ConnectionGuard::drain()
{
    m_drainLeft -= m_socket->readAll().size();
    if (m_drainLeft <= 0 && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_drainPoll.stop();
        m_socket->disconnectFromHost();
    }
}

} // namespace tessera::api
