#pragma once

#include "core/Result.h"

#include <QStringList>
#include <optional>

namespace tessera::engine {

struct EngineConfig;
struct Role;
struct Token;

// Vault's defaults: 32 days for both the default TTL and the system max TTL.
inline constexpr qint64 kDefaultSystemTtl = 32 * 24 * 3600;
inline constexpr qint64 kDefaultSystemMaxTtl = 32 * 24 * 3600;

// Everything token creation needs to fix a token's lifetime. All durations are
// seconds; 0 means "not set". Times are Unix seconds.
struct TtlCreationInput
{
    qint64 now = 0;
    qint64 ttl = 0;            // requested; 0: the role's TTL, else the system default
    qint64 explicitMaxTtl = 0; // requested
    qint64 period = 0;         // requested; > 0 makes a periodic token
    qint64 roleTtl = 0;        // the role's token_ttl, if the token comes from a role
    qint64 roleExplicitMaxTtl = 0;
    qint64 rolePeriod = 0;
    qint64 systemDefaultTtl = kDefaultSystemTtl;
    qint64 systemMaxTtl = kDefaultSystemMaxTtl;
    bool rootPolicy = false; // the token carries the root policy
};

struct TtlCreation
{
    qint64 ttl = 0; // the creation TTL; 0 only when it never expires
    std::optional<qint64>
        expireAt;               // nullopt only for a root-policy token with no ttl, max or period
    qint64 explicitMaxTtl = 0;  // to store on the token: the lesser of request and role
    qint64 period = 0;          // to store on the token: the lesser of request and role
    qint64 effectiveMaxTtl = 0; // lifetime limit from creation; 0: none (periodic, root)
    QList<Message> warnings;    // Vault-style, for the response's "warnings"
};

// Everything renewal needs. The caller passes the role's *current* settings:
// as in Vault, editing a role changes how its existing tokens renew.
struct TtlRenewalInput
{
    qint64 now = 0;
    qint64 createdAt = 0;
    qint64 creationTtl = 0;
    std::optional<qint64> expireAt; // the current one; nullopt: never expires
    qint64 explicitMaxTtl = 0;      // the token's
    // The period in force: the token's, or for a token from a role the
    // role's current one, which replaces the token's (renewalInput).
    qint64 period = 0;
    qint64 roleExplicitMaxTtl = 0; // the role's, now (0: no role or not set)
    bool renewable = false;
    qint64 increment = 0; // requested; 0: the creation TTL
    qint64 systemDefaultTtl = kDefaultSystemTtl;
    qint64 systemMaxTtl = kDefaultSystemMaxTtl;
};

struct TtlRenewal
{
    std::optional<qint64> expireAt; // nullopt: the token never expires (nothing to extend)
    qint64 ttl = 0;                 // seconds from now to expireAt
    QList<Message> warnings;
};

// The TTL arithmetic (docs/ARCHITECTURE.md, «TTL arithmetic»), in one place.
// Vault's rules, precisely:
//
// * Explicit max TTL and period: when both the request and the role set one,
//   the lesser wins (with a warning).
// * Non-periodic tokens: ttl = requested (or the role's, or the system
//   default), capped by the effective max = min(system max, explicit max);
//   a requested TTL above it is capped with Vault's warning. They can never
//   live past createdAt + effective max: renewal caps there and refuses once
//   it is reached ("past the max TTL, cannot renew").
// * Periodic tokens: ttl = period, and every renewal sets expireAt = now +
//   period whatever the increment (Vault ignores it for periodic tokens).
//   The system max does not apply (only an explicit max bounds a periodic
//   token; Vault itself caps the period *value* at the system max, we do not);
//   an explicit max caps both the period and the lifetime.
// * Root-policy tokens may be created with no TTL at all; they never expire
//   and renewing them changes nothing.
// * A renewal may shorten the lifetime: expireAt = now + increment, as in Vault.
//
// Validity (expired, revoked, use limit) is the caller's business.
class TtlPolicy
{
public:
    static Result<TtlCreation> forCreation(const TtlCreationInput& input);
    static Result<TtlRenewal> forRenewal(const TtlRenewalInput& input);

    // The renewal input for a stored token. `role`: the role it was created
    // from, as it is now (nullptr: none). As in Vault the role's period
    // replaces the token's (raising it takes effect too); its explicit max can
    // only shorten the token's, which may come from a stricter request.
    static TtlRenewalInput renewalInput(const Token& token, const Role* role, qint64 now,
                                        qint64 increment, const EngineConfig& config);
};

} // namespace tessera::engine
