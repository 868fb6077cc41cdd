#include "support/TempEngine.h"

#include "store/Store.h"
#include "support/TempStore.h"

namespace tessera::test {

TempEngine::TempEngine(engine::EngineConfig config)
    : m_dir(TempStore::temporaryDirTemplate())
    , m_path(m_dir.filePath(QStringLiteral("store.tessera")))
    , m_config(std::move(config))
{
    if (!m_dir.isValid()) {
        m_errorMessage = QStringLiteral("Could not create a temporary directory.");
        return;
    }
    auto created = store::Store::create(m_path, kPassphrase, KdfProfile::TestOnlyCheap);
    if (!created) {
        m_errorMessage = created.error().message;
        return;
    }
    openEngine(std::move(*created));
}

TempEngine::~TempEngine() = default;

bool TempEngine::reopen()
{
    return reopen(m_config);
}

bool TempEngine::reopen(engine::EngineConfig config)
{
    m_engine.reset();
    m_config = std::move(config);
    auto opened = store::Store::open(m_path, kPassphrase);
    if (!opened) {
        m_errorMessage = opened.error().message;
        return false;
    }
    return openEngine(std::move(*opened));
}

bool TempEngine::openEngine(std::unique_ptr<store::Store> store)
{
    m_store = store.get();
    auto engine = engine::TokenEngine::open(std::move(store), m_clock, m_config);
    if (!engine) {
        m_errorMessage = engine.error().message;
        return false;
    }
    m_engine = std::move(*engine);
    return true;
}

} // namespace tessera::test
