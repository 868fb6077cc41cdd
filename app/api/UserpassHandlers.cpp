#include "api/Handlers.h"
#include "api/LoginMfa.h"
#include "api/Router.h"
#include "api/TokenJson.h"
#include "engine/TokenEngine.h"
#include "engine/User.h"

namespace tessera::api {
namespace {

using engine::TokenEngine;

const QString kPassword = QStringLiteral("password");

ApiResponse tokenAuth(TokenEngine& engine, const engine::CreatedToken& token)
{
    return ApiResponse::authJson(
        TokenJson::auth(token.info, token.token, engine.clock().nowSeconds()), token.warnings);
}

// Vault's login MFA: with X-Vault-MFA the token at once, without it (for a
// user with a second factor) the mfa_requirement to finish at sys/mfa/validate.
ApiResponse login(TokenEngine& engine, ApiRequest& request)
{
    return withBody(request, [&](JsonBody& body) {
        auto password = requiredString(body, kPassword);
        if (!password.ok())
            return ApiResponse::fromError(password.error());
        auto passcode = LoginMfa::passcodeFromHeader(request.mfaHeader);
        if (!passcode.ok())
            return ApiResponse::fromError(passcode.error());
        auto signedIn =
            engine.userpass().signIn(request.param(QStringLiteral("username")), *password,
                                     *passcode, request.client, request.requestId);
        return respond(signedIn, [&](const engine::SignIn& outcome) {
            if (outcome.mfa)
                return ApiResponse::auth(LoginMfa::requirementAuth(*outcome.mfa),
                                         {LoginMfa::requirementWarning()});
            return tokenAuth(engine, *outcome.token);
        });
    });
}

// sys/mfa/validate: {"mfa_request_id", "mfa_payload": {"totp": ["<passcode>"]}}.
ApiResponse validateMfa(TokenEngine& engine, ApiRequest& request)
{
    return withBody(request, [&](JsonBody& body) {
        auto requestId = requiredString(body, QStringLiteral("mfa_request_id"));
        if (!requestId.ok())
            return ApiResponse::fromError(requestId.error());
        auto passcode = LoginMfa::passcodeFromPayload(
            body.value(QStringLiteral("mfa_payload")).value_or(QJsonValue()));
        if (!passcode.ok())
            return ApiResponse::fromError(passcode.error());
        auto created =
            engine.userpass().validateMfa(*requestId, *passcode, request.client, request.requestId);
        return respond(created,
                       [&](const engine::CreatedToken& token) { return tokenAuth(engine, token); });
    });
}

ApiResponse readUser(TokenEngine& engine, ApiRequest& request)
{
    auto user = engine.userpass().user(request.caller, request.param(QStringLiteral("username")));
    return respond(user,
                   [](const engine::User& found) { return ApiResponse::data(found.toJson()); });
}

ApiResponse writeUser(TokenEngine& engine, ApiRequest& request)
{
    return updateNamed<engine::User>(
        request, request.param(QStringLiteral("username")),
        [&](const QString& name) { return engine.userpass().user(request.caller, name); },
        [&](const engine::User& user, JsonBody& body) -> Status {
            auto password = body.string(kPassword);
            TESSERA_TRY(password);
            return engine.userpass().putUser(request.caller, user, *password);
        });
}

ApiResponse setPassword(TokenEngine& engine, ApiRequest& request)
{
    return withBody(request, [&](JsonBody& body) {
        auto password = requiredString(body, kPassword);
        if (!password.ok())
            return ApiResponse::fromError(password.error());
        return respond(engine.userpass().setUserPassword(
            request.caller, request.param(QStringLiteral("username")), *password));
    });
}

} // namespace

void addUserpassRoutes(Router& router, TokenEngine& engine)
{
    TokenEngine* e = &engine;
    const QString users = QStringLiteral("auth/userpass/users/:username");
    router.add(
        QStringLiteral("POST"), QStringLiteral("auth/userpass/login/:username"),
        [e](ApiRequest& r) { return login(*e, r); }, Access::Login);
    // The second step of a login with a second factor: no token yet, so
    // rate-limited per client like the login itself.
    router.add(
        QStringLiteral("POST"), QStringLiteral("sys/mfa/validate"),
        [e](ApiRequest& r) { return validateMfa(*e, r); }, Access::Login);
    router.add(QStringLiteral("LIST"), QStringLiteral("auth/userpass/users"), [e](ApiRequest& r) {
        return respond(e->userpass().userNames(r.caller), &ApiResponse::keys);
    });
    router.add(QStringLiteral("GET"), users, [e](ApiRequest& r) { return readUser(*e, r); });
    router.add(QStringLiteral("POST"), users, [e](ApiRequest& r) { return writeUser(*e, r); });
    router.add(QStringLiteral("DELETE"), users, [e](ApiRequest& r) {
        return respond(e->userpass().deleteUser(r.caller, r.param(QStringLiteral("username"))));
    });
    router.add(QStringLiteral("POST"), QStringLiteral("auth/userpass/users/:username/password"),
               [e](ApiRequest& r) { return setPassword(*e, r); });
}

} // namespace tessera::api
