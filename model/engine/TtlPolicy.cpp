#include "engine/TtlPolicy.h"

#include "engine/Duration.h"
#include "engine/EngineConfig.h"
#include "engine/Role.h"
#include "engine/Token.h"

#include <algorithm>
#include <initializer_list>

namespace tessera::engine {
namespace {

// One sentence per field, so that each translates as a whole.
Status checkDurations(std::initializer_list<std::pair<const char*, qint64>> durations)
{
    for (const auto& [outOfRange, value] : durations) {
        if (value < 0 || value > kMaxDurationSeconds)
            return Error::invalid(Message{outOfRange, {QString::number(kMaxDurationSeconds)}});
    }
    return {};
}

Status checkSystemLimits(qint64 defaultTtl, qint64 maxTtl)
{
    if (defaultTtl <= 0 || maxTtl <= 0)
        return Error::invalid(Message{QT_TRANSLATE_NOOP(
            "EngineMessage", "The system default and max TTL must be positive.")});
    return {};
}

// The lesser of two optional limits (0 = not set).
qint64 lesserLimit(qint64 a, qint64 b)
{
    if (a == 0)
        return b;
    if (b == 0)
        return a;
    return std::min(a, b);
}

QString quoted(qint64 seconds)
{
    return u'"' + formatDuration(seconds) + u'"';
}

Message ttlCappedWarning(qint64 ttl, qint64 max)
{
    return {QT_TRANSLATE_NOOP("EngineMessage",
                              "TTL of %1 exceeded the effective max_ttl of %2; TTL value is "
                              "capped accordingly"),
            {quoted(ttl), quoted(max)}};
}

Message periodCappedWarning(qint64 period, qint64 max)
{
    return {QT_TRANSLATE_NOOP("EngineMessage",
                              "period of %1 exceeded the effective max_ttl of %2; period value "
                              "is capped accordingly"),
            {quoted(period), quoted(max)}};
}

} // namespace

Result<TtlCreation> TtlPolicy::forCreation(const TtlCreationInput& in)
{
    TESSERA_TRY(checkDurations(
        {{QT_TRANSLATE_NOOP("EngineMessage", "The ttl must be between 0 and %1 seconds."), in.ttl},
         {QT_TRANSLATE_NOOP("EngineMessage",
                            "The explicit max TTL must be between 0 and %1 seconds."),
          in.explicitMaxTtl},
         {QT_TRANSLATE_NOOP("EngineMessage", "The period must be between 0 and %1 seconds."),
          in.period},
         {QT_TRANSLATE_NOOP("EngineMessage", "The role's TTL must be between 0 and %1 seconds."),
          in.roleTtl},
         {QT_TRANSLATE_NOOP("EngineMessage",
                            "The role's explicit max TTL must be between 0 and %1 seconds."),
          in.roleExplicitMaxTtl},
         {QT_TRANSLATE_NOOP("EngineMessage", "The role's period must be between 0 and %1 seconds."),
          in.rolePeriod}}));
    TESSERA_TRY(checkSystemLimits(in.systemDefaultTtl, in.systemMaxTtl));

    TtlCreation out;
    out.explicitMaxTtl = lesserLimit(in.explicitMaxTtl, in.roleExplicitMaxTtl);
    if (in.explicitMaxTtl > 0 && in.roleExplicitMaxTtl > 0)
        out.warnings << Message{QT_TRANSLATE_NOOP("EngineMessage",
                                                  "Explicit max TTL specified both during "
                                                  "creation call and in role; using the lesser "
                                                  "value of %1 seconds"),
                                {QString::number(out.explicitMaxTtl)}};
    out.period = lesserLimit(in.period, in.rolePeriod);
    if (in.period > 0 && in.rolePeriod > 0)
        out.warnings << Message{QT_TRANSLATE_NOOP("EngineMessage",
                                                  "Period specified both during creation call and "
                                                  "in role; using the lesser value of %1 seconds"),
                                {QString::number(out.period)}};

    const qint64 requested = in.ttl > 0 ? in.ttl : in.roleTtl;

    if (in.rootPolicy && requested == 0 && out.explicitMaxTtl == 0 && out.period == 0)
        return out; // a root token that never expires

    if (out.period > 0) {
        out.ttl = out.period;
        if (out.explicitMaxTtl > 0 && out.ttl > out.explicitMaxTtl) {
            out.warnings << periodCappedWarning(out.ttl, out.explicitMaxTtl);
            out.ttl = out.explicitMaxTtl;
        }
        out.effectiveMaxTtl = out.explicitMaxTtl;
    } else {
        out.effectiveMaxTtl = lesserLimit(in.systemMaxTtl, out.explicitMaxTtl);
        out.ttl = requested > 0 ? requested : in.systemDefaultTtl;
        if (out.ttl > out.effectiveMaxTtl) {
            // Nobody asked for the default TTL, so capping it is not worth a warning.
            if (requested > 0)
                out.warnings << ttlCappedWarning(out.ttl, out.effectiveMaxTtl);
            out.ttl = out.effectiveMaxTtl;
        }
    }
    out.expireAt = in.now + out.ttl;
    return out;
}

Result<TtlRenewal> TtlPolicy::forRenewal(const TtlRenewalInput& in)
{
    TESSERA_TRY(checkDurations(
        {{QT_TRANSLATE_NOOP("EngineMessage", "The creation TTL must be between 0 and %1 seconds."),
          in.creationTtl},
         {QT_TRANSLATE_NOOP("EngineMessage",
                            "The explicit max TTL must be between 0 and %1 seconds."),
          in.explicitMaxTtl},
         {QT_TRANSLATE_NOOP("EngineMessage", "The period must be between 0 and %1 seconds."),
          in.period},
         {QT_TRANSLATE_NOOP("EngineMessage",
                            "The role's explicit max TTL must be between 0 and %1 seconds."),
          in.roleExplicitMaxTtl},
         {QT_TRANSLATE_NOOP("EngineMessage", "The increment must be between 0 and %1 seconds."),
          in.increment}}));
    TESSERA_TRY(checkSystemLimits(in.systemDefaultTtl, in.systemMaxTtl));

    if (!in.renewable)
        return Error::invalid(
            Message{QT_TRANSLATE_NOOP("EngineMessage", "token is not renewable")});

    TtlRenewal out;
    if (!in.expireAt)
        return out; // never expires: there is nothing to extend

    const qint64 explicitMax = lesserLimit(in.explicitMaxTtl, in.roleExplicitMaxTtl);

    qint64 lifetimeLimit = 0; // 0: none
    if (in.period > 0) {
        out.ttl = in.period;
        lifetimeLimit = explicitMax;
    } else {
        out.ttl = in.increment > 0     ? in.increment
                  : in.creationTtl > 0 ? in.creationTtl
                                       : in.systemDefaultTtl;
        lifetimeLimit = lesserLimit(in.systemMaxTtl, explicitMax);
    }

    if (lifetimeLimit > 0) {
        const qint64 remaining = in.createdAt + lifetimeLimit - in.now;
        if (remaining <= 0)
            return Error::invalid(
                Message{QT_TRANSLATE_NOOP("EngineMessage", "past the max TTL, cannot renew")});
        if (out.ttl > remaining) {
            out.warnings << ttlCappedWarning(out.ttl, remaining);
            out.ttl = remaining;
        }
    }
    out.expireAt = in.now + out.ttl;
    return out;
}

TtlRenewalInput TtlPolicy::renewalInput(const Token& token, const Role* role, qint64 now,
                                        qint64 increment, const EngineConfig& config)
{
    TtlRenewalInput input;
    input.now = now;
    input.createdAt = token.lifetimeStart();
    input.creationTtl = token.creationTtl;
    input.expireAt = token.expireAt;
    input.explicitMaxTtl = token.explicitMaxTtl;
    input.period = token.period;
    input.renewable = token.renewable;
    input.increment = increment;
    input.systemDefaultTtl = config.defaultTtl;
    input.systemMaxTtl = config.maxTtl;
    if (role) {
        // Vault's token store renews a role's token with the role's period,
        // whatever the token was created with (0 included).
        input.period = role->settings.period;
        input.roleExplicitMaxTtl = role->settings.effectiveMaxTtl();
    }
    return input;
}

} // namespace tessera::engine
