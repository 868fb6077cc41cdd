#include "engine/Role.h"

#include "core/GoBool.h"
#include "engine/Duration.h"
#include "engine/Policy.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace tessera::engine {
namespace {

constexpr qsizetype kMaxPathSuffixLength = 256;

QString batchConflict(const char* what)
{
    return QStringLiteral("'token_type' cannot be 'batch' when role is set to generate %1")
        .arg(QLatin1String(what));
}

// Lower case, trimmed, no empties or duplicates, sorted; unlike
// Policy::sanitizeNames, "root" does not swallow the rest (disallowed lists).
QStringList normalizedNames(const QStringList& names)
{
    QStringList out;
    for (const QString& name : names) {
        const QString clean = name.trimmed().toLower();
        if (!clean.isEmpty())
            out << clean;
    }
    out.sort();
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool isSubsetOf(const QStringList& child, const QStringList& parent)
{
    return std::all_of(child.begin(), child.end(),
                       [&](const QString& name) { return parent.contains(name); });
}

QString quotedList(const QStringList& names)
{
    QStringList quoted;
    for (const QString& name : names)
        quoted << u'"' + name + u'"';
    return u'[' + quoted.join(u' ') + u']';
}

Result<QStringList> readPolicyList(const QJsonValue& value, const char* field)
{
    QStringList names;
    if (value.isString()) {
        names = value.toString().split(u',');
    } else if (value.isArray()) {
        for (const QJsonValue& element : value.toArray()) {
            if (!element.isString())
                return Error::invalid(
                    QStringLiteral("%1 must be a list of policy names.").arg(QLatin1String(field)));
            names << element.toString();
        }
    } else if (!value.isNull()) {
        return Error::invalid(
            QStringLiteral("%1 must be a list of policy names.").arg(QLatin1String(field)));
    }
    names = normalizedNames(names);
    for (const QString& name : names) {
        if (!Policy::isValidName(name))
            return Error::invalid(
                QStringLiteral("%1 contains an invalid policy name.").arg(QLatin1String(field)));
    }
    return names;
}

Result<bool> readBool(const QJsonValue& value, const char* field)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble() && (value.toDouble() == 0 || value.toDouble() == 1))
        return value.toDouble() == 1;
    if (value.isString()) {
        // Go's strconv.ParseBool, which Vault's clients may rely on.
        if (const auto parsed = parseGoBool(value.toString()))
            return *parsed;
    }
    return Error::invalid(QStringLiteral("%1 must be true or false.").arg(QLatin1String(field)));
}

Result<qint64> readDuration(const QJsonValue& value, const char* field)
{
    Result<qint64> seconds = parseDuration(value);
    if (!seconds)
        return Error::invalid(
            QStringLiteral("%1: %2").arg(QLatin1String(field), seconds.error().message));
    return seconds;
}

Result<int> readUseCount(const QJsonValue& value)
{
    bool ok = false;
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
        ok = true;
    } else if (value.isString()) {
        number = value.toString().trimmed().toInt(&ok);
    }
    if (!ok || number != std::floor(number))
        return Error::invalid(QStringLiteral("token_num_uses must be a whole number."));
    if (number < 0)
        return Error::invalid(QStringLiteral("token_num_uses cannot be negative."));
    if (number > std::numeric_limits<int>::max())
        return Error::invalid(QStringLiteral("token_num_uses is too large."));
    return int(number);
}

} // namespace

QString roleTokenTypeName(RoleTokenType type)
{
    switch (type) {
    case RoleTokenType::Service:
        return QStringLiteral("service");
    case RoleTokenType::Batch:
        return QStringLiteral("batch");
    case RoleTokenType::DefaultService:
        return QStringLiteral("default-service");
    case RoleTokenType::DefaultBatch:
        return QStringLiteral("default-batch");
    }
    return {};
}

std::optional<RoleTokenType> roleTokenTypeFromName(QStringView name)
{
    for (const RoleTokenType type : {RoleTokenType::Service, RoleTokenType::Batch,
                                     RoleTokenType::DefaultService, RoleTokenType::DefaultBatch}) {
        if (name == roleTokenTypeName(type))
            return type;
    }
    // Vault's "default" means default-service.
    if (name == u"default")
        return RoleTokenType::DefaultService;
    return std::nullopt;
}

