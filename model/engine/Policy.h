#pragma once

#include "core/Result.h"
#include "engine/Capability.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace tessera::engine {

// One `path "…" { capabilities = […] }` block. `path` is as written minus a
// leading '/': it may end in the glob '*' and contain '+' segments.
struct PathRule
{
    QString path;
    Capabilities capabilities;

    bool operator==(const PathRule& other) const = default;
};

// A named ACL policy in Vault's model. Policies are parsed by PolicyParser,
// combined into an Acl, and written back by toHcl().
//
// Names: [A-Za-z0-9][A-Za-z0-9._-]*, at most 128 characters, case-insensitive
// (stored in lower case, as Vault does). Roles, users and OIDC keys and roles
// follow the same rule (isValidName). "root" is built in and can be neither written
// nor deleted; "default" exists from the start, can be edited, not deleted.
struct Policy
{
    QString name;
    QList<PathRule> rules; // one per distinct path, in order of first appearance

    bool operator==(const Policy& other) const = default;

    static constexpr qsizetype kMaxNameLength = 128;
    static QString rootName() { return QStringLiteral("root"); }
    static QString defaultName() { return QStringLiteral("default"); }

    // The root policy: an Acl containing it allows everything.
    static Policy root() { return Policy{rootName(), {}}; }
    // The built-in "default" policy every store starts with: a token may look
    // itself up, renew and revoke itself, ask for its own capabilities and use
    // its cubbyhole (Vault's default policy, trimmed to Tessera's API).
    static QString defaultPolicyText();

    static bool isValidName(QStringView name);
    // The rule in words, for error messages: "1 to 128 letters, ...".
    static QString nameRule();
    static Status checkName(QStringView name);
    static Status checkWritable(QStringView name);  // valid and not "root"
    static Status checkDeletable(QStringView name); // valid, not "root" or "default"

    // Canonical HCL: one block per rule, capabilities in canonical order.
    // PolicyParser::parse(name, toHcl()) gives back an equal Policy.
    QString toHcl() const;

    // --- policy lists on tokens -------------------------------------------
    // Vault's SanitizePolicies: trimmed, lower case, no empty names, no
    // duplicates, sorted; just {"root"} when root is among them; "default"
    // added when `addDefault`.
    static QStringList sanitizeNames(const QStringList& names, bool addDefault);

    // True when every policy of `child` is in `parent`, or `parent` has root.
    // As in Vault, "default" counts like any other name here: a child may list
    // "default" only if the parent has it. (It is *added automatically* to
    // children whose parent has it, see childPolicies().)
    static bool isSubset(const QStringList& child, const QStringList& parent);

    // The policies of a child token created without a role, by Vault's rules:
    // - none requested: the parent's ("default" dropped if noDefaultPolicy);
    // - a caller with root or sudo: the requested ones, plus "default" unless
    //   noDefaultPolicy;
    // - anyone else: the requested ones must be a subset of the parent's
    //   ("child policies must be subset of parent"); "default" is added when
    //   the parent has it, unless noDefaultPolicy.
    // Only a root parent may create a token with the root policy.
    static Result<QStringList> childPolicies(const QStringList& requested,
                                             const QStringList& parentPolicies,
                                             bool noDefaultPolicy, bool callerHasSudo);
};

} // namespace tessera::engine
