#include "engine/OidcService.h"

#include "audit/AuditLog.h"
#include "engine/EngineCore.h"
#include "engine/EngineEvents.h"
#include "engine/EngineSecrets.h"
#include "engine/Jwks.h"
#include "engine/JwtIssuer.h"
#include "engine/JwtVerifier.h"
#include "engine/OidcBook.h"
#include "engine/OidcKey.h"
#include "engine/OidcRole.h"
#include "engine/TokenRecords.h"

#include <QJsonArray>

namespace tessera::engine {

using store::Database;

namespace {

QString keyPath(const QString& name)
{
    return QStringLiteral("identity/oidc/key/") + name;
}

QString oidcRolePath(const QString& name)
{
    return QStringLiteral("identity/oidc/role/") + name;
}

Error noSuchOidcKey(const QString& name)
{
    return Error::notFound(QStringLiteral("no OIDC key named \"%1\"").arg(name));
}

Error noSuchOidcRole(const QString& name)
{
    return Error::notFound(QStringLiteral("no OIDC role named \"%1\"").arg(name));
}

} // namespace

void OidcService::setIssuer(const QString& issuer)
{
    m_core.setIssuer(issuer);
}

QString OidcService::issuer() const
{
    return m_core.config().issuer;
}

// An OIDC write's audit record, with the announcement after the commit.
void OidcService::announce(Mutation& mutation, QJsonObject details) const
{
    mutation.record.details = std::move(details);
    mutation.afterCommit([this] { Q_EMIT m_core.events().oidcChanged(); });
}

Status OidcService::putKey(const Caller& caller, const OidcKey& key)
{
    const QString operation = QStringLiteral("oidc.key.write");
    TESSERA_TRY(key.validate());
    return m_core.read(
        caller, {keyPath(key.name), Capability::Create | Capability::Update, operation},
        [&](Database& db) -> Status {
            auto longest = OidcBook(db).longestRoleTtl(key.name);
            TESSERA_TRY(longest);
            if (longest->has_value() && **longest > key.verificationTtl)
                return Error::invalid(
                    QStringLiteral("verification_ttl must be at least the ttl of every "
                                   "role that uses this key (%1 seconds).")
                        .arg(**longest));
            // KeyRing writes in a transaction of its own; the client list
            // follows. A crash in between leaves the key allowing no client:
            // the safe side.
            TESSERA_TRY(m_core.keys().ensureOidcKey(db, key.settings(), m_core.now()));
            return m_core.mutate(db, caller, operation, [&](Mutation& m) -> Status {
                TESSERA_TRY(OidcBook(m.db()).setAllowedClientIds(key.name, key.allowedClientIds));
                QJsonObject details = key.toJson();
                details.insert(QStringLiteral("key"), key.name);
                announce(m, details);
                return {};
            });
        });
}

Result<OidcKey> OidcService::key(const Caller& caller, const QString& name) const
{
    TESSERA_TRY(OidcKey::checkName(name));
    return m_core.read(caller, {keyPath(name), Capability::Read, QStringLiteral("oidc.key.read")},
                       [&](Database& db) -> Result<OidcKey> {
                           const auto settings = m_core.keys().oidcKey(name);
                           if (!settings)
                               return noSuchOidcKey(name);
                           auto clients = OidcBook(db).allowedClientIds(name);
                           TESSERA_TRY(clients);
                           return OidcKey::from(*settings, *clients);
                       });
}

Result<QStringList> OidcService::keyNames(const Caller& caller) const
{
    return m_core.read(
        caller,
        {QStringLiteral("identity/oidc/key/"), Capability::List, QStringLiteral("oidc.key.list")},
        [&](Database&) -> Result<QStringList> { return m_core.keys().oidcKeyNames(); });
}

Status OidcService::deleteKey(const Caller& caller, const QString& name)
{
    const QString operation = QStringLiteral("oidc.key.delete");
    TESSERA_TRY(OidcKey::checkName(name));
    return m_core.read(
        caller, {keyPath(name), Capability::Delete, operation}, [&](Database& db) -> Status {
            auto users = OidcBook(db).rolesUsingKey(name);
            TESSERA_TRY(users);
            if (!users->isEmpty())
                return Error{
                    ErrorCode::Conflict,
                    QStringLiteral("The key \"%1\" cannot be deleted: these roles use it: %2.")
                        .arg(name, users->join(QStringLiteral(", ")))};
            if (!m_core.keys().oidcKey(name))
                return noSuchOidcKey(name);
            TESSERA_TRY(m_core.keys().deleteOidcKey(db, name));
            return m_core.mutate(db, caller, operation, [&](Mutation& m) -> Status {
                TESSERA_TRY(OidcBook(m.db()).removeKey(name));
                announce(m, {{QStringLiteral("key"), name}});
                return {};
            });
        });
}

Status OidcService::rotateKey(const Caller& caller, const QString& name)
{
    const QString operation = QStringLiteral("oidc.key.rotate");
    TESSERA_TRY(OidcKey::checkName(name));
    return m_core.read(caller,
                       {keyPath(name) + QStringLiteral("/rotate"), Capability::Update, operation},
                       [&](Database& db) -> Status {
                           if (!m_core.keys().oidcKey(name))
                               return noSuchOidcKey(name);
                           TESSERA_TRY(m_core.keys().rotateOidcKey(db, name, m_core.now()));
                           return m_core.mutate(db, caller, operation, [&](Mutation& m) -> Status {
                               announce(m, {{QStringLiteral("key"), name}});
                               return {};
                           });
                       });
}

Status OidcService::putRole(const Caller& caller, const OidcRole& role)
{
    TESSERA_TRY(role.validate());
    return m_core.mutate(
        caller,
        {oidcRolePath(role.name), Capability::Create | Capability::Update,
         QStringLiteral("oidc.role.write")},
        [&](Mutation& m) -> Status {
            const auto key = m_core.keys().oidcKey(role.key);
            if (!key)
                return Error::invalid(
                    QStringLiteral("The key \"%1\" does not exist.").arg(role.key));
            if (role.ttl > key->verificationTtl)
                return Error::invalid(
                    QStringLiteral("ttl must not be longer than the verification_ttl of "
                                   "the key \"%1\" (%2 seconds), or its tokens would "
                                   "outlive their published key.")
                        .arg(role.key)
                        .arg(key->verificationTtl));
            TESSERA_TRY(OidcBook(m.db()).putRole(role, m_core.now()));
            QJsonObject details = role.toJson();
            details.insert(QStringLiteral("role"), role.name);
            announce(m, details);
            return {};
        });
}

Result<OidcRole> OidcService::role(const Caller& caller, const QString& name) const
{
    TESSERA_TRY(OidcRole::checkName(name));
    return m_core.read(caller,
                       {oidcRolePath(name), Capability::Read, QStringLiteral("oidc.role.read")},
                       [&](Database& db) -> Result<OidcRole> {
                           auto role = OidcBook(db).findRole(name);
                           TESSERA_TRY(role);
                           if (!role->has_value())
                               return noSuchOidcRole(name);
                           return std::move(**role);
                       });
}

Result<QStringList> OidcService::roleNames(const Caller& caller) const
{
    return m_core.read(
        caller,
        {QStringLiteral("identity/oidc/role/"), Capability::List, QStringLiteral("oidc.role.list")},
        [](Database& db) { return OidcBook(db).roleNames(); });
}

Status OidcService::deleteRole(const Caller& caller, const QString& name)
{
    TESSERA_TRY(OidcRole::checkName(name));
    return m_core.mutate(
        caller, {oidcRolePath(name), Capability::Delete, QStringLiteral("oidc.role.delete")},
        [&](Mutation& m) -> Status {
            TESSERA_TRY(OidcBook(m.db()).removeRole(name));
            announce(m, {{QStringLiteral("role"), name}});
            return {};
        });
}

Result<MintedJwt> OidcService::mintJwt(const Caller& caller, const QString& roleName)
{
    const QString operation = QStringLiteral("oidc.token");
    if (!caller.batch && caller.tokenId == 0)
        return Error::invalid(QStringLiteral("The store owner has no token to mint a JWT for."));
    TESSERA_TRY(OidcRole::checkName(roleName));
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(m_core.authorize(
        db, caller,
        {QStringLiteral("identity/oidc/token/") + roleName, Capability::Read, operation}));
    auto found = OidcBook(db).findRole(roleName);
    TESSERA_TRY(found);
    if (!found->has_value())
        return noSuchOidcRole(roleName);
    const OidcRole role = std::move(**found);
    TESSERA_TRY(maintainKeys(db));
    const auto key = m_core.keys().oidcKey(role.key);
    if (!key)
        return Error::invalid(
            QStringLiteral("The key \"%1\" of this role does not exist.").arg(role.key));
    auto clients = OidcBook(db).allowedClientIds(role.key);
    TESSERA_TRY(clients);
    if (!OidcKey::from(*key, *clients).allowsClient(role.clientId))
        return Error::invalid(QStringLiteral("The key \"%1\" does not list the client ID of the "
                                             "role \"%2\" as an allowed client ID.")
                                  .arg(role.key, role.name));

    const qint64 now = m_core.now();
    qint64 ttl = role.ttl;
    if (caller.expireAt > 0)
        ttl = std::min(ttl, caller.expireAt - now);
    if (ttl <= 0)
        return Error::invalid(
            QStringLiteral("The token expires now: no JWT can be minted for it."));

    QString subject = caller.accessor;
    if (caller.batch) {
        // Batch tokens have no accessor. Their contents identify them: the same
        // token always gives the same subject, and the HMAC tells nothing about it.
        const Token info = caller.token ? *caller.token : Token{};
        const QString contents =
            QStringList{QStringLiteral("batch-subject"),
                        info.parentAccessor,
                        QString::number(info.createdAt),
                        QString::number(info.expireAt.value_or(caller.expireAt)),
                        caller.policies.join(u','),
                        info.displayName,
                        info.role,
                        TokenRecords::encodeMeta(info.meta)}
                .join(u'\n');
        subject = QStringLiteral("batch:") +
                  QString::fromLatin1(m_core.secrets().tokenHash(contents).toHex().left(24));
    }

    JwtClaims claims;
    claims.issuer = issuer();
    claims.subject = subject;
    claims.audience = role.clientId;
    claims.issuedAt = now;
    claims.ttl = ttl;
    claims.policies = caller.policies;
    claims.extra = role.claimsFor(caller.token.get());
    auto issued = JwtIssuer(m_core.keys()).issue(role.key, claims);
    TESSERA_TRY(issued);

    const Status recorded = m_core.mutate(db, caller, operation, [&](Mutation& m) -> Status {
        if (!caller.batch)
            TESSERA_TRY(m_resolver.checkStillTheCaller(m.db(), caller));
        if (!caller.accessor.isEmpty())
            m.record.targets = {caller.accessor};
        m.record.details = {
            {QStringLiteral("role"), role.name},  {QStringLiteral("client_id"), role.clientId},
            {QStringLiteral("sub"), subject},     {QStringLiteral("jti"), issued->jti},
            {QStringLiteral("kid"), issued->kid}, {QStringLiteral("exp"), issued->expiresAt}};
        return {};
    });
    TESSERA_TRY(recorded);
    return MintedJwt{issued->token,     role.clientId, ttl,
                     issued->expiresAt, issued->jti,   issued->kid};
}

Result<QJsonObject> OidcService::jwks()
{
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    TESSERA_TRY(maintainKeys(lease->db()));
    return Jwks::keySet(m_core.keys().verificationKeys(m_core.now()));
}

QJsonObject OidcService::openIdConfiguration() const
{
    return Jwks::openIdConfiguration(issuer());
}

Result<QJsonObject> OidcService::verifyJwt(QStringView jwt, const QString& audience) const
{
    const JwtVerifier verifier(m_core.keys().verificationKeys(m_core.now()),
                               JwtExpectations{issuer(), audience}, m_core.clock());
    return verifier.verify(jwt);
}

Status OidcService::maintainKeys(Database& db)
{
    const qint64 now = m_core.now();
    const auto due = m_core.keys().nextMaintenanceAt();
    if (!due || *due > now)
        return {};
    const auto before = m_core.keys().snapshot();
    TESSERA_TRY(m_core.keys().rotateDueOidcKeys(db, now));
    TESSERA_TRY(m_core.keys().purgeExpired(db, now));
    const auto after = m_core.keys().snapshot();
    QStringList rotated;
    for (const OidcKeySettings& settings : after->oidcKeys) {
        const JwtKey* was = before->currentJwtKey(settings.name);
        const JwtKey* is = after->currentJwtKey(settings.name);
        if (is && (!was || was->kid != is->kid))
            rotated << settings.name;
    }
    if (rotated.isEmpty())
        return {};
    return m_core.mutate(
        db, Caller::storeOwner(QStringLiteral("rotation")), QStringLiteral("oidc.key.rotate"),
        [&](Mutation& m) -> Status {
            announce(m, {{QStringLiteral("keys"), QJsonArray::fromStringList(rotated)},
                         {QStringLiteral("reason"), QStringLiteral("rotation_period")}});
            return {};
        });
}

} // namespace tessera::engine
