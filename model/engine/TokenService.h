#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/Token.h"
#include "engine/TokenRef.h"
#include "engine/TokenRequest.h"
#include "engine/TokenResolver.h"

#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace tessera::store {
class Database;
} // namespace tessera::store

namespace tessera::engine {

class CreationBatch;
class EngineCore;

struct CreatedToken
{
    QString token; // shown once; never stored
    Token info;
    QStringList warnings;
};

// More writes in a creation's transaction, after its tokens are inserted
// (PassBatchService: the passes' codes). An error rolls the creation back.
// It may run more than once: the group commit retries a failed group.
using CreationHook = std::function<Status(store::Database&, const QList<CreatedToken>&)>;

struct Renewal
{
    Token info;
    QStringList warnings;
};

// Tokens: creation, validation and authentication (with use counting),
// lookup, renewal, revocation and expiry (docs/ARCHITECTURE.md, «Token rules»).
// Every operation takes a Caller and returns Result<T>; thread-safe.
class TokenService
{
public:
    explicit TokenService(const EngineCore& core)
        : m_core(core)
        , m_resolver(core)
    {}

    // A new root token (owner only): init, or recovery after losing the root.
    Result<CreatedToken> createRootToken(const Caller& caller);
    Result<CreatedToken> createToken(const Caller& caller, const TokenRequest& request);
    // Many tokens in one transaction (all or none): imports, the demo library,
    // benchmarks. Each request names an existing parent (or none).
    Result<QList<CreatedToken>> createTokens(const Caller& caller,
                                             const QList<TokenRequest>& requests,
                                             const CreationHook& inTransaction = {});
    // A new parent and its children in one transaction (all or none): a batch
    // of passes under its class visit (PassBatchService). Store owner only
    // (API callers' tokens are children of their own token). The children's
    // `parentAccessor` is replaced by the new parent's; the result starts with
    // the parent.
    Result<QList<CreatedToken>> createFamily(const Caller& caller, const TokenRequest& parent,
                                             const QList<TokenRequest>& children,
                                             const CreationHook& inTransaction = {});
    // The last step of every creation, shared with sign-in: `token` as its
    // plan shaped it, issued (batch tokens encoded, service tokens stored
    // under `parentId`, 0 for top level) in the caller's transaction. Adds to
    // `details` what names it in the audit record (a batch token's tag) and
    // returns the record's targets in `targets`.
    Result<CreatedToken> issue(store::Database& db, Token token, qint64 parentId,
                               QJsonObject& details, QStringList& targets) const;

    // Checks a raw token without side effects: service tokens must exist and not
    // be expired; batch tokens must decrypt, not be expired, and have a live parent.
    Result<Token> validate(QStringView rawToken) const;
    // validate() plus one use of the token: what every authenticated API
    // request does first. For a use-limited token the decrement is atomic; the
    // use that reaches zero succeeds (Caller::lastUse) and no other request can
    // use the token after it. Call completeUse() when the request is done.
    // Every call is audited ("token.use", with `path` in the details; refused
    // tokens by their tag): uses of tokens without a use limit and refusals
    // through UseAudit's batches, counted uses in their own transaction.
    Result<Caller> authenticate(QStringView rawToken, const QString& client,
                                const QString& requestId = {}, const QString& path = {});
    // authenticate() for answers served on an event loop: the same checks and
    // audit record, but nullopt instead of waiting when the token has a use
    // limit (counting that use waits for a commit; call authenticate() then).
    Result<std::optional<Caller>> authenticateWithoutWaiting(QStringView rawToken,
                                                             const QString& client,
                                                             const QString& requestId = {},
                                                             const QString& path = {});
    // Either of the two: with `mayWait` never nullopt.
    Result<std::optional<Caller>> authenticate(QStringView rawToken, const QString& client,
                                               const QString& requestId, const QString& path,
                                               bool mayWait);
    // Revokes a token whose last use this request was (no-op otherwise).
    Status completeUse(const Caller& caller);

    Result<Token> lookup(const Caller& caller, const TokenRef& ref);
    Result<Renewal> renew(const Caller& caller, const TokenRef& ref, qint64 increment);
    // The token and its whole subtree; children first in the result.
    Result<QStringList> revoke(const Caller& caller, const TokenRef& ref);
    // One token; its children become orphans.
    Result<QStringList> revokeOrphan(const Caller& caller, const TokenRef& ref);
    // Every stored token's accessor (auth/token/accessors: root or sudo).
    Result<QStringList> accessors(const Caller& caller) const;

    // Revokes every token whose expire time has passed, with its subtree.
    Result<QStringList> sweepExpired();
    // Deletes the rows of revoked subtrees now, on this thread, up to
    // `maxChunks` transactions (< 0: all). The engine does it in the background
    // unless EngineConfig::purgeInBackground is off. Returns the rows deleted.
    Result<qint64> purgeRevoked(int maxChunks = -1);
    // Rows of revoked subtrees not deleted yet.
    Result<qint64> pendingPurge() const;
    // The earliest expire time in the store (Unix seconds), if any.
    Result<std::optional<qint64>> nextExpiry() const;

private:
    enum class RevokeMode
    {
        Subtree,
        OrphanChildren
    };
    Result<QStringList> revoke(const Caller& caller, const TokenRef& ref, RevokeMode mode);
    Result<QList<CreatedToken>> createAll(const Caller& caller, const TokenRequest* newParent,
                                          const QList<TokenRequest>& requests,
                                          const CreationHook& inTransaction);
    Result<CreatedToken> insertToken(store::Database& db, const Caller& caller,
                                     const TokenRequest& request, CreationBatch& batch);
    static bool passedSecondFactor(const Caller& caller);
    struct Parent;
    Result<Parent> parentFor(store::Database& db, const Caller& caller, const TokenRequest& request,
                             bool orphan, CreationBatch& batch) const;

    const EngineCore& m_core;
    TokenResolver m_resolver;
};

} // namespace tessera::engine
