#include "engine/ClientData.h"

#include "engine/Base64Url.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tessera::engine {

Result<ClientData> ClientData::parse(QByteArrayView json)
{
    const Error malformed =
        Error::invalid(QStringLiteral("the browser's client data is malformed"));
    if (json.size() > kMaxBytes)
        return malformed;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed;
    const QJsonObject object = document.object();
    const QJsonValue type = object.value(u"type");
    const QJsonValue origin = object.value(u"origin");
    const QJsonValue crossOrigin = object.value(u"crossOrigin");
    const auto challenge = base64UrlDecode(object.value(u"challenge").toString().toLatin1());
    if (!type.isString() || !origin.isString() || !object.value(u"challenge").isString() ||
        !challenge || challenge->isEmpty() || !(crossOrigin.isUndefined() || crossOrigin.isBool()))
        return malformed;
    return ClientData{type.toString(), *challenge, origin.toString(), crossOrigin.toBool()};
}

} // namespace tessera::engine
