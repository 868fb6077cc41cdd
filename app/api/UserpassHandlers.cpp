#include "api/Handlers.h"
#include "api/Router.h"
#include "api/TokenJson.h"
#include "engine/TokenEngine.h"
#include "engine/User.h"

namespace tessera::api {
namespace {

using engine::TokenEngine;

const QString kPassword = QStringLiteral("password");

ApiResponse login(TokenEngine& engine, ApiRequest& request)
{
    return withBody(request, [&](JsonBody& body) {
        auto password = requiredString(body, kPassword);
        if (!password.ok())
            return ApiResponse::fromError(password.error());
        auto created = engine.userpass().login(request.param(QStringLiteral("username")), *password,
                                               request.client, request.requestId);
        return respond(created, [&](const engine::CreatedToken& token) {
            return ApiResponse::authJson(
                TokenJson::auth(token.info, token.token, engine.clock().nowSeconds()),
                token.warnings);
        });
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
