#pragma once

#include "core/Result.h"
#include "engine/EngineConfig.h"
#include "engine/Role.h"
#include "engine/Token.h"
#include "engine/TokenRequest.h"
#include "engine/TokenSettings.h"
#include "engine/TtlPolicy.h"

#include <QStringList>
#include <optional>

namespace tessera::engine {

// Everything token creation decides from the request alone, before anything is
// written: the shape checks, the policies, the type, the use limit, the batch
// restrictions and the lifetime. TokenEngine applies it inside its
// transaction; the console's issue form runs it on every edit, so that an
// invalid combination is explained before submit in the engine's own words.
// Every token goes through it: created through auth/token/create (with or
// without a role) and issued at a sign-in (UserpassService::login).
struct CreationInput
{
    TokenRequest request;
    std::optional<Role> role; // auth/token/create/<role>
    // A sign-in: the user's settings. Their policies are the token's (plus
    // "default" unless token_no_default_policy, never root), and the token is
    // top level. Exclusive with `role`.
    std::optional<TokenSettings> signIn;
    QStringList boundingPolicies; // the parent's; the caller's for orphans
    bool callerHasSudo = false;   // also needed to ask for a period (a role's needs none)
    // The store owner issues a top-level token without a role: it gets the
    // default policy when none is named, never root by inheritance.
    bool ownerTopLevel = false;
    qint64 now = 0;
    EngineConfig config;

    // The settings the token is issued under: the role's, the signing-in
    // user's, or none (the request alone).
    const TokenSettings* settings() const;
};

struct CreationPlan
{
    bool orphan = false;
    QStringList policies;
    TokenType type = TokenType::Service;
    int numUses = 0;
    bool renewable = false;
    bool warnBeforeExpiry = false; // listed as expiring soon (ExpiryWarningService)
    TtlCreation ttl;
    std::optional<qint64> activateWithin; // seconds; see TokenRequest

    // A token with what the plan decided (type, policies, uses, lifetime,
    // renewability), created at `now`; the caller adds parent, names and path.
    Token token(qint64 now) const;
};

// Bounds on what a request may carry (negative numbers, name and metadata sizes,
// empty metadata keys, a role through create-orphan).
Status checkRequestShape(const TokenRequest& request);

// The longest a pass valid from its first use may wait for it.
inline constexpr qint64 kMaxActivationWait = 366 * 86'400;

// Whether the token is an orphan (no parent): from an orphan role, through
// auth/token/create-orphan, or asked for with root or sudo.
Result<bool> planOrphan(const TokenRequest& request, const Role* role, bool callerHasSudo);

Result<CreationPlan> planCreation(const CreationInput& input);

} // namespace tessera::engine
