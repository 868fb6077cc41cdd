#include "api/HttpAnswer.h"

#include "api/ApiResponse.h"

namespace tessera::api {

QByteArray HttpAnswer::bytes(const ApiResponse& response, const QString& requestId, bool head,
                             bool close)
{
    const int status = response.status();
    const QByteArray body = status == 204 || head ? QByteArray() : response.body(requestId);
    QByteArray out;
    out.reserve(256 + body.size());
    const auto line = [&out](QByteArrayView name, QByteArrayView value) {
        out.append(name).append(": ").append(value).append("\r\n");
    };
    out.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ');
    out.append(reasonPhrase(status)).append("\r\n");
    line("Cache-Control", "no-store");
    if (response.retryAfter() > 0)
        line("Retry-After", QByteArray::number(response.retryAfter()));
    if (close)
        line("Connection", "close");
    for (const auto& [name, value] : response.headers())
        line(name, value);
    if (!body.isEmpty())
        line("Content-Type", response.contentType());
    line("Content-Length", QByteArray::number(body.size()));
    out.append("\r\n").append(body);
    return out;
}

const char* HttpAnswer::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 300   ? "OK"
               : status < 400 ? "Redirect"
               : status < 500 ? "Client Error"
                              : "Server Error";
    }
}

} // namespace tessera::api
