#pragma once

#include "core/KdfProfile.h"
#include "core/Result.h"
#include "engine/TokenEngine.h"

#include <QByteArrayView>
#include <QString>
#include <memory>

namespace tessera::engine {

// Opening and creating a store with its engine: what every front end (console,
// CLI) does before its first operation. Slow (the KDF): call off the GUI thread.
class StoreSetup
{
public:
    struct Initialized
    {
        std::unique_ptr<TokenEngine> engine;
        CreatedToken root; // shown once
    };

    // Refuses (Conflict) an existing file and creates the directory: called
    // before the passphrase is asked for.
    static Status prepareNewStore(const QString& path);
    // Creates the store and its first root token (`client` issues it). Either
    // both exist afterwards or neither does, so a failed init can simply be run again.
    // The engine keeps `clock`.
    static Result<Initialized> initialize(const QString& path, QByteArrayView passphrase,
                                          const QString& client,
                                          KdfProfile profile = KdfProfile::Scrypt,
                                          const Clock& clock = Clock::system());
    // NotFound before any KDF work when the file is missing; then Store::open's errors.
    static Result<std::unique_ptr<TokenEngine>> open(const QString& path,
                                                     QByteArrayView passphrase);
};

} // namespace tessera::engine
