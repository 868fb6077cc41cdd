#include "engine/SecurityKeyService.h"

#include "crypto/Random.h"
#include "crypto/Sha256.h"
#include "engine/Base64Url.h"
#include "engine/ClientData.h"
#include "engine/CoseKey.h"
#include "engine/EngineCore.h"
#include "engine/EngineEvents.h"
#include "engine/User.h"
#include "engine/UserDirectory.h"

#include <QJsonArray>

namespace tessera::engine {

using store::Database;

namespace {

const QString kWebAuthn = QStringLiteral("webauthn");

QString encoded(const QByteArray& bytes)
{
    return QString::fromLatin1(base64UrlEncode(bytes));
}

// The audit's name for a key: short, stable, not the whole credential id.
QString shortId(const QByteArray& credentialId)
{
    return QString::fromLatin1(crypto::Sha256::digest({credentialId}).first(6).toHex());
}

QJsonObject details(const QString& user, const SecurityKey& key)
{
    return {{QStringLiteral("user"), user},
            {QStringLiteral("method"), kWebAuthn},
            {QStringLiteral("key"), key.label},
            {QStringLiteral("key_id"), shortId(key.credentialId)}};
}

QJsonArray descriptors(const QList<SecurityKey>& keys)
{
    QJsonArray list;
    for (const SecurityKey& key : keys)
        list.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")},
                                {QStringLiteral("id"), key.id()}});
    return list;
}

Result<QString> checkedLabel(const QString& label, const QList<SecurityKey>& existing)
{
    const QString trimmed = label.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > SecurityKeys::kMaxLabelLength ||
        std::any_of(trimmed.begin(), trimmed.end(), [](QChar c) {
            return c.isNonCharacter() || c.category() == QChar::Other_Control;
        }))
        return Error::invalid(QStringLiteral("a key's name is 1 to %1 printable characters")
                                  .arg(SecurityKeys::kMaxLabelLength));
    for (const SecurityKey& key : existing)
        if (key.label.compare(trimmed, Qt::CaseInsensitive) == 0)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("this user has a key named \"%1\" already").arg(trimmed)};
    return trimmed;
}

} // namespace

QByteArray SecurityKeyService::newChallenge()
{
    return crypto::randomBytes(kChallengeBytes);
}

std::function<void()> SecurityKeyService::usersChanged() const
{
    return [this] { Q_EMIT m_core.events().usersChanged(); };
}

Status SecurityKeyService::authorize(Database& db, const Caller& caller, const QString& user,
                                     Capability needed, const QString& operation) const
{
    // A patron's own sign-in token: the self-service page.
    if (caller.token && caller.token->issuedBy == QStringLiteral("login:") + user)
        return {};
    return m_core.authorize(db, caller, Access{User::aclPath(user), needed, operation});
}

Result<QJsonObject> SecurityKeyService::registrationOptions(const Caller& caller,
                                                            const QString& name,
                                                            const RelyingParty& rp)
{
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    if (!rp.enabled())
        return Error::invalid(QStringLiteral("security keys need the server's public origin "
                                             "(serve --gate-origin)"));
    const QString operation = QStringLiteral("user.webauthn.register");
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    TESSERA_TRY(authorize(lease->db(), caller, user, Capability::Update, operation));
    auto account = UserDirectory(lease->db()).require(user);
    TESSERA_TRY(account);
    auto existing = SecurityKeys(lease->db()).ofUser(user);
    TESSERA_TRY(existing);
    if (existing->size() >= SecurityKeys::kMaxPerUser)
        return Error{ErrorCode::Conflict, QStringLiteral("user \"%1\" has %2 keys, the most "
                                                         "one user may have; remove one first")
                                              .arg(user)
                                              .arg(SecurityKeys::kMaxPerUser)};
    const QByteArray challenge = newChallenge();
    const qint64 now = m_core.now();
    m_registrations.insert(
        encoded(challenge),
        PendingRegistration{user, now + kChallengeLifetimeSeconds, account->keyUserVerification},
        now);
    // The user handle only has to be stable and free of personal data.
    const QByteArray handle = crypto::Sha256::digest({"tessera-user:", user.toUtf8()}).first(16);
    return QJsonObject{
        {QStringLiteral("challenge"), encoded(challenge)},
        {QStringLiteral("rp"),
         QJsonObject{{QStringLiteral("id"), rp.id}, {QStringLiteral("name"), rp.name}}},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), encoded(handle)},
                                             {QStringLiteral("name"), user},
                                             {QStringLiteral("displayName"), user}}},
        {QStringLiteral("pubKeyCredParams"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")},
                                {QStringLiteral("alg"), CoseKey::kEs256}},
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")},
                                {QStringLiteral("alg"), CoseKey::kEdDsa}}}},
        {QStringLiteral("timeout"), kChallengeLifetimeSeconds * 1000},
        {QStringLiteral("attestation"), QStringLiteral("none")},
        {QStringLiteral("excludeCredentials"), descriptors(*existing)},
        {QStringLiteral("authenticatorSelection"),
         QJsonObject{{QStringLiteral("residentKey"), QStringLiteral("discouraged")},
                     {QStringLiteral("userVerification"),
                      User::userVerificationName(account->keyUserVerification)}}},
    };
}

