#pragma once

#include "engine/Token.h"

#include <optional>

namespace tessera::engine {

// What a caller asks for when creating a token (Vault's auth/token/create
// parameters). Durations are seconds, already parsed.
struct TokenRequest
{
    QStringList policies; // empty: the parent's (or the role's)
    bool noDefaultPolicy = false;
    Metadata meta;
    QString displayName;
    qint64 ttl = 0; // 0: the default
    qint64 explicitMaxTtl = 0;
    qint64 period = 0;
    int numUses = 0;
    std::optional<bool> renewable; // unset: true (or the role's)
    bool orphan = false;
    // Asked through auth/token/create-orphan: an orphan authorized by the ACL on
    // that path (as in Vault), where `orphan` alone needs root or sudo.
    bool viaCreateOrphan = false;
    std::optional<TokenType> type; // unset: service (or the role's)
    QString role;                  // create/:role
    // The store owner (console, CLI) may name the parent explicitly; API callers
    // always create children of their own token.
    QString parentAccessor;
    // A pass valid from its first use: its TTL starts then, and unused it
    // expires this many seconds after its creation (1 s to 366 days).
    std::optional<qint64> activateWithin;
    // List the token among those expiring soon (ExpiryWarningService): staff
    // tokens are listed anyway, a marked patron token too. Service tokens only.
    bool warnBeforeExpiry = false;
};

} // namespace tessera::engine
