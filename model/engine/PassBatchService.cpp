#include "engine/PassBatchService.h"

#include "engine/Capability.h"
#include "engine/EngineCore.h"
#include "engine/Policy.h"
#include "engine/Role.h"
#include "engine/TokenRequest.h"

#include <QDateTime>

namespace tessera::engine {

Status PassBatchService::checkCount(int count)
{
    if (count < 1 || count > kMaxCount)
        return Error::invalid(
            QStringLiteral("a batch has 1 to %1 passes, not %2").arg(kMaxCount).arg(count));
    return {};
}

QString PassBatchService::defaultGroupName(qint64 now)
{
    return QStringLiteral("Class visit %1")
        .arg(QDateTime::fromSecsSinceEpoch(now, Qt::UTC).date().toString(Qt::ISODate));
}

Result<PassBatch> PassBatchService::issue(const Caller& caller, const PassBatchRequest& request)
{
    TESSERA_TRY(checkCount(request.count));
    if (!caller.owner)
        return Error::denied(
            QStringLiteral("permission denied: only the store owner issues batches of passes"));
    if (request.role.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("a batch of passes needs a role"));
    // The role decides whether the passes are orphans; read it first so the
    // refusal comes before anything is written.
    const Access access{QStringLiteral("auth/token/create/") + request.role,
                        Capability::Create | Capability::Update, QStringLiteral("token.create")};
    auto role = m_core.read(
        caller, access, [&](store::Database& db) { return m_core.roles().find(db, request.role); });
    TESSERA_TRY(role);
    if (role->orphan && !request.parentAccessor.isEmpty())
        return Error::invalid(QStringLiteral("role \"%1\" issues orphans: its passes cannot go "
                                             "under a parent")
                                  .arg(role->name));

    PassBatch batch;
    batch.groupName = request.groupName.trimmed().isEmpty() ? defaultGroupName(m_core.now())
                                                            : request.groupName.trimmed();
    QList<TokenRequest> passes;
    passes.reserve(request.count);
    for (int i = 1; i <= request.count; ++i) {
        TokenRequest pass;
        pass.role = role->name;
        pass.displayName = QStringLiteral("%1 #%2").arg(batch.groupName).arg(i);
        pass.parentAccessor = request.parentAccessor;
        pass.activateWithin = request.activateWithin;
        passes.append(std::move(pass));
    }

    const bool newParent = !role->orphan && request.parentAccessor.isEmpty();
    QStringList codes;
    CreationHook writeCodes;
    if (m_codes) {
        writeCodes = [&](store::Database& db, const QList<CreatedToken>& tokens) -> Status {
            auto written = m_codes(db, newParent ? tokens.mid(1) : tokens);
            TESSERA_TRY(written);
            codes = std::move(*written);
            return {};
        };
    }
    Result<QList<CreatedToken>> created = QList<CreatedToken>{};
    if (!newParent) {
        created = m_tokens.createTokens(caller, passes, writeCodes);
    } else {
        // The group's parent holds no rights of its own (default policy only)
        // and lives as long as the system allows, so that no pass outlives
        // it unnoticed: revoking it revokes the class.
        TokenRequest parent;
        parent.displayName = batch.groupName;
        parent.policies = {Policy::defaultName()};
        parent.ttl = m_core.config().maxTtl;
        parent.type = TokenType::Service;
        created = m_tokens.createFamily(caller, parent, passes, writeCodes);
    }
    TESSERA_TRY(created);
    if (newParent) {
        batch.parent = created->takeFirst();
        batch.parentAccessor = batch.parent->info.accessor;
    } else {
        batch.parentAccessor = request.parentAccessor;
    }
    batch.passes = std::move(*created);
    batch.codes = std::move(codes);
    return batch;
}

} // namespace tessera::engine
