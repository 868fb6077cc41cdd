#include "api/Handlers.h"
#include "api/Router.h"
#include "api/TokenJson.h"
#include "api/TokenRequestJson.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>

namespace tessera::api {
namespace {

using engine::TokenEngine;
using engine::TokenRef;

const QString kToken = QStringLiteral("token");
const QString kAccessor = QStringLiteral("accessor");

// Vault names the tokens auth/token/create* makes "token" or "token-<display_name>",
// with anything but ASCII letters, digits and '-' turned into '-' and a trailing '-' dropped.
QString vaultDisplayName(const QString& requested)
{
    if (requested.isEmpty())
        return QStringLiteral("token");
    QString name = QStringLiteral("token-") + requested;
    for (QChar& c : name) {
        const char16_t u = c.unicode();
        const bool kept = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                          (u >= u'0' && u <= u'9') || u == u'-';
        if (!kept)
            c = u'-';
    }
    if (name.endsWith(u'-'))
        name.chop(1);
    return name;
}

ApiResponse create(TokenEngine& engine, ApiRequest& request, bool orphanEndpoint)
{
    QStringList warnings;
    auto parsed = TokenRequestJson::parse(request.body, &warnings);
    if (!parsed.ok())
        return ApiResponse::fromError(parsed.error());
    engine::TokenRequest tokenRequest = std::move(*parsed);
    tokenRequest.displayName = vaultDisplayName(tokenRequest.displayName);
    tokenRequest.viaCreateOrphan = orphanEndpoint;
    if (request.params.contains(QStringLiteral("role")))
        tokenRequest.role = request.param(QStringLiteral("role"));

    auto created = engine.tokens().createToken(request.caller, tokenRequest);
    return respond(created, [&](const engine::CreatedToken& token) {
        return ApiResponse::authJson(
            TokenJson::auth(token.info, token.token, engine.clock().nowSeconds()),
            warnings + token.warnings);
    });
}

// The token a lookup/renew/revoke names: the body's "token" or "accessor", or
// the caller's own. Also the "id" and client_token the answer shows.
struct Target
{
    TokenRef ref;
    QString shownToken;
};

Result<Target> target(JsonBody& body, const ApiRequest& request, TokenRef::Kind kind)
{
    switch (kind) {
    case TokenRef::Kind::Self:
        return Target{TokenRef::self(), request.rawToken};
    case TokenRef::Kind::Token: {
        auto token = requiredString(body, kToken);
        TESSERA_TRY(token);
        return Target{TokenRef::token(*token), *token};
    }
    case TokenRef::Kind::Accessor:
        break;
    }
    auto accessor = requiredString(body, kAccessor);
    TESSERA_TRY(accessor);
    return Target{TokenRef::accessor(*accessor), QString()};
}

ApiResponse lookup(TokenEngine& engine, ApiRequest& request, TokenRef::Kind kind)
{
    return withBody(request, [&](JsonBody& body) {
        auto named = target(body, request, kind);
        if (!named.ok())
            return ApiResponse::fromError(named.error());
        auto token = engine.tokens().lookup(request.caller, named->ref);
        return respond(token, [&](const engine::Token& found) {
            return ApiResponse::dataJson(
                TokenJson::lookup(found, named->shownToken, engine.clock().nowSeconds()));
        });
    });
}

ApiResponse renew(TokenEngine& engine, ApiRequest& request, TokenRef::Kind kind)
{
    return withBody(request, [&](JsonBody& body) {
        auto named = target(body, request, kind);
        if (!named.ok())
            return ApiResponse::fromError(named.error());
        qint64 increment = 0;
        if (auto read = readInto(increment, body.duration(QStringLiteral("increment"))); !read.ok())
            return ApiResponse::fromError(read.error());
        auto renewal = engine.tokens().renew(request.caller, named->ref, increment);
        return respond(renewal, [&](const engine::Renewal& renewed) {
            return ApiResponse::authJson(
                TokenJson::auth(renewed.info, named->shownToken, engine.clock().nowSeconds()),
                renewed.warnings);
        });
    });
}

ApiResponse revoke(TokenEngine& engine, ApiRequest& request, TokenRef::Kind kind, bool orphan)
{
    return withBody(request, [&](JsonBody& body) {
        auto named = target(body, request, kind);
        if (!named.ok())
            return ApiResponse::fromError(named.error());
        auto revoked = orphan ? engine.tokens().revokeOrphan(request.caller, named->ref)
                              : engine.tokens().revoke(request.caller, named->ref);
        return respond(revoked, [](const QStringList&) { return ApiResponse::noContent(); });
    });
}

// Tessera's own (Vault has no revoke by filter): the filter's fields patron_id,
// role, issued_by, created_after, created_before (Unix seconds), and dry_run.
Result<engine::RevocationFilter> revocationFilter(JsonBody& body)
{
    engine::RevocationFilter filter;
    TESSERA_TRY(readInto(filter.patronId, body.string(QStringLiteral("patron_id"))));
    TESSERA_TRY(readInto(filter.role, body.string(QStringLiteral("role"))));
    TESSERA_TRY(readInto(filter.issuedBy, body.string(QStringLiteral("issued_by"))));
    TESSERA_TRY(readInto(filter.createdAfter, body.integer(QStringLiteral("created_after"))));
    TESSERA_TRY(readInto(filter.createdBefore, body.integer(QStringLiteral("created_before"))));
    return filter;
}

ApiResponse revokeMatching(TokenEngine& engine, ApiRequest& request)
{
    return withBody(request, [&](JsonBody& body) {
        auto filter = revocationFilter(body);
        if (!filter.ok())
            return ApiResponse::fromError(filter.error());
        auto dryRun = body.boolean(QStringLiteral("dry_run"));
        if (!dryRun.ok())
            return ApiResponse::fromError(dryRun.error());
        if (dryRun->value_or(false)) {
            auto preview = engine.revokeByFilter().preview(request.caller, *filter);
            return respond(preview, [](const engine::RevokeByFilterService::Preview& found) {
                QJsonArray first;
                for (const auto& match : found.first)
                    first.append(
                        QJsonObject{{QStringLiteral("accessor"), match.token.accessor},
                                    {QStringLiteral("display_name"), match.token.displayName},
                                    {QStringLiteral("creation_time"), match.token.createdAt},
                                    {QStringLiteral("descendants"), match.descendants}});
                return ApiResponse::data({{QStringLiteral("dry_run"), true},
                                          {QStringLiteral("matched"), found.matched},
                                          {QStringLiteral("would_revoke"), found.total},
                                          {QStringLiteral("first"), first}});
            });
        }
        auto revoked = engine.revokeByFilter().revoke(request.caller, *filter);
        return respond(revoked, [](const engine::RevokeByFilterService::Revoked& done) {
            return ApiResponse::data({{QStringLiteral("matched"), done.matched},
                                      {QStringLiteral("revoked"), done.accessors.size()}});
        });
    });
}

ApiResponse readRole(TokenEngine& engine, ApiRequest& request)
{
    auto role = engine.admin().role(request.caller, request.param(QStringLiteral("name")));
    return respond(role,
                   [](const engine::Role& found) { return ApiResponse::data(found.toJson()); });
}

ApiResponse writeRole(TokenEngine& engine, ApiRequest& request)
{
    return updateNamed<engine::Role>(
        request, request.param(QStringLiteral("name")),
        [&](const QString& name) { return engine.admin().role(request.caller, name); },
        [&](const engine::Role& role, JsonBody&) {
            return engine.admin().putRole(request.caller, role);
        });
}

} // namespace

void addTokenRoutes(Router& router, TokenEngine& engine)
{
    const QString post = QStringLiteral("POST");
    const QString get = QStringLiteral("GET");
    const QString list = QStringLiteral("LIST");
    const QString del = QStringLiteral("DELETE");
    TokenEngine* e = &engine;
    using Kind = TokenRef::Kind;

    router.add(post, QStringLiteral("auth/token/create"),
               [e](ApiRequest& r) { return create(*e, r, false); });
    router.add(post, QStringLiteral("auth/token/create-orphan"),
               [e](ApiRequest& r) { return create(*e, r, true); });
    router.add(post, QStringLiteral("auth/token/create/:role"),
               [e](ApiRequest& r) { return create(*e, r, false); });

    router.add(post, QStringLiteral("auth/token/lookup"),
               [e](ApiRequest& r) { return lookup(*e, r, Kind::Token); });
    for (const QString& method : {get, post}) {
        router.add(
            method, QStringLiteral("auth/token/lookup-self"),
            [e](ApiRequest& r) { return lookup(*e, r, Kind::Self); }, Access::Token, Runs::Inline);
    }
    router.add(post, QStringLiteral("auth/token/lookup-accessor"),
               [e](ApiRequest& r) { return lookup(*e, r, Kind::Accessor); });

    router.add(post, QStringLiteral("auth/token/renew"),
               [e](ApiRequest& r) { return renew(*e, r, Kind::Token); });
    router.add(post, QStringLiteral("auth/token/renew-self"),
               [e](ApiRequest& r) { return renew(*e, r, Kind::Self); });
    router.add(post, QStringLiteral("auth/token/renew-accessor"),
               [e](ApiRequest& r) { return renew(*e, r, Kind::Accessor); });

    router.add(post, QStringLiteral("auth/token/revoke"),
               [e](ApiRequest& r) { return revoke(*e, r, Kind::Token, false); });
    router.add(post, QStringLiteral("auth/token/revoke-self"),
               [e](ApiRequest& r) { return revoke(*e, r, Kind::Self, false); });
    router.add(post, QStringLiteral("auth/token/revoke-orphan"),
               [e](ApiRequest& r) { return revoke(*e, r, Kind::Token, true); });
    router.add(post, QStringLiteral("auth/token/revoke-accessor"),
               [e](ApiRequest& r) { return revoke(*e, r, Kind::Accessor, false); });
    router.add(post, QStringLiteral("auth/token/revoke-matching"),
               [e](ApiRequest& r) { return revokeMatching(*e, r); });

    router.add(list, QStringLiteral("auth/token/roles"), [e](ApiRequest& r) {
        return respond(e->admin().roleNames(r.caller), &ApiResponse::keys);
    });
    router.add(get, QStringLiteral("auth/token/roles/:name"),
               [e](ApiRequest& r) { return readRole(*e, r); });
    router.add(post, QStringLiteral("auth/token/roles/:name"),
               [e](ApiRequest& r) { return writeRole(*e, r); });
    router.add(del, QStringLiteral("auth/token/roles/:name"), [e](ApiRequest& r) {
        return respond(e->admin().deleteRole(r.caller, r.param(QStringLiteral("name"))));
    });
    router.add(list, QStringLiteral("auth/token/accessors"), [e](ApiRequest& r) {
        return respond(e->tokens().accessors(r.caller), &ApiResponse::keys);
    });
}

} // namespace tessera::api