Status Role::checkName(QStringView name)
{
    if (!Policy::isValidName(name))
        return Error::invalid(QStringLiteral("A role name must be %1.").arg(Policy::nameRule()));
    return {};
}

Status Role::validate() const
{
    TESSERA_TRY(checkName(name));
    for (const qint64 duration : {ttl, explicitMaxTtl, period}) {
        if (duration < 0 || duration > kMaxDurationSeconds)
            return Error::invalid(QStringLiteral("A role's durations must be between 0 and %1 "
                                                 "seconds.")
                                      .arg(kMaxDurationSeconds));
    }
    if (numUses < 0)
        return Error::invalid(QStringLiteral("token_num_uses cannot be negative."));
    if (explicitMaxTtl > 0 && ttl > explicitMaxTtl)
        return Error::invalid(
            QStringLiteral("token_ttl must not be greater than token_explicit_max_ttl."));
    for (const QStringList* list : {&allowedPolicies, &disallowedPolicies}) {
        if (!std::all_of(list->begin(), list->end(), Policy::isValidName))
            return Error::invalid(QStringLiteral("A role's policy lists must hold valid policy "
                                                 "names."));
    }
    if (pathSuffix.size() > kMaxPathSuffixLength || pathSuffix.contains(QStringLiteral("..")) ||
        std::any_of(pathSuffix.begin(), pathSuffix.end(),
                    [](QChar c) { return c.isSpace() || !c.isPrint(); }))
        return Error::invalid(QStringLiteral("path_suffix must be at most 256 printable "
                                             "characters without spaces or '..'."));

    if (tokenType == RoleTokenType::Batch) {
        if (period > 0)
            return Error::invalid(batchConflict("periodic tokens"));
        if (numUses > 0)
            return Error::invalid(batchConflict("tokens with limited use count"));
        if (explicitMaxTtl > 0)
            return Error::invalid(batchConflict("tokens with an explicit max TTL"));
        if (renewable)
            return Error::invalid(batchConflict("renewable tokens"));
    }
    return {};
}

QJsonObject Role::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("allowed_policies"), QJsonArray::fromStringList(allowedPolicies)},
        {QStringLiteral("disallowed_policies"), QJsonArray::fromStringList(disallowedPolicies)},
        {QStringLiteral("orphan"), orphan},
        {QStringLiteral("renewable"), renewable},
        {QStringLiteral("token_type"), roleTokenTypeName(tokenType)},
        {QStringLiteral("token_ttl"), ttl},
        {QStringLiteral("token_explicit_max_ttl"), explicitMaxTtl},
        {QStringLiteral("explicit_max_ttl"), explicitMaxTtl},
        {QStringLiteral("token_period"), period},
        {QStringLiteral("period"), period},
        {QStringLiteral("token_num_uses"), numUses},
        {QStringLiteral("token_no_default_policy"), noDefaultPolicy},
        {QStringLiteral("path_suffix"), pathSuffix},
    };
}

