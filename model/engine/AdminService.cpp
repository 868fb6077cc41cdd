#include "engine/AdminService.h"

#include "audit/AuditLog.h"
#include "engine/EngineCore.h"
#include "engine/EngineEvents.h"
#include "engine/EngineSecrets.h"
#include "engine/Policy.h"
#include "engine/RevocationPurge.h"
#include "engine/Role.h"
#include "engine/UseAudit.h"

#include <QDateTime>

namespace tessera::engine {

using store::Database;

namespace {

QString policyPath(const QString& name)
{
    return QStringLiteral("sys/policies/acl/") + name;
}

QString rolePath(const QString& name)
{
    return QStringLiteral("auth/token/roles/") + name;
}

QStringList namesOrDeny(Capabilities granted)
{
    const QStringList names = capabilityNames(granted);
    return names.isEmpty() ? QStringList{QStringLiteral("deny")} : names;
}

} // namespace

template <typename Write>
Status AdminService::policyWrite(const Caller& caller, const QString& name, const Access& access,
                                 Write&& write)
{
    return m_core.mutate(caller, access, [&](Mutation& m) -> Status {
        TESSERA_TRY(write(m.db()));
        m.record.details = {{QStringLiteral("policy"), name}};
        m.invalidates = true;
        m.afterCommit([this] { Q_EMIT m_core.events().policiesChanged(); });
        return {};
    });
}

Status AdminService::putPolicy(const Caller& caller, const QString& name, const QString& document)
{
    return policyWrite(
        caller, name,
        {policyPath(name), Capability::Create | Capability::Update, QStringLiteral("policy.write")},
        [&](Database& db) { return m_core.policies().put(db, name, document, m_core.now()); });
}

Result<QString> AdminService::policy(const Caller& caller, const QString& name) const
{
    return m_core.read(caller, {policyPath(name), Capability::Read, QStringLiteral("policy.read")},
                       [&](Database& db) { return m_core.policies().document(db, name); });
}

Result<QStringList> AdminService::policyNames(const Caller& caller) const
{
    return m_core.read(
        caller,
        {QStringLiteral("sys/policies/acl"), Capability::List, QStringLiteral("policy.list")},
        [&](Database& db) { return m_core.policies().names(db); });
}

Status AdminService::deletePolicy(const Caller& caller, const QString& name)
{
    return policyWrite(caller, name,
                       {policyPath(name), Capability::Delete, QStringLiteral("policy.delete")},
                       [&](Database& db) { return m_core.policies().remove(db, name); });
}

Result<QStringList> AdminService::capabilities(const Caller& caller, const QStringList& policies,
                                               const QString& path) const
{
    Q_UNUSED(caller);
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    auto granted = m_core.policies().capabilities(lease->db(), policies, path);
    TESSERA_TRY(granted);
    return namesOrDeny(*granted);
}

Result<QStringList> AdminService::capabilitiesOf(const Caller& caller, const TokenRef& ref,
                                                 const QString& path)
{
    QString endpoint = QStringLiteral("sys/capabilities-self");
    if (ref.kind == TokenRef::Kind::Token)
        endpoint = QStringLiteral("sys/capabilities");
    else if (ref.kind == TokenRef::Kind::Accessor)
        endpoint = QStringLiteral("sys/capabilities-accessor");
    return m_core.read(caller, {endpoint, Capability::Update, QStringLiteral("token.capabilities")},
                       [&](Database& db) -> Result<QStringList> {
                           QStringList policies = caller.policies;
                           if (ref.kind != TokenRef::Kind::Self || !caller.owner) {
                               auto target = m_resolver.resolve(db, caller, ref);
                               TESSERA_TRY(target);
                               if (!target->has_value())
                                   return TokenResolver::notFound();
                               policies = (*target)->policies;
                           }
                           if (policies.contains(Policy::rootName()))
                               return QStringList{Policy::rootName()};
                           auto granted = m_core.policies().capabilities(db, policies, path);
                           TESSERA_TRY(granted);
                           return namesOrDeny(*granted);
                       });
}

Status AdminService::putRole(const Caller& caller, const Role& role)
{
    return m_core.mutate(caller,
                         {rolePath(role.name), Capability::Create | Capability::Update,
                          QStringLiteral("role.write")},
                         [&](Mutation& m) -> Status {
                             TESSERA_TRY(m_core.roles().put(m.db(), role, m_core.now()));
                             m.record.details = {{QStringLiteral("role"), role.name}};
                             m.afterCommit([this] { Q_EMIT m_core.events().rolesChanged(); });
                             return {};
                         });
}

Result<Role> AdminService::role(const Caller& caller, const QString& name) const
{
    return m_core.read(caller, {rolePath(name), Capability::Read, QStringLiteral("role.read")},
                       [&](Database& db) { return m_core.roles().find(db, name); });
}

Result<QStringList> AdminService::roleNames(const Caller& caller) const
{
    return m_core.read(
        caller, {QStringLiteral("auth/token/roles"), Capability::List, QStringLiteral("role.list")},
        [&](Database& db) { return m_core.roles().names(db); });
}

Status AdminService::deleteRole(const Caller& caller, const QString& name)
{
    return m_core.mutate(caller,
                         {rolePath(name), Capability::Delete, QStringLiteral("role.delete")},
                         [&](Mutation& m) -> Status {
                             TESSERA_TRY(m_core.roles().remove(m.db(), name));
                             m.record.details = {{QStringLiteral("role"), name}};
                             m.afterCommit([this] { Q_EMIT m_core.events().rolesChanged(); });
                             return {};
                         });
}

Result<audit::VerifyReport> AdminService::verifyAudit() const
{
    TESSERA_TRY(m_core.uses().flush());
    // Ranges of the log checked in parallel, each on a connection of its own.
    return m_core.secrets().auditLog().verify(m_core.store());
}

Result<QList<audit::AuditRecord>> AdminService::auditRecords(const audit::AuditFilter& filter) const
{
    TESSERA_TRY(m_core.uses().flush());
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    return m_core.secrets().auditLog().records(lease->db(), filter);
}

Result<QList<audit::AuditTally::Count>>
AdminService::auditTally(const QList<qint64>& boundaries, const QStringList& operations) const
{
    TESSERA_TRY(m_core.uses().flush());
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    return audit::AuditTally::count(lease->db(), boundaries, operations);
}

Status AdminService::recordExport(const Caller& caller, const QJsonObject& details)
{
    return m_core.mutate(
        caller, {QStringLiteral("sys/audit"), Capability::Read, QStringLiteral("audit.export")},
        [&](Mutation& m) -> Status {
            m.record.details = details;
            return {};
        });
}

Result<audit::Redaction> AdminService::redactAudit(const Caller& caller, qint64 beforeMs)
{
    return m_core.mutate(
        caller, {QStringLiteral("sys/audit"), Capability::Sudo, QStringLiteral("audit.redact")},
        [&](Mutation& m) -> Result<audit::Redaction> {
            auto done =
                m_core.secrets().auditLog().redact(m.db(), beforeMs, m_core.clock().nowMs());
            TESSERA_TRY(done);
            m.record.details = {
                {QStringLiteral("before"),
                 QDateTime::fromMSecsSinceEpoch(beforeMs, Qt::UTC).toString(Qt::ISODate)},
                {QStringLiteral("redacted"), done->redacted},
                {QStringLiteral("skipped"), done->skipped}};
            return done;
        });
}

template <typename Operation>
Status AdminService::ownerOperation(const Caller& caller, const QString& operation, Operation&& run)
{
    if (!caller.owner)
        return Error::denied(QStringLiteral("permission denied"));
    TESSERA_TRY(run(m_core.store()));
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    return m_core.mutate(lease->db(), caller, operation, [](Mutation&) { return Status{}; });
}

Status AdminService::changePassphrase(const Caller& caller, QByteArrayView newPassphrase)
{
    // The rekey needs this process's connections idle: the purge waits.
    const RevocationPurge::Pause purgeWaits(m_core.purge());
    return ownerOperation(caller, QStringLiteral("store.rekey"), [&](store::Store& store) {
        return store.changePassphrase(newPassphrase);
    });
}

Status AdminService::backupTo(const Caller& caller, const QString& path)
{
    return ownerOperation(caller, QStringLiteral("store.backup"),
                          [&](store::Store& store) { return store.backupTo(path); });
}

Result<QStringList> AdminService::checkStore(const Caller& caller)
{
    if (!caller.owner)
        return Error::denied(QStringLiteral("permission denied"));
    return m_core.store().check();
}

} // namespace tessera::engine
