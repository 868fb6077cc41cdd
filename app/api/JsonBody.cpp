#include "api/JsonBody.h"

#include "engine/Duration.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace tessera::api {
namespace {

Error wrongType(const QString& name, const char* expected)
{
    return Error::invalid(QStringLiteral("error decoding field '%1': expected %2")
                              .arg(name, QLatin1String(expected)));
}

// Text of a scalar for string-typed fields, as WeakDecode converts it.
std::optional<QString> scalarText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::trunc(number) && std::fabs(number) < 9e15)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number);
    }
    return std::nullopt;
}

} // namespace

Result<JsonBody> JsonBody::parse(const QByteArray& body)
{
    if (body.trimmed().isEmpty())
        return JsonBody();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error::invalid(QStringLiteral("failed to parse JSON input: %1 at offset %2")
                                  .arg(error.errorString())
                                  .arg(error.offset));
    }
    if (!document.isObject())
        return Error::invalid(QStringLiteral("failed to parse JSON input: expected a JSON object"));
    return JsonBody(document.object());
}

bool JsonBody::has(const QString& name) const
{
    const auto it = m_object.constFind(name);
    return it != m_object.constEnd() && !it->isNull() && !it->isUndefined();
}

std::optional<QJsonValue> JsonBody::take(const QString& name)
{
    m_read.insert(name);
    if (!has(name))
        return std::nullopt;
    return m_object.value(name);
}

std::optional<QJsonValue> JsonBody::value(const QString& name)
{
    return take(name);
}

void JsonBody::accept(const QStringList& names)
{
    for (const QString& name : names)
        m_read.insert(name);
}

Result<std::optional<QString>> JsonBody::string(const QString& name)
{
    const auto value = take(name);
    if (!value)
        return std::optional<QString>();
    auto text = scalarText(*value);
    if (!text)
        return wrongType(name, "a string");
    return std::optional<QString>(std::move(*text));
}

Result<std::optional<bool>> JsonBody::boolean(const QString& name)
{
    const auto value = take(name);
    if (!value)
        return std::optional<bool>();
    if (value->isBool())
        return std::optional<bool>(value->toBool());
    if (value->isString()) {
        const QString text = value->toString().trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1"))
            return std::optional<bool>(true);
        if (text == QLatin1String("false") || text == QLatin1String("0") || text.isEmpty())
            return std::optional<bool>(false);
    }
    if (value->isDouble() && (value->toDouble() == 0 || value->toDouble() == 1))
        return std::optional<bool>(value->toDouble() == 1);
    return wrongType(name, "a boolean");
}

Result<std::optional<qint64>> JsonBody::integer(const QString& name)
{
    const auto value = take(name);
    if (!value)
        return std::optional<qint64>();
    if (value->isDouble()) {
        const double number = value->toDouble();
        if (std::isfinite(number) && number == std::trunc(number) && std::fabs(number) < 9e15)
            return std::optional<qint64>(static_cast<qint64>(number));
    } else if (value->isString()) {
        bool ok = false;
        const qint64 number = value->toString().trimmed().toLongLong(&ok);
        if (ok)
            return std::optional<qint64>(number);
    }
    return wrongType(name, "an integer");
}

Result<std::optional<qint64>> JsonBody::duration(const QString& name)
{
    const auto value = take(name);
    if (!value)
        return std::optional<qint64>();
    if (!value->isDouble() && !value->isString())
        return wrongType(name, "a duration (seconds or a string such as \"1h30m\")");
    auto seconds = engine::parseDuration(*value);
    if (!seconds.ok()) {
        return Error::invalid(
            QStringLiteral("error decoding field '%1': %2").arg(name, seconds.error().message));
    }
    return std::optional<qint64>(*seconds);
}

Result<std::optional<QStringList>> JsonBody::stringList(const QString& name)
{
    const auto value = take(name);
    if (!value)
        return std::optional<QStringList>();
    QStringList items;
    if (value->isString()) {
        const QStringList parts = value->toString().split(u',');
        for (const QString& part : parts) {
            if (!part.trimmed().isEmpty())
                items.append(part.trimmed());
        }
        return std::optional<QStringList>(items);
    }
    if (!value->isArray())
        return wrongType(name, "a list of strings");
    const QJsonArray array = value->toArray();
    for (const QJsonValue& item : array) {
        if (!item.isString())
            return wrongType(name, "a list of strings");
        if (!item.toString().trimmed().isEmpty())
            items.append(item.toString().trimmed());
    }
    return std::optional<QStringList>(items);
}

Result<std::optional<engine::Metadata>> JsonBody::stringMap(const QString& name)
{
    const auto value = take(name);
    if (!value)
        return std::optional<engine::Metadata>();
    if (!value->isObject())
        return wrongType(name, "an object of strings");
    engine::Metadata map;
    const QJsonObject object = value->toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        auto text = scalarText(it.value());
        if (!text)
            return wrongType(name, "an object of strings");
        map.insert(it.key(), *text);
    }
    return std::optional<engine::Metadata>(map);
}

QStringList JsonBody::unknownFields() const
{
    QStringList unknown;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_read.contains(it.key()))
            unknown.append(it.key());
    }
    return unknown;
}

QStringList JsonBody::unknownFieldWarnings() const
{
    const QStringList unknown = unknownFields();
    if (unknown.isEmpty())
        return {};
    return {QStringLiteral("Endpoint ignored these unrecognized parameters: [%1]")
                .arg(unknown.join(u' '))};
}

} // namespace tessera::api
