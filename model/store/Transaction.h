#pragma once

#include "core/Result.h"

namespace tessera::store {

class Database;

// BEGIN on construction, ROLLBACK on destruction unless commit() succeeded.
// Writers use Immediate: they queue on the busy timeout at BEGIN instead of
// failing with SQLITE_BUSY at their first write, when a deferred read
// transaction cannot be upgraded. Transactions do not nest on one connection
// (the second BEGIN fails and begun() says so).
class Transaction
{
public:
    enum class Mode
    {
        Deferred, // read transactions: a consistent snapshot
        Immediate // write transactions
    };

    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Whether BEGIN succeeded; check before doing work. Conflict when another
    // writer held the store for the whole busy timeout.
    Status begun() const { return m_begun; }
    // Conflict when the store stayed busy; the destructor then rolls back.
    Status commit();

private:
    Database& m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace tessera::store
