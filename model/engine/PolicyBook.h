#pragma once

#include "core/Result.h"
#include "engine/Capability.h"
#include "engine/Policy.h"

#include <QHash>
#include <QStringList>
#include <mutex>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// The `policies` table and the decisions made with it. Parsed policies are
// cached by document text, so a policy edited by another process is picked up
// on the next check while an unchanged one is parsed once.
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

private:
    Result<Policy> load(store::Database& db, const QString& name) const;

    struct Cached
    {
        QString document;
        Policy policy;
    };
    mutable std::mutex m_mutex;
    mutable QHash<QString, Cached> m_cache;
};

} // namespace tessera::engine
