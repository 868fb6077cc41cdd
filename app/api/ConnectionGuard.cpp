#include "api/ConnectionGuard.h"

#include "api/ApiResponse.h"
#include "api/HttpAnswer.h"
#include "api/RequestHead.h"

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
    GuardedTcpServer(const ApiLimits& limits, const ConnectionGuard::Shortcut& shortcut,
                     const QString& peerName)
        : m_limits(limits)
        , m_shortcut(shortcut)
        , m_peerName(peerName)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this); // owned by the server until the HTTP server takes it
        if (!socket->setSocketDescriptor(descriptor)) {
            socket->deleteLater();
            return;
        }
        ConnectionGuard::attach(socket, m_limits, m_shortcut, m_peerName);
        addPendingConnection(socket);
    }

private:
    ApiLimits m_limits;
    ConnectionGuard::Shortcut m_shortcut;
    QString m_peerName;
};

// A '\n' without the '\r' before it: Qt HTTP Server ends lines there, the guard
// would not, so such a request is refused before Qt reads it.
bool hasBareLf(QByteArrayView bytes)
{
    for (qsizetype at = bytes.indexOf('\n'); at >= 0; at = bytes.indexOf('\n', at + 1)) {
        if (at == 0 || bytes[at - 1] != '\r')
            return true;
    }
    return false;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

qint64 monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const ApiLimits& limits,
                                 const Shortcut& shortcut)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_shortcut(shortcut)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    arm(m_limits.idleTimeoutMs);
}

void ConnectionGuard::attach(QTcpSocket* socket, const ApiLimits& limits, const Shortcut& shortcut,
                             const QString& peerName)
{
    auto* guard = new ConnectionGuard(socket, limits, shortcut); // a child of the socket
    guard->m_peerAddress = peerName;
}

ConnectionGuard* ConnectionGuard::of(const QTcpSocket* socket)
{
    return socket->findChild<ConnectionGuard*>(QString(), Qt::FindDirectChildrenOnly);
}

QString ConnectionGuard::peerAddressOf(const QTcpSocket& socket)
{
    ConnectionGuard* guard = of(&socket);
    if (guard && !guard->m_peerAddress.isEmpty())
        return guard->m_peerAddress;
    QHostAddress address = socket.peerAddress();
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(v4);
    QString text = address.toString();
    if (guard)
        guard->m_peerAddress = text;
    return text;
}

