#pragma once

#include "core/Result.h"
#include "engine/TokenFormat.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// Vault's token_type of a role: a fixed type, or a default the request may override.
enum class RoleTokenType
{
    Service,
    Batch,
    DefaultService,
    DefaultBatch,
};

QString
roleTokenTypeName(RoleTokenType type); // "service", "batch", "default-service", "default-batch"
std::optional<RoleTokenType> roleTokenTypeFromName(QStringView name);

// A template for issuing tokens (Vault's auth/token/roles/:name): "visitor
// day pass", "semester e-resources", "one-time archive entry". Durations are
// seconds; 0 means "not set".
struct Role
{
    QString name;
    QStringList allowedPolicies; // empty: the parent's rules apply
    QStringList disallowedPolicies;
    bool orphan = false;
    bool renewable = true;
    RoleTokenType tokenType = RoleTokenType::DefaultService;
    qint64 ttl = 0;               // token_ttl (Tessera's; Vault's token roles lack it)
    qint64 explicitMaxTtl = 0;    // token_explicit_max_ttl
    qint64 period = 0;            // token_period
    int numUses = 0;              // token_num_uses; 0 = unlimited
    bool noDefaultPolicy = false; // token_no_default_policy
    QString pathSuffix;           // appended to the creation path

    bool operator==(const Role& other) const = default;

    // Names follow the policy-name rules: [A-Za-z0-9._-]{1,128}.
    static Status checkName(QStringView name);

    // Consistency: a valid name and path suffix, no negative numbers, a TTL
    // within the explicit max, and batch roles without period, use limit,
    // explicit max or renewal (batch tokens have none of these).
    Status validate() const;

    // Vault's field names, durations as seconds:
    // name, allowed_policies, disallowed_policies, orphan, renewable,
    // token_type, token_ttl, token_explicit_max_ttl, token_period,
    // token_num_uses, token_no_default_policy, path_suffix, and Vault's
    // deprecated mirrors explicit_max_ttl and period.
    QJsonObject toJson() const;

    // A role from a write request (create or update): the fields present in
    // `fields` replace those of `existing` (or the defaults). Durations are
    // seconds or strings ("1h"); policy lists are arrays or comma-separated
    // strings; booleans may be strings. Vault's older names explicit_max_ttl
    // and period are read when the token_ ones are absent. Unknown fields are
    // ignored, as Vault does. A batch role is non-renewable unless told
    // otherwise (and then fails validation). The result is validated.
    static Result<Role> fromJson(const QString& name, const QJsonObject& fields,
                                 const Role* existing = nullptr);

    // The type of a token created from this role; `requested` is the
    // request's "type", honoured only by the default-* types (Vault ignores it
    // for fixed types).
    TokenKind tokenKindFor(std::optional<TokenKind> requested) const;

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
