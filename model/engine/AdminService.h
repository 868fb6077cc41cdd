#pragma once

#include "audit/AuditFilter.h"
#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"
#include "audit/AuditTally.h"
#include "audit/VerifyReport.h"
#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/TokenRef.h"
#include "engine/TokenResolver.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QStringList>

namespace tessera::engine {

class EngineCore;
struct Access;
struct Role;

// Administration: ACL policies and what they grant, token roles, the audit
// log, and the store itself (passphrase, backup, integrity check). Policy and
// role paths are Vault's (sys/policies/acl/<name>, auth/token/roles/<name>).
class AdminService
{
public:
    explicit AdminService(const EngineCore& core)
        : m_core(core)
        , m_resolver(core)
    {}

    // --- policies
    Status putPolicy(const Caller& caller, const QString& name, const QString& document);
    Result<QString> policy(const Caller& caller, const QString& name) const;
    Result<QStringList> policyNames(const Caller& caller) const;
    Status deletePolicy(const Caller& caller, const QString& name);
    // Capabilities of a token's policies on each path (Vault's sys/capabilities).
    Result<QStringList> capabilities(const Caller& caller, const QStringList& policies,
                                     const QString& path) const;
    // The same for the token `ref` names, with the caller's right to ask
    // checked as Vault does: update on sys/capabilities-self for its own token
    // (the default policy grants it), on sys/capabilities for a token, on
    // sys/capabilities-accessor for an accessor. Root tokens answer ["root"].
    Result<QStringList> capabilitiesOf(const Caller& caller, const TokenRef& ref,
                                       const QString& path);

    // --- roles
    Status putRole(const Caller& caller, const Role& role);
    Result<Role> role(const Caller& caller, const QString& name) const;
    Result<QStringList> roleNames(const Caller& caller) const;
    Status deleteRole(const Caller& caller, const QString& name);

    // --- audit
    Result<audit::VerifyReport> verifyAudit() const;
    Result<QList<audit::AuditRecord>> auditRecords(const audit::AuditFilter& filter) const;
    // Records per period, operation and outcome, counted in one grouped query
    // (audit::AuditTally): the dashboard's days. The console's, like
    // auditRecords(): no caller, no record of the reading.
    Result<QList<audit::AuditTally::Count>> auditTally(const QList<qint64>& boundaries,
                                                       const QStringList& operations) const;
    // An "audit.export" record for a report written from the log (format,
    // filters, record count, output file; the caller puts no secret in
    // `details`). Needs read on sys/audit; the owner may always.
    Status recordExport(const Caller& caller, const QJsonObject& details);
    // Removes the personal details (docs/ARCHITECTURE.md, «Redaction») of the
    // records older than `beforeMs`; the chain still proves them. Needs sudo on
    // sys/audit (the owner may always); recorded as "audit.redact" with the
    // cut-off and counts, never what was removed.
    Result<audit::Redaction> redactAudit(const Caller& caller, qint64 beforeMs);

    // --- store (the owner only)
    Status changePassphrase(const Caller& caller, QByteArrayView newPassphrase);
    Status backupTo(const Caller& caller, const QString& path);
    Result<QStringList> checkStore(const Caller& caller);

private:
    // Runs a store operation for the owner and records it as `operation`.
    template <typename Operation>
    Status ownerOperation(const Caller& caller, const QString& operation, Operation&& run);
    // A policy written or deleted: a narrowed policy binds every cached token
    // at once, here and (through the epoch) in other processes.
    template <typename Write>
    Status policyWrite(const Caller& caller, const QString& name, const Access& access,
                       Write&& write);

    const EngineCore& m_core;
    TokenResolver m_resolver;
};

} // namespace tessera::engine
