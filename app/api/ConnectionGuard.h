#pragma once

#include "api/ApiLimits.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;

namespace tessera::api {

// Enforces ApiLimits and HTTP/1.1 framing on one connection before Qt HTTP
// Server buffers and parses the request, which it would otherwise do without
// bound and too leniently: it sees every chunk of input first (it is connected
// to readyRead before the server is), refuses a head that Qt could read
// differently (RequestHead: 400, 431, 505) or a malformed chunked body (400),
// answers a declared or actual body over the limit with 413, a header block
// over the limit with 431, a request that does not arrive within
// requestTimeoutMs with 408, and closes the connection; an idle keep-alive
// connection is closed after idleTimeoutMs, and one whose request asked for it
// (Connection: close, HTTP/1.0) after its answer. A child of its socket.
//
// It may also answer a request itself (Shortcut): a reverse proxy's check is
// answered from its head alone, and Qt HTTP Server's parsing, request object
// and dispatch cost more than the check (docs/ARCHITECTURE.md, «The gate»).
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    // Requests the guard answers without Qt HTTP Server: whole heads without
    // a body, at the start of what the connection has sent since its last
    // answered request, whose request line starts with one of `requestLines`
    // ("GET /gate/check "). `answer` gets the head (request line and fields,
    // each line ending in CRLF, already checked by RequestHead) and whether
    // the connection stays open, and returns the whole answer's bytes, or
    // nullopt to leave the request to Qt HTTP Server after all.
    struct Shortcut
    {
        QList<QByteArray> requestLines;
        std::function<std::optional<QByteArray>(QByteArrayView head, QTcpSocket& socket,
                                                bool keepAlive)>
            answer;
    };

    // `peerName`: what to call the client when its socket has no address (a
    // Unix-domain socket: "unix"); empty: its address.
    static void attach(QTcpSocket* socket, const ApiLimits& limits, const Shortcut& shortcut = {},
                       const QString& peerName = {});
    static ConnectionGuard* of(const QTcpSocket* socket);
    // The client's address as text, an IPv4-mapped IPv6 address as IPv4;
    // worked out once per connection when it has a guard.
    static QString peerAddressOf(const QTcpSocket& socket);

    // The server answers a request: the next one starts from scratch. True when
    // the connection must be closed after this answer (the client asked for it):
    // the guard then discards whatever else arrives.
    bool requestHandled();
    // A limit was hit and answered, or the connection closes after the answer
    // being prepared: the server must not answer anything more on it.
    bool rejected() const { return m_phase == Phase::Rejected || m_phase == Phase::Closing; }

    // A server whose connections get a guard each: plain TCP, or TLS when
    // `tls` is given (the guard is attached when the handshake starts, so
    // QSslServer's handshake timeout covers the handshake). Its clients are
    // called `peerName` when given (see attach()).
    static std::unique_ptr<QTcpServer> makeServer(const ApiLimits& limits,
                                                  const QSslConfiguration* tls,
                                                  const Shortcut& shortcut = {},
                                                  const QString& peerName = {});

private:
    ConnectionGuard(QTcpSocket* socket, const ApiLimits& limits, const Shortcut& shortcut);
    void onReadyRead();
    // Answers the request at the front of the input through the shortcut;
    // false when it is not one for the shortcut (or the connection closes).
    bool answerShortcut();
    void onTimeout();
    void inspect(QByteArrayView chunk);
    // Follows a chunked body's framing; 0, or the status to refuse it with.
    int followChunks(QByteArrayView bytes);
    // Answers `status` and closes, after reading up to `unreadBody` more bytes.
    void reject(int status, const QString& message, qint64 unreadBody = 0);
    void drain();
    void arm(int ms);

    enum class Phase
    {
        Idle,
        Headers,
        Body,
        Rejected,
        Closing, // the last request is being answered; the rest is discarded
    };
    // Where a chunked body is (RFC 9112 §7.1); trailer fields are refused.
    enum class Chunk
    {
        Size,
        Extension,
        SizeLf,
        Data,
        DataCr,
        DataLf,
        LastCr,
        LastLf,
        Done,
    };
    QTcpSocket* m_socket;
    ApiLimits m_limits;
    Shortcut m_shortcut;
    QString m_peerAddress; // empty until asked for
    QTimer m_timer;
    qint64 m_deadlineMs = 0; // of the current phase, on the steady clock
    qint64 m_timerDueMs = 0; // when m_timer fires, never after m_deadlineMs
    QTimer m_drainPoll;
    qint64 m_drainLeft = 0;
    Phase m_phase = Phase::Idle;
    QByteArray m_head;   // the request line and headers so far, when they came in parts
    QByteArray m_peeked; // reused for each chunk
    qint64 m_bodySeen = 0;
    bool m_keepAlive = true; // of the request being read
    bool m_chunked = false;
    Chunk m_chunk = Chunk::Size;
    qint64 m_chunkLeft = 0; // the size being read, then the bytes of data still to come
    int m_sizeDigits = 0;
};

} // namespace tessera::api
