#include "StoreSession.h"

#include "PassphraseSource.h"
#include "SubcommandParser.h"
#include "engine/StoreSetup.h"
#include "store/Store.h"

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
    return engine::StoreSetup::prepareNewStore(path);
}

Result<StoreSession::Initialized>
StoreSession::initialize(const QString& path, QByteArrayView passphrase, const Clock& clock)
{
    auto initialized = engine::StoreSetup::initialize(path, passphrase, caller().client,
                                                      KdfProfile::Scrypt, clock);
    if (!initialized)
        return initialized.error();
    return Initialized{
        std::unique_ptr<StoreSession>(new StoreSession(std::move(initialized->engine))),
        std::move(initialized->root)};
}

} // namespace tessera::cli
