#include "engine/CubbyholeService.h"

#include "engine/Cubbyhole.h"
#include "engine/EngineCore.h"

namespace tessera::engine {

using store::Database;
using store::Transaction;

namespace {

Status checkCubbyholeOwner(const Caller& caller)
{
    if (caller.batch)
        return Error::invalid(QStringLiteral("Batch tokens have no cubbyhole."));
    if (caller.tokenId == 0)
        return Error::invalid(
            QStringLiteral("The store owner has no token, and so no cubbyhole of its own."));
    return {};
}

QString aclPath(const QString& path)
{
    return QStringLiteral("cubbyhole/") + path;
}

} // namespace

template <typename Read>
auto CubbyholeService::ownRead(const Caller& caller, const QString& path, Capabilities needed,
                               const QString& operation, Read&& read) const
    -> decltype(read(std::declval<Database&>()))
{
    return m_core.read(caller, {aclPath(path), needed, operation},
                       [&](Database& db) -> decltype(read(db)) {
                           Transaction tx(db, Transaction::Mode::Deferred);
                           TESSERA_TRY(tx.begun());
                           TESSERA_TRY(m_resolver.checkStillTheCaller(db, caller));
                           return read(db);
                       });
}

template <typename Write>
Status CubbyholeService::ownWrite(const Caller& caller, const QString& path, Capabilities needed,
                                  const QString& operation, Write&& write)
{
    TESSERA_TRY(checkCubbyholeOwner(caller));
    TESSERA_TRY(Cubbyhole::checkPath(path));
    return m_core.mutate(caller, {aclPath(path), needed, operation}, [&](Mutation& m) -> Status {
        TESSERA_TRY(m_resolver.checkStillTheCaller(m.db(), caller));
        TESSERA_TRY(write(Cubbyhole(m.db(), caller.tokenId)));
        m.record.targets = {caller.accessor};
        m.record.details = {{QStringLiteral("path"), path}};
        return {};
    });
}

Result<QJsonObject> CubbyholeService::read(const Caller& caller, const QString& path) const
{
    TESSERA_TRY(checkCubbyholeOwner(caller));
    TESSERA_TRY(Cubbyhole::checkPath(path));
    return ownRead(caller, path, Capability::Read, QStringLiteral("cubbyhole.read"),
                   [&](Database& db) { return Cubbyhole(db, caller.tokenId).read(path); });
}

Status CubbyholeService::write(const Caller& caller, const QString& path, const QJsonObject& value)
{
    return ownWrite(caller, path, Capability::Create | Capability::Update,
                    QStringLiteral("cubbyhole.write"),
                    [&](Cubbyhole cubbyhole) { return cubbyhole.write(path, value); });
}

Result<QStringList> CubbyholeService::list(const Caller& caller, const QString& folder) const
{
    TESSERA_TRY(checkCubbyholeOwner(caller));
    auto prefix = Cubbyhole::folderOf(folder);
    TESSERA_TRY(prefix);
    return ownRead(caller, *prefix, Capability::List, QStringLiteral("cubbyhole.list"),
                   [&](Database& db) { return Cubbyhole(db, caller.tokenId).list(*prefix); });
}

Status CubbyholeService::remove(const Caller& caller, const QString& path)
{
    return ownWrite(caller, path, Capability::Delete, QStringLiteral("cubbyhole.delete"),
                    [&](Cubbyhole cubbyhole) { return cubbyhole.remove(path); });
}

} // namespace tessera::engine
