#include "api/TokenRequestJson.h"

#include "api/JsonBody.h"

#include <limits>

namespace tessera::api {
namespace {

Result<std::optional<engine::TokenType>> tokenType(JsonBody& body)
{
    auto text = body.string(QStringLiteral("type"));
    TESSERA_TRY(text);
    if (!text->has_value() || (*text)->isEmpty())
        return std::optional<engine::TokenType>();
    if (**text == QLatin1String("service"))
        return std::optional<engine::TokenType>(engine::TokenType::Service);
    if (**text == QLatin1String("batch"))
        return std::optional<engine::TokenType>(engine::TokenType::Batch);
    return Error::invalid(QStringLiteral("unsupported token type: use \"service\" or \"batch\""));
}

Status readRequest(JsonBody& body, engine::TokenRequest& request)
{
    if (body.has(QStringLiteral("id")))
        return Error::invalid(QStringLiteral("custom token ids are not supported"));
    if (body.has(QStringLiteral("entity_alias")))
        return Error::invalid(QStringLiteral("entity_alias is not supported"));
    body.accept({QStringLiteral("id"), QStringLiteral("entity_alias")});

    TESSERA_TRY(readInto(request.policies, body.stringList(QStringLiteral("policies"))));
    TESSERA_TRY(readInto(request.meta, body.stringMap(QStringLiteral("meta"))));
    TESSERA_TRY(readInto(request.orphan, body.boolean(QStringLiteral("no_parent"))));
    TESSERA_TRY(
        readInto(request.noDefaultPolicy, body.boolean(QStringLiteral("no_default_policy"))));
    auto renewable = body.boolean(QStringLiteral("renewable"));
    TESSERA_TRY(renewable);
    request.renewable = *renewable;
    TESSERA_TRY(readInto(request.ttl, body.duration(QStringLiteral("lease"))));
    TESSERA_TRY(readInto(request.ttl, body.duration(QStringLiteral("ttl"))));
    TESSERA_TRY(
        readInto(request.explicitMaxTtl, body.duration(QStringLiteral("explicit_max_ttl"))));
    TESSERA_TRY(readInto(request.period, body.duration(QStringLiteral("period"))));
    TESSERA_TRY(readInto(request.displayName, body.string(QStringLiteral("display_name"))));
    TESSERA_TRY(readInto(request.role, body.string(QStringLiteral("role_name"))));
    auto activateWithin = body.duration(QStringLiteral("activate_within"));
    TESSERA_TRY(activateWithin);
    request.activateWithin = *activateWithin;
    // Tessera's own: list the token before it expires (ExpiryWarningService).
    TESSERA_TRY(
        readInto(request.warnBeforeExpiry, body.boolean(QStringLiteral("warn_before_expiry"))));

    auto numUses = body.integer(QStringLiteral("num_uses"));
    TESSERA_TRY(numUses);
    if (numUses->has_value()) {
        if (**numUses < 0)
            return Error::invalid(QStringLiteral("number of uses cannot be negative"));
        if (**numUses > std::numeric_limits<int>::max())
            return Error::invalid(QStringLiteral("number of uses is too large"));
        request.numUses = static_cast<int>(**numUses);
    }
    auto type = tokenType(body);
    TESSERA_TRY(type);
    request.type = *type;
    return {};
}

} // namespace

Result<engine::TokenRequest> TokenRequestJson::parse(const QByteArray& body, QStringList* warnings)
{
    auto json = JsonBody::parse(body);
    TESSERA_TRY(json);
    engine::TokenRequest request;
    TESSERA_TRY(readRequest(*json, request));
    if (warnings)
        *warnings = json->unknownFieldWarnings();
    return request;
}

} // namespace tessera::api
