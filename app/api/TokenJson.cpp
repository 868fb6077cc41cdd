#include "api/TokenJson.h"

#include <QDateTime>
#include <QJsonArray>

namespace tessera::api {
namespace {

QJsonValue metaJson(const engine::Metadata& meta)
{
    if (meta.isEmpty())
        return QJsonValue(QJsonValue::Null);
    QJsonObject object;
    for (auto it = meta.constBegin(); it != meta.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

QString TokenJson::time(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject TokenJson::lookup(const engine::Token& token, const QString& id, qint64 nowSeconds)
{
    QJsonObject data{
        {QStringLiteral("accessor"), token.accessor},
        {QStringLiteral("creation_time"), token.createdAt},
        {QStringLiteral("creation_ttl"), token.creationTtl},
        {QStringLiteral("display_name"), token.displayName},
        {QStringLiteral("entity_id"), QString()},
        {QStringLiteral("expire_time"),
         token.expireAt ? QJsonValue(time(*token.expireAt)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("explicit_max_ttl"), token.explicitMaxTtl},
        {QStringLiteral("id"), id},
        {QStringLiteral("issue_time"), time(token.createdAt)},
        {QStringLiteral("meta"), metaJson(token.meta)},
        {QStringLiteral("num_uses"), token.hasUseLimit() ? token.usesLeft : 0},
        {QStringLiteral("orphan"), token.isOrphan()},
        {QStringLiteral("path"), token.path},
        {QStringLiteral("policies"), QJsonArray::fromStringList(token.policies)},
        {QStringLiteral("renewable"), token.renewable},
        {QStringLiteral("ttl"), token.ttlLeft(nowSeconds).value_or(0)},
        {QStringLiteral("type"), engine::tokenTypeName(token.type)},
    };
    if (token.period > 0)
        data.insert(QStringLiteral("period"), token.period);
    if (!token.role.isEmpty())
        data.insert(QStringLiteral("role"), token.role);
    if (token.lastRenewal) {
        data.insert(QStringLiteral("last_renewal_time"), *token.lastRenewal);
        data.insert(QStringLiteral("last_renewal"), time(*token.lastRenewal));
    }
    return data;
}

QJsonObject TokenJson::auth(const engine::Token& token, const QString& clientToken,
                            qint64 nowSeconds)
{
    const QJsonArray policies = QJsonArray::fromStringList(token.policies);
    return {
        {QStringLiteral("client_token"), clientToken},
        {QStringLiteral("accessor"), token.accessor},
        {QStringLiteral("policies"), policies},
        {QStringLiteral("token_policies"), policies},
        {QStringLiteral("metadata"), metaJson(token.meta)},
        {QStringLiteral("lease_duration"), token.ttlLeft(nowSeconds).value_or(0)},
        {QStringLiteral("renewable"), token.renewable},
        {QStringLiteral("entity_id"), QString()},
        {QStringLiteral("token_type"), engine::tokenTypeName(token.type)},
        {QStringLiteral("orphan"), token.isOrphan()},
        {QStringLiteral("mfa_requirement"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("num_uses"), token.numUses},
    };
}

} // namespace tessera::api
