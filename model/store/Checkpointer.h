#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace tessera::store {

class Store;

// Copies the WAL back into the store file on a thread of its own. SQLite does
// that in the thread whose commit pushed the WAL past 1,000 pages, with an
// fsync of the file: under load that was the GroupCommit leader, and every
// writer waiting behind it waited for the checkpoint too.
//
// Each connection of the store gets walHook(): past kBackgroundPages it wakes
// this thread, which runs a passive checkpoint (it never blocks readers or
// writers) on a leased connection. Writers that keep appending while it runs
// can keep SQLite from rewinding the WAL; past kForegroundPages the committing
// connection checkpoints itself as SQLite would, which then finds little left
// to copy.
class Checkpointer
{
public:
    static constexpr int kBackgroundPages = 1000; // SQLite's own threshold
    static constexpr int kForegroundPages = 8000;

    explicit Checkpointer(Store& store);
    // Waits for a checkpoint in progress.
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Installs walHook() on `db` for this checkpointer.
    void watch(sqlite3* db);

private:
    static int walHook(void* checkpointer, sqlite3* db, const char* schema, int pages);
    void wake();
    void run();

    Store& m_store;
    std::mutex m_mutex;
    std::condition_variable m_wakeUp;
    bool m_pending = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace tessera::store
