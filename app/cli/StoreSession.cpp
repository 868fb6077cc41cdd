#include "StoreSession.h"

#include "PassphraseSource.h"
#include "SubcommandParser.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tessera::cli {

Result<std::unique_ptr<StoreSession>> StoreSession::open(const SubcommandParser& parser)
{
    const QString path = parser.storePath();
    if (!QFileInfo::exists(path)) {
        return Error::notFound(
            QStringLiteral("There is no store at %1; create one with tessera-cli init.").arg(path));
    }
    auto passphrase =
        PassphraseSource::read(SecretSource::storePassphrase(parser.passphraseFile(), false));
    if (!passphrase)
        return passphrase.error();
    auto store = store::Store::open(path, passphrase->view());
    if (!store)
        return store.error();
    return adopt(std::move(store).value());
}

Result<std::unique_ptr<StoreSession>> StoreSession::adopt(std::unique_ptr<store::Store> store)
{
    auto engine = engine::TokenEngine::open(std::move(store));
    if (!engine)
        return engine.error();
    return std::unique_ptr<StoreSession>(new StoreSession(std::move(engine).value()));
}

Status StoreSession::prepareNewStore(const QString& path)
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

Result<StoreSession::Initialized> StoreSession::initialize(const QString& path,
                                                           QByteArrayView passphrase)
{
    auto store = store::Store::create(path, passphrase);
    if (!store)
        return store.error(); // nothing was created, or the file was someone else's
    auto session = adopt(std::move(store).value());
    Result<engine::CreatedToken> root = session ? (*session)->engine().createRootToken(caller())
                                                : Result<engine::CreatedToken>(session.error());
    if (root)
        return Initialized{std::move(session).value(), std::move(root).value()};

    // The file is ours and useless without a root token: remove it (closed first).
    if (session)
        session->reset();
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    return root.error();
}

} // namespace tessera::cli
