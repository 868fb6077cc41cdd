#include "engine/CreationPlan.h"

#include "engine/Policy.h"

#include <algorithm>

namespace tessera::engine {
namespace {

constexpr int kMaxDisplayNameLength = 256;
constexpr int kMaxMetaEntries = 64;
constexpr int kMaxMetaLength = 1024;

// The policies of a token issued at a sign-in: the user's, as Vault's login
// methods give them, never root.
Result<QStringList> signInPolicies(const TokenSettings& user, bool requestNoDefault)
{
    QStringList policies =
        Policy::sanitizeNames(user.policies, !user.noDefaultPolicy && !requestNoDefault);
    if (policies.contains(Policy::rootName()))
        return Error::invalid(QStringLiteral("A login cannot create a root token."));
    return policies;
}

// A pass valid from its first use is a stored token whose lifetime ends.
Status checkActivation(qint64 within, const CreationPlan& plan)
{
    if (within < 1 || within > kMaxActivationWait)
        return Error::invalid(Message{
            QT_TRANSLATE_NOOP("EngineMessage", "activate_within must be 1 second to %1 days"),
            {QString::number(kMaxActivationWait / 86'400)}});
    if (plan.type != TokenType::Service)
        return Error::invalid(Message{QT_TRANSLATE_NOOP(
            "EngineMessage", "only service tokens can be valid from their first use")});
    if (!plan.ttl.expireAt)
        return Error::invalid(Message{QT_TRANSLATE_NOOP(
            "EngineMessage", "a token without a TTL cannot be valid from its first use")});
    return {};
}

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

const TokenSettings* CreationInput::settings() const
{
    return role ? &role->settings : signIn ? &*signIn : nullptr;
}

Token CreationPlan::token(qint64 now) const
{
    Token token;
    token.type = type;
    token.policies = policies;
    token.numUses = numUses;
    token.usesLeft = numUses;
    token.createdAt = now;
    token.creationTtl = ttl.ttl;
    token.expireAt = ttl.expireAt;
    token.explicitMaxTtl = ttl.explicitMaxTtl;
    token.period = ttl.period;
    token.renewable = renewable;
    if (activateWithin) {
        token.activateBy = now + *activateWithin;
        token.expireAt = token.activateBy;
    }
    token.warnBeforeExpiry = warnBeforeExpiry;
    return token;
}

Result<CreationPlan> planCreation(const CreationInput& in)
{
    const TokenRequest& request = in.request;
    const std::optional<Role>& role = in.role;
    const TokenSettings* settings = in.settings();
    TESSERA_TRY(checkRequestShape(request));
    if (role && in.signIn)
        return Error::invalid(QStringLiteral("a sign-in token takes no role"));
    // As in Vault: a token that renews forever is asked for only with root or
    // sudo; a role with a period grants it to whoever may use the role.
    if (request.period > 0 && !in.callerHasSudo)
        return Error::denied(QStringLiteral("permission denied: root or sudo privileges required "
                                            "to create periodic token"));

    QStringList requested = request.policies;
    if (in.ownerTopLevel && requested.isEmpty() && !role)
        requested = {Policy::defaultName()};
    auto policies =
        in.signIn ? signInPolicies(*in.signIn, request.noDefaultPolicy)
        : role    ? role->tokenPolicies(requested, in.boundingPolicies, request.noDefaultPolicy)
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
    if (in.signIn) {
        plan.orphan = true; // sign-in tokens are top level, as Vault's login tokens
    } else {
        auto orphan = planOrphan(request, role ? &*role : nullptr, in.callerHasSudo);
        TESSERA_TRY(orphan);
        plan.orphan = *orphan;
    }
    plan.policies = std::move(*policies);
    plan.type =
        settings ? settings->tokenKindFor(request.type) : request.type.value_or(TokenType::Service);
    plan.numUses = settings && settings->numUses > 0
                       ? (request.numUses > 0 ? std::min(request.numUses, settings->numUses)
                                              : settings->numUses)
                       : request.numUses;
    if (plan.type == TokenType::Batch) {
        if (plan.numUses > 0)
            return Error::invalid(Message{
                QT_TRANSLATE_NOOP("EngineMessage", "batch tokens cannot have a use limit")});
        if (request.period > 0 || (settings && settings->period > 0))
            return Error::invalid(
                Message{QT_TRANSLATE_NOOP("EngineMessage", "batch tokens cannot be periodic")});
        if (plan.policies.contains(Policy::rootName()))
            return Error::invalid(Message{
                QT_TRANSLATE_NOOP("EngineMessage", "batch tokens cannot carry the root policy")});
        // The mark lives in the store, next to the token's row; a batch token has none.
        if (request.warnBeforeExpiry)
            return Error::invalid(Message{QT_TRANSLATE_NOOP(
                "EngineMessage", "batch tokens cannot be marked to warn before expiry")});
    }

    TtlCreationInput ttlInput;
    ttlInput.now = in.now;
    ttlInput.ttl = request.ttl;
    ttlInput.explicitMaxTtl = request.explicitMaxTtl;
    ttlInput.period = request.period;
    if (settings) {
        ttlInput.roleTtl = settings->ttl;
        ttlInput.roleExplicitMaxTtl = settings->effectiveMaxTtl();
        ttlInput.rolePeriod = settings->period;
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
    if (request.activateWithin) {
        TESSERA_TRY(checkActivation(*request.activateWithin, plan));
        plan.activateWithin = request.activateWithin;
    }
    plan.warnBeforeExpiry = request.warnBeforeExpiry;
    return plan;
}

} // namespace tessera::engine
