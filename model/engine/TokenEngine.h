#pragma once

#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/EngineConfig.h"
#include "engine/LoginThrottle.h"
#include "engine/Token.h"
#include "engine/TokenRequest.h"

#include <QJsonObject>
#include <QObject>
#include <memory>
#include <mutex>

namespace tessera::store {
class Store;
class Database;
} // namespace tessera::store

namespace tessera::engine {

class EngineSecrets;
class KeyRing;
struct Role;
struct User;
struct OidcKey;
struct OidcRole;

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

// --- oidc
// A JWT access token minted for the caller's token (identity/oidc/token/:role).
struct MintedJwt
{
    QString token; // compact JWS; shown to the caller, never stored
    QString clientId;
    qint64 ttl = 0; // seconds from now to exp
    qint64 expiresAt = 0;
    QString jti;
    QString kid;
};

// The token engine: every token rule (docs/ARCHITECTURE.md, «Token rules») behind
// a small set of operations that take a Caller and return Result<T>. Thread-safe:
// API threads and the GUI thread call it at once; each call takes its own store
// connection.
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
    // The `iss` of JWTs minted from now on and of the discovery document (the
    // API server sets the URL it serves at when it starts).
    void setIssuer(const QString& issuer);
    QString issuer() const;
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
    // The same for the token `ref` names, with the caller's right to ask
    // checked as Vault does: update on sys/capabilities-self for its own token
    // (the default policy grants it), on sys/capabilities for a token, on
    // sys/capabilities-accessor for an accessor. Root tokens answer ["root"].
    Result<QStringList> capabilitiesOf(const Caller& caller, const TokenRef& ref,
                                       const QString& path);

    Status putRole(const Caller& caller, const Role& role);
    Result<Role> role(const Caller& caller, const QString& name) const;
    Result<QStringList> roleNames(const Caller& caller) const;
    Status deleteRole(const Caller& caller, const QString& name);

    // --- audit ------------------------------------------------------------
    Result<audit::VerifyReport> verifyAudit() const;
    Result<QList<audit::AuditRecord>> auditRecords(const audit::AuditFilter& filter) const;
    // An "audit.export" record for a report written from the log (format,
    // filters, record count, output file; the caller puts no secret in
    // `details`). Needs read on sys/audit; the owner may always.
    Status recordExport(const Caller& caller, const QJsonObject& details);

    // --- store ------------------------------------------------------------
    Status changePassphrase(const Caller& caller, QByteArrayView newPassphrase);
    Status backupTo(const Caller& caller, const QString& path);
    Result<QStringList> checkStore(const Caller& caller);

    // --- users (userpass) -------------------------------------------------
    // ACL paths as Vault's: auth/userpass/users/<name> (create/update, read,
    // delete), auth/userpass/users/ (list). The owner may do everything.
    //
    // Creates or updates a user. `password`: required for a new user; nullopt
    // keeps the current one. Changing it clears the user's lockout.
    Status putUser(const Caller& caller, const User& user,
                   const std::optional<QString>& password = std::nullopt);
    // auth/userpass/users/<name>/password (update).
    Status setUserPassword(const Caller& caller, const QString& name, const QString& password);
    Result<User> user(const Caller& caller, const QString& name) const;
    Result<QStringList> userNames(const Caller& caller) const;
    Status deleteUser(const Caller& caller, const QString& name);
    // auth/userpass/login/<name>: needs no token. The token is a top-level
    // token (no parent, as Vault's login tokens) with the user's policies and
    // limits, path "auth/userpass/login/<name>", display name "userpass-<name>",
    // meta {"username": name}, issued by "login:<name>".
    // A wrong password and an unknown name give the same InvalidArgument
    // ("invalid username or password", Vault's 400) after the same KDF work.
    // Failures are audited ("login.failed", never the password) and throttled
    // per name and per client (LoginThrottle): RateLimited while locked.
    Result<CreatedToken> login(const QString& username, const QString& password,
                               const QString& client, const QString& requestId = {});

