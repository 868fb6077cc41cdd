#pragma once

#include "core/Result.h"
#include "engine/EngineConfig.h"
#include "engine/Role.h"
#include "engine/TokenRequest.h"
#include "engine/TtlPolicy.h"

#include <QStringList>
#include <optional>

namespace tessera::engine {

// Everything token creation decides from the request alone, before anything is
// written: the shape checks, the policies, the type, the use limit, the batch
// restrictions and the lifetime. TokenEngine applies it inside its
// transaction; the console's issue form runs it on every edit, so that an
// invalid combination is explained before submit in the engine's own words.
struct CreationInput
{
    TokenRequest request;
    std::optional<Role> role;
    QStringList boundingPolicies; // the parent's; the caller's for orphans
    bool callerHasSudo = false;   // also needed to ask for a period (a role's needs none)
    // The store owner issues a top-level token without a role: it gets the
    // default policy when none is named, never root by inheritance.
    bool ownerTopLevel = false;
    qint64 now = 0;
    EngineConfig config;
};

struct CreationPlan
{
    bool orphan = false;
    QStringList policies;
    TokenType type = TokenType::Service;
    int numUses = 0;
    bool renewable = false;
    TtlCreation ttl;
};

// Bounds on what a request may carry (negative numbers, name and metadata sizes,
// empty metadata keys, a role through create-orphan).
Status checkRequestShape(const TokenRequest& request);

// Whether the token is an orphan (no parent): from an orphan role, through
// auth/token/create-orphan, or asked for with root or sudo.
Result<bool> planOrphan(const TokenRequest& request, const Role* role, bool callerHasSudo);

Result<CreationPlan> planCreation(const CreationInput& input);

} // namespace tessera::engine
