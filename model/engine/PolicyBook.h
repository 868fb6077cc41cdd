#pragma once

#include "core/Result.h"
#include "engine/Acl.h"
#include "engine/Capability.h"
#include "engine/Policy.h"

#include <QHash>
#include <QStringList>
#include <mutex>
#include <optional>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// The `policies` table and the decisions made with it. Parsed policies are
// cached until invalidate(), which the engine calls after every policy write
// and when another process bumped the store's RevocationEpoch (policy writes
// bump it too); a check that hits the cache reads nothing from the store.
class PolicyBook
{
public:
    // Writes the built-in "default" policy into a new store.
    Status seed(store::Database& db, qint64 now);

    Status put(store::Database& db, const QString& name, const QString& document, qint64 now);
    Result<QString> document(store::Database& db, const QString& name) const;
    Result<QStringList> names(store::Database& db) const;
    // NotFound for a policy that does not exist; refuses "root" and "default".
    Status remove(store::Database& db, const QString& name);

    // What the named policies grant on `path` together (unknown names grant nothing).
    Result<Capabilities> capabilities(store::Database& db, const QStringList& policyNames,
                                      const QString& path) const;

    void invalidate();

private:
    // nullopt: no such policy.
    Result<std::optional<Policy>> load(store::Database& db, const QString& name) const;

    // Like ValidationCache: a policy read while a write committed (the
    // generation moved) is used but not kept.
    mutable std::mutex m_mutex;
    mutable QHash<QString, std::optional<Policy>> m_cache;
    // The combined rules of the policy sets tokens carry (usually a few).
    static constexpr qsizetype kMaxAcls = 1024;
    mutable QHash<QStringList, Acl> m_acls;
    quint64 m_generation = 0;
};

} // namespace tessera::engine
