#include "store/Checkpointer.h"

#include "store/Store.h"

#include <QtGlobal>
#include <sqlite3.h>

namespace tessera::store {

Checkpointer::Checkpointer(Store& store)
    : m_store(store)
    , m_thread([this] { run(); })
{}

Checkpointer::~Checkpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wakeUp.notify_one();
    m_thread.join();
}

void Checkpointer::watch(sqlite3* db)
{
    sqlite3_wal_hook(db, &Checkpointer::walHook, this);
}

int Checkpointer::walHook(void* checkpointer, sqlite3* db, const char* schema, int pages)
{
    if (pages >= kForegroundPages)
        (void)sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else if (pages >= kBackgroundPages)
        static_cast<Checkpointer*>(checkpointer)->wake();
    return SQLITE_OK;
}

void Checkpointer::wake()
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_pending)
            return;
        m_pending = true;
    }
    m_wakeUp.notify_one();
}

void Checkpointer::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wakeUp.wait(lock, [this] { return m_stopping || m_pending; });
        if (m_stopping)
            return;
        // Cleared before the checkpoint: a commit while it runs asks for another,
        // which copies what this one could not see.
        m_pending = false;
        lock.unlock();
        if (auto lease = m_store.acquire(); lease.ok()) {
            const int rc = sqlite3_wal_checkpoint_v2(lease->db().handle(), nullptr,
                                                     SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            // Not an error for anyone: the next commit wakes us again, and past
            // kForegroundPages the committing connection checkpoints itself.
            if (rc != SQLITE_OK && rc != SQLITE_BUSY)
                qWarning("tessera: a background checkpoint of the store failed (%d)", rc);
        }
        lock.lock();
    }
}

} // namespace tessera::store
