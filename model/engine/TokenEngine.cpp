#include "engine/TokenEngine.h"

#include "engine/EngineCore.h"

namespace tessera::engine {

TokenEngine::TokenEngine(std::unique_ptr<store::Store> store, const Clock& clock,
                         EngineConfig config)
    : m_core(std::make_unique<EngineCore>(std::move(store), clock, std::move(config), *this))
    , m_tokens(*m_core)
    , m_userpass(*m_core, m_tokens)
    , m_secondFactors(*m_core)
    , m_securityKeys(*m_core)
    , m_cubbyhole(*m_core)
    , m_oidc(*m_core)
    , m_revokeByFilter(*m_core)
    , m_admin(*m_core)
    , m_gate(*m_core, m_tokens)
    , m_passCodes(*m_core, m_tokens)
    , m_passBatches(*m_core, m_tokens,
                    [this](store::Database& db, const QList<CreatedToken>& passes) {
                        return m_passCodes.issueCodes(db, passes);
                    })
    , m_patronImport(*m_core)
    , m_expiryWarnings(*m_core)
{}

TokenEngine::~TokenEngine()
{
    // Queued use records are appended while the store is still open.
    m_core->stop();
}

Result<std::unique_ptr<TokenEngine>> TokenEngine::open(std::unique_ptr<store::Store> store,
                                                       const Clock& clock, EngineConfig config)
{
    std::unique_ptr<TokenEngine> engine(
        new TokenEngine(std::move(store), clock, std::move(config)));
    TESSERA_TRY(engine->m_core->start());
    return engine;
}

const Clock& TokenEngine::clock() const
{
    return m_core->clock();
}

EngineConfig TokenEngine::config() const
{
    return m_core->config();
}

QString TokenEngine::storePath() const
{
    return m_core->store().path();
}

TokenBrowser TokenEngine::browser() const
{
    return TokenBrowser(m_core->store());
}

} // namespace tessera::engine
