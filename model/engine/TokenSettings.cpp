#include "engine/TokenSettings.h"

#include "core/GoBool.h"
#include "engine/Duration.h"
#include "engine/Policy.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tessera::engine {
namespace {

using Field = TokenSettings::Field;

constexpr TokenSettings::Fields operator|(Field a, Field b)
{
    return unsigned(a) | unsigned(b);
}

constexpr TokenSettings::Fields operator|(TokenSettings::Fields a, Field b)
{
    return a | unsigned(b);
}

// Each field once: its Vault name and the older one Vault still reads.
struct FieldName
{
    Field field;
    const char* name;
    const char* older; // nullptr: none
};

constexpr FieldName kNames[] = {
    {Field::Policies, "token_policies", "policies"},
    {Field::Ttl, "token_ttl", nullptr},
    {Field::MaxTtl, "token_max_ttl", nullptr},
    {Field::ExplicitMaxTtl, "token_explicit_max_ttl", "explicit_max_ttl"},
    {Field::Period, "token_period", "period"},
    {Field::NumUses, "token_num_uses", nullptr},
    {Field::NoDefaultPolicy, "token_no_default_policy", nullptr},
    {Field::Type, "token_type", nullptr},
};

QString field(const char* name)
{
    return QLatin1String(name);
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

const TokenSettings::Owner& TokenSettings::role()
{
    static const Owner owner{
        "role",
        Field::Ttl | Field::ExplicitMaxTtl | Field::Period | Field::NumUses |
            Field::NoDefaultPolicy | Field::Type,
        Field::ExplicitMaxTtl | Field::Period,
        true,
        "default-service",
    };
    return owner;
}

const TokenSettings::Owner& TokenSettings::user()
{
    static const Owner owner{
        "user",
        Field::Policies | Field::Ttl | Field::MaxTtl | Field::ExplicitMaxTtl | Field::Period |
            Field::NumUses | Field::NoDefaultPolicy | Field::Type,
        unsigned(Field::Policies),
        false,
        "default",
    };
    return owner;
}

qint64 TokenSettings::effectiveMaxTtl() const
{
    if (maxTtl > 0 && explicitMaxTtl > 0)
        return std::min(maxTtl, explicitMaxTtl);
    return std::max(maxTtl, explicitMaxTtl);
}

TokenKind TokenSettings::tokenKindFor(std::optional<TokenKind> requested) const
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

bool TokenSettings::alwaysBatch(const Owner& owner) const
{
    return tokenType == RoleTokenType::Batch ||
           (!owner.requestChoosesType && tokenType == RoleTokenType::DefaultBatch);
}

QString TokenSettings::fieldName(Field wanted)
{
    for (const FieldName& name : kNames) {
        if (name.field == wanted)
            return field(name.name);
    }
    return {};
}

Error TokenSettings::batchConflict(const Owner& owner, const char* what)
{
    return Error::invalid(
        QStringLiteral("'token_type' cannot be 'batch' when %1 is set to generate %2")
            .arg(QLatin1String(owner.noun), QLatin1String(what)));
}

Status TokenSettings::validate(const Owner& owner) const
{
    const TokenSettings unset;
    for (const auto& [lacking, isSet] :
         {std::pair{Field::Policies, !policies.isEmpty()}, std::pair{Field::MaxTtl, maxTtl != 0},
          std::pair{Field::Ttl, ttl != 0}, std::pair{Field::ExplicitMaxTtl, explicitMaxTtl != 0},
          std::pair{Field::Period, period != 0}, std::pair{Field::NumUses, numUses != 0},
          std::pair{Field::NoDefaultPolicy, noDefaultPolicy},
          std::pair{Field::Type, tokenType != unset.tokenType}}) {
        if (isSet && !owner.has(lacking))
            return Error::invalid(QStringLiteral("A %1 has no %2.")
                                      .arg(QLatin1String(owner.noun), fieldName(lacking)));
    }
    for (const QString& policy : policies) {
        if (!Policy::isValidName(policy))
            return Error::invalid(QStringLiteral("token_policies contains an invalid policy "
                                                 "name."));
    }
    if (policies.contains(Policy::rootName(), Qt::CaseInsensitive))
        return Error::invalid(QStringLiteral("A %1 cannot have the root policy: logins do not "
                                             "create root tokens.")
                                  .arg(QLatin1String(owner.noun)));
    for (const qint64 duration : {ttl, maxTtl, explicitMaxTtl, period}) {
        if (duration < 0 || duration > kMaxDurationSeconds)
            return Error::invalid(
                QStringLiteral("A %1's durations must be between 0 and %2 seconds.")
                    .arg(QLatin1String(owner.noun))
                    .arg(kMaxDurationSeconds));
    }
    if (numUses < 0)
        return Error::invalid(QStringLiteral("token_num_uses cannot be negative."));
    if (effectiveMaxTtl() > 0 && ttl > effectiveMaxTtl())
        return Error::invalid(owner.has(Field::MaxTtl)
                                  ? QStringLiteral("token_ttl must not be greater than "
                                                   "token_max_ttl or token_explicit_max_ttl.")
                                  : QStringLiteral("token_ttl must not be greater than "
                                                   "token_explicit_max_ttl."));
    if (alwaysBatch(owner)) {
        if (period > 0)
            return batchConflict(owner, "periodic tokens");
        if (numUses > 0)
            return batchConflict(owner, "tokens with limited use count");
    }
    return {};
}

QJsonObject TokenSettings::toJson(const Owner& owner) const
{
    QJsonObject object;
    for (const FieldName& name : kNames) {
        if (!owner.has(name.field))
            continue;
        QJsonValue value;
        switch (name.field) {
        case Field::Policies:
            value = QJsonArray::fromStringList(policies);
            break;
        case Field::Ttl:
            value = ttl;
            break;
        case Field::MaxTtl:
            value = maxTtl;
            break;
        case Field::ExplicitMaxTtl:
            value = explicitMaxTtl;
            break;
        case Field::Period:
            value = period;
            break;
        case Field::NumUses:
            value = numUses;
            break;
        case Field::NoDefaultPolicy:
            value = noDefaultPolicy;
            break;
        case Field::Type:
            value = tokenType == RoleTokenType::DefaultService ? field(owner.defaultTypeName)
                                                               : roleTokenTypeName(tokenType);
            break;
        }
        object.insert(field(name.name), value);
        if (name.older && (owner.olderNames & unsigned(name.field)) != 0)
            object.insert(field(name.older), value);
    }
    return object;
}

Status TokenSettings::readJson(const Owner& owner, const QJsonObject& fields)
{
    for (const FieldName& name : kNames) {
        if (!owner.has(name.field))
            continue;
        // Vault's newer name wins; the older one is read only when the newer is absent.
        QString key = field(name.name);
        if (!fields.contains(key)) {
            if (!name.older || (owner.olderNames & unsigned(name.field)) == 0 ||
                !fields.contains(field(name.older)))
                continue;
            key = field(name.older);
        }
        const QJsonValue value = fields.value(key);
        switch (name.field) {
        case Field::Policies: {
            auto names = readPolicyNames(value, key);
            TESSERA_TRY(names);
            policies = *names;
            break;
        }
        case Field::Ttl:
        case Field::MaxTtl:
        case Field::ExplicitMaxTtl:
        case Field::Period: {
            auto seconds = readDuration(value, key);
            TESSERA_TRY(seconds);
            (name.field == Field::Ttl      ? ttl
             : name.field == Field::MaxTtl ? maxTtl
             : name.field == Field::Period ? period
                                           : explicitMaxTtl) = *seconds;
            break;
        }
        case Field::NumUses: {
            auto uses = readUseCount(value, key);
            TESSERA_TRY(uses);
            numUses = *uses;
            break;
        }
        case Field::NoDefaultPolicy: {
            auto flag = readBool(value, key);
            TESSERA_TRY(flag);
            noDefaultPolicy = *flag;
            break;
        }
        case Field::Type: {
            const std::optional<RoleTokenType> type =
                value.isString() ? roleTokenTypeFromName(value.toString()) : std::nullopt;
            if (!type)
                return Error::invalid(QStringLiteral("token_type must be service, batch, default, "
                                                     "default-service or default-batch."));
            tokenType = *type;
            break;
        }
        }
    }
    return {};
}

Result<QStringList> TokenSettings::readPolicyNames(const QJsonValue& value, QStringView field)
{
    const auto notAList = [&] {
        return Error::invalid(QStringLiteral("%1 must be a list of policy names.").arg(field));
    };
    QStringList names;
    if (value.isString()) {
        names = value.toString().split(u',');
    } else if (value.isArray()) {
        for (const QJsonValue& element : value.toArray()) {
            if (!element.isString())
                return notAList();
            names << element.toString();
        }
    } else if (!value.isNull()) {
        return notAList();
    }
    // Lower case, trimmed, no empties or duplicates, sorted; unlike
    // Policy::sanitizeNames, "root" does not swallow the rest.
    QStringList clean;
    for (const QString& name : std::as_const(names)) {
        const QString trimmed = name.trimmed().toLower();
        if (trimmed.isEmpty())
            continue;
        if (!Policy::isValidName(trimmed))
            return Error::invalid(QStringLiteral("%1 contains an invalid policy name.").arg(field));
        clean << trimmed;
    }
    clean.sort();
    clean.erase(std::unique(clean.begin(), clean.end()), clean.end());
    return clean;
}

Result<bool> TokenSettings::readBool(const QJsonValue& value, QStringView field)
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
    return Error::invalid(QStringLiteral("%1 must be true or false.").arg(field));
}

Result<qint64> TokenSettings::readDuration(const QJsonValue& value, QStringView field)
{
    Result<qint64> seconds = parseDuration(value);
    if (!seconds)
        return Error::invalid(QStringLiteral("%1: %2").arg(field, seconds.error().message));
    return seconds;
}

Result<int> TokenSettings::readUseCount(const QJsonValue& value, QStringView field)
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
        return Error::invalid(QStringLiteral("%1 must be a whole number.").arg(field));
    if (number < 0)
        return Error::invalid(QStringLiteral("%1 cannot be negative.").arg(field));
    if (number > std::numeric_limits<int>::max())
        return Error::invalid(QStringLiteral("%1 is too large.").arg(field));
    return int(number);
}

} // namespace tessera::engine
