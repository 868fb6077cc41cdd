#include "engine/RevocationEpoch.h"

#include "store/Database.h"

namespace tessera::engine {

Status RevocationEpoch::bump(store::Database& db)
{
    // INSERT OR REPLACE: SQLite 3.15 has no UPSERT.
    auto bump = db.query("INSERT OR REPLACE INTO settings(key, value) VALUES('revocation_epoch', "
                         "COALESCE((SELECT value FROM settings WHERE key = 'revocation_epoch'), 0) "
                         "+ 1)");
    TESSERA_TRY(bump);
    return bump->run();
}

Result<qint64> RevocationEpoch::read(store::Database& db)
{
    auto select = db.query("SELECT value FROM settings WHERE key = 'revocation_epoch'");
    TESSERA_TRY(select);
    auto row = select->next();
    TESSERA_TRY(row);
    return *row ? select->int64(0) : 0;
}

} // namespace tessera::engine
