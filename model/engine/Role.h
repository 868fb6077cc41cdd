#pragma once

#include "core/Result.h"
#include "engine/TokenSettings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// A template for issuing tokens (Vault's auth/token/roles/:name): "visitor
// day pass", "semester e-resources", "one-time archive entry". Durations are
// seconds; 0 means "not set". The settings it shares with users (type, TTL,
// explicit max TTL, period, uses, no_default_policy) are in `settings`
// (TokenSettings::role(); token_ttl is Tessera's, Vault's token roles lack it).
struct Role
{
    QString name;
    QStringList allowedPolicies; // empty: the parent's rules apply
    QStringList disallowedPolicies;
    bool orphan = false;
    bool renewable = true;
    QString pathSuffix; // appended to the creation path
    // Tokens of this role only for a sign-in that passed a second factor
    // (TOTP or a security key) — or for the owner or a root token.
    bool secondFactorRequired = false;
    TokenSettings settings;

    bool operator==(const Role& other) const = default;

    // Names follow the policy-name rules: [A-Za-z0-9._-]{1,128}.
    static Status checkName(QStringView name);

    // Consistency: a valid name and path suffix, valid settings
    // (TokenSettings::validate), and batch roles without explicit max or
    // renewal either (batch tokens have neither).
    Status validate() const;

    // Vault's field names, durations as seconds: name, allowed_policies,
    // disallowed_policies, orphan, renewable, path_suffix, Tessera's
    // second_factor_required, and the settings'
    // (token_type, token_ttl, token_explicit_max_ttl, token_period,
    // token_num_uses, token_no_default_policy, and Vault's deprecated mirrors
    // explicit_max_ttl and period).
    QJsonObject toJson() const;

    // A role from a write request (create or update): the fields present in
    // `fields` replace those of `existing` (or the defaults), read as
    // TokenSettings::readJson reads them. Unknown fields are ignored, as Vault
    // does. A batch role is non-renewable unless told otherwise (and then
    // fails validation). The result is validated.
    static Result<Role> fromJson(const QString& name, const QJsonObject& fields,
                                 const Role* existing = nullptr);

    // The policies of a token created from this role, by Vault's rules:
    // requested policies must be a subset of allowed_policies (when set); none
    // requested means all allowed ones (or the parent's when allowed is
    // empty); "default" is added unless noDefaultPolicy, the role's
    // token_no_default_policy, or a disallowed "default"; nothing disallowed
    // may remain. Only a root parent may hand out the root policy.
    Result<QStringList> tokenPolicies(const QStringList& requested,
                                      const QStringList& parentPolicies,
                                      bool noDefaultPolicy) const;
};

} // namespace tessera::engine
