#include "engine/UseLimit.h"

#include "store/Database.h"

namespace tessera::engine {

Result<int> UseLimit::consume(qint64 tokenId)
{
    auto decrement =
        m_db.query("UPDATE tokens SET uses_left = uses_left - 1 WHERE id = ? AND uses_left > 0 "
                   "AND NOT EXISTS(SELECT 1 FROM revoked WHERE revoked.id = tokens.id)");
    TESSERA_TRY(decrement);
    decrement->bind(1, tokenId);
    TESSERA_TRY(decrement->run());
    if (m_db.changes() == 0)
        return Error::denied(QStringLiteral("permission denied: the token has no uses left"));
    auto select = m_db.query("SELECT uses_left FROM tokens WHERE id = ?");
    TESSERA_TRY(select);
    select->bind(1, tokenId);
    auto row = select->next();
    TESSERA_TRY(row);
    return int(select->int64(0));
}

} // namespace tessera::engine
