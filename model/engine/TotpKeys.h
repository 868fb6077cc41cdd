#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// A user's TOTP key as the `totp_keys` table holds it.
struct TotpKey
{
    QByteArray secret;      // the raw key; never leaves the engine after enrolment
    bool confirmed = false; // false: enrolled, not yet proven with a valid code
    qint64 lastStep = 0;    // the last accepted time step; 0: none yet
    qint64 createdAt = 0;   // Unix seconds
};

// The `totp_keys` table: one TOTP key per userpass user. No rules about who
// may do what, nor about codes (Totp, SecondFactorService and
// UserpassService decide). Runs on the connection it is given, inside the
// caller's transaction.
class TotpKeys
{
public:
    explicit TotpKeys(store::Database& db)
        : m_db(db)
    {}

    Result<std::optional<TotpKey>> find(const QString& user);
    // Writes a new, unconfirmed or confirmed key for `user`, replacing any.
    Status put(const QString& user, const QByteArray& secret, bool confirmed, qint64 now);
    // A code of `step` was accepted: the key is confirmed and codes of steps
    // up to `step` will be refused from now on.
    Status accept(const QString& user, qint64 step);
    // Whether there was a key to remove.
    Result<bool> remove(const QString& user);

private:
    store::Database& m_db;
};

} // namespace tessera::engine
