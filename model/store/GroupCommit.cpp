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
    Transaction tx(db);
    if (!tx.begun().ok()) {
        for (Pending* pending : batch)
            pending->result = tx.begun().error();
        return;
    }
    for (Pending* pending : batch) {
        // A savepoint per write: one failure must not undo the others.
        if (auto begin = db.exec("SAVEPOINT grouped"); !begin.ok()) {
            pending->result = begin.error();
            continue;
        }
        pending->result = pending->work(db);
        const char* end =
            pending->result.ok() ? "RELEASE grouped" : "ROLLBACK TO grouped; RELEASE grouped";
        if (auto closed = db.exec(end); !closed.ok() && pending->result.ok())
            pending->result = closed.error();
    }
    if (auto committed = tx.commit(); !committed.ok()) {
        for (Pending* pending : batch)
            pending->result = committed.error();
        return;
    }
    ++m_commits;
}

} // namespace tessera::store
