#include "engine/GateService.h"

#include "engine/EngineCore.h"
#include "engine/TokenBrowser.h"
#include "engine/TokenFilter.h"
#include "engine/TokenOrder.h"
#include "engine/TokenRequest.h"
#include "engine/TokenService.h"
#include "engine/UseAudit.h"

#include <QUrl>

namespace tessera::engine {

Result<GateDecision> GateService::check(QStringView rawToken, const GatePath& request,
                                        const QString& client, const QString& requestId)
{
    auto decision = decide(rawToken, request, client, requestId, true);
    TESSERA_TRY(decision);
    return std::move(**decision); // with waiting allowed there is always one
}

Result<std::optional<GateDecision>> GateService::checkWithoutWaiting(QStringView rawToken,
                                                                     const GatePath& request,
                                                                     const QString& client,
                                                                     const QString& requestId)
{
    return decide(rawToken, request, client, requestId, false);
}

Result<std::optional<GateDecision>> GateService::decide(QStringView rawToken,
                                                        const GatePath& request,
                                                        const QString& client,
                                                        const QString& requestId, bool mayWait)
{
    using Verdict = GateDecision::Verdict;
    if (rawToken.isEmpty())
        return std::optional(GateDecision{Verdict::SignIn, nullptr});
    const QString path = request.aclPath();
    auto authenticated = m_tokens.authenticate(rawToken, client, requestId, path, mayWait);
    if (!authenticated) {
        // Malformed, unknown, expired and revoked tokens are all "sign in
        // again"; a store that fails is an error the proxy must not mistake
        // for a verdict.
        if (authenticated.error().code == ErrorCode::PermissionDenied)
            return std::optional(GateDecision{Verdict::SignIn, nullptr});
        return authenticated.error();
    }
    if (!authenticated->has_value())
        return std::optional<GateDecision>(); // its use must be counted: on a worker
    const Caller& caller = **authenticated;
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    // A link opens its one document for reading, whatever its policies say.
    const QString linked = linkedDocument(*caller.token);
    const Status allowed = linked.isEmpty()
                               ? m_core.authorize(lease->db(), caller, path, request.needed)
                           : linked == path && request.needed == Capability::Read
                               ? Status()
                               : Status(Error::denied(QStringLiteral("permission denied")));
    // A one-use token is spent by this check, allowed or not.
    TESSERA_TRY(m_tokens.completeUse(caller));
    if (allowed)
        return std::optional(GateDecision{Verdict::Allowed, caller.token});
    if (allowed.error().code != ErrorCode::PermissionDenied)
        return allowed.error();
    // Refused documents join the batched use records: a patron clicking
    // through a catalogue must not cost a commit per forbidden page.
    TESSERA_TRY(m_core.uses().add(
        m_core.auditEntry(caller, QStringLiteral("gate.check"), {caller.accessor},
                          {{QStringLiteral("path"), path}}, QStringLiteral("denied"))));
    return std::optional(GateDecision{Verdict::Forbidden, caller.token});
}

QString GateService::linkedDocument(const Token& token)
{
    return token.meta.value(QString::fromLatin1(kLinkMetaKey));
}

Result<CreatedToken> GateService::createLink(const Caller& caller, const QString& aclPath,
                                             qint64 ttlSeconds)
{
    // The path must be one a check can produce: gate/<host>/<normalised path>.
    const QString prefix = QStringLiteral("gate/");
    const qsizetype slash = aclPath.indexOf(u'/', prefix.size());
    if (!aclPath.startsWith(prefix) || slash < 0)
        return Error::invalid(QStringLiteral("A link names a document as gate/HOST/PATH."));
    auto document =
        GatePath::fromRequest("GET", aclPath.mid(prefix.size(), slash - prefix.size()).toUtf8(),
                              QUrl::toPercentEncoding(aclPath.mid(slash), "/"));
    if (!document || document->aclPath() != aclPath)
        return Error::invalid(QStringLiteral(
            "A link names a document as gate/HOST/PATH, with a host name and a path without "
            "\"..\", \"//\" or escapes."));
    TokenRequest request;
    request.policies = {QStringLiteral("default")};
    request.numUses = 1;
    request.ttl = ttlSeconds;
    request.renewable = false;
    request.displayName = QStringLiteral("link");
    request.meta.insert(QString::fromLatin1(kLinkMetaKey), aclPath);
    return m_tokens.createToken(caller, request);
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
