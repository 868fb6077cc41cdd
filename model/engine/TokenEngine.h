#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "engine/AdminService.h"
#include "engine/CubbyholeService.h"
#include "engine/EngineConfig.h"
#include "engine/EngineEvents.h"
#include "engine/ExpiryWarningService.h"
#include "engine/GateService.h"
#include "engine/OidcService.h"
#include "engine/PassBatchService.h"
#include "engine/PassCodeService.h"
#include "engine/PatronImportService.h"
#include "engine/RevokeByFilterService.h"
#include "engine/SecondFactorService.h"
#include "engine/SecurityKeyService.h"
#include "engine/TokenBrowser.h"
#include "engine/TokenService.h"
#include "engine/UserpassService.h"

#include <memory>

namespace tessera::store {
class Store;
} // namespace tessera::store

namespace tessera::engine {

class EngineCore;

// The token engine: one unlocked store and the services that work on it
// (docs/ARCHITECTURE.md, «Engine services»). It owns the engine core and the
// services, hands them out, and is where their signals come from (it is the
// EngineEvents they emit on), so the console connects to one object.
//
//     engine->tokens().createToken(caller, request);
//     engine->admin().putPolicy(caller, name, document);
//     connect(engine, &TokenEngine::tokensRevoked, model, &Model::onRevoked);
//
// Thread-safe: API threads and the GUI thread call the services at once; each
// call takes its own store connection. The store itself is not handed out:
// browsing goes through browser().
class TokenEngine : public EngineEvents
{
public:
    // Opens an unlocked store; creates the engine's secrets on first use.
    static Result<std::unique_ptr<TokenEngine>> open(std::unique_ptr<store::Store> store,
                                                     const Clock& clock = Clock::system(),
                                                     EngineConfig config = {});
    ~TokenEngine() override;

    const Clock& clock() const;
    EngineConfig config() const;
    // The store's file (for messages, reports and the file checks of `serve`).
    QString storePath() const;

    TokenService& tokens() { return m_tokens; }
    const TokenService& tokens() const { return m_tokens; }
    UserpassService& userpass() { return m_userpass; }
    const UserpassService& userpass() const { return m_userpass; }
    SecondFactorService& secondFactors() { return m_secondFactors; }
    const SecondFactorService& secondFactors() const { return m_secondFactors; }
    SecurityKeyService& securityKeys() { return m_securityKeys; }
    const SecurityKeyService& securityKeys() const { return m_securityKeys; }
    CubbyholeService& cubbyhole() { return m_cubbyhole; }
    const CubbyholeService& cubbyhole() const { return m_cubbyhole; }
    OidcService& oidc() { return m_oidc; }
    const OidcService& oidc() const { return m_oidc; }
    RevokeByFilterService& revokeByFilter() { return m_revokeByFilter; }
    const RevokeByFilterService& revokeByFilter() const { return m_revokeByFilter; }
    AdminService& admin() { return m_admin; }
    const AdminService& admin() const { return m_admin; }
    GateService& gate() { return m_gate; }
    PassBatchService& passBatches() { return m_passBatches; }
    PassCodeService& passCodes() { return m_passCodes; }
    PatronImportService& patronImport() { return m_patronImport; }
    const ExpiryWarningService& expiryWarnings() const { return m_expiryWarnings; }
    // Read-only owner views of the token tree (console, CLI).
    TokenBrowser browser() const;

private:
    TokenEngine(std::unique_ptr<store::Store> store, const Clock& clock, EngineConfig config);

    std::unique_ptr<EngineCore> m_core; // first: the services refer to it
    TokenService m_tokens;
    UserpassService m_userpass;
    SecondFactorService m_secondFactors;
    SecurityKeyService m_securityKeys;
    CubbyholeService m_cubbyhole;
    OidcService m_oidc;
    RevokeByFilterService m_revokeByFilter;
    AdminService m_admin;
    GateService m_gate;
    PassCodeService m_passCodes; // before m_passBatches, which writes codes through it
    PassBatchService m_passBatches;
    PatronImportService m_patronImport;
    ExpiryWarningService m_expiryWarnings;
};

} // namespace tessera::engine
