#include "api/Handlers.h"
#include "api/Router.h"
#include "engine/TokenEngine.h"

namespace tessera::api {
namespace {

using engine::TokenEngine;

const QString kPath = QStringLiteral("path");

// The whole body is the secret: its fields are data, never "unknown".
ApiResponse write(TokenEngine& engine, ApiRequest& request)
{
    auto body = JsonBody::parse(request.body);
    if (!body.ok())
        return ApiResponse::fromError(body.error());
    return respond(engine.cubbyhole().write(request.caller, request.param(kPath), body->object()));
}

} // namespace

void addCubbyholeRoutes(Router& router, TokenEngine& engine)
{
    TokenEngine* e = &engine;
    const QString pattern = QStringLiteral("cubbyhole/*path");
    router.add(QStringLiteral("GET"), pattern, [e](ApiRequest& r) {
        return respond(e->cubbyhole().read(r.caller, r.param(kPath)),
                       [](const QJsonObject& data) { return ApiResponse::data(data); });
    });
    router.add(QStringLiteral("POST"), pattern, [e](ApiRequest& r) { return write(*e, r); });
    router.add(QStringLiteral("DELETE"), pattern, [e](ApiRequest& r) {
        return respond(e->cubbyhole().remove(r.caller, r.param(kPath)));
    });
    router.add(QStringLiteral("LIST"), pattern, [e](ApiRequest& r) {
        return respond(e->cubbyhole().list(r.caller, r.param(kPath)), &ApiResponse::keys);
    });
}

} // namespace tessera::api
