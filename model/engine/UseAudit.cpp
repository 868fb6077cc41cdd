#include "engine/UseAudit.h"

#include "audit/AuditLog.h"
#include "store/GroupCommit.h"

#include <QtGlobal>

namespace tessera::engine {

UseAudit::UseAudit(store::GroupCommit& group, const audit::AuditLog& log)
    : m_group(group)
    , m_log(log)
    , m_thread([this] { run(); })
{}

UseAudit::~UseAudit()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    if (auto flushed = flush(); !flushed.ok())
        qWarning("tessera: audit records of token uses were lost: %s",
                 qPrintable(flushed.error().message));
}

Status UseAudit::add(audit::AuditRecord record, std::optional<LastUse::Note> use)
{
    qsizetype queued = 0;
    {
        const std::lock_guard lock(m_mutex);
        m_queue.append(std::move(record));
        if (use)
            m_uses.append(std::move(*use));
        queued = m_queue.size();
    }
    if (queued == 1)
        m_wake.notify_one();
    if (queued > kMaxQueued)
        return flush();
    return {};
}

Status UseAudit::flush()
{
    const std::lock_guard flushing(m_flushMutex);
    QList<audit::AuditRecord> batch;
    QList<LastUse::Note> uses;
    {
        const std::lock_guard lock(m_mutex);
        batch.swap(m_queue);
        uses.swap(m_uses);
        // The next batch will be about as large: grow the queue once, not by steps.
        m_queue.reserve(batch.size());
    }
    if (batch.isEmpty())
        return {};
    // GroupCommit may run a write twice. No copy needed: appending a record again
    // only assigns its sequence and MAC anew.
    const Status written = m_group.run([&](store::Database& db) -> Status {
        TESSERA_TRY(m_log.append(db, batch));
        return LastUse::write(db, uses);
    });
    if (!written.ok()) {
        const std::lock_guard lock(m_mutex);
        m_queue = batch + m_queue; // kept for the next attempt
        m_uses = uses + m_uses;
    }
    return written;
}

void UseAudit::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.isEmpty(); });
        if (m_stopping)
            break;
        // Let a batch gather, then append it.
        m_wake.wait_for(lock, std::chrono::milliseconds(kFlushIntervalMs),
                        [this] { return m_stopping; });
        lock.unlock();
        if (auto flushed = flush(); !flushed.ok()) {
            qWarning("tessera: appending audit records of token uses failed: %s",
                     qPrintable(flushed.error().message));
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        lock.lock();
    }
}

} // namespace tessera::engine
