#include "support/StoreProbes.h"

#include "store/Database.h"
#include "store/Store.h"

#include <chrono>
#include <cstring>
#include <sqlite3.h>

namespace tessera::test {

StoreProbe::StoreProbe(store::Store& store)
    : m_store(store)
{}

StoreProbe::~StoreProbe()
{
    detach();
}

void StoreProbe::attach(const char* sql)
{
    // Holding every lease at once reaches every idle connection (and opens new
    // ones up to the pool's limit, which all go back to the pool after).
    std::vector<store::Store::Lease> leases;
    for (int i = 0; i < store::Store::kMaxIdleConnections; ++i) {
        auto lease = m_store.acquire();
        if (!lease)
            break;
        if (sql)
            (void)lease->db().exec(sql);
        sqlite3_trace_v2(lease->db().handle(), SQLITE_TRACE_STMT, &StoreProbe::trace, this);
        m_handles.push_back(lease->db().handle());
        leases.push_back(std::move(*lease));
    }
}

void StoreProbe::detach()
{
    for (sqlite3* handle : m_handles)
        sqlite3_trace_v2(handle, 0, nullptr, nullptr);
    m_handles.clear();
}

void StoreProbe::onStatement(const char*) {}

int StoreProbe::trace(unsigned, void* context, void*, void* sql)
{
    auto* probe = static_cast<StoreProbe*>(context);
    ++probe->m_statements;
    probe->onStatement(static_cast<const char*>(sql));
    return 0;
}

ReadOnlyStore::ReadOnlyStore(store::Store& store)
    : StoreProbe(store)
    , m_store(store)
{
    attach("PRAGMA query_only = 1");
}

ReadOnlyStore::~ReadOnlyStore()
{
    std::vector<store::Store::Lease> leases;
    for (int i = 0; i < store::Store::kMaxIdleConnections; ++i) {
        auto lease = m_store.acquire();
        if (!lease)
            break;
        (void)lease->db().exec("PRAGMA query_only = 0");
        leases.push_back(std::move(*lease));
    }
}

bool WriteGate::waitUntilHeld()
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::seconds(10), [&] { return m_waiting; });
}

void WriteGate::release()
{
    const std::lock_guard lock(m_mutex);
    m_released = true;
    m_changed.notify_all();
}

void WriteGate::onStatement(const char* sql)
{
    if (std::this_thread::get_id() != m_held.load() || std::strcmp(sql, "BEGIN IMMEDIATE") != 0)
        return;
    std::unique_lock lock(m_mutex);
    m_waiting = true;
    m_changed.notify_all();
    m_changed.wait(lock, [&] { return m_released; });
}

} // namespace tessera::test
