#include "api/Handlers.h"
#include "api/Router.h"
#include "engine/OidcKey.h"
#include "engine/OidcRole.h"
#include "engine/TokenEngine.h"

namespace tessera::api {
namespace {

using engine::TokenEngine;

const QString kName = QStringLiteral("name");

ApiResponse mint(TokenEngine& engine, ApiRequest& request)
{
    auto jwt = engine.oidc().mintJwt(request.caller, request.param(kName));
    return respond(jwt, [](const engine::MintedJwt& minted) {
        return ApiResponse::data({{QStringLiteral("client_id"), minted.clientId},
                                  {QStringLiteral("token"), minted.token},
                                  {QStringLiteral("ttl"), minted.ttl}});
    });
}

} // namespace

void addOidcRoutes(Router& router, TokenEngine& engine)
{
    TokenEngine* e = &engine;
    const QString get = QStringLiteral("GET");
    const QString post = QStringLiteral("POST");
    const QString del = QStringLiteral("DELETE");
    const QString list = QStringLiteral("LIST");
    const QString key = QStringLiteral("identity/oidc/key/:name");
    const QString role = QStringLiteral("identity/oidc/role/:name");

    router.add(list, QStringLiteral("identity/oidc/key"), [e](ApiRequest& r) {
        return respond(e->oidc().keyNames(r.caller), &ApiResponse::keys);
    });
    router.add(get, key, [e](ApiRequest& r) {
        return respond(e->oidc().key(r.caller, r.param(kName)), [](const engine::OidcKey& found) {
            return ApiResponse::data(found.toJson());
        });
    });
    router.add(post, key, [e](ApiRequest& r) {
        return updateNamed<engine::OidcKey>(
            r, r.param(kName), [&](const QString& name) { return e->oidc().key(r.caller, name); },
            [&](const engine::OidcKey& value, JsonBody&) {
                return e->oidc().putKey(r.caller, value);
            });
    });
    router.add(del, key, [e](ApiRequest& r) {
        return respond(e->oidc().deleteKey(r.caller, r.param(kName)));
    });
    router.add(post, QStringLiteral("identity/oidc/key/:name/rotate"), [e](ApiRequest& r) {
        return withBody(r, [&](JsonBody& body) {
            body.accept({QStringLiteral("verification_ttl")}); // the key's own applies
            return respond(e->oidc().rotateKey(r.caller, r.param(kName)));
        });
    });

    router.add(list, QStringLiteral("identity/oidc/role"), [e](ApiRequest& r) {
        return respond(e->oidc().roleNames(r.caller), &ApiResponse::keys);
    });
    router.add(get, role, [e](ApiRequest& r) {
        return respond(e->oidc().role(r.caller, r.param(kName)), [](const engine::OidcRole& found) {
            return ApiResponse::data(found.toJson());
        });
    });
    router.add(post, role, [e](ApiRequest& r) {
        return updateNamed<engine::OidcRole>(
            r, r.param(kName), [&](const QString& name) { return e->oidc().role(r.caller, name); },
            [&](const engine::OidcRole& value, JsonBody&) {
                return e->oidc().putRole(r.caller, value);
            });
    });
    router.add(del, role, [e](ApiRequest& r) {
        return respond(e->oidc().deleteRole(r.caller, r.param(kName)));
    });

    router.add(get, QStringLiteral("identity/oidc/token/:name"),
               [e](ApiRequest& r) { return mint(*e, r); });
    router.add(
        get, QStringLiteral("identity/oidc/.well-known/keys"),
        [e](ApiRequest&) {
            return respond(e->oidc().jwks(),
                           [](const QJsonObject& keys) { return ApiResponse::bare(keys); });
        },
        Access::Public);
    router.add(
        get, QStringLiteral("identity/oidc/.well-known/openid-configuration"),
        [e](ApiRequest&) { return ApiResponse::bare(e->oidc().openIdConfiguration()); },
        Access::Public);
}

} // namespace tessera::api
