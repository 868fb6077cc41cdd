#include "engine/OidcBook.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::engine {
namespace {

Error noSuchRole(const QString& name)
{
    return Error::notFound(QStringLiteral("no OIDC role named \"%1\"").arg(name));
}

} // namespace

Status OidcBook::putRole(const OidcRole& role, qint64 now)
{
    TESSERA_TRY(role.validate());
    {
        auto taken = m_db.query("SELECT name FROM oidc_roles WHERE client_id = ? AND name <> ?");
        TESSERA_TRY(taken);
        taken->bind(1, role.clientId).bind(2, role.name);
        auto row = taken->next();
        TESSERA_TRY(row);
        if (*row)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("The OIDC role \"%1\" already uses this client_id.")
                             .arg(taken->text(0))};
    }
    auto write = m_db.query("INSERT OR REPLACE INTO oidc_roles(name, key_name, client_id, ttl, "
                            "template, updated_at) VALUES(?, ?, ?, ?, ?, ?)");
    TESSERA_TRY(write);
    write->bind(1, role.name)
        .bind(2, role.key)
        .bind(3, role.clientId)
        .bind(4, role.ttl)
        .bind(5, role.templateText.isNull() ? QStringLiteral("") : role.templateText)
        .bind(6, now);
    return write->run();
}

Result<std::optional<OidcRole>> OidcBook::findRole(const QString& name)
{
    auto select =
        m_db.query("SELECT key_name, client_id, ttl, template FROM oidc_roles WHERE name = ?");
    TESSERA_TRY(select);
    select->bind(1, name);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return std::optional<OidcRole>{};
    OidcRole role;
    role.name = name;
    role.key = select->text(0);
    role.clientId = select->text(1);
    role.ttl = select->int64(2);
    role.templateText = select->text(3);
    return std::optional<OidcRole>{std::move(role)};
}

Result<QStringList> OidcBook::roleNames()
{
    return m_db.queryTexts("SELECT name FROM oidc_roles ORDER BY name");
}

Status OidcBook::removeRole(const QString& name)
{
    auto remove = m_db.query("DELETE FROM oidc_roles WHERE name = ?");
    TESSERA_TRY(remove);
    remove->bind(1, name);
    TESSERA_TRY(remove->run());
    if (m_db.changes() == 0)
        return noSuchRole(name);
    return {};
}

Result<QStringList> OidcBook::rolesUsingKey(const QString& keyName)
{
    auto select = m_db.query("SELECT name FROM oidc_roles WHERE key_name = ? ORDER BY name");
    TESSERA_TRY(select);
    select->bind(1, keyName);
    QStringList names;
    for (;;) {
        auto row = select->next();
        TESSERA_TRY(row);
        if (!*row)
            break;
        names.append(select->text(0));
    }
    return names;
}

Result<std::optional<qint64>> OidcBook::longestRoleTtl(const QString& keyName)
{
    auto select = m_db.query("SELECT max(ttl) FROM oidc_roles WHERE key_name = ?");
    TESSERA_TRY(select);
    select->bind(1, keyName);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row || select->isNull(0))
        return std::optional<qint64>{};
    return std::optional<qint64>{select->int64(0)};
}

Status OidcBook::setAllowedClientIds(const QString& keyName, const QStringList& clientIds)
{
    auto write = m_db.query("INSERT OR REPLACE INTO oidc_key_clients(key_name, allowed_client_ids) "
                            "VALUES(?, ?)");
    TESSERA_TRY(write);
    write->bind(1, keyName)
        .bind(2, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(clientIds))
                                       .toJson(QJsonDocument::Compact)));
    return write->run();
}

Result<QStringList> OidcBook::allowedClientIds(const QString& keyName)
{
    auto select = m_db.query("SELECT allowed_client_ids FROM oidc_key_clients WHERE key_name = ?");
    TESSERA_TRY(select);
    select->bind(1, keyName);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return QStringList{};
    QStringList ids;
    for (const QJsonValue& id : QJsonDocument::fromJson(select->text(0).toUtf8()).array())
        ids << id.toString();
    return ids;
}

Status OidcBook::removeKey(const QString& keyName)
{
    auto remove = m_db.query("DELETE FROM oidc_key_clients WHERE key_name = ?");
    TESSERA_TRY(remove);
    remove->bind(1, keyName);
    return remove->run();
}

} // namespace tessera::engine
