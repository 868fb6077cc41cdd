#pragma once

#include "core/Result.h"
#include "engine/Token.h"

#include <optional>

namespace tessera::store {
class Database;
class Query;
} // namespace tessera::store

// SQL: the token row under `alias` is live, i.e. not revoked and waiting for
// the purge (docs/ARCHITECTURE.md, «Revocation and the purge»). A correlated
// probe of the `revoked` table's primary key: cheap, and empty most of the time.
#define TESSERA_LIVE(alias) " NOT EXISTS(SELECT 1 FROM revoked WHERE revoked.id = " alias ".id) "

namespace tessera::engine {

// The `tokens` table: how a Token maps to rows. No rules here; TokenEngine
// decides, this reads and writes. Runs on the connection it is given, inside
// whatever transaction the caller holds.
class TokenRecords
{
    // Revoked rows stay in `tokens` until the purge (Revocation) deletes them;
    // every query here skips them (TESSERA_LIVE).
public:
    explicit TokenRecords(store::Database& db)
        : m_db(db)
    {}

    // Inserts and sets token.id. `parentId` 0 stores an orphan.
    Status insert(Token& token, const QByteArray& key, qint64 parentId);

    Result<std::optional<Token>> findByKey(const QByteArray& key);
    Result<std::optional<Token>> findByAccessor(const QString& accessor);
    Result<std::optional<Token>> findById(qint64 id);
    // The row id of a live token by accessor, cheaply (batch tokens' parent check).
    Result<std::optional<qint64>> idOfAccessor(const QString& accessor);

    // Children ordered by id after `afterId`; parentId 0 lists the top level.
    Result<QList<Token>> children(qint64 parentId, qint64 afterId, int limit);
    Result<qint64> descendantCount(qint64 id);
    Result<qint64> count();
    Result<QStringList> allAccessors();

    Status updateExpiry(qint64 id, std::optional<qint64> expireAt, qint64 lastRenewal);
    Result<std::optional<qint64>> earliestExpiry();

    static QString joinPolicies(QStringList policies);
    static QStringList splitPolicies(const QString& joined);
    static QString encodeMeta(const Metadata& meta);
    static Metadata decodeMeta(const QString& json);

    // "SELECT <columns> FROM tokens t LEFT JOIN tokens p ON p.id = t.parent_id ":
    // append a WHERE/ORDER BY and read each row with fromRow() (TokenBrowser).
    // The WHERE must include kLive: revoked rows wait for the purge.
    static const char* const kSelectTokens;
    // SQL condition: the row `t` is not revoked (not listed in `revoked`).
    static const char* const kLive;
    static Token fromRow(const store::Query& row);

private:
    Result<std::optional<Token>> findOne(std::string_view sql, const auto& key);

    store::Database& m_db;
};

} // namespace tessera::engine
