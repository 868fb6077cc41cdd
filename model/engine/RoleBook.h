#pragma once

#include "core/Result.h"
#include "engine/Role.h"

#include <QStringList>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// The `roles` table: issuing templates, kept as Vault-style JSON.
class RoleBook
{
public:
    Status put(store::Database& db, const Role& role, qint64 now);
    Result<Role> find(store::Database& db, const QString& name) const;
    Result<QStringList> names(store::Database& db) const;
    Status remove(store::Database& db, const QString& name);
};

} // namespace tessera::engine
