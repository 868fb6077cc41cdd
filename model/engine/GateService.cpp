#include "engine/GateService.h"

#include "engine/EngineCore.h"
#include "engine/TokenBrowser.h"
#include "engine/TokenFilter.h"
#include "engine/TokenOrder.h"
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

Result<qint64> GateService::signOutEverywhere(const Caller& caller)
{
    const QString issuedBy = caller.token ? caller.token->issuedBy : QString();
    const QString user =
        caller.token ? caller.token->meta.value(QStringLiteral("username")) : QString();
    if (!issuedBy.startsWith(QStringLiteral("login:")) || user.isEmpty())
        return Error::invalid(QStringLiteral("Only a token from a sign-in can sign out its "
                                             "user everywhere."));
    // Login tokens are top level and carry {"username": name}: the search
    // finds them by that value, and the issuer tells them from look-alikes.
    const TokenBrowser browser(m_core.store());
    QStringList sessions;
    TokenBrowser::Cursor after;
    for (;;) {
        auto page = browser.matching(TokenFilter(user), TokenOrder{}, after);
        TESSERA_TRY(page);
        for (const Token& token : std::as_const(page->tokens)) {
            if (token.issuedBy == issuedBy)
                sessions.append(token.accessor);
        }
        if (!page->more)
            break;
        after = page->next;
    }
    // The patron ends their own sign-ins; the records name the gate and client.
    const Caller gate = Caller::storeOwner(caller.client);
    qint64 ended = 0;
    for (const QString& accessor : std::as_const(sessions)) {
        auto revoked = m_tokens.revoke(gate, TokenRef::accessor(accessor));
        if (revoked)
            ++ended;
        else if (revoked.error().code != ErrorCode::NotFound)
            return revoked.error();
    }
    return ended;
}

} // namespace tessera::engine