Result<SecurityKey> SecurityKeyService::registerKey(const Caller& caller, const QString& name,
                                                    const QString& label, const RelyingParty& rp,
                                                    const RegistrationResponse& response)
{
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    const QString operation = QStringLiteral("user.webauthn.register");
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    TESSERA_TRY(authorize(lease->db(), caller, user, Capability::Update, operation));
    // The challenge the browser signed for is used up here, whatever follows.
    auto clientData = ClientData::parse(response.clientDataJson);
    TESSERA_TRY(clientData);
    const auto pending = m_registrations.take(encoded(clientData->challenge), m_core.now());
    if (!pending || pending->user != user)
        return Error::denied(QStringLiteral("the registration is unknown, used or expired: start "
                                            "adding the key again"));
    auto credential = WebAuthnCeremony::verifyRegistration(rp, clientData->challenge, response,
                                                           pending->requireUserVerification);
    if (!credential) {
        m_core.recordRefusal(caller, operation, credential.error());
        return credential.error();
    }
    return m_core.mutate(lease->db(), caller, operation, [&](Mutation& m) -> Result<SecurityKey> {
        TESSERA_TRY(UserDirectory(m.db()).require(user));
        SecurityKeys keys(m.db());
        auto existing = keys.ofUser(user);
        TESSERA_TRY(existing);
        if (existing->size() >= SecurityKeys::kMaxPerUser)
            return Error{
                ErrorCode::Conflict,
                QStringLiteral("user \"%1\" has the most keys one user may have").arg(user)};
        auto checked = checkedLabel(label, *existing);
        TESSERA_TRY(checked);
        auto taken = keys.find(credential->credentialId);
        TESSERA_TRY(taken);
        if (taken->has_value())
            return Error{ErrorCode::Conflict,
                         QStringLiteral("this security key is registered already")};
        SecurityKey key{credential->credentialId,
                        user,
                        *checked,
                        credential->publicKey,
                        credential->algorithm,
                        credential->signCount,
                        m_core.now(),
                        0};
        TESSERA_TRY(keys.insert(key));
        m.record.details = details(user, key);
        m.afterCommit(usersChanged());
        return key;
    });
}

Result<QList<SecurityKey>> SecurityKeyService::keys(const Caller& caller, const QString& name) const
{
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    TESSERA_TRY(
        authorize(lease->db(), caller, user, Capability::Read, QStringLiteral("user.read")));
    TESSERA_TRY(UserDirectory(lease->db()).require(user));
    return SecurityKeys(lease->db()).ofUser(user);
}

Status SecurityKeyService::removeKey(const Caller& caller, const QString& name, const QString& id)
{
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    const QString operation = QStringLiteral("user.webauthn.remove");
    const auto credentialId = base64UrlDecode(id.toLatin1());
    const Error unknown =
        Error::notFound(QStringLiteral("user \"%1\" has no such security key").arg(user));
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    TESSERA_TRY(authorize(lease->db(), caller, user, Capability::Update, operation));
    if (!credentialId || credentialId->isEmpty())
        return unknown;
    return m_core.mutate(lease->db(), caller, operation, [&](Mutation& m) -> Status {
        auto key = SecurityKeys(m.db()).find(*credentialId);
        TESSERA_TRY(key);
        if (!key->has_value() || (*key)->user != user)
            return unknown;
        TESSERA_TRY(SecurityKeys(m.db()).remove(user, *credentialId));
        m.record.details = details(user, **key);
        m.afterCommit(usersChanged());
        return {};
    });
}

QJsonObject SecurityKeyService::assertionOptions(const QList<SecurityKey>& keys,
                                                 const RelyingParty& rp,
                                                 const QByteArray& challenge,
                                                 bool requireUserVerification)
{
    return {
        {QStringLiteral("challenge"), encoded(challenge)},
        {QStringLiteral("rpId"), rp.id},
        {QStringLiteral("allowCredentials"), descriptors(keys)},
        {QStringLiteral("userVerification"), User::userVerificationName(requireUserVerification)},
        {QStringLiteral("timeout"), kChallengeLifetimeSeconds * 1000}};
}

Result<SecurityKey> SecurityKeyService::verifySignIn(Database& db, const QString& user,
                                                     const RelyingParty& rp,
                                                     const QByteArray& challenge,
                                                     const AssertionResponse& response, qint64 now,
                                                     bool requireUserVerification)
{
    auto found = SecurityKeys(db).find(response.credentialId);
    TESSERA_TRY(found);
    if (!found->has_value() || (*found)->user != user)
        return Error::denied(QStringLiteral("this security key is not registered for the user"));
    SecurityKey key = std::move(**found);
    auto data = WebAuthnCeremony::verifyAssertion(rp, challenge, response, key.publicKey,
                                                  requireUserVerification);
    TESSERA_TRY(data);
    // A counter of 0 on both sides: the authenticator keeps none (§6.1.1).
    if ((data->signCount != 0 || key.signCount != 0) && data->signCount <= key.signCount)
        return Error::denied(QStringLiteral(
            "the security key's signature counter did not move forward: the key may have "
            "been cloned"));
    TESSERA_TRY(SecurityKeys(db).used(key.credentialId, data->signCount, now));
    key.signCount = data->signCount;
    key.lastUsedAt = now;
    return key;
}

} // namespace tessera::engine