std::unique_ptr<QTcpServer> ConnectionGuard::makeServer(const ApiLimits& limits,
                                                        const QSslConfiguration* tls,
                                                        const Shortcut& shortcut,
                                                        const QString& peerName)
{
    if (!tls)
        return std::make_unique<GuardedTcpServer>(limits, shortcut, peerName);
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(*tls);
    server->setHandshakeTimeout(limits.requestTimeoutMs);
    QObject::connect(server.get(), &QSslServer::startedEncryptionHandshake, server.get(),
                     [limits, shortcut](QSslSocket* socket) { attach(socket, limits, shortcut); });
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

bool ConnectionGuard::requestHandled()
{
    if (m_phase == Phase::Rejected || m_phase == Phase::Closing)
        return true;
    m_head.clear();
    m_bodySeen = 0;
    arm(m_limits.idleTimeoutMs);
    m_phase = m_keepAlive ? Phase::Idle : Phase::Closing;
    return !m_keepAlive;
}

void ConnectionGuard::onReadyRead()
{
    if (m_phase == Phase::Rejected) {
        drain();
        return;
    }
    while (m_phase == Phase::Idle && answerShortcut()) {
    }
    if (m_phase == Phase::Closing) {
        (void)m_socket->readAll(); // not for Qt's parser: nothing more is answered
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

bool ConnectionGuard::answerShortcut()
{
    if (!m_shortcut.answer)
        return false;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return false;
    m_peeked.resize(std::min<qint64>(available, m_limits.maxHeaderBytes + kHeaderEnd.size()));
    const qint64 peeked = m_socket->peek(m_peeked.data(), m_peeked.size());
    const QByteArrayView bytes = QByteArrayView(m_peeked).first(std::max<qint64>(peeked, 0));
    if (std::none_of(m_shortcut.requestLines.cbegin(), m_shortcut.requestLines.cend(),
                     [bytes](const QByteArray& line) { return bytes.startsWith(line); }))
        return false;
    const qsizetype end = bytes.indexOf(kHeaderEnd);
    if (end < 0)
        return false; // the rest of the head is still to come: inspect() follows it
    const QByteArrayView head = bytes.first(end + 2);
    const RequestHead request = RequestHead::read(head);
    if (request.status != 0 || request.chunked || request.contentLength > 0)
        return false; // refused or read by inspect(), as any request
    std::optional<QByteArray> answer = m_shortcut.answer(head, *m_socket, request.keepAlive);
    if (!answer)
        return false;
    // Qt HTTP Server starts a read transaction on every readyRead and commits
    // it only with a request it parsed; left open, it would keep every byte
    // read here. It holds nothing now: the guard is between requests.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(end + kHeaderEnd.size());
    m_socket->write(*answer);
    m_socket->flush(); // now, rather than on the event loop's next turn
    m_keepAlive = request.keepAlive;
    if (requestHandled()) {
        m_socket->disconnectFromHost();
        return false;
    }
    return true;
}

void ConnectionGuard::inspect(QByteArrayView chunk)
{
    if (m_phase == Phase::Idle) {
        m_phase = Phase::Headers;
        arm(m_limits.requestTimeoutMs);
    }
    QByteArrayView body;
    if (m_phase == Phase::Headers) {
        // Usually a request's header block arrives whole: then it is read where
        // it is, without a copy.
        const qsizetype before = m_head.size();
        const qsizetype room = m_limits.maxHeaderBytes + kHeaderEnd.size() - before;
        const QByteArrayView part = chunk.first(std::min(chunk.size(), room));
        if (before > 0)
            m_head.append(part);
        const QByteArrayView head = before > 0 ? QByteArrayView(m_head) : part;
        // Empty lines before a request line are ignored (RFC 9112 §2.2), as Qt does.
        qsizetype lead = 0;
        while (head.sliced(lead).startsWith("\r\n"))
            lead += 2;
        const qsizetype end = head.indexOf(kHeaderEnd, lead);
        if (end < 0) {
            if (hasBareLf(head.sliced(lead)))
                reject(400, QStringLiteral("lines must end in CRLF"));
            else if (head.size() > m_limits.maxHeaderBytes)
                reject(431, QStringLiteral("request headers too large"));
            else if (before == 0)
                m_head = part.toByteArray();
            return;
        }
        const RequestHead request = RequestHead::read(head.sliced(lead, end + 2 - lead));
        if (request.status != 0) {
            reject(request.status, QString::fromLatin1(request.problem));
            return;
        }
        m_keepAlive = request.keepAlive;
        m_chunked = request.chunked;
        m_chunk = Chunk::Size;
        m_chunkLeft = 0;
        m_sizeDigits = 0;
        body = chunk.sliced(end + kHeaderEnd.size() - before);
        if (request.contentLength > m_limits.maxBodyBytes) {
            reject(413, QStringLiteral("http: request body too large"),
                   request.contentLength - body.size());
            return;
        }
        m_phase = Phase::Body;
        m_bodySeen = body.size();
        m_head.clear();
    } else {
        body = chunk;
        m_bodySeen += chunk.size();
    }
    if (m_chunked) {
        if (const int status = followChunks(body); status != 0) {
            reject(status, status == 413 ? QStringLiteral("http: request body too large")
                                         : QStringLiteral("malformed chunked body"));
            return;
        }
    }
    // Chunked bodies (or lies about the length) are counted as they arrive.
    if (m_bodySeen > m_limits.maxBodyBytes + 64)
        reject(413, QStringLiteral("http: request body too large"));
}

int ConnectionGuard::followChunks(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size() && m_chunk != Chunk::Done; ++i) {
        const char c = bytes[i];
        switch (m_chunk) {
        case Chunk::Size:
            if (const int digit = hexValue(c); digit >= 0) {
                m_chunkLeft = m_chunkLeft * 16 + digit;
                if (++m_sizeDigits > 16 || m_chunkLeft > m_limits.maxBodyBytes)
                    return 413;
            } else if (m_sizeDigits > 0 && (c == ';' || c == '\r')) {
                m_chunk = c == ';' ? Chunk::Extension : Chunk::SizeLf;
            } else {
                return 400;
            }
            break;
        case Chunk::Extension:
            if (c == '\r')
                m_chunk = Chunk::SizeLf;
            else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                return 400;
            break;
        case Chunk::SizeLf:
            if (c != '\n')
                return 400;
            m_sizeDigits = 0;
            m_chunk = m_chunkLeft == 0 ? Chunk::LastCr : Chunk::Data;
            break;
        case Chunk::Data: {
            const qint64 taken = std::min<qint64>(m_chunkLeft, bytes.size() - i);
            m_chunkLeft -= taken;
            i += taken - 1;
            if (m_chunkLeft == 0)
                m_chunk = Chunk::DataCr;
            break;
        }
        case Chunk::DataCr:
        case Chunk::LastCr:
            // After the last chunk Qt reads no trailer fields: only the blank line.
            if (c != '\r')
                return 400;
            m_chunk = m_chunk == Chunk::DataCr ? Chunk::DataLf : Chunk::LastLf;
            break;
        case Chunk::DataLf:
        case Chunk::LastLf:
            if (c != '\n')
                return 400;
            m_chunk = m_chunk == Chunk::DataLf ? Chunk::Size : Chunk::Done;
            break;
        case Chunk::Done:
            break;
        }
    }
    return 0;
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
        reject(408, QStringLiteral("request timed out"));
    else
        m_socket->abort();
}

void ConnectionGuard::reject(int status, const QString& message, qint64 unreadBody)
{
    m_phase = Phase::Rejected;
    m_socket->write(HttpAnswer::bytes(ApiResponse::error(status, message), {}, false, true));
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
