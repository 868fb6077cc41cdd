#include "engine/UserDirectory.h"

#include "store/Database.h"

#include <QJsonDocument>

namespace tessera::engine {
namespace {

Error noSuchUser(const QString& name)
{
    return Error::notFound(QStringLiteral("no user named \"%1\"").arg(name));
}

QString definitionOf(const User& user)
{
    return QString::fromUtf8(QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

Status UserDirectory::put(const User& user, const PasswordHash* password, qint64 now)
{
    TESSERA_TRY(user.validate());
    if (password) {
        // SQLite 3.15 has no UPSERT; replacing the row also resets the throttle,
        // which a new password should do anyway.
        auto write = m_db.query("INSERT OR REPLACE INTO users(name, password_hash, salt, kdf, "
                                "definition, updated_at) VALUES(?, ?, ?, ?, ?, ?)");
        TESSERA_TRY(write);
        write->bind(1, user.name)
            .bind(2, password->hash)
            .bind(3, password->salt)
            .bind(4, password->kdf.toString())
            .bind(5, definitionOf(user))
            .bind(6, now);
        return write->run();
    }
    auto update = m_db.query("UPDATE users SET definition = ?, updated_at = ? WHERE name = ?");
    TESSERA_TRY(update);
    update->bind(1, definitionOf(user)).bind(2, now).bind(3, user.name);
    TESSERA_TRY(update->run());
    if (m_db.changes() == 0)
        return Error::invalid(QStringLiteral("A new user needs a password."));
    return {};
}

Status UserDirectory::setPassword(const QString& name, const PasswordHash& password, qint64 now)
{
    auto update = m_db.query("UPDATE users SET password_hash = ?, salt = ?, kdf = ?, "
                             "failed_attempts = 0, last_failed_at = 0, locked_until = 0, "
                             "updated_at = ? WHERE name = ?");
    TESSERA_TRY(update);
    update->bind(1, password.hash)
        .bind(2, password.salt)
        .bind(3, password.kdf.toString())
        .bind(4, now)
        .bind(5, name);
    TESSERA_TRY(update->run());
    if (m_db.changes() == 0)
        return noSuchUser(name);
    return {};
}

Result<std::optional<StoredUser>> UserDirectory::find(const QString& name)
{
    auto select = m_db.query("SELECT password_hash, salt, kdf, definition, failed_attempts, "
                             "last_failed_at, locked_until FROM users WHERE name = ?");
    TESSERA_TRY(select);
    select->bind(1, name);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return std::optional<StoredUser>{};

    const Error unreadable{ErrorCode::StoreCorrupt,
                           QStringLiteral("The record of user \"%1\" cannot be read.").arg(name)};
    StoredUser stored;
    const auto kdf = PasswordKdf::fromString(select->text(2));
    if (!kdf)
        return unreadable;
    stored.password = PasswordHash{select->blob(0), select->blob(1), *kdf};
    if (stored.password.hash.size() != PasswordHash::kHashSize ||
        stored.password.salt.size() != PasswordHash::kSaltSize)
        return unreadable;
    auto user = User::fromJson(name, QJsonDocument::fromJson(select->text(3).toUtf8()).object());
    if (!user)
        return unreadable;
    stored.user = std::move(*user);
    stored.throttle.failures = int(select->int64(4));
    stored.throttle.lastFailureAt = select->int64(5);
    stored.throttle.lockedUntil = select->int64(6);
    stored.user.failedLogins = stored.throttle.failures;
    stored.user.lockedUntil = stored.throttle.lockedUntil;
    return std::optional<StoredUser>{std::move(stored)};
}

Result<User> UserDirectory::require(const QString& name)
{
    auto stored = find(name);
    TESSERA_TRY(stored);
    if (!stored->has_value())
        return Error::notFound(QStringLiteral("no user named \"%1\"").arg(name));
    return std::move((*stored)->user);
}

Result<QStringList> UserDirectory::names()
{
    return m_db.queryTexts("SELECT name FROM users ORDER BY name");
}

Status UserDirectory::remove(const QString& name)
{
    auto remove = m_db.query("DELETE FROM users WHERE name = ?");
    TESSERA_TRY(remove);
    remove->bind(1, name);
    TESSERA_TRY(remove->run());
    if (m_db.changes() == 0)
        return noSuchUser(name);
    return {};
}

Status UserDirectory::setThrottle(const QString& name, const LoginThrottle::State& state)
{
    auto update = m_db.query("UPDATE users SET failed_attempts = ?, last_failed_at = ?, "
                             "locked_until = ? WHERE name = ?");
    TESSERA_TRY(update);
    update->bind(1, state.failures)
        .bind(2, state.lastFailureAt)
        .bind(3, state.lockedUntil)
        .bind(4, name);
    return update->run();
}

} // namespace tessera::engine
