#include "api/ApiResponse.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::api {

ApiResponse ApiResponse::data(QJsonObject data, QStringList warnings)
{
    ApiResponse response;
    response.m_data = std::move(data);
    response.m_warnings = std::move(warnings);
    return response;
}

ApiResponse ApiResponse::auth(QJsonObject auth, QStringList warnings)
{
    ApiResponse response;
    response.m_auth = std::move(auth);
    response.m_warnings = std::move(warnings);
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
    return ApiResponse::error(httpStatus(error.code), error.message);
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
    case Shape::Bare:
        return QJsonDocument(m_bare).toJson(QJsonDocument::Compact);
    case Shape::Errors:
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("errors"), QJsonArray::fromStringList(m_errors)}})
            .toJson(QJsonDocument::Compact);
    case Shape::Envelope:
        break;
    }
    const QJsonValue null(QJsonValue::Null);
    QJsonObject envelope{
        {QStringLiteral("request_id"), requestId},
        {QStringLiteral("lease_id"), QString()},
        {QStringLiteral("renewable"), false},
        {QStringLiteral("lease_duration"), 0},
        {QStringLiteral("data"), m_data ? QJsonValue(*m_data) : null},
        {QStringLiteral("wrap_info"), null},
        {QStringLiteral("warnings"),
         m_warnings.isEmpty() ? null : QJsonValue(QJsonArray::fromStringList(m_warnings))},
        {QStringLiteral("auth"), m_auth ? QJsonValue(*m_auth) : null},
    };
    if (m_dataAtTopLevel && m_data) {
        for (auto it = m_data->constBegin(); it != m_data->constEnd(); ++it)
            if (!envelope.contains(it.key()))
                envelope.insert(it.key(), it.value());
    }
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

} // namespace tessera::api
