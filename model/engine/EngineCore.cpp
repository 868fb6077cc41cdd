#include "engine/EngineCore.h"

#include "audit/AuditLog.h"
#include "engine/EngineSecrets.h"
#include "engine/LazyConnection.h"
#include "engine/Revocation.h"
#include "engine/RevocationEpoch.h"
#include "engine/RevocationPurge.h"
#include "engine/UseAudit.h"
#include "store/GroupCommit.h"

#include <chrono>

namespace tessera::engine {

using store::Database;
using store::Transaction;

namespace {

// How stale a revocation made by another process may look to this one.
constexpr qint64 kEpochCheckIntervalMs = 50;

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

Error permissionDenied()
{
    return Error::denied(QStringLiteral("permission denied"));
}

} // namespace

EngineCore::EngineCore(std::unique_ptr<store::Store> store, const Clock& clock, EngineConfig config,
                       EngineEvents& events)
    : m_store(std::move(store))
    , m_clock(clock)
    , m_config(std::move(config))
    , m_events(events)
    , m_group(std::make_unique<store::GroupCommit>(*m_store))
    , m_epochCheckedAtMs(-kEpochCheckIntervalMs)
{}

EngineCore::~EngineCore()
{
    stop();
}

Status EngineCore::start()
{
    auto lease = acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    auto secrets = EngineSecrets::loadOrCreate(db);
    TESSERA_TRY(secrets);
    m_secrets = std::move(*secrets);
    m_uses = std::make_unique<UseAudit>(*m_group, m_secrets->auditLog());
    TESSERA_TRY(upgradeAuditChain(db));
    const qint64 now = this->now();
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(m_policies.seed(db, now));
    // A crash between a token's last use and its revocation left it used up in
    // the store. Swept here, where no request of ours can be on its last use.
    auto usedUp = Revocation(db).revokeUsedUp();
    TESSERA_TRY(usedUp);
    if (!usedUp->accessors.isEmpty())
        TESSERA_TRY(record(db, Caller::storeOwner(QStringLiteral("startup")),
                           QStringLiteral("token.use-limit"), usedUp->accessors));
    TESSERA_TRY(invalidating(db));
    TESSERA_TRY(tx.commit());
    TESSERA_TRY(m_keys.load(db));
    TESSERA_TRY(m_keys.ensureBatchKey(db, now));
    m_purge = std::make_unique<RevocationPurge>(*m_store, m_config.purgeChunkRows,
                                                m_config.purgeInBackground);
    // Rows a crash left marked: their revoke has committed, only the purge is left.
    m_purge->wake();
    return {};
}

Status EngineCore::upgradeAuditChain(Database& db) const
{
    const auto& log = m_secrets->auditLog();
    auto pending = audit::AuditLog::upgradePending(db);
    TESSERA_TRY(pending);
    if (!*pending)
        return {};
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    auto upgrade = log.upgradeChain(db);
    TESSERA_TRY(upgrade);
    if (upgrade->refused) {
        // Left as it is, so that `audit verify` keeps naming the damage; new
        // records follow under rule 2, and the upgrade is tried again next time.
        qWarning("tessera: the audit log was not upgraded to chain rule 2: %s.",
                 qUtf8Printable(upgrade->refused->problem));
        return {};
    }
    if (!upgrade->pending)
        return {}; // another process upgraded it meanwhile
    TESSERA_TRY(record(db, Caller::storeOwner(QStringLiteral("startup")),
                       QStringLiteral("audit.upgrade"), {},
                       {{QStringLiteral("converted"), upgrade->converted},
                        {QStringLiteral("previous_head"),
                         QString::fromLatin1(upgrade->previousHeadMac.toHex())}}));
    return tx.commit();
}

void EngineCore::stop()
{
    m_purge.reset();
    m_uses.reset();
}

EngineConfig EngineCore::config() const
{
    const std::lock_guard lock(m_configMutex);
    return m_config;
}

void EngineCore::setIssuer(const QString& issuer) const
{
    const std::lock_guard lock(m_configMutex);
    m_config.issuer = issuer;
}

audit::AuditRecord EngineCore::auditEntry(const Caller& caller, const QString& operation,
                                          const QStringList& targets, const QJsonObject& details,
                                          const QString& outcome) const
{
    audit::AuditRecord entry;
    entry.timeMs = m_clock.nowMs();
    entry.operation = operation;
    entry.actor = caller.accessor;
    entry.targets = targets;
    entry.client = caller.client;
    entry.requestId = caller.requestId;
    entry.outcome = outcome;
    entry.details = details;
    return entry;
}

Status EngineCore::record(Database& db, const Caller& caller, const QString& operation,
                          const QStringList& targets, const QJsonObject& details,
                          const QString& outcome) const
{
    audit::AuditRecord entry = auditEntry(caller, operation, targets, details, outcome);
    return m_secrets->auditLog().append(db, entry);
}

void EngineCore::recordRefusal(const Caller& caller, const QString& operation,
                               const Error& error) const
{
    auto lease = acquire();
    if (!lease.ok())
        return;
    Transaction tx(lease->db());
    if (!tx.begun().ok())
        return;
    const QString outcome = error.code == ErrorCode::PermissionDenied ? QStringLiteral("denied")
                                                                      : QStringLiteral("error");
    if (record(lease->db(), caller, operation, {}, {{QStringLiteral("error"), error.message}},
               outcome)
            .ok())
        (void)tx.commit();
}

Status EngineCore::authorize(Database& db, const Caller& caller, const QString& path,
                             Capabilities needed) const
{
    if (caller.owner)
        return {};
    auto granted = m_policies.capabilities(db, caller.policies, path);
    TESSERA_TRY(granted);
    if (*granted & needed)
        return {};
    return permissionDenied();
}

Status EngineCore::authorize(Database& db, const Caller& caller, const Access& access) const
{
    auto status = authorize(db, caller, access.path, access.needed);
    if (!status.ok())
        recordRefusal(caller, access.operation, status.error());
    return status;
}

Status EngineCore::commit(Mutation& mutation, Transaction& tx) const
{
    Database& db = mutation.db();
    if (mutation.audited)
        TESSERA_TRY(m_secrets->auditLog().append(db, mutation.record));
    if (mutation.invalidates)
        TESSERA_TRY(invalidating(db));
    TESSERA_TRY(tx.commit());
    if (mutation.invalidates)
        invalidated();
    for (const auto& effect : mutation.m_effects)
        effect();
    return {};
}

Status EngineCore::invalidating(Database& db) const
{
    return RevocationEpoch::bump(db);
}

void EngineCore::invalidated() const
{
    m_cache.invalidate();
    m_policies.invalidate();
}

Status EngineCore::refreshEpoch(LazyConnection& connection) const
{
    const qint64 nowMs = monotonicMs();
    qint64 checkedAt = m_epochCheckedAtMs.load();
    if (nowMs - checkedAt < kEpochCheckIntervalMs ||
        !m_epochCheckedAtMs.compare_exchange_strong(checkedAt, nowMs))
        return {};
    auto db = connection.get();
    TESSERA_TRY(db);
    auto epoch = RevocationEpoch::read(**db);
    TESSERA_TRY(epoch);
    if (m_knownEpoch.exchange(*epoch) != *epoch)
        invalidated();
    return {};
}

} // namespace tessera::engine
