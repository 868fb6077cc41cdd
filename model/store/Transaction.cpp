#include "store/Transaction.h"

#include "store/Database.h"
#include "store/SqliteFiles.h"

namespace tessera::store {
namespace {

Status runCached(Database& db, std::string_view sql)
{
    auto query = db.query(sql);
    if (!query)
        return query.error();
    return query->run();
}

// A writer first makes sure its files are still the ones other processes use:
// a commit into a replaced WAL would be acknowledged and then lost.
Status begin(Database& db, Transaction::Mode mode)
{
    if (mode == Transaction::Mode::Deferred)
        return runCached(db, "BEGIN DEFERRED");
    TESSERA_TRY(SqliteFiles::verifyUnchanged(db.path()));
    return runCached(db, "BEGIN IMMEDIATE");
}

} // namespace

Transaction::Transaction(Database& db, Mode mode)
    : m_db(db)
    , m_begun(begin(db, mode))
    , m_open(m_begun.ok())
{}

Transaction::~Transaction()
{
    // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); a
    // second ROLLBACK would only fail.
    if (m_open && !m_db.inAutocommit())
        (void)runCached(m_db, "ROLLBACK");
}

Status Transaction::commit()
{
    if (!m_open) {
        if (!m_begun)
            return m_begun.error();
        return Error::internal(QStringLiteral("The transaction was already committed."));
    }
    const Status committed = runCached(m_db, "COMMIT");
    // A failed COMMIT (SQLITE_BUSY) leaves the transaction open for the
    // destructor to roll back, unless SQLite ended it already.
    if (committed.ok() || m_db.inAutocommit())
        m_open = false;
    return committed;
}

} // namespace tessera::store
