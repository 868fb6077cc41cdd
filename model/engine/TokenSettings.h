#pragma once

#include "core/Result.h"
#include "engine/TokenFormat.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// Vault's token_type of a role or a user: a fixed type, or a default the
// request may override (a sign-in has no request, so there it is the type).
enum class RoleTokenType
{
    Service,
    Batch,
    DefaultService,
    DefaultBatch,
};

QString
roleTokenTypeName(RoleTokenType type); // "service", "batch", "default-service", "default-batch"
std::optional<RoleTokenType> roleTokenTypeFromName(QStringView name); // also Vault's "default"

// The settings of the tokens something issues: Vault's token_* fields, shared
// by token roles (Role, auth/token/roles/:name) and userpass users (User,
// auth/userpass/users/:name). Reading them from Vault's JSON, writing them
// back and checking them happens here and nowhere else; Role and User add
// only their own fields. Durations are seconds; 0 means "not set".
//
// The two owners do not have every field, and Vault names a few differently
// for each: `Owner` says which fields one has and which older names it reads
// and writes alongside (docs/ARCHITECTURE.md, «Roles, userpass, cubbyhole»).
struct TokenSettings
{
    enum class Field : unsigned
    {
        Policies = 1u << 0,        // token_policies (older: policies)
        Ttl = 1u << 1,             // token_ttl
        MaxTtl = 1u << 2,          // token_max_ttl
        ExplicitMaxTtl = 1u << 3,  // token_explicit_max_ttl (older: explicit_max_ttl)
        Period = 1u << 4,          // token_period (older: period)
        NumUses = 1u << 5,         // token_num_uses
        NoDefaultPolicy = 1u << 6, // token_no_default_policy
        Type = 1u << 7,            // token_type
    };
    using Fields = unsigned; // Field values or-ed together

    struct Owner
    {
        const char* noun;            // "role", "user": in messages
        Fields fields;               // the fields it has; the others stay unset
        Fields olderNames;           // also read (when the newer is absent) and written
        bool requestChoosesType;     // default-* types: the request may choose (roles)
        const char* defaultTypeName; // how DefaultService is written
        bool has(Field field) const { return (fields & unsigned(field)) != 0; }
    };
    // Token roles: ttl, explicit max TTL, period, uses, no_default_policy, type.
    static const Owner& role();
    // Userpass users: those and the token policies and max TTL; a sign-in has
    // no request, so default-batch issues batch tokens.
    static const Owner& user();

    QStringList policies;         // users: the policies of their tokens
    qint64 ttl = 0;               // token_ttl
    qint64 maxTtl = 0;            // token_max_ttl (users)
    qint64 explicitMaxTtl = 0;    // token_explicit_max_ttl
    qint64 period = 0;            // token_period
    int numUses = 0;              // token_num_uses; 0 = unlimited
    bool noDefaultPolicy = false; // token_no_default_policy
    RoleTokenType tokenType = RoleTokenType::DefaultService;

    bool operator==(const TokenSettings& other) const = default;

    // The lifetime limit the tokens get as their explicit max TTL: the lesser
    // of token_max_ttl and token_explicit_max_ttl that is set (0: none).
    qint64 effectiveMaxTtl() const;

    // The type of a token issued under these settings; `requested` is the
    // request's "type", honoured only by the default-* types (Vault ignores it
    // for fixed types). A sign-in passes nullopt.
    TokenKind tokenKindFor(std::optional<TokenKind> requested) const;

    // Whether every token issued under these settings is a batch token: a
    // batch type, or default-batch where the request cannot choose.
    bool alwaysBatch(const Owner& owner) const;

    // Durations within 0..kMaxDurationSeconds, no negative use count, a TTL
    // within the max TTLs, valid policy names and no root policy (a sign-in
    // cannot make a root token), no field the owner lacks, and batch tokens
    // neither periodic nor use-limited (Vault's rule for both owners).
    Status validate(const Owner& owner) const;

    // Vault's read shape for the owner's fields, durations as seconds, with
    // the older names mirrored.
    QJsonObject toJson(const Owner& owner) const;
    // The owner's fields present in `fields` replace those of this value.
    // Durations are seconds or strings ("1h"); policy lists arrays or
    // comma-separated strings; booleans may be strings (Go's ParseBool) or
    // 0/1; an older name is read only when the newer one is absent. Unknown
    // fields are left alone (the owner reads its own). Not validated.
    Status readJson(const Owner& owner, const QJsonObject& fields);

    // Vault's name of a field: "token_ttl", …
    static QString fieldName(Field field);

    // The message for a batch type with something batch tokens cannot have:
    // "'token_type' cannot be 'batch' when <noun> is set to generate <what>".
    static Error batchConflict(const Owner& owner, const char* what);

    // Vault's lenient field readers, shared with the owners' own fields.
    // Each error names the field and never repeats more than the field's name.
    static Result<QStringList> readPolicyNames(const QJsonValue& value, QStringView field);
    static Result<bool> readBool(const QJsonValue& value, QStringView field);
    static Result<qint64> readDuration(const QJsonValue& value, QStringView field);
    static Result<int> readUseCount(const QJsonValue& value, QStringView field);
};

} // namespace tessera::engine