Result<Role> Role::fromJson(const QString& name, const QJsonObject& fields, const Role* existing)
{
    TESSERA_TRY(checkName(name));
    Role role = existing ? *existing : Role{};
    role.name = name;

    const auto field = [&](const char* key) { return fields.value(QLatin1String(key)); };
    const auto has = [&](const char* key) { return fields.contains(QLatin1String(key)); };
    // Vault's newer name wins; the older one is read only when the newer is absent.
    const auto either = [&](const char* key, const char* older) -> const char* {
        return has(key) ? key : has(older) ? older : nullptr;
    };

    if (has("allowed_policies")) {
        Result<QStringList> names = readPolicyList(field("allowed_policies"), "allowed_policies");
        TESSERA_TRY(names);
        role.allowedPolicies = *names;
    }
    if (has("disallowed_policies")) {
        Result<QStringList> names =
            readPolicyList(field("disallowed_policies"), "disallowed_policies");
        TESSERA_TRY(names);
        role.disallowedPolicies = *names;
    }
    for (const auto& [key, target] :
         {std::pair{"orphan", &role.orphan}, std::pair{"renewable", &role.renewable},
          std::pair{"token_no_default_policy", &role.noDefaultPolicy}}) {
        if (!has(key))
            continue;
        Result<bool> value = readBool(field(key), key);
        TESSERA_TRY(value);
        *target = *value;
    }
    if (has("token_type")) {
        const QJsonValue value = field("token_type");
        const std::optional<RoleTokenType> type =
            value.isString() ? roleTokenTypeFromName(value.toString()) : std::nullopt;
        if (!type)
            return Error::invalid(QStringLiteral("token_type must be service, batch, "
                                                 "default-service or default-batch."));
        role.tokenType = *type;
        if (*type == RoleTokenType::Batch && !has("renewable"))
            role.renewable = false;
    }
    for (const auto& [key, older, target] :
         {std::tuple{"token_ttl", "token_ttl", &role.ttl},
          std::tuple{"token_explicit_max_ttl", "explicit_max_ttl", &role.explicitMaxTtl},
          std::tuple{"token_period", "period", &role.period}}) {
        const char* present = either(key, older);
        if (!present)
            continue;
        Result<qint64> seconds = readDuration(field(present), present);
        TESSERA_TRY(seconds);
        *target = *seconds;
    }
    if (has("token_num_uses")) {
        Result<int> uses = readUseCount(field("token_num_uses"));
        TESSERA_TRY(uses);
        role.numUses = *uses;
    }
    if (has("path_suffix")) {
        const QJsonValue value = field("path_suffix");
        if (!value.isString() && !value.isNull())
            return Error::invalid(QStringLiteral("path_suffix must be a string."));
        role.pathSuffix = value.toString();
    }

    TESSERA_TRY(role.validate());
    return role;
}

TokenKind Role::tokenKindFor(std::optional<TokenKind> requested) const
{
    switch (tokenType) {
    case RoleTokenType::Service:
        return TokenKind::Service;
    case RoleTokenType::Batch:
        return TokenKind::Batch;
    case RoleTokenType::DefaultService:
        return requested.value_or(TokenKind::Service);
    case RoleTokenType::DefaultBatch:
        return requested.value_or(TokenKind::Batch);
    }
    return TokenKind::Service;
}

Result<QStringList> Role::tokenPolicies(const QStringList& requested,
                                        const QStringList& parentPolicies,
                                        bool requestNoDefault) const
{
    const QStringList disallowed = normalizedNames(disallowedPolicies);
    const bool addDefault =
        !requestNoDefault && !noDefaultPolicy && !disallowed.contains(Policy::defaultName());
    const QStringList parent = Policy::sanitizeNames(parentPolicies, false);
    const bool parentIsRoot = parent.contains(Policy::rootName());

    QStringList policies;
    if (!Policy::sanitizeNames(requested, false).isEmpty())
        policies = Policy::sanitizeNames(requested, addDefault);

    if (!allowedPolicies.isEmpty()) {
        const QStringList allowed = Policy::sanitizeNames(allowedPolicies, addDefault);
        if (policies.isEmpty())
            policies = allowed;
        else if (!isSubsetOf(policies, allowed))
            return Error::invalid(Message{
                QT_TRANSLATE_NOOP(
                    "EngineMessage",
                    "token policies (%1) must be subset of the role's allowed policies (%2)"),
                {quotedList(policies), quotedList(allowed)}});
    } else if (policies.isEmpty()) {
        policies = Policy::sanitizeNames(parent, addDefault);
    } else if (!parentIsRoot && !isSubsetOf(policies, Policy::sanitizeNames(parent, addDefault))) {
        // Newer Vault versions drop this check; without allowed_policies the
        // parent's policies are the only limit, so Tessera keeps it.
        return Error::invalid(Message{QT_TRANSLATE_NOOP(
            "EngineMessage",
            "child policies must be subset of parent when role contains no allowed_policies")});
    }

    for (const QString& policy : policies) {
        if (disallowed.contains(policy))
            return Error::invalid(
                Message{QT_TRANSLATE_NOOP("EngineMessage",
                                          "token policy \"%1\" is disallowed by this role"),
                        {policy}});
    }
    if (policies.contains(Policy::rootName()) && !parentIsRoot)
        return Error::invalid(Message{QT_TRANSLATE_NOOP(
            "EngineMessage", "root tokens may not be created without parent token being root")});
    return policies;
}

} // namespace tessera::engine
