#include "TokenView.h"

#include "engine/Duration.h"

#include <QDateTime>
#include <QJsonArray>

namespace tessera::cli {
namespace {

QJsonValue optionalTime(const std::optional<qint64>& unixSeconds)
{
    return unixSeconds ? QJsonValue(timeText(*unixSeconds)) : QJsonValue(QJsonValue::Null);
}

QString durationOrNone(qint64 seconds)
{
    return seconds > 0 ? engine::formatDuration(seconds) : QStringLiteral("none");
}

// The two largest units ("31d23h", "46m52s"): a TTL counting down does not
// need its seconds once it is days long.
QString roughDuration(qint64 seconds)
{
    constexpr qint64 kUnits[] = {86400, 3600, 60, 1};
    for (int i = 0; i < 3; ++i) {
        if (seconds >= kUnits[i])
            return engine::formatDuration(seconds - seconds % kUnits[i + 1]);
    }
    return engine::formatDuration(seconds);
}

} // namespace

QString timeText(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

QString ttlLeftText(const engine::Token& token, qint64 nowSeconds)
{
    if (token.awaitsFirstUse())
        return QStringLiteral("not yet used");
    const auto left = token.ttlLeft(nowSeconds);
    if (!left)
        return QStringLiteral("never expires");
    if (*left == 0)
        return QStringLiteral("expired");
    return QStringLiteral("%1 left").arg(roughDuration(*left));
}

QString usesRowText(const engine::Token& token)
{
    if (!token.hasUseLimit())
        return QStringLiteral("unlimited");
    return QStringLiteral("%1 of %2 left").arg(token.usesLeft).arg(token.numUses);
}

QString usesLeftText(const engine::Token& token)
{
    if (!token.hasUseLimit())
        return QStringLiteral("unlimited uses");
    return token.usesLeft == 1 ? QStringLiteral("1 use left")
                               : QStringLiteral("%1 uses left").arg(token.usesLeft);
}

QJsonObject tokenJson(const engine::Token& token, qint64 nowSeconds)
{
    QJsonObject meta;
    for (auto it = token.meta.cbegin(); it != token.meta.cend(); ++it)
        meta.insert(it.key(), it.value());
    const auto left = token.ttlLeft(nowSeconds);
    return QJsonObject{
        {QStringLiteral("accessor"), token.accessor},
        {QStringLiteral("parent_accessor"), token.parentAccessor},
        {QStringLiteral("orphan"), token.isOrphan()},
        {QStringLiteral("type"), engine::tokenTypeName(token.type)},
        {QStringLiteral("display_name"), token.displayName},
        {QStringLiteral("policies"), QJsonArray::fromStringList(token.policies)},
        {QStringLiteral("meta"), meta},
        {QStringLiteral("role"), token.role},
        {QStringLiteral("path"), token.path},
        {QStringLiteral("num_uses"), token.numUses},
        {QStringLiteral("uses_left"), token.usesLeft},
        {QStringLiteral("creation_time"), timeText(token.createdAt)},
        {QStringLiteral("creation_ttl"), token.creationTtl},
        {QStringLiteral("expire_time"), optionalTime(token.expireAt)},
        {QStringLiteral("ttl"), left ? QJsonValue(*left) : QJsonValue(0)},
        {QStringLiteral("explicit_max_ttl"), token.explicitMaxTtl},
        {QStringLiteral("period"), token.period},
        {QStringLiteral("renewable"), token.renewable},
        {QStringLiteral("last_renewal_time"), optionalTime(token.lastRenewal)},
        {QStringLiteral("issued_by"), token.issuedBy},
        {QStringLiteral("activate_by"), optionalTime(token.activateBy)},
        {QStringLiteral("not_yet_used"), token.awaitsFirstUse()},
        {QStringLiteral("first_use_time"), optionalTime(token.firstUsedAt)},
        {QStringLiteral("last_used_time"), optionalTime(token.lastUsedAt)},
        {QStringLiteral("last_used_client"), token.lastUsedBy},
        {QStringLiteral("warn_before_expiry"), token.warnBeforeExpiry},
    };
}

QList<QPair<QString, QString>> tokenRows(const engine::Token& token, qint64 nowSeconds)
{
    QList<QPair<QString, QString>> rows{
        {QStringLiteral("accessor"), token.accessor},
        {QStringLiteral("display name"), token.displayName},
        {QStringLiteral("type"), engine::tokenTypeName(token.type)},
        {QStringLiteral("parent"),
         token.isOrphan() ? QStringLiteral("none (orphan or root)") : token.parentAccessor},
        {QStringLiteral("policies"), token.policies.join(QStringLiteral(", "))},
        {QStringLiteral("ttl"), ttlLeftText(token, nowSeconds)},
        {QStringLiteral("expires"),
         token.expireAt ? timeText(*token.expireAt) : QStringLiteral("never")},
        {QStringLiteral("created"), timeText(token.createdAt)},
        {QStringLiteral("creation ttl"), durationOrNone(token.creationTtl)},
        {QStringLiteral("explicit max ttl"), durationOrNone(token.explicitMaxTtl)},
        {QStringLiteral("period"), durationOrNone(token.period)},
        {QStringLiteral("renewable"),
         token.renewable ? QStringLiteral("yes") : QStringLiteral("no")},
        {QStringLiteral("uses"), usesRowText(token)},
        {QStringLiteral("warn before expiry"),
         token.warnBeforeExpiry ? QStringLiteral("yes") : QStringLiteral("no")},
    };
    if (token.lastRenewal)
        rows.append({QStringLiteral("last renewal"), timeText(*token.lastRenewal)});
    if (token.awaitsFirstUse())
        rows.append({QStringLiteral("first use"),
                     QStringLiteral("not yet used; must be used by %1, then lasts %2")
                         .arg(timeText(*token.activateBy), durationOrNone(token.creationTtl))});
    else if (token.firstUsedAt)
        rows.append({QStringLiteral("first use"), timeText(*token.firstUsedAt)});
    rows.append({QStringLiteral("last used"),
                 token.lastUsedAt
                     ? QStringLiteral("%1 by %2").arg(timeText(*token.lastUsedAt), token.lastUsedBy)
                     : QStringLiteral("never")});
    if (!token.role.isEmpty())
        rows.append({QStringLiteral("role"), token.role});
    if (!token.path.isEmpty())
        rows.append({QStringLiteral("path"), token.path});
    if (!token.issuedBy.isEmpty())
        rows.append({QStringLiteral("issued by"), token.issuedBy});
    for (auto it = token.meta.cbegin(); it != token.meta.cend(); ++it)
        rows.append({QStringLiteral("meta %1").arg(it.key()), it.value()});
    return rows;
}

void printCreatedToken(const engine::CreatedToken& created, qint64 nowSeconds, const Output& output,
                       bool tokenOnly)
{
    if (tokenOnly) {
        Output::writeStdout((created.token + QLatin1Char('\n')).toUtf8());
        Output::warnings(created.warnings);
        return;
    }
    QJsonObject json = tokenJson(created.info, nowSeconds);
    json.insert(QStringLiteral("token"), created.token);
    json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(created.warnings));
    output.document(json);
    const engine::Token& info = created.info;
    output.table({
        {QStringLiteral("token"), created.token},
        {QStringLiteral("accessor"),
         info.accessor.isEmpty() ? QStringLiteral("none (batch token)") : info.accessor},
        {QStringLiteral("type"), engine::tokenTypeName(info.type)},
        {QStringLiteral("policies"), info.policies.join(QStringLiteral(", "))},
        {QStringLiteral("ttl"), info.creationTtl > 0 ? engine::formatDuration(info.creationTtl)
                                                     : QStringLiteral("never expires")},
        {QStringLiteral("renewable"),
         info.renewable ? QStringLiteral("yes") : QStringLiteral("no")},
        {QStringLiteral("uses"), usesRowText(info)},
    });
    if (!output.isJson())
        Output::warnings(created.warnings);
}

QString tokensText(qint64 count)
{
    return count == 1 ? QStringLiteral("1 token") : QStringLiteral("%1 tokens").arg(count);
}

} // namespace tessera::cli
