#include "api/ApiResponse.h"

#include "api/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::api {
namespace {

// A JSON value as compact text (QJsonDocument writes only objects and arrays).
QByteArray jsonText(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

ApiResponse ApiResponse::data(QJsonObject data, QStringList warnings)
{
    ApiResponse response(std::move(warnings));
    response.m_data = std::move(data);
    return response;
}

ApiResponse ApiResponse::auth(QJsonObject auth, QStringList warnings)
{
    ApiResponse response(std::move(warnings));
    response.m_auth = std::move(auth);
    return response;
}

ApiResponse ApiResponse::dataJson(QByteArray json, QStringList warnings)
{
    ApiResponse response(std::move(warnings));
    response.m_dataJson = std::move(json);
    return response;
}

ApiResponse ApiResponse::authJson(QByteArray json, QStringList warnings)
{
    ApiResponse response(std::move(warnings));
    response.m_authJson = std::move(json);
    return response;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse response;
    response.m_shape = Shape::Empty;
    response.m_status = 204;
    return response;
}

ApiResponse ApiResponse::bare(QJsonObject document, int status)
{
    ApiResponse response;
    response.m_shape = Shape::Bare;
    response.m_status = status;
    response.m_bare = std::move(document);
    return response;
}

ApiResponse ApiResponse::page(int status, QByteArray body, QByteArray contentType)
{
    ApiResponse response;
    response.m_shape = Shape::Page;
    response.m_status = status;
    response.m_page = std::move(body);
    response.m_contentType = std::move(contentType);
    return response;
}

QByteArray ApiResponse::contentType() const
{
    return m_shape == Shape::Page ? m_contentType : QByteArrayLiteral("application/json");
}

ApiResponse ApiResponse::error(int status, const QString& message)
{
    return error(status, message.isEmpty() ? QStringList{} : QStringList{message});
}

ApiResponse ApiResponse::error(int status, QStringList messages)
{
    ApiResponse response;
    response.m_shape = Shape::Errors;
    response.m_status = status;
    response.m_errors = std::move(messages);
    return response;
}

ApiResponse ApiResponse::fromError(const Error& error)
{
    return ApiResponse::error(httpStatus(error.code), error.message)
        .retryAfter(error.retryAfterSeconds);
}

ApiResponse ApiResponse::keys(const QStringList& keys)
{
    // Vault answers an empty LIST with 404 and an empty error list.
    if (keys.isEmpty())
        return error(404, QStringList{});
    return data({{QStringLiteral("keys"), QJsonArray::fromStringList(keys)}});
}

ApiResponse& ApiResponse::addWarnings(const QStringList& warnings)
{
    m_warnings += warnings;
    return *this;
}

QByteArray ApiResponse::body(const QString& requestId) const
{
    switch (m_shape) {
    case Shape::Empty:
        return {};
    case Shape::Page:
        return m_page;
    case Shape::Bare:
        return QJsonDocument(m_bare).toJson(QJsonDocument::Compact);
    case Shape::Errors:
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("errors"), QJsonArray::fromStringList(m_errors)}})
            .toJson(QJsonDocument::Compact);
    case Shape::Envelope:
        break;
    }
    // Written field by field: a QJsonObject of the envelope, built and
    // serialised again for every request, cost as much as a lookup's own work.
    static const QStringList kEnvelopeFields = {
        QStringLiteral("request_id"),     QStringLiteral("lease_id"), QStringLiteral("renewable"),
        QStringLiteral("lease_duration"), QStringLiteral("data"),     QStringLiteral("wrap_info"),
        QStringLiteral("warnings"),       QStringLiteral("auth")};
    const auto text = [](const std::optional<QByteArray>& json,
                         const std::optional<QJsonObject>& object) -> QByteArray {
        if (json)
            return *json;
        return object ? jsonText(*object) : QByteArrayLiteral("null");
    };
    JsonWriter json;
    json.beginObject()
        .field("request_id", requestId)
        .field("lease_id", QString())
        .field("renewable", false)
        .field("lease_duration", 0)
        .key("data")
        .raw(text(m_dataJson, m_data))
        .key("wrap_info")
        .null()
        .key("warnings");
    if (m_warnings.isEmpty())
        json.null();
    else
        json.value(m_warnings);
    json.key("auth").raw(text(m_authJson, m_auth));
    if (m_dataAtTopLevel && m_data) {
        for (auto it = m_data->constBegin(); it != m_data->constEnd(); ++it) {
            if (!kEnvelopeFields.contains(it.key()))
                json.key(it.key()).raw(jsonText(it.value()));
        }
    }
    return json.endObject().take();
}

} // namespace tessera::api
