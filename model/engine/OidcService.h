#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/TokenResolver.h"

#include <QJsonObject>
#include <QStringList>

namespace tessera::store {
class Database;
} // namespace tessera::store

namespace tessera::engine {

class EngineCore;
class Mutation;
struct OidcKey;
struct OidcRole;

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

// Signed JWTs that web sites verify offline (Vault's identity/oidc): signing
// keys and their rotation, roles that say what a JWT carries, minting, and the
// published key set. ACL paths identity/oidc/key/<name> and
// identity/oidc/role/<name> (create/update, read, delete; list on
// identity/oidc/key/ and identity/oidc/role/), identity/oidc/key/<name>/rotate
// (update), identity/oidc/token/<role> (read).
class OidcService
{
public:
    explicit OidcService(const EngineCore& core)
        : m_core(core)
        , m_resolver(core)
    {}

    // The `iss` of JWTs minted from now on and of the discovery document (the
    // API server sets the URL it serves at when it starts).
    void setIssuer(const QString& issuer);
    QString issuer() const;

    Status putKey(const Caller& caller, const OidcKey& key);
    Result<OidcKey> key(const Caller& caller, const QString& name) const;
    Result<QStringList> keyNames(const Caller& caller) const;
    // Conflict while roles still sign with it.
    Status deleteKey(const Caller& caller, const QString& name);
    // The old key stays published for the key's verification_ttl.
    Status rotateKey(const Caller& caller, const QString& name);

    // The key must exist, and the role's ttl may not exceed its verification_ttl
    // (otherwise its JWTs would outlive their published key, vault#11441).
    Status putRole(const Caller& caller, const OidcRole& role);
    Result<OidcRole> role(const Caller& caller, const QString& name) const;
    Result<QStringList> roleNames(const Caller& caller) const;
    Status deleteRole(const Caller& caller, const QString& name);

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

private:
    // Rotation "on use": nothing wakes up to rotate keys, so whoever signs or
    // publishes first after a key's rotation_period does it (in KeyRing's own
    // transactions: call outside any transaction).
    Status maintainKeys(store::Database& db);
    void announce(Mutation& mutation, QJsonObject details) const;

    const EngineCore& m_core;
    TokenResolver m_resolver;
};

} // namespace tessera::engine
