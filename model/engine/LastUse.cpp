#include "engine/LastUse.h"

#include "store/Database.h"

namespace tessera::engine {

std::optional<LastUse::Note> LastUse::note(qint64 tokenId, qint64 nowSeconds, const QString& client)
{
    if (tokenId <= 0) // batch tokens are not stored
        return std::nullopt;
    const qint64 minute = nowSeconds - nowSeconds % 60;
    {
        const std::lock_guard lock(m_mutex);
        auto it = m_noted.find(tokenId);
        if (it != m_noted.end() && it->minute >= minute)
            return std::nullopt;
        if (it == m_noted.end() && m_noted.size() >= kMaxRemembered)
            m_noted.clear();
        m_noted.insert(tokenId, Note{tokenId, minute, client});
    }
    return Note{tokenId, minute, client};
}

void LastUse::apply(Token& token) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_noted.constFind(token.id);
    if (it == m_noted.cend() || (token.lastUsedAt && *token.lastUsedAt >= it->minute))
        return;
    token.lastUsedAt = it->minute;
    token.lastUsedBy = it->client;
}

Status LastUse::write(store::Database& db, const QList<Note>& notes)
{
    for (const Note& note : notes) {
        // SQLite 3.15 has no upsert: update the row, else add one while the
        // token is still there.
        auto update = db.query("UPDATE token_use SET last_used_at = ?, last_used_by = ? "
                               "WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)");
        TESSERA_TRY(update);
        update->bind(1, note.minute)
            .bind(2, note.client)
            .bind(3, note.tokenId)
            .bind(4, note.minute);
        TESSERA_TRY(update->run());
        if (db.changes() > 0)
            continue;
        auto insert =
            db.query("INSERT INTO token_use(id, last_used_at, last_used_by) SELECT ?, ?, ? WHERE "
                     "EXISTS(SELECT 1 FROM tokens WHERE id = ?) AND "
                     "NOT EXISTS(SELECT 1 FROM token_use WHERE id = ?)");
        TESSERA_TRY(insert);
        insert->bind(1, note.tokenId)
            .bind(2, note.minute)
            .bind(3, note.client)
            .bind(4, note.tokenId)
            .bind(5, note.tokenId);
        TESSERA_TRY(insert->run());
    }
    return {};
}

} // namespace tessera::engine
