#pragma once

#include "core/DeskIdentity.h"
#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/TokenEngine.h"

#include <memory>

namespace tessera::cli {

class SubcommandParser;

// An unlocked store and its engine for the length of one command. The CLI acts
// as the store owner: whoever holds the passphrase holds every power of root.
class StoreSession
{
public:
    // Opens the store named by --store with the passphrase from
    // --passphrase-file, $TESSERA_PASSPHRASE or a prompt. A missing file is
    // reported before any passphrase is asked for.
    static Result<std::unique_ptr<StoreSession>> open(const SubcommandParser& parser);
    struct Initialized;
    // Refuses (Conflict) an existing file and creates the directory: called
    // before the passphrase is asked for.
    static Status prepareNewStore(const QString& path);
    // Creates the store and its first root token. Either both exist afterwards
    // or neither does, so a failed init can simply be run again. The engine
    // keeps `clock` (the demo's history moves it).
    static Result<Initialized> initialize(const QString& path, QByteArrayView passphrase,
                                          const Clock& clock = Clock::system());

    engine::TokenEngine& engine() { return *m_engine; }
    static engine::Caller caller()
    {
        return engine::Caller::storeOwner(DeskIdentity::client(QStringLiteral("cli")));
    }

private:
    static Result<std::unique_ptr<StoreSession>> adopt(std::unique_ptr<store::Store> store);
    explicit StoreSession(std::unique_ptr<engine::TokenEngine> engine)
        : m_engine(std::move(engine))
    {}
    std::unique_ptr<engine::TokenEngine> m_engine;
};

struct StoreSession::Initialized
{
    std::unique_ptr<StoreSession> session;
    engine::CreatedToken root;
};

} // namespace tessera::cli
