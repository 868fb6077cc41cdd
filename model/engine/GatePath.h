#pragma once

#include "core/Result.h"
#include "engine/Capability.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace tessera::engine {

// A web request a reverse proxy asks the gate about, as the ACL sees it: the
// path `gate/<host>/<path>` and the capability the method needs. See
// docs/ARCHITECTURE.md, «The gate».
//
// The mapping is what the upstream web server will serve, not what the
// request spells: the path is percent-decoded once, `.` and `..` segments are
// resolved and repeated slashes merged (as nginx does before it serves a
// file), so `/articles/42/../43` is checked as `articles/43`. What cannot be
// mapped without guessing is refused: an encoded slash or backslash (`%2F`,
// `%5C`, which servers treat differently), NUL and control characters,
// invalid UTF-8, a `..` above the root, a query-less URI that is not a path.
struct GatePath
{
    QString host;      // lower case, no port: "journal.example.org"
    QString path;      // decoded, normalised, no leading slash: "articles/42"
    Capability needed; // read, update or delete

    // "gate/journal.example.org/articles/42"
    QString aclPath() const;

    // `host` is the Host (or X-Forwarded-Host) header, `uri` the request
    // target as sent (path and query), `method` the HTTP method.
    static Result<GatePath> fromRequest(QByteArrayView method, QByteArrayView host,
                                        QByteArrayView uri);

    // The parts alone, for callers (and tests) that have them separately.
    static Result<QString> normalizedHost(QByteArrayView host);
    static Result<QString> normalizedPath(QByteArrayView uri);
    // GET/HEAD → read, POST/PUT/PATCH → update, DELETE → delete.
    static Result<Capability> capabilityFor(QByteArrayView method);

    static constexpr qsizetype kMaxUriBytes = 8192;
};

} // namespace tessera::engine
