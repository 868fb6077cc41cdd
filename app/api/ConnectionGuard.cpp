#include "api/ConnectionGuard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

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
// body is chunked.
qint64 contentLength(const QByteArray& head, bool& chunked)
{
    chunked = false;
    qint64 length = -1;
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray& rawLine : lines) {
        const qsizetype colon = rawLine.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = rawLine.left(colon).trimmed().toLower();
        const QByteArray value = rawLine.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 declared = value.toLongLong(&ok);
            length = ok ? declared : std::numeric_limits<qint64>::max();
        } else if (name == "transfer-encoding") {
            chunked = value.toLower().contains("chunked");
        }
    }
    return length;
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
    m_timer.start(ms);
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
    if (available > 0)
        inspect(m_socket->peek(available));
}

void ConnectionGuard::inspect(const QByteArray& chunk)
{
    if (m_phase == Phase::Idle) {
        m_phase = Phase::Headers;
        arm(m_limits.requestTimeoutMs);
    }
    if (m_phase == Phase::Headers) {
        const qsizetype before = m_head.size();
        m_head.append(chunk.left(m_limits.maxHeaderBytes + kHeaderEnd.size() - before));
        const qsizetype end = m_head.indexOf(kHeaderEnd);
        if (end < 0) {
            if (m_head.size() > m_limits.maxHeaderBytes)
                reject(431, "Request Header Fields Too Large",
                       QStringLiteral("request headers too large"));
            return;
        }
        bool chunked = false;
        const qint64 declared = contentLength(m_head.left(end), chunked);
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
