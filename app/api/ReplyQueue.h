#pragma once

#include <QObject>
#include <functional>
#include <map>

class QTcpSocket;

namespace tessera::api {

// The answers of one connection, in the order its requests arrived. Requests
// are handled on worker threads and may finish out of order, but HTTP/1.1
// answers a pipelining client's requests in sequence: each request reserves a
// place when it arrives, and an answer that finishes early waits for those
// before it. A child of its socket, so it goes when the connection does.
class ReplyQueue : public QObject
{
    Q_OBJECT

public:
    using Writer = std::function<void(QTcpSocket* socket)>;

    // The socket's queue, made on first use.
    static ReplyQueue* of(QTcpSocket* socket);
    // Every request the socket's queue took has its answer written.
    static bool isIdle(const QTcpSocket& socket);

    quint64 reserve() { return m_reserved++; }
    // The answer for place `slot`: written now if every earlier one has been.
    void complete(quint64 slot, Writer write);

private:
    explicit ReplyQueue(QTcpSocket* socket);

    QTcpSocket* m_socket;
    quint64 m_reserved = 0;
    quint64 m_written = 0;
    std::map<quint64, Writer> m_waiting;
};

} // namespace tessera::api
