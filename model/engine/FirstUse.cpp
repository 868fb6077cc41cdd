#include "engine/FirstUse.h"

#include "store/Database.h"

namespace tessera::engine {

Result<std::optional<Token>> FirstUse::start(const Token& token, qint64 now)
{
    auto mark =
        m_db.query("UPDATE token_use SET first_used_at = ? WHERE id = ? AND first_used_at IS NULL");
    TESSERA_TRY(mark);
    mark->bind(1, now).bind(2, token.id);
    TESSERA_TRY(mark->run());
    if (m_db.changes() == 0)
        return std::optional<Token>{};
    // The creation TTL was capped by the max TTLs when the pass was made, and
    // these count from the first use too (Token::lifetimeStart).
    Token started = token;
    started.firstUsedAt = now;
    started.expireAt = now + token.creationTtl;
    auto expire = m_db.query("UPDATE tokens SET expire_at = ? WHERE id = ?");
    TESSERA_TRY(expire);
    expire->bind(1, *started.expireAt).bind(2, token.id);
    TESSERA_TRY(expire->run());
    return std::optional<Token>{std::move(started)};
}

} // namespace tessera::engine
