#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/LoginThrottle.h"
#include "engine/MfaRequests.h"
#include "engine/PasswordHash.h"
#include "engine/TokenService.h"
#include "engine/WebAuthnCeremony.h"

#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace tessera::store {
class Database;
} // namespace tessera::store

namespace tessera::engine {

class EngineCore;
struct User;

// A sign-in whose password was right and whose second factor is still to
// come (Vault's "mfa_requirement"): validateMfa() with the id and a code
// finishes it.
struct MfaRequirement
{
    QString requestId;   // single use, MfaRequests::kLifetimeSeconds
    QStringList methods; // what to send, any one of them: "totp", "webauthn"
    qint64 expiresAt = 0;
};

// What a password sign-in gives: the token, or for a user with a second factor
// whose code did not come with the password, the requirement to finish with.
// Exactly one of the two is set.
struct SignIn
{
    std::optional<CreatedToken> token;
    std::optional<MfaRequirement> mfa;
};

// The answer to a sign-in's second step: a TOTP code, or a security key's
// assertion with the relying party the browser made it for.
struct SecondFactorAnswer
{
    std::optional<QString> totpCode;
    std::optional<AssertionResponse> assertion;
    RelyingParty rp;
};

// Patrons' user names and passwords (Vault's userpass auth method) and the
// sign-in that turns them into tokens. ACL paths as Vault's:
// auth/userpass/users/<name> (create/update, read, delete),
// auth/userpass/users/ (list). The owner may do everything.
class UserpassService
{
public:
    UserpassService(const EngineCore& core, const TokenService& tokens)
        : m_core(core)
        , m_tokens(tokens)
    {}

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
    // A wrong password and an unknown name give the same InvalidCredentials
    // ("invalid username or password", Vault's 400) after the same KDF work.
    // Failures are audited ("login.failed", never the password) and throttled
    // per name and per client (LoginThrottle): RateLimited while locked.
    // A user with an active second factor gets no token here: PermissionDenied
    // naming the method (use signIn with the code, or its two steps).
    Result<CreatedToken> login(const QString& username, const QString& password,
                               const QString& client, const QString& requestId = {});

    // The sign-in with second factors (docs/ARCHITECTURE.md, «Second
    // factors»): the password first, as login() checks it; then, for a user
    // with active TOTP, `totpCode` when given (Vault's X-Vault-MFA header),
    // else an MfaRequirement to finish with validateMfa(). Which factors are
    // asked for follows the user's secondFactorRequired (SecondFactorRule);
    // a requirement the user has nothing enrolled for is PermissionDenied
    // after the right password, naming what is missing, audited as
    // "login.failed" with reason "second factor required" and not counted
    // towards the lockout. A user without a second factor ignores `totpCode`. A wrong code is
    // PermissionDenied
    // ("invalid totp passcode"), audited as "login.failed" with method
    // "totp", and counts towards the user's lockout and the client's
    // throttle like a wrong password; a right password alone clears nothing.
    // Each code is accepted once (Totp). Never logs or audits a code.
    Result<SignIn> signIn(const QString& username, const QString& password,
                          const std::optional<QString>& totpCode, const QString& client,
                          const QString& requestId = {});
    // sys/mfa/validate: the second step. The request id is used up by this
    // call, right code or not; an unknown, used or expired one is
    // PermissionDenied and counts towards the client's throttle.
    Result<CreatedToken> validateMfa(const QString& mfaRequestId, const QString& totpCode,
                                     const QString& client, const QString& requestId = {});
    // The same with either answer. An assertion must be for the challenge
    // keyOptions() gave this request last, from one of the user's keys
    // (SecurityKeyService::verifySignIn); a failure, a cloned key included,
    // is audited as "login.failed" with method "webauthn" and its reason, and
    // counts like a wrong code.
    Result<CreatedToken> validateMfa(const QString& mfaRequestId, const SecondFactorAnswer& answer,
                                     const QString& client, const QString& requestId = {});
    // For a pending sign-in whose user has security keys: the options for
    // navigator.credentials.get() with a new challenge, which replaces any
    // earlier one of the request. Does not use the request up. NotFound when
    // the request is unknown or expired, or the user has no keys or must
    // sign in with TOTP.
    Result<QJsonObject> keyOptions(const QString& mfaRequestId, const RelyingParty& rp);

private:
    // The end of every sign-in, in one write transaction: the user as stored
    // now (same password hash, not locked), the second factor, the token.
    // `answer` null: none came (the first step, without X-Vault-MFA);
    // `challenge`: the security-key challenge of the pending request.
    Result<SignIn> finishSignIn(store::Database& db, const Caller& caller, const QString& name,
                                const QByteArray& passwordHash, const SecondFactorAnswer* answer,
                                const QByteArray& challenge,
                                const std::optional<PasswordHash>& upgraded);
    // The sign-in token, through planCreation like every token: top level,
    // the user's policies and settings. Runs in the caller's transaction and
    // records the login (with the second factor passed, if any).
    Result<CreatedToken> insertLoginToken(store::Database& db, const User& user,
                                          const Caller& caller, const QString& secondFactor);
    // One "login.failed" record, never the password, a code nor anything
    // derived from them. `method`: "userpass", or "totp" / "webauthn" for a
    // second factor.
    Status recordLoginFailure(store::Database& db, const Caller& caller, const QString& name,
                              const QString& reason, const LoginThrottle::State* state,
                              const QString& method = QStringLiteral("userpass"),
                              const QJsonObject& extra = {});

    std::function<void()> usersChanged() const;

    const EngineCore& m_core;
    const TokenService& m_tokens;
    LoginThrottle m_loginThrottle;
    MfaRequests m_mfaRequests;
};

} // namespace tessera::engine
