#pragma once

#include "api/ApiLimits.h"
#include "api/ApiResponse.h"
#include "api/GateConfig.h"
#include "api/GateForm.h"
#include "api/GateForward.h"
#include "api/GateKeys.h"
#include "api/GatePages.h"
#include "api/GateRequest.h"
#include "api/RateLimiter.h"

#include <QString>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace tessera::engine {
struct CreatedToken;
}

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::api {

// The patron's side over HTTP (docs/ARCHITECTURE.md, «The gate»):
//   /gate/check     a reverse proxy's sub-request: 200 with X-Tessera-Display-Name,
//                   X-Tessera-Accessor and X-Tessera-Policies for the upstream;
//                   401 sign in; 403 not this document (or not one that can be
//                   named safely); 400 when the proxy sent too little.
//   /gate/sign-in   GET the form; POST username, password, rd, csrf: the same
//                   login as auth/userpass/login, then the cookie and a 303 to rd.
//   /gate/sign-in/pass  GET the form; POST code, rd, csrf: a pass's code
//                   (auth/pass/login), then the same cookie and 303 to rd.
//   /gate/sign-out  GET a button; POST revokes the token and clears the cookie.
//   /gate/redeem    ?t=<link token>: the cookie for that one document (its
//                   path only), then a 303 to it; 410 when the link is spent.
//   /gate/assets/   the pages' stylesheet and script.
//   security keys   the sign-in's key step and the self-service page (GateKeys).
// State-changing posts need the form's csrf value (also kept in an HttpOnly,
// SameSite=Strict cookie) and, when the browser sends one, an Origin of this
// host. Thread-safe: runs on the API's worker threads.
class GateEndpoint
{
public:
    GateEndpoint(engine::TokenEngine& engine, const ApiLimits& limits);

    // Set before the server listens.
    void configure(const GateConfig& config, bool tls);
    const GateConfig& config() const { return m_config; }

    // The headers the gate reads from a request.
    static const QList<QByteArray>& headerNames();

    ApiResponse handle(const GateRequest& request);
    // On the server's own thread: the answer to a check that needs no commit
    // (GateService::checkWithoutWaiting), nullopt for anything else, which
    // handle() then answers on a worker.
    std::optional<ApiResponse> handleWithoutWaiting(const GateRequest& request);
    ApiResponse check(const GateForward::HeaderLookup& header, const QString& client,
                      const QString& requestId);

private:
    std::optional<ApiResponse> check(const GateForward::HeaderLookup& header, const QString& client,
                                     const QString& requestId, bool mayWait);
    // What the password and pass-code forms read first from a POST.
    struct SignInPost
    {
        QString language;
        QString csrf;
        QUrlQuery fields;
        QString rd;
        std::optional<QString> target; // where `rd` may lead; nullopt: refused or none
    };
    SignInPost readSignIn(const GateRequest& request) const;
    // The refusal (through `refuse`) of an attempt over the client's sign-in
    // limit or without a valid CSRF token; nullopt when the attempt may go on.
    using Refuse = std::function<ApiResponse(int status, GatePages::Text why, qint64 number)>;
    std::optional<ApiResponse> refuseAttempt(const GateRequest& request, const SignInPost& post,
                                             const Refuse& refuse);
    ApiResponse signInPage(const GateRequest& request);
    ApiResponse signIn(const GateRequest& request);
    ApiResponse passSignInPage(const GateRequest& request);
    ApiResponse passSignIn(const GateRequest& request);
    // The token's cookie, and a 303 to `target` (or the signed-in page).
    ApiResponse signedInAnswer(const engine::CreatedToken& created,
                               const std::optional<QString>& target, const QString& rd,
                               const QString& language, const QString& csrf);
    ApiResponse signOutPage(const GateRequest& request);
    ApiResponse signOut(const GateRequest& request);
    ApiResponse redeem(const GateRequest& request);
    GateForm pages() const { return GateForm(m_config, m_secureCookies); }

    engine::TokenEngine& m_engine;
    GateConfig m_config;
    bool m_secureCookies = false;
    RateLimiter m_signInLimiter;
    GateKeys m_keys;
};

} // namespace tessera::api
