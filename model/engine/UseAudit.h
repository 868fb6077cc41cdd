#pragma once

#include "audit/AuditRecord.h"
#include "core/Result.h"
#include "engine/LastUse.h"

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
// through the engine's GroupCommit: it lets a batch gather for
// kFlushIntervalMs, appends it, and starts over, so the batches grow with
// the time a commit takes. They share commits with concurrent token writes.
//
// The window is short on purpose. While the API keeps the cores busy, each
// append takes a core away from the request threads for as long as it runs:
// 20 ms batches (hundreds of records each) held the 99th-percentile latency
// of lookups above 5 ms, 2 ms batches keep it near 4 ms for about a fifth
// more CPU in this thread (BENCHMARKS.md).
//
// What this trades: a crash loses the records of at most the last window
// and the commit under way (never one of an operation that changed the
// store: those commit with their change), and a record may follow one of a
// later operation in the chain (each carries its own time). Use-limited
// tokens are audited in the transaction that counts the use, not here.
//
// Thread-safe. When more than kMaxQueued records wait (the store is slow or
// failing), add() appends them itself and reports a failure, so a broken audit
// log stops requests instead of dropping their records.
class UseAudit
{
public:
    static constexpr int kFlushIntervalMs = 2;
    static constexpr qsizetype kMaxQueued = 50'000;

    UseAudit(store::GroupCommit& group, const audit::AuditLog& log);
    // Appends what is queued and stops the thread.
    ~UseAudit();
    UseAudit(const UseAudit&) = delete;
    UseAudit& operator=(const UseAudit&) = delete;

    // `use`: the token's last use to write in the same commit (LastUse).
    Status add(audit::AuditRecord record, std::optional<LastUse::Note> use = std::nullopt);
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
    QList<LastUse::Note> m_uses;
    bool m_stopping = false;
    std::mutex m_flushMutex; // one flush at a time keeps the records in order
    std::thread m_thread;
};

} // namespace tessera::engine
