#include "engine/GateService.h"

#include "engine/EngineCore.h"
#include "engine/TokenService.h"

namespace tessera::engine {

Result<GateDecision> GateService::check(QStringView rawToken, const GatePath& request,
                                        const QString& client, const QString& requestId)
{
    using Verdict = GateDecision::Verdict;
    if (rawToken.isEmpty())
        return GateDecision{Verdict::SignIn, nullptr};
    const QString path = request.aclPath();
    auto caller = m_tokens.authenticate(rawToken, client, requestId, path);
    if (!caller) {
        // Malformed, unknown, expired and revoked tokens are all "sign in
        // again"; a store that fails is an error the proxy must not mistake
        // for a verdict.
        if (caller.error().code == ErrorCode::PermissionDenied)
            return GateDecision{Verdict::SignIn, nullptr};
        return caller.error();
    }
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    const Status allowed = m_core.authorize(lease->db(), *caller, path, request.needed);
    // A one-use token is spent by this check, allowed or not.
    TESSERA_TRY(m_tokens.completeUse(*caller));
    if (allowed)
        return GateDecision{Verdict::Allowed, caller->token};
    if (allowed.error().code != ErrorCode::PermissionDenied)
        return allowed.error();
    // Refused documents join the batched use records: a patron clicking
    // through a catalogue must not cost a commit per forbidden page.
    TESSERA_TRY(m_core.uses().add(
        m_core.auditEntry(*caller, QStringLiteral("gate.check"), {caller->accessor},
                          {{QStringLiteral("path"), path}}, QStringLiteral("denied"))));
    return GateDecision{Verdict::Forbidden, caller->token};
}

} // namespace tessera::engine
