#pragma once

#include "engine/Capability.h"
#include "engine/Policy.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// The capabilities a set of policies grants on request paths, by Vault's
// rules (vault/acl.go):
//
// * Rules for the same path string from several policies are merged: the
//   union of their capabilities, or deny alone if any of them denies.
// * An exact rule for the path wins outright.
// * Otherwise, among the glob rules ("ebooks/*": a prefix match) and the
//   segment-wildcard rules ("ebooks/+/pdf": '+' matches exactly one segment)
//   that match, the most specific wins, compared in this order:
//     1. the first '+' or '*' comes later in the pattern,
//     2. no trailing '*' beats a trailing '*',
//     3. fewer '+' segments,
//     4. the longer pattern,
//     5. (arbitrary but stable) the lexicographically greater pattern.
// * The winning rule's deny means no capabilities at all; so does no match.
//   A less specific rule never overrides a more specific one, deny or not.
// * A set containing the "root" policy allows everything, sudo included.
class Acl
{
public:
    Acl() = default;
    explicit Acl(const QList<Policy>& policies);

    bool isRoot() const { return m_root; }

    // What the winning rule grants on `path` (a leading '/' is ignored):
    // Capability::Deny alone for an explicit deny, empty when nothing
    // matches, kAllCapabilities for root. Like Vault's capabilities endpoints,
    // "dir/" is also looked up as "dir".
    Capabilities capabilities(QStringView path) const;
    // May a request with this capability go ahead on `path`?
    bool allows(QStringView path, Capability capability) const;
    // Vault's sys/capabilities answer: ["root"], ["deny"], or the names.
    QStringList capabilityNames(QStringView path) const;

private:
    struct GlobRule
    {
        QString prefix;
        Capabilities capabilities;
    };
    struct WildcardRule
    {
        QString pattern;      // without the trailing '*'
        QStringList segments; // of `pattern`
        bool isPrefix = false;
        qsizetype firstWildcard = 0;
        int wildcards = 0;
        Capabilities capabilities;
    };
    struct Candidate
    {
        qsizetype firstWildcard = 0;
        bool isPrefix = false;
        int wildcards = 0;
        QStringView pattern;
        Capabilities capabilities;
    };

    Capabilities lookup(QStringView path, bool listStyle) const;
    std::optional<Capabilities> exact(QStringView path) const;
    std::optional<Capabilities> nonExact(QStringView path) const;
    static bool morePrecise(const Candidate& a, const Candidate& b);

    bool m_root = false;
    QHash<QString, Capabilities> m_exact;
    QList<GlobRule> m_globs; // longest prefix first
    QList<WildcardRule> m_wildcards;
};

} // namespace tessera::engine
