#pragma once

#include "core/Result.h"
#include "engine/LoginThrottle.h"
#include "engine/TokenService.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tessera::store {
class Database;
} // namespace tessera::store

namespace tessera::engine {

class EngineCore;

// Codes people can type (docs/ARCHITECTURE.md, «Pass codes»): each pass of a
// batch gets a PassCode, and whoever holds the code may exchange it for the
// pass's token (the gate's sign-in page, POST auth/pass/login).
//
// * The store keeps a code only as an HMAC under a key derived from the
//   store's secrets (EngineSecrets::passCodeLookup), and the token only
//   sealed (AES-256-GCM) under a key derived from the code: the table alone
//   gives neither codes nor tokens.
// * A code works as long as its pass does: a spent, revoked or expired
//   pass's code is refused like a code that never existed. Its row goes
//   with the token (Revocation).
// * Every redemption is audited as "pass.redeem" (the pass's accessor on
//   success, the reason on refusal), never with the code.
// * Guessing is throttled per client like password logins: from the
//   kClientFreeFailures-th wrong code on, the client waits (RateLimited).
class PassCodeService
{
public:
    static constexpr int kClientFreeFailures = LoginThrottle::kClientFreeFailures;

    PassCodeService(const EngineCore& core, TokenService& tokens)
        : m_core(core)
        , m_tokens(tokens)
    {}

    // New codes for `passes` inside the caller's transaction, one per pass
    // in order (grouped for printing); "" for a batch token, which has no row.
    Result<QStringList> issueCodes(store::Database& db, const QList<CreatedToken>& passes) const;

    // The pass's token for a code as typed; InvalidArgument for a malformed
    // code (a typo), InvalidCredentials for a wrong or dead one, RateLimited
    // when the client has guessed too often.
    Result<CreatedToken> redeem(const QString& typedCode, const QString& client,
                                const QString& requestId = {});

private:
    Status recordRefusal(const Caller& caller, const QString& reason) const;

    const EngineCore& m_core;
    TokenService& m_tokens;
    LoginThrottle m_throttle;
};

} // namespace tessera::engine
