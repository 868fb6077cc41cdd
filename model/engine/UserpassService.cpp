#include "engine/UserpassService.h"

#include "engine/CreationPlan.h"
#include "engine/EngineCore.h"
#include "engine/EngineEvents.h"
#include "engine/PasswordHash.h"
#include "engine/Policy.h"
#include "engine/SecondFactorRule.h"
#include "engine/SecurityKeyService.h"
#include "engine/SecurityKeys.h"
#include "engine/Totp.h"
#include "engine/TotpKeys.h"
#include "engine/User.h"
#include "engine/UserDirectory.h"

#include <QJsonArray>

namespace tessera::engine {

using store::Database;
using store::Transaction;

namespace {

// Vault's answer, word for word, whether the name or the password was wrong.
Error badCredentials()
{
    return Error{ErrorCode::InvalidCredentials, QStringLiteral("invalid username or password")};
}

Error loginLocked(qint64 seconds)
{
    Error error{
        ErrorCode::RateLimited,
        QStringLiteral("too many failed login attempts; try again in %1 seconds").arg(seconds)};
    error.retryAfterSeconds = seconds;
    return error;
}

// A wrong second factor: Vault answers a failed MFA validation with 403. The
// message never repeats the code.
Error wrongPasscode()
{
    return Error::denied(QStringLiteral("invalid totp passcode"));
}

const QString kTotp = QStringLiteral("totp");
const QString kWebAuthn = QStringLiteral("webauthn");
const QString kSecondFactorRequired = QStringLiteral("second_factor_required");

// A right password of a user whose required second factor is not enrolled. The
// user cannot enrol it by signing in, so the way out is through the library
// (docs/ARCHITECTURE.md, «Second factors»).
Error secondFactorMissing(SecondFactorRequired required)
{
    switch (required) {
    case SecondFactorRequired::Totp:
        return Error::denied(QStringLiteral("this account needs a code from an authenticator app "
                                            "and has none set up: ask the library to set one up"));
    case SecondFactorRequired::WebAuthn:
        return Error::denied(QStringLiteral(
            "this account needs a security key and has none yet: ask the library to let you "
            "sign in without one and add it on /gate/keys"));
    case SecondFactorRequired::Either:
    case SecondFactorRequired::None:
        break;
    }
    return Error::denied(QStringLiteral("this account needs a second factor (an authenticator app "
                                        "or a security key) and has none yet: ask the library"));
}

QString clientKeyOf(const QString& client)
{
    return QStringLiteral("client:") + client;
}

// A store created with the test-only cheap store KDF hashes passwords cheaply
// too, so that tests log in quickly; every real store uses the interactive cost.
PasswordKdf passwordKdfFor(store::Store& store)
{
    return store.kdfProfile() == KdfProfile::TestOnlyCheap ? PasswordKdf::testOnlyCheap()
                                                           : PasswordKdf::interactive();
}

// What an audit record says about a user name a client typed: bounded, since
// the name of an unknown user is whatever the client sent.
QString auditedName(const QString& name)
{
    return name.left(Policy::kMaxNameLength);
}

} // namespace

std::function<void()> UserpassService::usersChanged() const
{
    return [this] { Q_EMIT m_core.events().usersChanged(); };
}

Status UserpassService::putUser(const Caller& caller, const User& user,
                                const std::optional<QString>& password)
{
    const QString operation = QStringLiteral("user.write");
    User normalized = user;
    normalized.name = User::normalizedName(user.name);
    normalized.settings.policies = Policy::sanitizeNames(user.settings.policies, false);
    TESSERA_TRY(normalized.validate());
    if (password)
        TESSERA_TRY(User::checkPassword(*password));
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(m_core.authorize(
        db, caller,
        {User::aclPath(normalized.name), Capability::Create | Capability::Update, operation}));
    // The KDF runs before the transaction: it is the slow part.
    std::optional<PasswordHash> hash;
    if (password) {
        auto made = PasswordHash::create(password->toUtf8(), passwordKdfFor(m_core.store()));
        TESSERA_TRY(made);
        hash = std::move(*made);
    }
    return m_core.mutate(db, caller, operation, [&](Mutation& m) -> Status {
        TESSERA_TRY(UserDirectory(m.db()).put(normalized, hash ? &*hash : nullptr, m_core.now()));
        m.record.details = {
            {QStringLiteral("user"), normalized.name},
            {QStringLiteral("policies"), QJsonArray::fromStringList(normalized.settings.policies)},
            {kSecondFactorRequired, SecondFactorRule::name(normalized.secondFactorRequired)},
            {QStringLiteral("password_changed"), password.has_value()}};
        m.afterCommit(usersChanged());
        return {};
    });
}

Status UserpassService::setUserPassword(const Caller& caller, const QString& name,
                                        const QString& password)
{
    const QString operation = QStringLiteral("user.password");
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    TESSERA_TRY(User::checkPassword(password));
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(m_core.authorize(
        db, caller,
        {User::aclPath(user) + QStringLiteral("/password"), Capability::Update, operation}));
    auto hash = PasswordHash::create(password.toUtf8(), passwordKdfFor(m_core.store()));
    TESSERA_TRY(hash);
    return m_core.mutate(db, caller, operation, [&](Mutation& m) -> Status {
        TESSERA_TRY(UserDirectory(m.db()).setPassword(user, *hash, m_core.now()));
        m.record.details = {{QStringLiteral("user"), user}};
        m.afterCommit(usersChanged());
        return {};
    });
}

Result<User> UserpassService::user(const Caller& caller, const QString& name) const
{
    const QString normalized = User::normalizedName(name);
    TESSERA_TRY(User::checkName(normalized));
    return m_core.read(
        caller, {User::aclPath(normalized), Capability::Read, QStringLiteral("user.read")},
        [&](Database& db) -> Result<User> {
            auto stored = UserDirectory(db).find(normalized);
            TESSERA_TRY(stored);
            if (!stored->has_value())
                return Error::notFound(QStringLiteral("no user named \"%1\"").arg(normalized));
            return std::move((*stored)->user);
        });
}

Result<QStringList> UserpassService::userNames(const Caller& caller) const
{
    // LIST requests carry a trailing '/' in Vault, so "auth/userpass/users/*" grants it.
    return m_core.read(
        caller,
        {QStringLiteral("auth/userpass/users/"), Capability::List, QStringLiteral("user.list")},
        [](Database& db) { return UserDirectory(db).names(); });
}

Status UserpassService::deleteUser(const Caller& caller, const QString& name)
{
    const QString normalized = User::normalizedName(name);
    TESSERA_TRY(User::checkName(normalized));
    return m_core.mutate(
        caller, {User::aclPath(normalized), Capability::Delete, QStringLiteral("user.delete")},
        [&](Mutation& m) -> Status {
            TESSERA_TRY(UserDirectory(m.db()).remove(normalized));
            // Its second factor goes with it: a user created
            // again under the name starts without one.
            TESSERA_TRY(TotpKeys(m.db()).remove(normalized));
            TESSERA_TRY(SecurityKeys(m.db()).removeAll(normalized));
            m.record.details = {{QStringLiteral("user"), normalized}};
            m.afterCommit(usersChanged());
            return {};
        });
}

Result<CreatedToken> UserpassService::login(const QString& username, const QString& password,
                                            const QString& client, const QString& requestId)
{
    auto signedIn = signIn(username, password, std::nullopt, client, requestId);
    TESSERA_TRY(signedIn);
    if (signedIn->token)
        return std::move(*signedIn->token);
    // No second step will come through this call: the pending request goes now.
    (void)m_mfaRequests.take(signedIn->mfa->requestId, m_core.now());
    return Error::denied(
        QStringLiteral("this user signs in with a second factor (%1): send its code with the "
                       "password")
            .arg(signedIn->mfa->methods.join(QStringLiteral(", "))));
}

Result<SignIn> UserpassService::signIn(const QString& username, const QString& password,
                                       const std::optional<QString>& totpCode,
                                       const QString& client, const QString& requestId)
{
    Caller caller;
    caller.client = client;
    caller.requestId = requestId;
    const qint64 now = m_core.now();
    const QString name = User::normalizedName(username);
    const QString clientKey = clientKeyOf(client);
    const QString nameKey = QStringLiteral("name:") + auditedName(name);

    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();

    if (const qint64 wait = m_loginThrottle.lockedFor(clientKey, now); wait > 0) {
        TESSERA_TRY(
            recordLoginFailure(db, caller, name, QStringLiteral("client locked out"), nullptr));
        return loginLocked(wait);
    }
    std::optional<StoredUser> stored;
    if (User::checkName(name).ok()) {
        auto found = UserDirectory(db).find(name);
        TESSERA_TRY(found);
        stored = std::move(*found);
    }
    const PasswordKdf kdf = passwordKdfFor(m_core.store());
    // Bounded before it reaches the KDF; an over-long password still costs one
    // KDF run, so its answer takes as long as any other.
    const bool passwordUsable = User::checkPassword(password).ok();
    const QByteArray secret = password.toUtf8().left(User::kMaxPasswordBytes);

    if (!stored) {
        // Unknown names are throttled in memory like users, so that a lockout
        // does not tell which names exist.
        if (const qint64 wait = m_loginThrottle.lockedFor(nameKey, now); wait > 0) {
            TESSERA_TRY(
                recordLoginFailure(db, caller, name, QStringLiteral("locked out"), nullptr));
            return loginLocked(wait);
        }
        PasswordHash::burnTime(secret, kdf);
        m_loginThrottle.recordFailure(nameKey, now);
        m_loginThrottle.recordFailure(clientKey, now, LoginThrottle::kClientFreeFailures);
        TESSERA_TRY(recordLoginFailure(db, caller, name, QStringLiteral("unknown user"), nullptr));
        return badCredentials();
    }

    const LoginThrottle::State throttle = LoginThrottle::current(stored->throttle, now);
    if (LoginThrottle::isLocked(throttle, now)) {
        TESSERA_TRY(recordLoginFailure(db, caller, name, QStringLiteral("locked out"), nullptr));
        return loginLocked(LoginThrottle::secondsLeft(throttle, now));
    }
    auto matches = stored->password.matches(secret);
    TESSERA_TRY(matches);
    if (!*matches || !passwordUsable) {
        m_loginThrottle.recordFailure(clientKey, now, LoginThrottle::kClientFreeFailures);
        // Counted on the state as it is now in the store: another process may
        // have counted failures since we read it.
        Transaction tx(db);
        TESSERA_TRY(tx.begun());
        auto fresh = UserDirectory(db).find(name);
        TESSERA_TRY(fresh);
        if (!fresh->has_value()) {
            TESSERA_TRY(
                recordLoginFailure(db, caller, name, QStringLiteral("unknown user"), nullptr));
        } else {
            const auto after = LoginThrottle::afterFailure((*fresh)->throttle, now);
            TESSERA_TRY(UserDirectory(db).setThrottle(name, after));
            TESSERA_TRY(
                recordLoginFailure(db, caller, name, QStringLiteral("wrong password"), &after));
        }
        TESSERA_TRY(tx.commit());
        if (fresh->has_value())
            Q_EMIT m_core.events().usersChanged();
        return badCredentials();
    }

    // A stronger KDF since this hash was made: the password is at hand, so the
    // hash is upgraded now (before the transaction: the KDF is the slow part).
    std::optional<PasswordHash> upgraded;
    if (stored->password.kdf.isWeakerThan(kdf)) {
        auto made = PasswordHash::create(secret, kdf);
        if (made.ok())
            upgraded = std::move(*made);
    }

    std::optional<SecondFactorAnswer> answer;
    if (totpCode)
        answer = SecondFactorAnswer{totpCode, std::nullopt, {}};
    return finishSignIn(db, caller, name, stored->password.hash, answer ? &*answer : nullptr, {},
                        upgraded);
}

Result<CreatedToken> UserpassService::validateMfa(const QString& mfaRequestId,
                                                  const QString& totpCode, const QString& client,
                                                  const QString& requestId)
{
    return validateMfa(mfaRequestId, SecondFactorAnswer{totpCode, std::nullopt, {}}, client,
                       requestId);
}

Result<CreatedToken> UserpassService::validateMfa(const QString& mfaRequestId,
                                                  const SecondFactorAnswer& answer,
                                                  const QString& client, const QString& requestId)
{
    Caller caller;
    caller.client = client;
    caller.requestId = requestId;
    const qint64 now = m_core.now();
    const QString clientKey = clientKeyOf(client);
    const QString method = answer.assertion ? kWebAuthn : kTotp;

    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    if (const qint64 wait = m_loginThrottle.lockedFor(clientKey, now); wait > 0) {
        TESSERA_TRY(recordLoginFailure(db, caller, {}, QStringLiteral("client locked out"), nullptr,
                                       method));
        return loginLocked(wait);
    }
    auto pending = m_mfaRequests.take(mfaRequestId, now);
    if (!pending) {
        m_loginThrottle.recordFailure(clientKey, now, LoginThrottle::kClientFreeFailures);
        TESSERA_TRY(recordLoginFailure(db, caller, {}, QStringLiteral("unknown mfa request"),
                                       nullptr, method));
        return Error::denied(QStringLiteral(
            "the MFA request is unknown, used or expired: log in with the password again"));
    }
    auto signedIn = finishSignIn(db, caller, pending->user, pending->passwordHash, &answer,
                                 pending->challenge, std::nullopt);
    TESSERA_TRY(signedIn);
    if (!signedIn->token) // an answer was given, so the sign-in cannot be pending again
        return Error::internal(QStringLiteral("The second factor did not finish the sign-in."));
    return std::move(*signedIn->token);
}

Result<QJsonObject> UserpassService::keyOptions(const QString& mfaRequestId, const RelyingParty& rp)
{
    const Error unknown = Error::notFound(
        QStringLiteral("the sign-in is unknown, used or expired: log in with the password again"));
    if (!rp.enabled())
        return Error::invalid(QStringLiteral("security keys are not set up on this server"));
    const QByteArray challenge = SecurityKeyService::newChallenge();
    const auto user = m_mfaRequests.challenge(mfaRequestId, challenge, m_core.now());
    if (!user)
        return unknown;
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    auto keys = SecurityKeys(lease->db()).ofUser(*user);
    TESSERA_TRY(keys);
    if (keys->isEmpty())
        return Error::notFound(QStringLiteral("this user has no security key"));
    auto stored = UserDirectory(lease->db()).find(*user);
    TESSERA_TRY(stored);
    const SecondFactorRequired required =
        stored->has_value() ? (*stored)->user.secondFactorRequired : SecondFactorRequired::None;
    if (!SecondFactorRule::offered(required, {false, true}).contains(kWebAuthn))
        return Error::notFound(
            QStringLiteral("this user signs in with a code, not a security key"));
    return SecurityKeyService::assertionOptions(
        *keys, rp, challenge, stored->has_value() && (*stored)->user.keyUserVerification);
}

Result<SignIn> UserpassService::finishSignIn(Database& db, const Caller& caller,
                                             const QString& name, const QByteArray& passwordHash,
                                             const SecondFactorAnswer* answer,
                                             const QByteArray& challenge,
                                             const std::optional<PasswordHash>& upgraded)
{
    const qint64 now = m_core.now();
    bool usersTouched = false;
    SignIn outcome;
    const Status finished = [&]() -> Status {
        Transaction tx(db);
        TESSERA_TRY(tx.begun());
        // The user as it is now: deleted, locked or given a new password by
        // another process while the KDF ran (or since the first step).
        auto fresh = UserDirectory(db).find(name);
        TESSERA_TRY(fresh);
        if (!fresh->has_value() || (*fresh)->password.hash != passwordHash)
            return badCredentials();
        const StoredUser& user = **fresh;
        const auto current = LoginThrottle::current(user.throttle, now);
        if (LoginThrottle::isLocked(current, now))
            return loginLocked(LoginThrottle::secondsLeft(current, now));
        auto key = TotpKeys(db).find(name);
        TESSERA_TRY(key);
        auto securityKeys = SecurityKeys(db).ofUser(name);
        TESSERA_TRY(securityKeys);
        const Enrolled enrolled{key->has_value() && (*key)->confirmed, !securityKeys->isEmpty()};
        const SecondFactorRequired required = user.user.secondFactorRequired;
        if (!SecondFactorRule::isMet(required, enrolled)) {
            // Not counted towards the lockout: nothing was guessed wrong, and
            // whoever typed the password learns no more than an MFA
            // requirement would tell.
            TESSERA_TRY(
                recordLoginFailure(db, caller, name, QStringLiteral("second factor required"),
                                   nullptr, QStringLiteral("userpass"),
                                   {{kSecondFactorRequired, SecondFactorRule::name(required)}}));
            TESSERA_TRY(tx.commit());
            return secondFactorMissing(required);
        }
        const QStringList methods = SecondFactorRule::offered(required, enrolled);

        if (!methods.isEmpty() && !answer) {
            // The password was right; the token waits for the second factor.
            // The failure count stays: clearing it here would give whoever
            // knows the password fresh guesses at the code after every login.
            if (upgraded) {
                TESSERA_TRY(UserDirectory(db).setPassword(name, *upgraded, now));
                TESSERA_TRY(UserDirectory(db).setThrottle(name, user.throttle));
                usersTouched = true;
            }
            TESSERA_TRY(tx.commit());
            const QByteArray hash = upgraded ? upgraded->hash : passwordHash;
            outcome.mfa = MfaRequirement{m_mfaRequests.add(name, hash, now), methods,
                                         now + MfaRequests::kLifetimeSeconds};
            return {};
        }
        QString passed;
        if (!methods.isEmpty()) {
            // The one failure path of every second factor: counted against the
            // user and the client, audited with its method and reason.
            const auto fail = [&](const QString& method, const QString& reason,
                                  const Error& error) -> Status {
                const auto after = LoginThrottle::afterFailure(user.throttle, now);
                TESSERA_TRY(UserDirectory(db).setThrottle(name, after));
                TESSERA_TRY(recordLoginFailure(db, caller, name, reason, &after, method));
                TESSERA_TRY(tx.commit());
                usersTouched = true;
                m_loginThrottle.recordFailure(clientKeyOf(caller.client), now,
                                              LoginThrottle::kClientFreeFailures);
                return error;
            };
            if (answer->assertion && methods.contains(kWebAuthn)) {
                auto verified = SecurityKeyService::verifySignIn(db, name, answer->rp, challenge,
                                                                 *answer->assertion, now,
                                                                 user.user.keyUserVerification);
                if (!verified)
                    return fail(kWebAuthn, verified.error().message, verified.error());
                passed = kWebAuthn;
            } else if (answer->totpCode && methods.contains(kTotp)) {
                const auto step =
                    Totp::acceptedStep((*key)->secret, *answer->totpCode, now, (*key)->lastStep);
                if (!step)
                    return fail(kTotp, QStringLiteral("wrong passcode"), wrongPasscode());
                TESSERA_TRY(TotpKeys(db).accept(name, *step));
                passed = kTotp;
            } else {
                // Enrolled but not what the user's requirement asks for, or not
                // enrolled at all.
                const bool isEnrolled = answer->assertion ? enrolled.securityKey : enrolled.totp;
                return fail(answer->assertion ? kWebAuthn : kTotp,
                            isEnrolled ? QStringLiteral("method not allowed")
                                       : QStringLiteral("method not enrolled"),
                            Error::denied(QStringLiteral("this user signs in with another second "
                                                         "factor (%1)")
                                              .arg(methods.join(QStringLiteral(", ")))));
            }
        }
        auto token = insertLoginToken(db, user.user, caller, passed);
        TESSERA_TRY(token);
        if (user.throttle != LoginThrottle::State{}) {
            TESSERA_TRY(UserDirectory(db).setThrottle(name, LoginThrottle::State{}));
            usersTouched = true;
        }
        if (upgraded) {
            TESSERA_TRY(UserDirectory(db).setPassword(name, *upgraded, now));
            usersTouched = true;
        }
        TESSERA_TRY(tx.commit());
        outcome.token = std::move(*token);
        return {};
    }();
    if (usersTouched)
        Q_EMIT m_core.events().usersChanged();
    if (!finished.ok()) {
        if (finished.error().code == ErrorCode::InvalidCredentials ||
            finished.error().code == ErrorCode::RateLimited)
            (void)recordLoginFailure(db, caller, name, finished.error().message, nullptr);
        return finished.error();
    }
    if (outcome.token) {
        Q_EMIT m_core.events().tokenCreated(outcome.token->info);
        if (outcome.token->info.expireAt)
            Q_EMIT m_core.events().expiryScheduleChanged();
    }
    return outcome;
}

// The login token, planned by planCreation like every token: top level, the
// user's policies and settings. Runs in the caller's transaction and records
// the login.
Result<CreatedToken> UserpassService::insertLoginToken(Database& db, const User& user,
                                                       const Caller& caller,
                                                       const QString& secondFactor)
{
    CreationInput input;
    input.signIn = user.settings;
    input.now = m_core.now();
    input.config = m_core.config();
    auto plan = planCreation(input);
    TESSERA_TRY(plan);

    Token token = plan->token(input.now);
    token.meta = user.metadata;
    token.meta.insert(QStringLiteral("username"), user.name);
    if (!secondFactor.isEmpty()) // what roles with second_factor_required look for
        token.meta.insert(QStringLiteral("second_factor"), secondFactor);
    token.displayName = QStringLiteral("userpass-") + user.name;
    token.path = QStringLiteral("auth/userpass/login/") + user.name;
    token.issuedBy = QStringLiteral("login:") + user.name;

    QJsonObject details{{QStringLiteral("method"), QStringLiteral("userpass")},
                        {QStringLiteral("username"), user.name},
                        {QStringLiteral("type"), tokenTypeName(token.type)},
                        {QStringLiteral("policies"), QJsonArray::fromStringList(token.policies)},
                        {QStringLiteral("ttl"), token.creationTtl}};
    if (!secondFactor.isEmpty())
        details.insert(QStringLiteral("second_factor"), secondFactor);
    QStringList targets;
    auto issued = m_tokens.issue(db, std::move(token), 0, details, targets);
    TESSERA_TRY(issued);
    issued->warnings = englishTexts(plan->ttl.warnings);
    TESSERA_TRY(m_core.record(db, caller, QStringLiteral("login"), targets, details));
    return issued;
}

// One "login.failed" record (and, for a known user, its new throttle state
// written by the caller). Never the password, nor anything derived from it.
Status UserpassService::recordLoginFailure(Database& db, const Caller& caller, const QString& name,
                                           const QString& reason, const LoginThrottle::State* state,
                                           const QString& method, const QJsonObject& extra)
{
    QJsonObject details = extra;
    details.insert(QStringLiteral("method"), method);
    details.insert(QStringLiteral("reason"), reason);
    if (!name.isEmpty())
        details.insert(QStringLiteral("username"), auditedName(name));
    if (state) {
        details.insert(QStringLiteral("failed_attempts"), state->failures);
        if (state->lockedUntil > m_core.now())
            details.insert(QStringLiteral("locked_until"), state->lockedUntil);
    }
    if (!db.inAutocommit())
        return m_core.record(db, caller, QStringLiteral("login.failed"), {}, details,
                             QStringLiteral("denied"));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(m_core.record(db, caller, QStringLiteral("login.failed"), {}, details,
                              QStringLiteral("denied")));
    return tx.commit();
}

} // namespace tessera::engine
