#pragma once

#include "core/Result.h"
#include "engine/OidcRole.h"

#include <QStringList>
#include <optional>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// The OIDC tables: `oidc_roles`, and `oidc_key_clients` (the client ids each
// named key may sign for; the rest of a key is KeyRing's). No rules about who
// may do what: TokenEngine decides. Runs on the connection it is given, inside
// the caller's transaction.
class OidcBook
{
public:
    explicit OidcBook(store::Database& db)
        : m_db(db)
    {}

    // Creates or replaces. Conflict when another role has the same client_id.
    Status putRole(const OidcRole& role, qint64 now);
    Result<std::optional<OidcRole>> findRole(const QString& name);
    Result<QStringList> roleNames();
    // NotFound when there is no such role.
    Status removeRole(const QString& name);
    // The roles that sign with `keyName`, sorted.
    Result<QStringList> rolesUsingKey(const QString& keyName);
    // The longest TTL among them (nullopt: no role uses the key).
    Result<std::optional<qint64>> longestRoleTtl(const QString& keyName);

    Status setAllowedClientIds(const QString& keyName, const QStringList& clientIds);
    // Empty for a key with none (or no record).
    Result<QStringList> allowedClientIds(const QString& keyName);
    Status removeKey(const QString& keyName);

private:
    store::Database& m_db;
};

} // namespace tessera::engine
