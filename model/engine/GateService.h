#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/GatePath.h"
#include "engine/Token.h"

#include <QString>
#include <QStringView>
#include <memory>

namespace tessera::engine {

class EngineCore;
class TokenService;
struct CreatedToken;

// What the gate answers a reverse proxy about one web request.
struct GateDecision
{
    enum class Verdict
    {
        Allowed,   // 200: the token's policies grant the document
        SignIn,    // 401: no token, or one that is malformed, unknown, expired or revoked
        Forbidden, // 403: a valid token without the capability on the document
    };
    Verdict verdict = Verdict::SignIn;
    // The token as it was when checked (Allowed and Forbidden only).
    std::shared_ptr<const Token> token;
};

// The patron's side: checks a browser's token against a web document
// (docs/ARCHITECTURE.md, «The gate»). Each check with a token is one use of it
// and is audited as the API audits a request ("token.use" with the document's
// ACL path; a refused capability as "gate.check" denied). Checks of a cached
// token read nothing from the store.
class GateService
{
public:
    GateService(const EngineCore& core, TokenService& tokens)
        : m_core(core)
        , m_tokens(tokens)
    {}

    Result<GateDecision> check(QStringView rawToken, const GatePath& request, const QString& client,
                               const QString& requestId = {});
    // The same without waiting for a commit (TokenService::authenticateWithoutWaiting):
    // nullopt when this check's use must be counted (a use-limited token); the
    // server then makes it on a worker. Lets the server's thread answer a
    // proxy's repeated checks without handing each to a worker and back.
    Result<std::optional<GateDecision>> checkWithoutWaiting(QStringView rawToken,
                                                            const GatePath& request,
                                                            const QString& client,
                                                            const QString& requestId = {});
    // Either of the two: with `mayWait` never nullopt.
    Result<std::optional<GateDecision>> decide(QStringView rawToken, const GatePath& request,
                                               const QString& client, const QString& requestId,
                                               bool mayWait);

    // A one-use link to one document: a token whose single use is one check
    // of `aclPath` ("gate/<host>/<path>", as GatePath names it; its policies
    // play no part at the gate), valid for `ttlSeconds` (0: the default).
    // The caller needs what creating the token needs.
    Result<CreatedToken> createLink(const Caller& caller, const QString& aclPath,
                                    qint64 ttlSeconds);
    // The document a link token opens ("" for any other token).
    static QString linkedDocument(const Token& token);
    static constexpr const char* kLinkMetaKey = "gate_document";

    // "Sign out everywhere": revokes every token the caller's user signed in
    // with (issued by "login:<name>"), each with its subtree. The caller must
    // be such a token. Returns how many sign-ins were ended.
    Result<qint64> signOutEverywhere(const Caller& caller);

private:
    const EngineCore& m_core;
    TokenService& m_tokens;
};

} // namespace tessera::engine
