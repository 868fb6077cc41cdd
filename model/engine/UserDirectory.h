#pragma once

#include "core/Result.h"
#include "engine/LoginThrottle.h"
#include "engine/PasswordHash.h"
#include "engine/User.h"

#include <QStringList>
#include <optional>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// A user as the `users` table holds it.
struct StoredUser
{
    User user; // with failedLogins and lockedUntil filled in
    PasswordHash password;
    LoginThrottle::State throttle;
};

// The `users` table: userpass users, their password hashes and their login
// throttling state. No rules about who may do what: TokenEngine decides. Runs
// on the connection it is given, inside the caller's transaction.
class UserDirectory
{
public:
    explicit UserDirectory(store::Database& db)
        : m_db(db)
    {}

    // Creates or replaces the user's settings. `password`: the new hash, or
    // null to keep the current one (InvalidArgument for a new user). Changing
    // the password clears the user's lockout.
    Status put(const User& user, const PasswordHash* password, qint64 now);
    Status setPassword(const QString& name, const PasswordHash& password, qint64 now);
    // nullopt when there is no such user. StoreCorrupt when the record cannot be read.
    Result<std::optional<StoredUser>> find(const QString& name);
    // The user `name`; NotFound ("no user named …") when there is none.
    Result<User> require(const QString& name);
    Result<QStringList> names();
    // NotFound when there is no such user.
    Status remove(const QString& name);
    // Stores the login throttling state (a failure, or a success that clears it).
    Status setThrottle(const QString& name, const LoginThrottle::State& state);

private:
    store::Database& m_db;
};

} // namespace tessera::engine
