#pragma once

#include "core/Result.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace tessera::store {
class Store;
} // namespace tessera::store

namespace tessera::engine {

// Deletes the rows a subtree revoke marked (Revocation::purgeChunk), in
// transactions of `chunkRows` rows, on a thread of its own when `background`:
// woken after each revoke and once at start, when a crash may have left marked
// rows. After each chunk it rests as long as the chunk took, so that waiting
// writers get the store and the purge takes at most about half a core.
// Without `background`, only purge() deletes (tests, tools).
class RevocationPurge
{
public:
    RevocationPurge(store::Store& store, int chunkRows, bool background);
    // Waits for the chunk in progress, then stops.
    ~RevocationPurge();
    RevocationPurge(const RevocationPurge&) = delete;
    RevocationPurge& operator=(const RevocationPurge&) = delete;

    // Marked rows wait: the background thread purges them.
    void wake();
    // On the caller's thread: up to `maxChunks` chunks (< 0: until none is
    // left). Returns the rows deleted.
    Result<qint64> purge(int maxChunks = -1) const;
    // Marked rows not purged yet.
    Result<qint64> pending() const;

    // Holds the background purge off the store while alive (a rekey needs
    // every connection of this process idle); waits for a chunk in progress.
    class Pause
    {
    public:
        explicit Pause(RevocationPurge& purge);
        ~Pause();
        Pause(const Pause&) = delete;
        Pause& operator=(const Pause&) = delete;

    private:
        RevocationPurge& m_purge;
    };

private:
    Result<qint64> purgeChunk() const;
    void run();

    store::Store& m_store;
    const int m_chunkRows;
    std::mutex m_mutex;
    std::condition_variable m_wakeUp;
    bool m_pending = false;
    bool m_stopping = false;
    int m_pauses = 0;     // Pause objects alive
    bool m_busy = false;  // a chunk is in progress on the thread
    std::thread m_thread; // last: started once the rest is ready
};

} // namespace tessera::engine
