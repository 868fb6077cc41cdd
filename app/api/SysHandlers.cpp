#include "api/Handlers.h"
#include "api/Router.h"
#include "engine/TokenEngine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::api {
namespace {

using engine::TokenEngine;

ApiResponse health(TokenEngine& engine)
{
    // Always initialized and unsealed: a running server holds an unlocked store.
    return ApiResponse::bare({
        {QStringLiteral("initialized"), true},
        {QStringLiteral("sealed"), false},
        {QStringLiteral("standby"), false},
        {QStringLiteral("performance_standby"), false},
        {QStringLiteral("replication_performance_mode"), QStringLiteral("disabled")},
        {QStringLiteral("replication_dr_mode"), QStringLiteral("disabled")},
        {QStringLiteral("server_time_utc"), engine.clock().nowSeconds()},
        {QStringLiteral("version"),
         QStringLiteral("tessera-") + QCoreApplication::applicationVersion()},
        {QStringLiteral("cluster_name"), QStringLiteral("tessera")},
        {QStringLiteral("cluster_id"), QString()},
    });
}

// `rulesField`: "policy" (sys/policies/acl) or "rules" (the older sys/policy).
ApiResponse readPolicy(TokenEngine& engine, ApiRequest& request, const QString& rulesField)
{
    const QString name = request.param(QStringLiteral("name"));
    auto document = engine.admin().policy(request.caller, name);
    return respond(document, [&](const QString& text) {
        return ApiResponse::data({{QStringLiteral("name"), name}, {rulesField, text}});
    });
}

ApiResponse writePolicy(TokenEngine& engine, ApiRequest& request)
{
    return withBody(request, [&](JsonBody& body) {
        // "policy" in sys/policies/acl, "rules" too in sys/policy; both accepted.
        // A JSON policy sent as an object (not as text) is taken as its text.
        QString document;
        for (const QString& field : {QStringLiteral("policy"), QStringLiteral("rules")}) {
            const auto value = body.value(field);
            if (!value || !document.isEmpty())
                continue;
            if (value->isString())
                document = value->toString();
            else if (value->isObject())
                document = QString::fromUtf8(
                    QJsonDocument(value->toObject()).toJson(QJsonDocument::Compact));
            else
                return ApiResponse::error(
                    400, QStringLiteral("error decoding field '%1': expected a string").arg(field));
        }
        if (document.trimmed().isEmpty())
            return ApiResponse::error(400,
                                      QStringLiteral("'policy' parameter not supplied or empty"));
        return respond(engine.admin().putPolicy(request.caller,
                                                request.param(QStringLiteral("name")), document));
    });
}

// sys/capabilities-self {"paths"|"path"}: the caller's capabilities per path,
// in Vault's shape {"capabilities": [...first path...], "<path>": [...]}.
ApiResponse capabilities(TokenEngine& engine, ApiRequest& request, engine::TokenRef::Kind kind)
{
    return withBody(request, [&](JsonBody& body) {
        QStringList paths;
        if (auto read = readInto(paths, body.stringList(QStringLiteral("paths"))); !read.ok())
            return ApiResponse::fromError(read.error());
        if (auto read = readInto(paths, body.stringList(QStringLiteral("path"))); !read.ok())
            return ApiResponse::fromError(read.error());
        if (paths.isEmpty())
            return ApiResponse::error(400, QStringLiteral("missing paths"));
        engine::TokenRef ref = engine::TokenRef::self();
        if (kind != engine::TokenRef::Kind::Self) {
            const QString field = kind == engine::TokenRef::Kind::Token
                                      ? QStringLiteral("token")
                                      : QStringLiteral("accessor");
            auto named = requiredString(body, field);
            if (!named.ok())
                return ApiResponse::fromError(named.error());
            ref = kind == engine::TokenRef::Kind::Token ? engine::TokenRef::token(*named)
                                                        : engine::TokenRef::accessor(*named);
        }
        QJsonObject data;
        for (const QString& path : std::as_const(paths)) {
            auto granted = engine.admin().capabilitiesOf(request.caller, ref, path);
            if (!granted.ok())
                return ApiResponse::fromError(granted.error());
            data.insert(path, QJsonArray::fromStringList(*granted));
            if (!data.contains(QStringLiteral("capabilities")))
                data.insert(QStringLiteral("capabilities"), QJsonArray::fromStringList(*granted));
        }
        return ApiResponse::data(data);
    });
}

} // namespace

void addSysRoutes(Router& router, TokenEngine& engine)
{
    const QString get = QStringLiteral("GET");
    const QString post = QStringLiteral("POST");
    const QString del = QStringLiteral("DELETE");
    const QString list = QStringLiteral("LIST");
    TokenEngine* e = &engine;
    using Kind = engine::TokenRef::Kind;

    router.add(
        get, QStringLiteral("sys/health"), [e](ApiRequest&) { return health(*e); }, Access::Public,
        Runs::Inline);

    const auto names = [e](ApiRequest& r) {
        return respond(e->admin().policyNames(r.caller), &ApiResponse::keys);
    };
    router.add(list, QStringLiteral("sys/policies/acl"), names);
    router.add(get, QStringLiteral("sys/policies/acl/:name"),
               [e](ApiRequest& r) { return readPolicy(*e, r, QStringLiteral("policy")); });
    router.add(post, QStringLiteral("sys/policies/acl/:name"),
               [e](ApiRequest& r) { return writePolicy(*e, r); });
    router.add(del, QStringLiteral("sys/policies/acl/:name"), [e](ApiRequest& r) {
        return respond(e->admin().deletePolicy(r.caller, r.param(QStringLiteral("name"))));
    });

    // Vault's older sys/policy, which hvac's sys.*_policy methods use.
    router.add(get, QStringLiteral("sys/policy"), [e](ApiRequest& r) {
        return respond(e->admin().policyNames(r.caller), [](const QStringList& all) {
            const QJsonArray array = QJsonArray::fromStringList(all);
            return ApiResponse::data(
                {{QStringLiteral("keys"), array}, {QStringLiteral("policies"), array}});
        });
    });
    router.add(list, QStringLiteral("sys/policy"), names);
    router.add(get, QStringLiteral("sys/policy/:name"),
               [e](ApiRequest& r) { return readPolicy(*e, r, QStringLiteral("rules")); });
    router.add(post, QStringLiteral("sys/policy/:name"),
               [e](ApiRequest& r) { return writePolicy(*e, r); });
    router.add(del, QStringLiteral("sys/policy/:name"), [e](ApiRequest& r) {
        return respond(e->admin().deletePolicy(r.caller, r.param(QStringLiteral("name"))));
    });

    router.add(post, QStringLiteral("sys/capabilities-self"),
               [e](ApiRequest& r) { return capabilities(*e, r, Kind::Self); });
    router.add(post, QStringLiteral("sys/capabilities"),
               [e](ApiRequest& r) { return capabilities(*e, r, Kind::Token); });
    router.add(post, QStringLiteral("sys/capabilities-accessor"),
               [e](ApiRequest& r) { return capabilities(*e, r, Kind::Accessor); });
}

} // namespace tessera::api
