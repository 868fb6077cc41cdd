#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/LoginThrottle.h"
#include "engine/TokenService.h"

#include <QStringList>
#include <functional>
#include <optional>

namespace tessera::store {
class Database;
} // namespace tessera::store

namespace tessera::engine {

class EngineCore;
struct User;

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
    Result<CreatedToken> login(const QString& username, const QString& password,
                               const QString& client, const QString& requestId = {});

private:
    // The sign-in token, through planCreation like every token: top level,
    // the user's policies and settings. Runs in the caller's transaction and
    // records the login.
    Result<CreatedToken> insertLoginToken(store::Database& db, const User& user,
                                          const Caller& caller);
    // One "login.failed" record, never the password nor anything derived from it.
    Status recordLoginFailure(store::Database& db, const Caller& caller, const QString& name,
                              const QString& reason, const LoginThrottle::State* state);

    std::function<void()> usersChanged() const;

    const EngineCore& m_core;
    const TokenService& m_tokens;
    LoginThrottle m_loginThrottle;
};

} // namespace tessera::engine
