#include "engine/RevocationPurge.h"

#include "engine/Revocation.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <chrono>

namespace tessera::engine {

namespace {

// After a failed chunk (the store busy for the whole busy timeout, say).
constexpr auto kRetryAfter = std::chrono::seconds(1);

} // namespace

RevocationPurge::RevocationPurge(store::Store& store, int chunkRows, bool background)
    : m_store(store)
    , m_chunkRows(std::max(1, chunkRows))
{
    if (background)
        m_thread = std::thread([this] { run(); });
}

RevocationPurge::~RevocationPurge()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wakeUp.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void RevocationPurge::wake()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wakeUp.notify_all();
}

RevocationPurge::Pause::Pause(RevocationPurge& purge)
    : m_purge(purge)
{
    std::unique_lock lock(m_purge.m_mutex);
    ++m_purge.m_pauses;
    m_purge.m_wakeUp.wait(lock, [this] { return !m_purge.m_busy; });
}

RevocationPurge::Pause::~Pause()
{
    {
        const std::lock_guard lock(m_purge.m_mutex);
        --m_purge.m_pauses;
        m_purge.m_pending = true; // what was left waits no longer
    }
    m_purge.m_wakeUp.notify_all();
}

Result<qint64> RevocationPurge::purgeChunk() const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    store::Transaction tx(lease->db());
    TESSERA_TRY(tx.begun());
    auto purged = Revocation(lease->db()).purgeChunk(m_chunkRows);
    TESSERA_TRY(purged);
    if (*purged > 0)
        TESSERA_TRY(tx.commit());
    return purged;
}

Result<qint64> RevocationPurge::purge(int maxChunks) const
{
    qint64 total = 0;
    for (int chunk = 0; maxChunks < 0 || chunk < maxChunks; ++chunk) {
        auto purged = purgeChunk();
        TESSERA_TRY(purged);
        if (*purged == 0)
            break;
        total += *purged;
    }
    return total;
}

Result<qint64> RevocationPurge::pending() const
{
    auto lease = m_store.acquire();
    TESSERA_TRY(lease);
    return Revocation(lease->db()).pendingPurge();
}

void RevocationPurge::run()
{
    using Clock = std::chrono::steady_clock;
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wakeUp.wait(lock, [this] { return m_stopping || (m_pending && m_pauses == 0); });
        if (m_stopping)
            return;
        m_pending = false;
        for (;;) {
            if (m_pauses > 0) {
                m_pending = true; // resumed when the last Pause goes
                break;
            }
            m_busy = true;
            lock.unlock();
            const auto started = Clock::now();
            auto purged = purgeChunk();
            const auto took = Clock::now() - started;
            lock.lock();
            m_busy = false;
            m_wakeUp.notify_all();
            if (m_stopping)
                return;
            if (purged.ok() && *purged == 0)
                break;
            // Rest (as long as the chunk took, or before a retry); a wake()
            // meanwhile changes nothing: the loop goes on until none is left.
            const auto rest = purged.ok() ? Clock::duration(took) : Clock::duration(kRetryAfter);
            if (m_wakeUp.wait_for(lock, rest, [this] { return m_stopping || m_pauses > 0; }) &&
                m_stopping)
                return;
        }
    }
}

} // namespace tessera::engine
