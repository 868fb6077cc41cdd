#pragma once

#include "audit/AuditRecord.h"
#include "core/Result.h"

#include <QList>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace tessera::audit {
class AuditLog;
}
namespace tessera::store {
class GroupCommit;
}

namespace tessera::engine {

// The audit records of requests that write nothing else: uses of tokens
// without a use limit, and refused tokens. A lookup must not wait for an
// fsync of its own (the API serves tens of thousands per second), so these
// records wait in memory and a background thread appends them in batches
// through the engine's GroupCommit, at most kFlushIntervalMs after they were
// queued; they share commits with concurrent token writes.
//
// What this trades: a crash loses at most the last kFlushIntervalMs of these
// records (never one of an operation that changed the store: those commit with
// their change), and a record may follow one of a later operation in the
// chain (each carries its own time). Use-limited tokens are audited in the
// transaction that counts the use, not here.
//
// Thread-safe. When more than kMaxQueued records wait (the store is slow or
// failing), add() appends them itself and reports a failure, so a broken audit
// log stops requests instead of dropping their records.
class UseAudit
{
public:
    static constexpr int kFlushIntervalMs = 20;
    static constexpr qsizetype kMaxQueued = 50'000;

    UseAudit(store::GroupCommit& group, const audit::AuditLog& log);
    // Appends what is queued and stops the thread.
    ~UseAudit();
    UseAudit(const UseAudit&) = delete;
    UseAudit& operator=(const UseAudit&) = delete;

    Status add(audit::AuditRecord record);
    // Appends everything queued so far, in order (readers of the log call it
    // first so that they see every request made before).
    Status flush();

private:
    void run();

    store::GroupCommit& m_group;
    const audit::AuditLog& m_log;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<audit::AuditRecord> m_queue;
    bool m_stopping = false;
    std::mutex m_flushMutex; // one flush at a time keeps the records in order
    std::thread m_thread;
};

} // namespace tessera::engine
