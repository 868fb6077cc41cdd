#pragma once

#include "core/Result.h"

namespace tessera::store {

class Database;

// BEGIN IMMEDIATE on construction (writers queue on the busy timeout instead of
// failing mid-transaction), ROLLBACK on destruction unless commit() succeeded.
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

    // Whether BEGIN succeeded; check before doing work.
    Status begun() const { return m_begun; }
    Status commit();

private:
    Database& m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace tessera::store
