#include "api/TokenJson.h"

#include "api/JsonWriter.h"

#include <QDateTime>
#include <ctime>

namespace tessera::api {
namespace {

void writeMeta(JsonWriter& json, const char* name, const engine::Metadata& meta)
{
    json.key(name);
    if (meta.isEmpty()) {
        json.null();
        return;
    }
    json.beginObject();
    for (auto it = meta.constBegin(); it != meta.constEnd(); ++it)
        json.key(it.key()).value(it.value());
    json.endObject();
}

} // namespace

QString TokenJson::time(qint64 unixSeconds)
{
    // RFC 3339 in UTC, as QDateTime's ISODate writes it, without building a
    // QDateTime: every lookup answer has two of these.
    const std::time_t seconds = unixSeconds;
    std::tm utc{};
    const bool fourDigitYear =
        gmtime_r(&seconds, &utc) && utc.tm_year >= -1900 && utc.tm_year <= 9999 - 1900;
    if (!fourDigitYear)
        return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
    char text[] = "0000-00-00T00:00:00Z";
    const auto put = [&text](int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char('0' + value % 10);
    };
    put(0, utc.tm_year + 1900, 4);
    put(5, utc.tm_mon + 1, 2);
    put(8, utc.tm_mday, 2);
    put(11, utc.tm_hour, 2);
    put(14, utc.tm_min, 2);
    put(17, utc.tm_sec, 2);
    return QString::fromLatin1(text, sizeof text - 1);
}

QByteArray TokenJson::lookup(const engine::Token& token, const QString& id, qint64 nowSeconds)
{
    JsonWriter json;
    json.beginObject()
        .field("accessor", token.accessor)
        .field("creation_time", token.createdAt)
        .field("creation_ttl", token.creationTtl)
        .field("display_name", token.displayName)
        .field("entity_id", QString())
        .key("expire_time");
    if (token.expireAt)
        json.value(time(*token.expireAt));
    else
        json.null();
    json.field("explicit_max_ttl", token.explicitMaxTtl)
        .field("id", id)
        .field("issue_time", time(token.createdAt));
    writeMeta(json, "meta", token.meta);
    json.field("num_uses", token.hasUseLimit() ? token.usesLeft : 0)
        .field("orphan", token.isOrphan())
        .field("path", token.path)
        .field("policies", token.policies)
        .field("renewable", token.renewable)
        .field("ttl", token.ttlLeft(nowSeconds).value_or(0))
        .field("type", engine::tokenTypeName(token.type))
        .field("warn_before_expiry", token.warnBeforeExpiry);
    if (token.period > 0)
        json.field("period", token.period);
    if (!token.role.isEmpty())
        json.field("role", token.role);
    if (token.lastRenewal) {
        json.field("last_renewal_time", *token.lastRenewal);
        json.field("last_renewal", time(*token.lastRenewal));
    }
    // Tessera's own: passes valid from their first use, and the last use.
    if (token.activateBy) {
        json.field("activate_by", time(*token.activateBy))
            .field("not_yet_used", token.awaitsFirstUse());
        if (token.firstUsedAt)
            json.field("first_use_time", time(*token.firstUsedAt));
    }
    if (token.lastUsedAt)
        json.field("last_used_time", time(*token.lastUsedAt))
            .field("last_used_client", token.lastUsedBy);
    return json.endObject().take();
}

QByteArray TokenJson::auth(const engine::Token& token, const QString& clientToken,
                           qint64 nowSeconds)
{
    JsonWriter json;
    json.beginObject()
        .field("client_token", clientToken)
        .field("accessor", token.accessor)
        .field("policies", token.policies)
        .field("token_policies", token.policies);
    writeMeta(json, "metadata", token.meta);
    json.field("lease_duration", token.ttlLeft(nowSeconds).value_or(0))
        .field("renewable", token.renewable)
        .field("entity_id", QString())
        .field("token_type", engine::tokenTypeName(token.type))
        .field("orphan", token.isOrphan())
        .key("mfa_requirement")
        .null()
        .field("num_uses", token.numUses);
    return json.endObject().take();
}

} // namespace tessera::api
