#include "engine/StoreSetup.h"

#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tessera::engine {

Status StoreSetup::prepareNewStore(const QString& path)
{
    if (QFileInfo::exists(path)) {
        return Error{
            ErrorCode::Conflict,
            QStringLiteral("A store already exists at %1; it is never overwritten.").arg(path)};
    }
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return Error{ErrorCode::Io,
                     QStringLiteral("Cannot create the directory %1.").arg(directory)};
    return {};
}

Result<StoreSetup::Initialized> StoreSetup::initialize(const QString& path,
                                                       QByteArrayView passphrase,
                                                       const QString& client, KdfProfile profile,
                                                       const Clock& clock)
{
    auto store = store::Store::create(path, passphrase, profile);
    if (!store)
        return store.error(); // nothing was created, or the file was someone else's
    auto engine = TokenEngine::open(std::move(store).value(), clock);
    Result<CreatedToken> root =
        engine ? (*engine)->tokens().createRootToken(Caller::storeOwner(client))
               : Result<CreatedToken>(engine.error());
    if (root)
        return Initialized{std::move(engine).value(), std::move(root).value()};

    // The file is ours and useless without a root token: remove it (closed first).
    if (engine)
        engine->reset();
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    return root.error();
}

Result<std::unique_ptr<TokenEngine>> StoreSetup::open(const QString& path,
                                                      QByteArrayView passphrase)
{
    if (!QFileInfo::exists(path))
        return Error::notFound(QStringLiteral("There is no store at %1.").arg(path));
    auto store = store::Store::open(path, passphrase);
    if (!store)
        return store.error();
    return TokenEngine::open(std::move(store).value());
}

} // namespace tessera::engine
