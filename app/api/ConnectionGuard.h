#pragma once

#include "api/ApiLimits.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <memory>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;

namespace tessera::api {

// Enforces ApiLimits on one connection before Qt HTTP Server buffers the
// request, which it would otherwise do without bound: it sees every chunk of
// input first (it is connected to readyRead before the server is), answers a
// declared or actual body over the limit with 413, a header block over the
// limit with 431, a request that does not arrive within requestTimeoutMs with
// 408, and closes the connection; an idle keep-alive connection is closed
// after idleTimeoutMs. A child of its socket.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    static void attach(QTcpSocket* socket, const ApiLimits& limits);
    static ConnectionGuard* of(QTcpSocket* socket);

    // The server answers a request: the next one starts from scratch.
    void requestHandled();
    // A limit was hit and answered: the server must not answer this connection.
    bool rejected() const { return m_phase == Phase::Rejected; }

    // A listening server whose connections get a guard each: plain TCP, or TLS
    // when `tls` is given (the guard is attached when the handshake starts, so
    // QSslServer's handshake timeout covers the handshake).
    static std::unique_ptr<QTcpServer> makeServer(const ApiLimits& limits,
                                                  const QSslConfiguration* tls);

private:
    ConnectionGuard(QTcpSocket* socket, const ApiLimits& limits);
    void onReadyRead();
    void onTimeout();
    void inspect(QByteArrayView chunk);
    // Answers `status` and closes, after reading up to `unreadBody` more bytes.
    void reject(int status, const char* reason, const QString& message, qint64 unreadBody = 0);
    void drain();
    void arm(int ms);

    enum class Phase
    {
        Idle,
        Headers,
        Body,
        Rejected,
    };
    QTcpSocket* m_socket;
    ApiLimits m_limits;
    QTimer m_timer;
    qint64 m_deadlineMs = 0; // of the current phase, on the steady clock
    qint64 m_timerDueMs = 0; // when m_timer fires, never after m_deadlineMs
    QTimer m_drainPoll;
    qint64 m_drainLeft = 0;
    Phase m_phase = Phase::Idle;
    QByteArray m_head;   // the request line and headers so far, when they came in parts
    QByteArray m_peeked; // reused for each chunk
    qint64 m_bodySeen = 0;
};

} // namespace tessera::api
