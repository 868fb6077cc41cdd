#pragma once

#include "store/Store.h"

#include <optional>

namespace tessera::engine {

// A store connection taken only when needed: answers from the validation
// cache need none.
class LazyConnection
{
public:
    explicit LazyConnection(store::Store& store)
        : m_store(&store)
    {}
    explicit LazyConnection(store::Database& db)
        : m_db(&db)
    {}

    Result<store::Database*> get()
    {
        if (!m_db) {
            auto lease = m_store->acquire();
            TESSERA_TRY(lease);
            m_lease.emplace(std::move(*lease));
            m_db = &m_lease->db();
        }
        return m_db;
    }

private:
    store::Store* m_store = nullptr;
    store::Database* m_db = nullptr;
    std::optional<store::Store::Lease> m_lease;
};

} // namespace tessera::engine
