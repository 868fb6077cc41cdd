#pragma once

#include "core/Result.h"
#include "engine/Token.h"

#include <QHash>
#include <QList>
#include <QString>
#include <mutex>
#include <optional>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// When and by which client each stored token was last used, to the minute
// (docs/ARCHITECTURE.md, «First and last use»). A request notes its use here;
// only the first use of a token in each minute yields a write, and that write
// rides along in the batched commit of the use records (UseAudit) or in the
// transaction of a use-limited request: no request waits for an fsync of its
// own. Thread-safe.
class LastUse
{
public:
    struct Note
    {
        qint64 tokenId = 0;
        qint64 minute = 0; // Unix seconds, a whole minute
        QString client;
    };

    // A note to write when this is the token's first use noted in this minute.
    std::optional<Note> note(qint64 tokenId, qint64 nowSeconds, const QString& client);

    // The token with this process's latest use of it, which may not be
    // written yet.
    void apply(Token& token) const;

    // Writes the notes; a note older than what is stored changes nothing, and
    // a token deleted meanwhile gets no row.
    static Status write(store::Database& db, const QList<Note>& notes);

private:
    // Bounded: forgetting only costs a repeated write.
    static constexpr qsizetype kMaxRemembered = 100'000;

    mutable std::mutex m_mutex;
    QHash<qint64, Note> m_noted; // token id → the use last noted
};

} // namespace tessera::engine
