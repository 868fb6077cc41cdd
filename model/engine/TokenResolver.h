#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/Token.h"
#include "engine/TokenRef.h"

#include <QStringView>
#include <optional>

namespace tessera::store {
class Database;
} // namespace tessera::store

namespace tessera::engine {

class EngineCore;
class LazyConnection;
struct ParsedToken;

// How the services find the token an operation is about: a raw token validated
// (through the validation cache), an accessor, or the caller's own token; and
// whether a token read before a write transaction began is still the one
// stored (docs/ARCHITECTURE.md, «Token rules»).
class TokenResolver
{
public:
    explicit TokenResolver(const EngineCore& core)
        : m_core(core)
    {}

    // The one answer for a token that does not exist, expired or was revoked:
    // callers cannot tell which.
    static Error notFound();
    // Not expired and not used up at `now`.
    static bool alive(const Token& token, qint64 now);

    // Service tokens must be stored and alive; batch tokens must decrypt, not
    // be expired, and have a live parent.
    Result<Token> validate(LazyConnection& connection, QStringView raw,
                           const ParsedToken& parsed) const;
    Result<Token> validate(store::Database& db, QStringView raw) const;

    // The calling service token's row while it is still the caller's: SQLite
    // hands out the row ids of deleted tokens again, so a stale id may name a
    // stranger's token.
    Result<std::optional<Token>> callerToken(store::Database& db, const Caller& caller) const;
    // PermissionDenied ("invalid token") once the caller's own token is gone:
    // revoked since the request was authenticated.
    Status checkStillTheCaller(store::Database& db, const Caller& caller) const;
    // Whether `token`, resolved before the write transaction began, is still
    // stored: if it was revoked in between, its row id may be a stranger's now.
    Result<bool> stillStored(store::Database& db, const Token& token) const;
    // A token named by value, accessor or as the caller's own; expired or
    // used-up tokens count as gone (except the caller's own on its last use).
    Result<std::optional<Token>> resolve(store::Database& db, const Caller& caller,
                                         const TokenRef& ref) const;
    // Vault's endpoint for an operation on `ref`: -self, -accessor or plain.
    static QString pathFor(const QString& operation, const Caller& caller, const TokenRef& ref,
                           const std::optional<Token>& target);

private:
    Result<Token> validateBatch(LazyConnection& connection, const ParsedToken& parsed) const;

    const EngineCore& m_core;
};

} // namespace tessera::engine
