#pragma once

#include "core/Result.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace tessera::store {

class Database;
class Store;

// Group commit: writes submitted by many threads at once share one transaction
// and so one fsync. Each caller still returns only after its own changes are
// durably committed. With synchronous=FULL a commit costs an fsync (a few ms on
// ordinary disks), so one commit per request caps a server at a few hundred
// writes per second; sharing it lifts that by the number of writers waiting.
//
// The first thread to find no commit under way becomes the leader: it takes
// every queued write, runs them one after the other in one transaction, commits
// once and wakes the others. A write that fails makes the leader roll the
// transaction back and run the batch again without it, so one failure never
// undoes the others. (Savepoints would isolate failures too, but a savepoint
// journals every already-dirty page it touches, and SQLCipher encrypts each
// journaled page: that cost more than the writes themselves.)
//
// Writes run on the leader's thread and connection, so they must use only the
// Database they are given, and since a write may run more than once it must
// start from scratch each time (clear what an earlier run collected).
class GroupCommit
{
public:
    using Work = std::function<Status(Database&)>;

    explicit GroupCommit(Store& store, int maxBatch = 256);

    // Runs `work` in a shared write transaction; returns its own result once the
    // transaction has committed (or the commit's error, if the commit failed).
    Status run(Work work);

    // Transactions committed so far (diagnostics, tests, benchmarks).
    qint64 commitCount() const { return m_commits.load(); }

private:
    struct Pending
    {
        Work work;
        Status result;
        bool done = false;
    };

    void lead(std::unique_lock<std::mutex>& lock);
    void runBatch(Database& db, std::deque<Pending*>& batch);
    // One attempt: nullptr when all succeeded and committed, else the write that failed.
    Pending* tryBatch(Database& db, std::deque<Pending*>& batch, Status& commitError);

    Store& m_store;
    const int m_maxBatch;
    std::mutex m_mutex;
    std::condition_variable m_finished;
    std::deque<Pending*> m_queue;
    bool m_leaderActive = false;
    std::atomic<qint64> m_commits{0};
};

} // namespace tessera::store
