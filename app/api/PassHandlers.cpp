#include "api/Handlers.h"
#include "api/Router.h"
#include "api/TokenJson.h"
#include "engine/TokenEngine.h"

namespace tessera::api {
namespace {

using engine::TokenEngine;

// auth/pass/login {"code": "..."}: the pass's token in the same auth reply
// as a password login (docs/ARCHITECTURE.md, «Pass codes»).
ApiResponse login(TokenEngine& engine, ApiRequest& request)
{
    return withBody(request, [&](JsonBody& body) {
        auto code = requiredString(body, QStringLiteral("code"));
        if (!code.ok())
            return ApiResponse::fromError(code.error());
        auto redeemed = engine.passCodes().redeem(*code, request.client, request.requestId);
        return respond(redeemed, [&](const engine::CreatedToken& pass) {
            return ApiResponse::authJson(
                TokenJson::auth(pass.info, pass.token, engine.clock().nowSeconds()));
        });
    });
}

} // namespace

void addPassRoutes(Router& router, TokenEngine& engine)
{
    TokenEngine* e = &engine;
    router.add(
        QStringLiteral("POST"), QStringLiteral("auth/pass/login"),
        [e](ApiRequest& r) { return login(*e, r); }, Access::Login);
}

} // namespace tessera::api
