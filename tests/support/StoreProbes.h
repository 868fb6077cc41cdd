#pragma once

#include <QByteArray>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

struct sqlite3;

namespace tessera::store {
class Store;
}

namespace tessera::test {

// Probes on every connection a Store's pool can hand out (all idle ones, up to
// Store::kMaxIdleConnections), through SQLite's statement trace. They watch
// what the code under test does with the store without changing that code.
// Create them while no lease is out; they remove themselves when destroyed.
class StoreProbe
{
public:
    explicit StoreProbe(store::Store& store);
    virtual ~StoreProbe();
    StoreProbe(const StoreProbe&) = delete;
    StoreProbe& operator=(const StoreProbe&) = delete;

    // SQL statements started on the probed connections so far.
    int statements() const { return m_statements.load(); }

protected:
    // Installs the trace (and runs `sql` on each connection if given). Called by
    // the constructors of subclasses, so that onStatement() is theirs.
    void attach(const char* sql = nullptr);
    // Runs on the thread of the statement.
    virtual void onStatement(const char* sql);

private:
    static int trace(unsigned, void* context, void*, void* sql);
    void detach();

    store::Store& m_store;
    std::vector<sqlite3*> m_handles;
    std::atomic<int> m_statements{0};
};

// Counts statements: "was the store touched?".
class SqlWatch : public StoreProbe
{
public:
    explicit SqlWatch(store::Store& store)
        : StoreProbe(store)
    {
        attach();
    }
};

// Counts the COMMITs run on the store: "one transaction".
class CommitCount : public StoreProbe
{
public:
    explicit CommitCount(store::Store& store)
        : StoreProbe(store)
    {
        attach();
    }
    int commits() const { return m_commits.load(); }

protected:
    void onStatement(const char* sql) override
    {
        if (std::strncmp(sql, "COMMIT", 6) == 0)
            ++m_commits;
    }

private:
    std::atomic<int> m_commits{0};
};

// Statements run by the thread that created the watch: the request's own store
// access. UseAudit appends the record of a refused token from its own thread,
// a few ms later, which a busy machine lets fall inside the watch.
class ThisThreadSqlWatch : public StoreProbe
{
public:
    explicit ThisThreadSqlWatch(store::Store& store)
        : StoreProbe(store)
    {
        attach();
    }
    int ownStatements() const { return m_ownStatements.load(); }

protected:
    void onStatement(const char*) override
    {
        if (std::this_thread::get_id() == m_thread)
            ++m_ownStatements;
    }

private:
    const std::thread::id m_thread = std::this_thread::get_id();
    std::atomic<int> m_ownStatements{0};
};

// Every write fails at once (PRAGMA query_only), as on a failing disk.
class ReadOnlyStore : public StoreProbe
{
public:
    explicit ReadOnlyStore(store::Store& store);
    ~ReadOnlyStore() override;

private:
    store::Store& m_store;
};

// Stops one thread at its next write transaction ("BEGIN IMMEDIATE") until
// release(), so that a test can slip other work in between an operation's
// reads and its writes.
class WriteGate : public StoreProbe
{
public:
    explicit WriteGate(store::Store& store)
        : StoreProbe(store)
    {
        attach();
    }
    ~WriteGate() override { release(); }

    void hold(std::thread::id thread) { m_held = thread; }
    // False when the held thread did not get there within 10 s.
    bool waitUntilHeld();
    void release();

protected:
    void onStatement(const char* sql) override;

private:
    std::atomic<std::thread::id> m_held;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_waiting = false;
    bool m_released = false;
};

} // namespace tessera::test
