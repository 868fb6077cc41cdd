#include "engine/SecurityKeys.h"

#include "engine/Base64Url.h"
#include "store/Database.h"

namespace tessera::engine {
namespace {

Result<QList<SecurityKey>> readAll(store::Query& select)
{
    QList<SecurityKey> keys;
    for (;;) {
        auto row = select.next();
        TESSERA_TRY(row);
        if (!*row)
            return keys;
        keys.append({select.blob(0), select.text(1), select.text(2), select.blob(3),
                     select.int64(4), quint32(select.int64(5)), select.int64(6), select.int64(7)});
    }
}

} // namespace

QString SecurityKey::id() const
{
    return QString::fromLatin1(base64UrlEncode(credentialId));
}

Result<std::optional<SecurityKey>> SecurityKeys::find(const QByteArray& credentialId)
{
    auto select =
        m_db.query("SELECT credential_id, name, label, public_key, algorithm, sign_count, "
                   "created_at, last_used_at FROM security_keys WHERE credential_id = ?");
    TESSERA_TRY(select);
    select->bind(1, credentialId);
    auto keys = readAll(*select);
    TESSERA_TRY(keys);
    if (keys->isEmpty())
        return std::optional<SecurityKey>{};
    return std::optional<SecurityKey>{keys->first()};
}

Result<QList<SecurityKey>> SecurityKeys::ofUser(const QString& user)
{
    auto select =
        m_db.query("SELECT credential_id, name, label, public_key, algorithm, sign_count, "
                   "created_at, last_used_at FROM security_keys WHERE name = ? "
                   "ORDER BY created_at, rowid");
    TESSERA_TRY(select);
    select->bind(1, user);
    return readAll(*select);
}

Status SecurityKeys::insert(const SecurityKey& key)
{
    auto insert = m_db.query("INSERT INTO security_keys(credential_id, name, label, public_key, "
                             "algorithm, sign_count, last_used_at, created_at) "
                             "VALUES(?, ?, ?, ?, ?, ?, 0, ?)");
    TESSERA_TRY(insert);
    insert->bind(1, key.credentialId)
        .bind(2, key.user)
        .bind(3, key.label)
        .bind(4, key.publicKey)
        .bind(5, key.algorithm)
        .bind(6, qint64(key.signCount))
        .bind(7, key.createdAt);
    return insert->run();
}

Status SecurityKeys::used(const QByteArray& credentialId, quint32 signCount, qint64 now)
{
    auto update = m_db.query(
        "UPDATE security_keys SET sign_count = ?, last_used_at = ? WHERE credential_id = ?");
    TESSERA_TRY(update);
    update->bind(1, qint64(signCount)).bind(2, now).bind(3, credentialId);
    return update->run();
}

Result<bool> SecurityKeys::remove(const QString& user, const QByteArray& credentialId)
{
    auto remove = m_db.query("DELETE FROM security_keys WHERE name = ? AND credential_id = ?");
    TESSERA_TRY(remove);
    remove->bind(1, user).bind(2, credentialId);
    TESSERA_TRY(remove->run());
    return m_db.changes() > 0;
}

Status SecurityKeys::removeAll(const QString& user)
{
    auto remove = m_db.query("DELETE FROM security_keys WHERE name = ?");
    TESSERA_TRY(remove);
    remove->bind(1, user);
    return remove->run();
}

} // namespace tessera::engine
