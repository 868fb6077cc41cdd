#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace tessera::api {

// What a handler answers, written in Vault's envelope:
//   {"request_id", "lease_id": "", "renewable": false, "lease_duration": 0,
//    "data", "wrap_info": null, "warnings", "auth"}
// or, for errors, {"errors": ["..."]}. A few endpoints (sys/health and the
// OpenID documents) answer a bare JSON document, as Vault does.
class ApiResponse
{
public:
    static ApiResponse data(QJsonObject data, QStringList warnings = {});
    static ApiResponse auth(QJsonObject auth, QStringList warnings = {});
    // The same with the object already written as JSON (JsonWriter). Not
    // repeated at the top level (only sys/ answers are, and they use data()).
    static ApiResponse dataJson(QByteArray json, QStringList warnings = {});
    static ApiResponse authJson(QByteArray json, QStringList warnings = {});
    static ApiResponse noContent(); // 204, as Vault's writes without a result
    static ApiResponse bare(QJsonObject document, int status = 200);
    // A body that is not JSON (the gate's pages and verdicts).
    static ApiResponse page(int status, QByteArray body, QByteArray contentType);
    static ApiResponse error(int status, const QString& message);
    static ApiResponse error(int status, QStringList messages);
    static ApiResponse fromError(const Error& error);

    // Vault's LIST answer: {"data": {"keys": [...]}}; none is a 404 with no errors.
    static ApiResponse keys(const QStringList& keys);

    ApiResponse& addWarnings(const QStringList& warnings);
    // Also writes the data's members next to the envelope's (Vault's sys/ answers);
    // a member named like an envelope field stays only inside "data".
    void repeatDataAtTopLevel() { m_dataAtTopLevel = true; }

    // A 429's Retry-After: seconds until the client may try again (0: none).
    ApiResponse& retryAfter(qint64 seconds)
    {
        m_retryAfter = seconds;
        return *this;
    }
    qint64 retryAfter() const { return m_retryAfter; }
    // A header written as given; the caller makes sure the value is one line.
    ApiResponse& header(QByteArray name, QByteArray value)
    {
        m_headers.append({std::move(name), std::move(value)});
        return *this;
    }
    const QList<std::pair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    QByteArray contentType() const;

    int status() const { return m_status; }
    bool isError() const { return m_status >= 400; }
    // The response body for `requestId` (empty for 204).
    QByteArray body(const QString& requestId) const;

private:
    ApiResponse() = default;
    explicit ApiResponse(QStringList warnings)
        : m_warnings(std::move(warnings))
    {}

    enum class Shape
    {
        Envelope,
        Bare,
        Errors,
        Empty,
        Page
    };
    Shape m_shape = Shape::Envelope;
    int m_status = 200;
    qint64 m_retryAfter = 0;
    std::optional<QJsonObject> m_data;
    bool m_dataAtTopLevel = false;
    std::optional<QJsonObject> m_auth;
    std::optional<QByteArray> m_dataJson;
    std::optional<QByteArray> m_authJson;
    QStringList m_warnings;
    QStringList m_errors;
    QJsonObject m_bare;
    QByteArray m_page;
    QByteArray m_contentType;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
};

} // namespace tessera::api
