#pragma once

#include <QByteArray>
#include <QString>

namespace tessera::api {

class ApiResponse;

// An answer as the bytes that go on the wire: status line, Cache-Control:
// no-store (nothing the server says may be cached), the response's own
// headers, Content-Type and Content-Length, then the body. One writer for
// every answer, whether Qt HTTP Server parsed the request or the connection
// guard answered it alone (ConnectionGuard::Shortcut, its refusals).
struct HttpAnswer
{
    // `head`: a HEAD request, answered without the body; `close`: tells the
    // client the connection closes after this answer.
    static QByteArray bytes(const ApiResponse& response, const QString& requestId, bool head,
                            bool close);
    // RFC 9110's reason phrase for the statuses the server sends.
    static const char* reasonPhrase(int status);
};

} // namespace tessera::api
