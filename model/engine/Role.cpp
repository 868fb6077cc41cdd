#include "engine/Role.h"

#include "engine/Policy.h"

#include <QJsonArray>
#include <algorithm>

namespace tessera::engine {
namespace {

constexpr qsizetype kMaxPathSuffixLength = 256;

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

} // namespace

Status Role::checkName(QStringView name)
{
    if (!Policy::isValidName(name))
        return Error::invalid(QStringLiteral("A role name must be %1.").arg(Policy::nameRule()));
    return {};
}

Status Role::validate() const
{
    TESSERA_TRY(checkName(name));
    TESSERA_TRY(settings.validate(TokenSettings::role()));
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

    if (settings.tokenType == RoleTokenType::Batch) {
        if (settings.explicitMaxTtl > 0)
            return TokenSettings::batchConflict(TokenSettings::role(),
                                                "tokens with an explicit max TTL");
        if (renewable)
            return TokenSettings::batchConflict(TokenSettings::role(), "renewable tokens");
    }
    return {};
}

QJsonObject Role::toJson() const
{
    QJsonObject object = settings.toJson(TokenSettings::role());
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("allowed_policies"), QJsonArray::fromStringList(allowedPolicies));
    object.insert(QStringLiteral("disallowed_policies"),
                  QJsonArray::fromStringList(disallowedPolicies));
    object.insert(QStringLiteral("orphan"), orphan);
    object.insert(QStringLiteral("renewable"), renewable);
    object.insert(QStringLiteral("path_suffix"), pathSuffix);
    object.insert(QStringLiteral("second_factor_required"), secondFactorRequired);
    return object;
}

Result<Role> Role::fromJson(const QString& name, const QJsonObject& fields, const Role* existing)
{
    TESSERA_TRY(checkName(name));
    Role role = existing ? *existing : Role{};
    role.name = name;

    const auto has = [&](QStringView key) { return fields.contains(key); };
    for (const auto& [key, target] :
         {std::pair{u"allowed_policies", &role.allowedPolicies},
          std::pair{u"disallowed_policies", &role.disallowedPolicies}}) {
        if (!has(key))
            continue;
        auto names = TokenSettings::readPolicyNames(fields.value(key), key);
        TESSERA_TRY(names);
        *target = *names;
    }
    for (const auto& [key, target] :
         {std::pair{u"orphan", &role.orphan}, std::pair{u"renewable", &role.renewable},
          std::pair{u"second_factor_required", &role.secondFactorRequired}}) {
        if (!has(key))
            continue;
        auto value = TokenSettings::readBool(fields.value(key), key);
        TESSERA_TRY(value);
        *target = *value;
    }
    TESSERA_TRY(role.settings.readJson(TokenSettings::role(), fields));
    if (has(u"token_type") && role.settings.tokenType == RoleTokenType::Batch && !has(u"renewable"))
        role.renewable = false;
    if (has(u"path_suffix")) {
        const QJsonValue value = fields.value(u"path_suffix");
        if (!value.isString() && !value.isNull())
            return Error::invalid(QStringLiteral("path_suffix must be a string."));
        role.pathSuffix = value.toString();
    }

    TESSERA_TRY(role.validate());
    return role;
}

Result<QStringList> Role::tokenPolicies(const QStringList& requested,
                                        const QStringList& parentPolicies,
                                        bool requestNoDefault) const
{
    const QStringList disallowed = normalizedNames(disallowedPolicies);
    const bool addDefault = !requestNoDefault && !settings.noDefaultPolicy &&
                            !disallowed.contains(Policy::defaultName());
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
