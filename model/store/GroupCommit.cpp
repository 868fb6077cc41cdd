#include "store/GroupCommit.h"

#include "store/Database.h"
#include "store/Store.h"
#include "store/Transaction.h"

namespace tessera::store {

GroupCommit::GroupCommit(Store& store, int maxBatch)
    : m_store(store)
    , m_maxBatch(maxBatch)
{}

Status GroupCommit::run(Work work)
{
    Pending pending{std::move(work), {}, false};
    std::unique_lock lock(m_mutex);
    m_queue.push_back(&pending);
    while (!pending.done) {
        if (!m_leaderActive)
            lead(lock);
        else
            m_finished.wait(lock);
    }
    return pending.result;
}

// Called with the lock held; releases it while the batch runs.
void GroupCommit::lead(std::unique_lock<std::mutex>& lock)
{
    m_leaderActive = true;
    std::deque<Pending*> batch;
    while (!m_queue.empty() && int(batch.size()) < m_maxBatch) {
        batch.push_back(m_queue.front());
        m_queue.pop_front();
    }
    lock.unlock();

    auto lease = m_store.acquire();
    if (lease.ok()) {
        runBatch(lease->db(), batch);
    } else {
        for (Pending* pending : batch)
            pending->result = lease.error();
    }

    lock.lock();
    for (Pending* pending : batch)
        pending->done = true;
    m_leaderActive = false;
    m_finished.notify_all();
}

void GroupCommit::runBatch(Database& db, std::deque<Pending*>& batch)
{
    std::deque<Pending*> remaining = batch;
    while (!remaining.empty()) {
        Status commitError;
        Pending* failed = tryBatch(db, remaining, commitError);
        if (!commitError.ok()) {
            for (Pending* pending : remaining)
                pending->result = commitError;
            return;
        }
        if (!failed) {
            ++m_commits;
            return;
        }
        // Rolled back: run the others again without the write that failed.
        std::erase(remaining, failed);
    }
}

GroupCommit::Pending* GroupCommit::tryBatch(Database& db, std::deque<Pending*>& batch,
                                            Status& commitError)
{
    Transaction tx(db);
    if (!tx.begun().ok()) {
        commitError = tx.begun().error();
        return nullptr;
    }
    for (Pending* pending : batch) {
        pending->result = pending->work(db);
        if (!pending->result.ok())
            return pending; // ~Transaction rolls back
    }
    if (auto committed = tx.commit(); !committed.ok())
        commitError = committed.error();
    return nullptr;
}

} // namespace tessera::store
