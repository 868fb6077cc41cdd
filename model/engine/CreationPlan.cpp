#include "engine/CreationPlan.h"

#include "engine/Policy.h"

#include <algorithm>

namespace tessera::engine {
namespace {

constexpr int kMaxDisplayNameLength = 256;
constexpr int kMaxMetaEntries = 64;
constexpr int kMaxMetaLength = 1024;

} // namespace

Status checkRequestShape(const TokenRequest& request)
{
    if (request.numUses < 0)
        return Error::invalid(
            Message{QT_TRANSLATE_NOOP("EngineMessage", "num_uses must not be negative")});
    if (request.ttl < 0 || request.explicitMaxTtl < 0 || request.period < 0)
        return Error::invalid(
            Message{QT_TRANSLATE_NOOP("EngineMessage", "durations must not be negative")});
    if (request.displayName.size() > kMaxDisplayNameLength)
        return Error::invalid(
            Message{QT_TRANSLATE_NOOP("EngineMessage", "display_name is longer than %1 characters"),
                    {QString::number(kMaxDisplayNameLength)}});
    if (request.meta.size() > kMaxMetaEntries)
        return Error::invalid(
            Message{QT_TRANSLATE_NOOP("EngineMessage", "meta has more than %1 entries"),
                    {QString::number(kMaxMetaEntries)}});
    for (auto it = request.meta.cbegin(); it != request.meta.cend(); ++it) {
        if (it.key().isEmpty() || it.key().size() > kMaxMetaLength || it->size() > kMaxMetaLength)
            return Error::invalid(Message{
                QT_TRANSLATE_NOOP("EngineMessage",
                                  "meta keys must be 1 to %1 characters and values at most %1"),
                {QString::number(kMaxMetaLength)}});
    }
    if (request.viaCreateOrphan && !request.role.isEmpty())
        return Error::invalid(QStringLiteral("create-orphan takes no role"));
    return {};
}

Result<bool> planOrphan(const TokenRequest& request, const Role* role, bool callerHasSudo)
{
    if (role)
        return role->orphan;
    if (request.orphan && !request.viaCreateOrphan && !callerHasSudo)
        return Error::denied(
            QStringLiteral("permission denied: creating an orphan token needs root or sudo"));
    return request.orphan || request.viaCreateOrphan;
}

Result<CreationPlan> planCreation(const CreationInput& in)
{
    const TokenRequest& request = in.request;
    const std::optional<Role>& role = in.role;
    TESSERA_TRY(checkRequestShape(request));
    // As in Vault: a token that renews forever is asked for only with root or
    // sudo; a role with a period grants it to whoever may use the role.
    if (request.period > 0 && !in.callerHasSudo)
        return Error::denied(QStringLiteral("permission denied: root or sudo privileges required "
                                            "to create periodic token"));

    QStringList requested = request.policies;
    if (in.ownerTopLevel && requested.isEmpty() && !role)
        requested = {Policy::defaultName()};
    auto policies =
        role ? role->tokenPolicies(requested, in.boundingPolicies, request.noDefaultPolicy)
             : Policy::childPolicies(requested, in.boundingPolicies, request.noDefaultPolicy,
                                     in.callerHasSudo);
    TESSERA_TRY(policies);
    // A token's policies are stored comma-separated: a name no policy can
    // have (one with a comma, say) would come back as other names.
    for (const QString& name : std::as_const(*policies)) {
        if (!Policy::isValidName(name))
            return Error::invalid(
                Message{QT_TRANSLATE_NOOP("EngineMessage", "invalid policy name \"%1\": %2"),
                        {name, Policy::checkName(name).error().message}});
    }

    CreationPlan plan;
    auto orphan = planOrphan(request, role ? &*role : nullptr, in.callerHasSudo);
    TESSERA_TRY(orphan);
    plan.orphan = *orphan;
    plan.policies = std::move(*policies);
    plan.type = role ? role->tokenKindFor(request.type) : request.type.value_or(TokenType::Service);
    plan.numUses =
        role && role->numUses > 0
            ? (request.numUses > 0 ? std::min(request.numUses, role->numUses) : role->numUses)
            : request.numUses;
    if (plan.type == TokenType::Batch) {
        if (plan.numUses > 0)
            return Error::invalid(Message{
                QT_TRANSLATE_NOOP("EngineMessage", "batch tokens cannot have a use limit")});
        if (request.period > 0 || (role && role->period > 0))
            return Error::invalid(
                Message{QT_TRANSLATE_NOOP("EngineMessage", "batch tokens cannot be periodic")});
        if (plan.policies.contains(Policy::rootName()))
            return Error::invalid(Message{
                QT_TRANSLATE_NOOP("EngineMessage", "batch tokens cannot carry the root policy")});
    }

    TtlCreationInput ttlInput;
    ttlInput.now = in.now;
    ttlInput.ttl = request.ttl;
    ttlInput.explicitMaxTtl = request.explicitMaxTtl;
    ttlInput.period = request.period;
    if (role) {
        ttlInput.roleTtl = role->ttl;
        ttlInput.roleExplicitMaxTtl = role->explicitMaxTtl;
        ttlInput.rolePeriod = role->period;
    }
    ttlInput.systemDefaultTtl = in.config.defaultTtl;
    ttlInput.systemMaxTtl = plan.type == TokenType::Batch
                                ? std::min(in.config.maxTtl, in.config.maxBatchTtl)
                                : in.config.maxTtl;
    ttlInput.rootPolicy = plan.policies.contains(Policy::rootName());
    auto ttl = TtlPolicy::forCreation(ttlInput);
    TESSERA_TRY(ttl);
    plan.ttl = std::move(*ttl);
    // As in Vault: a role's renewable = false wins over the request (hvac always sends
    // renewable: true), and a batch token is not renewable whatever the request says.
    plan.renewable = plan.type == TokenType::Service && request.renewable.value_or(true) &&
                     (!role || role->renewable);
    return plan;
}

} // namespace tessera::engine
