#pragma once

#include "api/ApiRequest.h"
#include "api/ApiResponse.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace tessera::api {

// Who may call a route.
enum class Access
{
    Token,  // needs a valid token; the request is one use of it
    Public, // no token (sys/health, the OpenID documents)
    Login,  // no token, rate-limited per client (auth/userpass/login)
};

// Where a route's handler runs.
enum class Runs
{
    Worker, // on a worker thread: it may wait for the store
    Inline, // on the server's thread: answered from memory (lookup-self, sys/health)
};

using Handler = std::function<ApiResponse(ApiRequest& request)>;

struct Route
{
    QString method; // "GET", "POST", "DELETE" or "LIST"
    QStringList segments;
    Handler handler;
    Access access = Access::Token;
    Runs runs = Runs::Worker;
};

// Method + path pattern -> handler. Patterns are paths under /v1 whose
// segments are literals, ":name" (one non-empty segment) or a final "*name"
// (the rest of the path, possibly empty, slashes included). Routes are tried
// in the order they were added.
//
// Vault's methods: PUT is POST, HEAD is GET without the body, and LIST arrives either as the LIST
// method (Qt HTTP Server calls any method it does not know Unknown; the server passes those in as
// "LIST") or as GET with ?list=true. A trailing slash is ignored ("auth/token/roles/" lists like
// "auth/token/roles").
class Router
{
public:
    void add(const QString& method, const QString& pattern, Handler handler,
             Access access = Access::Token, Runs runs = Runs::Worker);

    struct Match
    {
        enum class Outcome
        {
            Found,
            NotFound,         // no route has this path: 404
            MethodNotAllowed, // some route has the path, none the method: 405
        } outcome = Outcome::NotFound;
        const Route* route = nullptr;
        QHash<QString, QString> params;
    };
    // `path` is the request path, "/v1/..." (percent-decoded).
    Match match(const QString& method, const QString& path) const;

    // Vault's method name for an HTTP method and the query's "list" flag.
    static QString vaultMethod(const QString& httpMethod, bool listQuery);

private:
    static bool matches(const Route& route, const QStringList& segments,
                        QHash<QString, QString>& params);
    QList<Route> m_routes;
};

} // namespace tessera::api
