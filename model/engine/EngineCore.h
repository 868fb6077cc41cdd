#pragma once

#include "audit/AuditRecord.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/Capability.h"
#include "engine/EngineConfig.h"
#include "engine/KeyRing.h"
#include "engine/LastUse.h"
#include "engine/PolicyBook.h"
#include "engine/RoleBook.h"
#include "engine/ValidationCache.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QJsonObject>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace tessera::store {
class GroupCommit;
} // namespace tessera::store

namespace tessera::engine {

class EngineEvents;
class EngineSecrets;
class LazyConnection;
class RevocationPurge;
class UseAudit;

// Who may run an operation and how it is audited: any one of `needed` on the
// ACL `path` allows it (the store owner may always); `operation` names its
// audit record ("policy.write").
struct Access
{
    QString path;
    Capabilities needed;
    QString operation;
};

// One write transaction of a service: the connection, the audit record it
// appends when it commits (the service fills in targets and details), and what
// follows the commit.
class Mutation
{
public:
    Mutation(store::Database& db, audit::AuditRecord entry)
        : record(std::move(entry))
        , m_db(db)
    {}

    store::Database& db() const { return m_db; }
    audit::AuditRecord record;
    // false: nothing happened worth a record (a revocation of what another
    // request revoked meanwhile).
    bool audited = true;
    // The write may make a valid token invalid or narrow a policy: the
    // revocation epoch moves in the same transaction, so that validation caches
    // here and in other processes drop what they hold (docs/ARCHITECTURE.md,
    // «Validation and caches»).
    bool invalidates = false;
    // Runs after the commit, in order: the service's signals.
    void afterCommit(std::function<void()> effect) { m_effects.push_back(std::move(effect)); }

private:
    friend class EngineCore;
    store::Database& m_db;
    std::vector<std::function<void()>> m_effects;
};

// What every engine service shares: the store, the clock and configuration,
// the engine's secrets and keys, the policy and role books, the validation
// cache, and the one way an operation is authorised, run in a transaction,
// audited and announced (mutate/read). Thread-safe; services hold a reference.
class EngineCore
{
public:
    EngineCore(std::unique_ptr<store::Store> store, const Clock& clock, EngineConfig config,
               EngineEvents& events);
    ~EngineCore();
    EngineCore(const EngineCore&) = delete;
    EngineCore& operator=(const EngineCore&) = delete;

    // Loads or creates the engine's secrets and keys, seeds the built-in
    // policies, sweeps tokens a crash left used up and resumes the purge of
    // revoked rows a crash interrupted.
    Status start();
    // Stops the purge and appends the use records still queued while the
    // store is open.
    void stop();

    store::Store& store() const { return *m_store; }
    Result<store::Store::Lease> acquire() const { return m_store->acquire(); }
    const Clock& clock() const { return m_clock; }
    qint64 now() const { return m_clock.nowSeconds(); }
    EngineConfig config() const;
    void setIssuer(const QString& issuer) const;
    EngineEvents& events() const { return m_events; }

    EngineSecrets& secrets() const { return *m_secrets; }
    KeyRing& keys() const { return m_keys; }
    PolicyBook& policies() const { return m_policies; }
    RoleBook& roles() const { return m_roles; }
    ValidationCache& cache() const { return m_cache; }
    store::GroupCommit& groupCommit() const { return *m_group; }
    UseAudit& uses() const { return *m_uses; }
    LastUse& lastUse() const { return m_lastUse; }
    RevocationPurge& purge() const { return *m_purge; }

    // --- audit
    audit::AuditRecord auditEntry(const Caller& caller, const QString& operation,
                                  const QStringList& targets = {}, const QJsonObject& details = {},
                                  const QString& outcome = QStringLiteral("ok")) const;
    // Appends a record inside the caller's transaction.
    Status record(store::Database& db, const Caller& caller, const QString& operation,
                  const QStringList& targets = {}, const QJsonObject& details = {},
                  const QString& outcome = QStringLiteral("ok")) const;
    // A refused operation leaves a trace too, in a transaction of its own.
    void recordRefusal(const Caller& caller, const QString& operation, const Error& error) const;

    // --- authorisation
    // The owner: always. Others: any of `needed` on `path` in their policies.
    Status authorize(store::Database& db, const Caller& caller, const QString& path,
                     Capabilities needed) const;
    // authorize(), with a refusal audited as `access.operation`.
    Status authorize(store::Database& db, const Caller& caller, const Access& access) const;

    // --- the operation helpers
    // Runs `work(Mutation&)` in one write transaction on `db`; when it succeeds
    // the mutation's record is appended, the epoch moves if it invalidates,
    // the transaction commits, caches drop, then the after-commit effects run.
    // Any error rolls everything back.
    template <typename Work>
    auto mutate(store::Database& db, const Caller& caller, const QString& operation,
                Work&& work) const -> decltype(work(std::declval<Mutation&>()))
    {
        store::Transaction tx(db);
        TESSERA_TRY(tx.begun());
        Mutation mutation(db, auditEntry(caller, operation));
        auto result = work(mutation);
        TESSERA_TRY(result);
        TESSERA_TRY(commit(mutation, tx));
        return result;
    }
    // The same on a connection of its own, after `caller` is authorised for
    // `access` (refusals audited).
    template <typename Work>
    auto mutate(const Caller& caller, const Access& access, Work&& work) const
        -> decltype(work(std::declval<Mutation&>()))
    {
        auto lease = acquire();
        TESSERA_TRY(lease);
        TESSERA_TRY(authorize(lease->db(), caller, access));
        return mutate(lease->db(), caller, access.operation, std::forward<Work>(work));
    }
    // A read after `caller` is authorised for `access` (refusals audited).
    template <typename Read>
    auto read(const Caller& caller, const Access& access, Read&& read) const
        -> decltype(read(std::declval<store::Database&>()))
    {
        auto lease = acquire();
        TESSERA_TRY(lease);
        TESSERA_TRY(authorize(lease->db(), caller, access));
        return read(lease->db());
    }

    // --- cache coherence
    // Inside the write transaction of anything that can invalidate a valid
    // token or narrow a policy; call invalidated() once it has committed.
    Status invalidating(store::Database& db) const;
    void invalidated() const;
    // Another process may have revoked tokens this cache holds: looks at the
    // store's revocation epoch, at most every kEpochCheckIntervalMs.
    // The connection is taken only when the check is due.
    Status refreshEpoch(LazyConnection& connection) const;

private:
    Status commit(Mutation& mutation, store::Transaction& tx) const;
    // A log written before chain rule 2 is upgraded once, if it verifies
    // (AuditLog::upgradeChain), and the upgrade recorded as "audit.upgrade".
    Status upgradeAuditChain(store::Database& db) const;

    std::unique_ptr<store::Store> m_store;
    const Clock& m_clock;
    mutable std::mutex m_configMutex; // setIssuer() may race with minting threads
    mutable EngineConfig m_config;    // only the issuer changes
    EngineEvents& m_events;
    std::unique_ptr<EngineSecrets> m_secrets;
    mutable KeyRing m_keys;
    mutable PolicyBook m_policies;
    mutable RoleBook m_roles;
    mutable ValidationCache m_cache;
    mutable LastUse m_lastUse;
    std::unique_ptr<store::GroupCommit> m_group;
    std::unique_ptr<UseAudit> m_uses; // after m_group, which it writes through
    std::unique_ptr<RevocationPurge> m_purge;
    mutable std::atomic<qint64> m_epochCheckedAtMs;
    mutable std::atomic<qint64> m_knownEpoch{-1};
};

} // namespace tessera::engine