    // --- cubbyhole ----------------------------------------------------------
    // The caller's own token's private store (Cubbyhole), under ACL paths
    // cubbyhole/<path>; the default policy grants cubbyhole/*. The store owner
    // and batch tokens have none (InvalidArgument).
    Result<QJsonObject> cubbyholeRead(const Caller& caller, const QString& path) const;
    Status cubbyholeWrite(const Caller& caller, const QString& path, const QJsonObject& value);
    // Direct children of `folder` ("" for the top), sub-folders ending in '/'.
    Result<QStringList> cubbyholeList(const Caller& caller, const QString& folder) const;
    Status cubbyholeDelete(const Caller& caller, const QString& path);

    // --- oidc (JWT access tokens) --------------------------------------------
    // ACL paths identity/oidc/key/<name> and identity/oidc/role/<name> (create/
    // update, read, delete; list on identity/oidc/key/ and identity/oidc/role/),
    // identity/oidc/key/<name>/rotate (update), identity/oidc/token/<role> (read).
    Status putOidcKey(const Caller& caller, const OidcKey& key);
    Result<OidcKey> oidcKey(const Caller& caller, const QString& name) const;
    Result<QStringList> oidcKeyNames(const Caller& caller) const;
    // Conflict while roles still sign with it.
    Status deleteOidcKey(const Caller& caller, const QString& name);
    // The old key stays published for the key's verification_ttl.
    Status rotateOidcKey(const Caller& caller, const QString& name);

    // The key must exist, and the role's ttl may not exceed its verification_ttl
    // (otherwise its JWTs would outlive their published key, vault#11441).
    Status putOidcRole(const Caller& caller, const OidcRole& role);
    Result<OidcRole> oidcRole(const Caller& caller, const QString& name) const;
    Result<QStringList> oidcRoleNames(const Caller& caller) const;
    Status deleteOidcRole(const Caller& caller, const QString& name);

    // A JWT for the caller's token: iss = issuer(), sub = the token's
    // accessor (batch tokens, which have none: "batch:" + 24 hex digits of an
    // HMAC of the token's contents, stable for one token), aud = the role's
    // client_id, exp = now + the role's ttl but never past the token's expiry,
    // policies = the token's, plus the role's template claims. Keys due for
    // rotation rotate first. The store owner has no token: InvalidArgument.
    Result<MintedJwt> mintJwt(const Caller& caller, const QString& roleName);
    // Public documents (no caller): the JWKS of every published key, and the
    // OpenID discovery document for issuer().
    Result<QJsonObject> jwks();
    QJsonObject openIdConfiguration() const;
    // The engine's own verifier: signature by a published key, iss, aud, exp,
    // nbf, iat. The verified claims, or InvalidArgument saying why not.
    Result<QJsonObject> verifyJwt(QStringView jwt, const QString& audience) const;

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
    // --- users, oidc
    void usersChanged();
    void oidcChanged(); // keys (settings or rotation) or roles

private:
    TokenEngine(std::unique_ptr<store::Store> store, const Clock& clock, EngineConfig config);
    struct CreationBatch;
    Result<std::optional<Caller>> authenticate(QStringView rawToken, const QString& client,
                                               const QString& requestId, const QString& path,
                                               bool mayWait);
    Result<CreatedToken> insertToken(store::Database& db, const Caller& caller,
                                     const TokenRequest& request, CreationBatch& batch);
    friend class EngineTestAccess;

    // --- users, oidc
    Result<CreatedToken> insertLoginToken(store::Database& db, const User& user,
                                          const Caller& caller);
    Status recordLoginFailure(store::Database& db, const Caller& caller, const QString& name,
                              const QString& reason, const LoginThrottle::State* state);
    // Rotates due keys and purges expired ones (in KeyRing's own transactions:
    // call outside any transaction).
    Status maintainOidcKeys(store::Database& db);
    LoginThrottle m_loginThrottle;

    struct Impl;
    std::unique_ptr<Impl> d;
    std::unique_ptr<store::Store> m_store;
    const Clock& m_clock;
    EngineConfig m_config;
    mutable std::mutex m_issuerMutex; // setIssuer() may race with minting threads
};

} // namespace tessera::engine
