#include "engine/RoleBook.h"

#include "store/Database.h"

#include <QJsonDocument>

namespace tessera::engine {
namespace {

Error noSuchRole(const QString& name)
{
    return Error::notFound(QStringLiteral("no role named \"%1\"").arg(name));
}

} // namespace

Status RoleBook::put(store::Database& db, const Role& role, qint64 now)
{
    TESSERA_TRY(role.validate());
    auto write =
        db.query("INSERT OR REPLACE INTO roles(name, definition, updated_at) VALUES(?, ?, ?)");
    TESSERA_TRY(write);
    write->bind(1, role.name)
        .bind(2, QString::fromUtf8(QJsonDocument(role.toJson()).toJson(QJsonDocument::Compact)))
        .bind(3, now);
    return write->run();
}

Result<Role> RoleBook::find(store::Database& db, const QString& name) const
{
    auto select = db.query("SELECT definition FROM roles WHERE name = ?");
    TESSERA_TRY(select);
    select->bind(1, name);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return noSuchRole(name);
    return Role::fromJson(name, QJsonDocument::fromJson(select->text(0).toUtf8()).object());
}

Result<QStringList> RoleBook::names(store::Database& db) const
{
    return db.queryTexts("SELECT name FROM roles ORDER BY name");
}

Status RoleBook::remove(store::Database& db, const QString& name)
{
    auto remove = db.query("DELETE FROM roles WHERE name = ?");
    TESSERA_TRY(remove);
    remove->bind(1, name);
    TESSERA_TRY(remove->run());
    if (db.changes() == 0)
        return noSuchRole(name);
    return {};
}

} // namespace tessera::engine
