#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/EngineConfig.h"
#include "engine/Token.h"
#include "engine/TokenRequest.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace tessera::store {
class Store;
class Database;
} // namespace tessera::store

namespace tessera::audit {
class AuditLog;
struct AuditRecord;
struct AuditFilter;
struct VerifyReport;
} // namespace tessera::audit

namespace tessera::engine {

class EngineSecrets;
class KeyRing;
struct Role;
struct User;

struct CreatedToken
{
    QString token; // shown once; never stored
    Token info;
    QStringList warnings;
};

struct Renewal
{
    Token info;
    QStringList warnings;
};

// A token named by itself, by its accessor, or as the caller's own token.
struct TokenRef
{
    enum class Kind
    {
        Token,
        Accessor,
        Self
    } kind;
    QString value;
    static TokenRef token(const QString& raw) { return {Kind::Token, raw}; }
    static TokenRef accessor(const QString& accessor) { return {Kind::Accessor, accessor}; }
    static TokenRef self() { return {Kind::Self, {}}; }
};

struct ChildPage
{
    QList<Token> tokens;
    bool more = false;
};

// The token engine: every rule of DESIGN §2 behind a small set of operations
// that take a Caller and return Result<T>. Thread-safe: API threads and the GUI
// thread call it at once; each call takes its own store connection.
//
// Signals are emitted after the transaction commits, from the calling thread;
// receivers in other threads get them queued.
class TokenEngine : public QObject
{
    Q_OBJECT

public:
    // Opens an unlocked store; creates the engine's secrets on first use.
    static Result<std::unique_ptr<TokenEngine>> open(std::unique_ptr<store::Store> store,
                                                     const Clock& clock = Clock::system(),
                                                     EngineConfig config = {});
    ~TokenEngine() override;

    const Clock& clock() const { return m_clock; }
    const EngineConfig& config() const { return m_config; }
    store::Store& store() { return *m_store; }

    // --- tokens ---------------------------------------------------------
    // A new root token (owner only): init, or recovery after losing the root.
    Result<CreatedToken> createRootToken(const Caller& caller);
    Result<CreatedToken> createToken(const Caller& caller, const TokenRequest& request);
    // Many tokens in one transaction (all or none): imports, the demo library,
    // benchmarks. A request may name a parent created earlier in the same list.
    Result<QList<CreatedToken>> createTokens(const Caller& caller,
                                             const QList<TokenRequest>& requests);

    // Checks a raw token without side effects: service tokens must exist and not
    // be expired; batch tokens must decrypt, not be expired, and have a live parent.
    Result<Token> validate(QStringView rawToken) const;
    // validate() plus one use of the token: what every authenticated API
    // request does first. For a use-limited token the decrement is atomic; the
    // use that reaches zero succeeds (Caller::lastUse) and no other request can
    // use the token after it. Call completeUse() when the request is done.
    Result<Caller> authenticate(QStringView rawToken, const QString& client,
                                const QString& requestId = {});
    // Revokes a token whose last use this request was (no-op otherwise).
    Status completeUse(const Caller& caller);

    Result<Token> lookup(const Caller& caller, const TokenRef& ref);
    Result<Renewal> renew(const Caller& caller, const TokenRef& ref, qint64 increment);
    // The token and its whole subtree; children first in the result.
    Result<QStringList> revoke(const Caller& caller, const TokenRef& ref);
    // One token; its children become orphans.
    Result<QStringList> revokeOrphan(const Caller& caller, const TokenRef& ref);

    // --- browsing (owner views: console, CLI) ----------------------------
    // Children of `parentAccessor` (empty: the top level, roots and orphans),
    // ordered by row id, after `afterId`.
    Result<ChildPage> children(const QString& parentAccessor, qint64 afterId = 0,
                               int limit = 500) const;
    Result<qint64> descendantCount(const QString& accessor) const;
    Result<qint64> tokenCount() const;
    Result<QStringList> accessors(const Caller& caller) const;

    // --- expiry -----------------------------------------------------------
    // Revokes every token whose expire time has passed, with its subtree.
    Result<QStringList> sweepExpired();
    // The earliest expire time in the store (Unix seconds), if any.
    Result<std::optional<qint64>> nextExpiry() const;

    // --- policies, roles ---------------------------------------------------
    Status putPolicy(const Caller& caller, const QString& name, const QString& document);
    Result<QString> policy(const Caller& caller, const QString& name) const;
    Result<QStringList> policyNames(const Caller& caller) const;
    Status deletePolicy(const Caller& caller, const QString& name);
    // Capabilities of a token's policies on each path (Vault's sys/capabilities).
    Result<QStringList> capabilities(const Caller& caller, const QStringList& policies,
                                     const QString& path) const;

    Status putRole(const Caller& caller, const Role& role);
    Result<Role> role(const Caller& caller, const QString& name) const;
    Result<QStringList> roleNames(const Caller& caller) const;
    Status deleteRole(const Caller& caller, const QString& name);

    // --- audit ------------------------------------------------------------
    Result<audit::VerifyReport> verifyAudit() const;
    Result<QList<audit::AuditRecord>> auditRecords(const audit::AuditFilter& filter) const;

    // --- store ------------------------------------------------------------
    Status changePassphrase(const Caller& caller, QByteArrayView newPassphrase);
    Status backupTo(const Caller& caller, const QString& path);
    Result<QStringList> checkStore(const Caller& caller);

Q_SIGNALS:
    void tokenCreated(const tessera::engine::Token& token);
    void tokenRenewed(const tessera::engine::Token& token);
    void tokenUsed(const QString& accessor, int usesLeft);
    // Children first. Expiry revokes too; `reason` is "revoke", "expire" or "use-limit".
    void tokensRevoked(const QStringList& accessors, const QString& reason);
    // revoke-orphan: these tokens lost their parent and are now top level.
    void tokensOrphaned(const QStringList& accessors);
    void policiesChanged();
    void rolesChanged();
    // The next expire time may have moved (ExpiryScheduler re-arms its timer).
    void expiryScheduleChanged();

private:
    TokenEngine(std::unique_ptr<store::Store> store, const Clock& clock, EngineConfig config);
    Result<CreatedToken> insertToken(store::Database& db, const Caller& caller,
                                     const TokenRequest& request);
    friend class EngineTestAccess;

    struct Impl;
    std::unique_ptr<Impl> d;
    std::unique_ptr<store::Store> m_store;
    const Clock& m_clock;
    EngineConfig m_config;
};

} // namespace tessera::engine
