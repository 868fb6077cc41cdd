#include "api/ReplyQueue.h"

#include <QTcpSocket>

namespace tessera::api {

ReplyQueue::ReplyQueue(QTcpSocket* socket)
    : QObject(socket)
    , m_socket(socket)
{}

ReplyQueue* ReplyQueue::of(QTcpSocket* socket)
{
    if (auto* queue = socket->findChild<ReplyQueue*>(QString(), Qt::FindDirectChildrenOnly))
        return queue;
    return new ReplyQueue(socket); // owned by the socket
}

bool ReplyQueue::isIdle(const QTcpSocket& socket)
{
    const auto* queue = socket.findChild<ReplyQueue*>(QString(), Qt::FindDirectChildrenOnly);
    return !queue || queue->m_written == queue->m_reserved;
}

void ReplyQueue::complete(quint64 slot, Writer write)
{
    m_waiting.emplace(slot, std::move(write));
    for (auto next = m_waiting.find(m_written); next != m_waiting.end();
         next = m_waiting.find(m_written)) {
        const Writer writer = std::move(next->second);
        m_waiting.erase(next);
        ++m_written;
        writer(m_socket);
    }
}

} // namespace tessera::api
