#include "engine/User.h"

#include "engine/Duration.h"
#include "engine/Policy.h"

#include <QJsonArray>
#include <cmath>
#include <limits>

namespace tessera::engine {
namespace {

Result<QStringList> readPolicies(const QJsonValue& value)
{
    QStringList names;
    if (value.isString()) {
        names = value.toString().split(u',');
    } else if (value.isArray()) {
        for (const QJsonValue& element : value.toArray()) {
            if (!element.isString())
                return Error::invalid(QStringLiteral("token_policies must be a list of policy "
                                                     "names."));
            names << element.toString();
        }
    } else if (!value.isNull()) {
        return Error::invalid(QStringLiteral("token_policies must be a list of policy names."));
    }
    return Policy::sanitizeNames(names, false);
}

Result<bool> readBool(const QJsonValue& value, const QString& field)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString text = value.toString().toLower();
        if (text == u"true" || text == u"t" || text == u"1")
            return true;
        if (text == u"false" || text == u"f" || text == u"0")
            return false;
    }
    return Error::invalid(QStringLiteral("%1 must be true or false.").arg(field));
}

Result<int> readUseCount(const QJsonValue& value)
{
    bool ok = value.isDouble();
    double number = value.toDouble();
    if (value.isString())
        number = value.toString().trimmed().toInt(&ok);
    if (!ok || number != std::floor(number) || number < 0 ||
        number > std::numeric_limits<int>::max())
        return Error::invalid(QStringLiteral("token_num_uses must be a whole number, 0 or more."));
    return int(number);
}

} // namespace

Status User::checkName(QStringView name)
{
    if (!Policy::isValidName(name))
        return Error::invalid(QStringLiteral("A user name must be %1.").arg(Policy::nameRule()));
    return {};
}

QString User::normalizedName(QStringView name)
{
    return name.toString().toLower();
}

Status User::checkPassword(QStringView password)
{
    if (password.isEmpty())
        return Error::invalid(QStringLiteral("The password must not be empty."));
    if (password.toUtf8().size() > kMaxPasswordBytes)
        return Error::invalid(
            QStringLiteral("The password must be at most %1 bytes long.").arg(kMaxPasswordBytes));
    return {};
}

Status User::validate() const
{
    TESSERA_TRY(checkName(name));
    if (name != normalizedName(name))
        return Error::invalid(QStringLiteral("User names are stored in lower case."));
    for (const QString& policy : policies) {
        if (!Policy::isValidName(policy))
            return Error::invalid(QStringLiteral("token_policies contains an invalid policy "
                                                 "name."));
    }
    if (policies.contains(Policy::rootName(), Qt::CaseInsensitive))
        return Error::invalid(QStringLiteral("A user cannot have the root policy: logins do not "
                                             "create root tokens."));
    for (const qint64 duration : {ttl, maxTtl, explicitMaxTtl, period}) {
        if (duration < 0 || duration > kMaxDurationSeconds)
            return Error::invalid(QStringLiteral("A user's durations must be between 0 and %1 "
                                                 "seconds.")
                                      .arg(kMaxDurationSeconds));
    }
    if (numUses < 0)
        return Error::invalid(QStringLiteral("token_num_uses cannot be negative."));
    if (effectiveMaxTtl() > 0 && ttl > effectiveMaxTtl())
        return Error::invalid(QStringLiteral("token_ttl must not be greater than token_max_ttl "
                                             "or token_explicit_max_ttl."));
    if (tokenType == RoleTokenType::Batch || tokenType == RoleTokenType::DefaultBatch) {
        if (period > 0 || numUses > 0)
            return Error::invalid(QStringLiteral("Batch tokens can be neither periodic nor "
                                                 "use-limited."));
    }
    return {};
}

qint64 User::effectiveMaxTtl() const
{
    if (maxTtl > 0 && explicitMaxTtl > 0)
        return std::min(maxTtl, explicitMaxTtl);
    return std::max(maxTtl, explicitMaxTtl);
}

QJsonObject User::toJson() const
{
    const QJsonArray policyArray = QJsonArray::fromStringList(policies);
    return QJsonObject{
        {QStringLiteral("token_policies"), policyArray},
        {QStringLiteral("policies"), policyArray},
        {QStringLiteral("token_ttl"), ttl},
        {QStringLiteral("token_max_ttl"), maxTtl},
        {QStringLiteral("token_explicit_max_ttl"), explicitMaxTtl},
        {QStringLiteral("token_period"), period},
        {QStringLiteral("token_num_uses"), numUses},
        {QStringLiteral("token_no_default_policy"), noDefaultPolicy},
        {QStringLiteral("token_type"), tokenType == RoleTokenType::DefaultService
                                           ? QStringLiteral("default")
                                           : roleTokenTypeName(tokenType)},
    };
}

Result<User> User::fromJson(const QString& name, const QJsonObject& fields, const User* existing)
{
    TESSERA_TRY(checkName(name));
    User user = existing ? *existing : User{};
    user.name = normalizedName(name);

    const auto has = [&](QStringView key) { return fields.contains(key); };
    // Vault's newer name wins; the older one is read only when the newer is absent.
    const QString policyField =
        has(u"token_policies") ? QStringLiteral("token_policies") : QStringLiteral("policies");
    if (has(policyField)) {
        auto names = readPolicies(fields.value(policyField));
        TESSERA_TRY(names);
        user.policies = *names;
    }
    for (const auto& [key, target] :
         {std::pair{u"token_ttl", &user.ttl}, std::pair{u"token_max_ttl", &user.maxTtl},
          std::pair{u"token_explicit_max_ttl", &user.explicitMaxTtl},
          std::pair{u"token_period", &user.period}}) {
        const QString field = QString::fromUtf16(key);
        if (!has(field))
            continue;
        auto seconds = parseDuration(fields.value(field));
        if (!seconds)
            return Error::invalid(QStringLiteral("%1: %2").arg(field, seconds.error().message));
        *target = *seconds;
    }
    if (has(u"token_num_uses")) {
        auto uses = readUseCount(fields.value(u"token_num_uses"));
        TESSERA_TRY(uses);
        user.numUses = *uses;
    }
    if (has(u"token_no_default_policy")) {
        auto value = readBool(fields.value(u"token_no_default_policy"),
                              QStringLiteral("token_no_default_policy"));
        TESSERA_TRY(value);
        user.noDefaultPolicy = *value;
    }
    if (has(u"token_type")) {
        const QJsonValue value = fields.value(u"token_type");
        const auto type = value.isString() ? roleTokenTypeFromName(value.toString()) : std::nullopt;
        if (!type)
            return Error::invalid(QStringLiteral("token_type must be service, batch, default, "
                                                 "default-service or default-batch."));
        user.tokenType = *type;
    }
    TESSERA_TRY(user.validate());
    return user;
}

} // namespace tessera::engine
