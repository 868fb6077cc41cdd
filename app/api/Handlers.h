#pragma once

#include "api/ApiRequest.h"
#include "api/ApiResponse.h"
#include "api/JsonBody.h"
#include "core/Result.h"

#include <functional>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::api {

class Router;

// The routes of one area each, in their own file. Every handler is three
// short steps: read the request, call the engine, write the response.
void addTokenRoutes(Router& router, engine::TokenEngine& engine);
void addSysRoutes(Router& router, engine::TokenEngine& engine);
void addUserpassRoutes(Router& router, engine::TokenEngine& engine);
void addPassRoutes(Router& router, engine::TokenEngine& engine);
void addCubbyholeRoutes(Router& router, engine::TokenEngine& engine);
void addOidcRoutes(Router& router, engine::TokenEngine& engine);

// Reads the request body as JSON and hands it to `handle`; a malformed body is
// a 400 before anything else happens.
inline ApiResponse withBody(const ApiRequest& request,
                            const std::function<ApiResponse(JsonBody&)>& handle)
{
    auto body = JsonBody::parse(request.body);
    if (!body.ok())
        return ApiResponse::fromError(body.error());
    ApiResponse response = handle(*body);
    if (!response.isError())
        response.addWarnings(body->unknownFieldWarnings());
    return response;
}

// A required string field of the body: 400 "missing <name>" when absent or empty.
inline Result<QString> requiredString(JsonBody& body, const QString& name)
{
    auto value = body.string(name);
    TESSERA_TRY(value);
    if (!value->has_value() || (*value)->isEmpty())
        return Error::invalid(QStringLiteral("missing %1").arg(name));
    return **value;
}

// An engine result as a response: the error's status, or what `ok` makes of the value.
template <typename T, typename F> ApiResponse respond(const Result<T>& result, F&& ok)
{
    if (!result.ok())
        return ApiResponse::fromError(result.error());
    return ok(*result);
}
inline ApiResponse respond(const Status& status)
{
    return status.ok() ? ApiResponse::noContent() : ApiResponse::fromError(status.error());
}

// Create or update of a named object (token role, user, OIDC key or role):
// the fields present in the body replace those of the stored object, or of the
// defaults when there is none (T::fromJson). `read(name)` fetches the stored
// one, `put(value, body)` writes; fromJson reads the fields it knows and
// ignores the others, as Vault does, so none is reported as unknown.
template <typename T, typename Read, typename Put>
ApiResponse updateNamed(const ApiRequest& request, const QString& name, Read&& read, Put&& put)
{
    return withBody(request, [&](JsonBody& body) {
        Result<T> existing = read(name);
        if (!existing.ok() && existing.error().code != ErrorCode::NotFound)
            return ApiResponse::fromError(existing.error());
        body.accept(body.object().keys());
        auto value = T::fromJson(name, body.object(), existing.ok() ? &*existing : nullptr);
        if (!value.ok())
            return ApiResponse::fromError(value.error());
        return respond(put(*value, body));
    });
}

} // namespace tessera::api
