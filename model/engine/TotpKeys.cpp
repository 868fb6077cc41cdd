#include "engine/TotpKeys.h"

#include "engine/Totp.h"
#include "store/Database.h"

namespace tessera::engine {

Result<std::optional<TotpKey>> TotpKeys::find(const QString& user)
{
    auto select =
        m_db.query("SELECT secret, confirmed, last_step, created_at FROM totp_keys WHERE name = ?");
    TESSERA_TRY(select);
    select->bind(1, user);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return std::optional<TotpKey>{};
    TotpKey key;
    key.secret = select->blob(0);
    key.confirmed = select->int64(1) != 0;
    key.lastStep = select->isNull(2) ? 0 : select->int64(2);
    key.createdAt = select->int64(3);
    // The message names the user, never anything of the key.
    if (key.secret.size() != Totp::kSecretBytes)
        return Error{ErrorCode::StoreCorrupt,
                     QStringLiteral("The TOTP key of user \"%1\" cannot be read.").arg(user)};
    return std::optional<TotpKey>{std::move(key)};
}

Status TotpKeys::put(const QString& user, const QByteArray& secret, bool confirmed, qint64 now)
{
    auto write = m_db.query("INSERT OR REPLACE INTO totp_keys(name, secret, confirmed, last_step, "
                            "created_at) VALUES(?, ?, ?, 0, ?)");
    TESSERA_TRY(write);
    write->bind(1, user).bind(2, secret).bind(3, confirmed).bind(4, now);
    return write->run();
}

Status TotpKeys::accept(const QString& user, qint64 step)
{
    auto update = m_db.query("UPDATE totp_keys SET confirmed = 1, last_step = ? WHERE name = ?");
    TESSERA_TRY(update);
    update->bind(1, step).bind(2, user);
    return update->run();
}

Result<bool> TotpKeys::remove(const QString& user)
{
    auto remove = m_db.query("DELETE FROM totp_keys WHERE name = ?");
    TESSERA_TRY(remove);
    remove->bind(1, user);
    TESSERA_TRY(remove->run());
    return m_db.changes() > 0;
}

} // namespace tessera::engine
