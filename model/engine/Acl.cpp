#include "engine/Acl.h"

#include <algorithm>

namespace tessera::engine {
namespace {

Capabilities merged(Capabilities a, Capabilities b)
{
    if (a.testFlag(Capability::Deny) || b.testFlag(Capability::Deny))
        return Capability::Deny;
    return a | b;
}

bool hasWildcardSegment(QStringView pattern)
{
    for (const QStringView segment : pattern.tokenize(u'/')) {
        if (segment == u"+")
            return true;
    }
    return false;
}

QStringView withoutLeadingSlashes(QStringView path)
{
    while (path.startsWith(u'/'))
        path = path.sliced(1);
    return path;
}

} // namespace

Acl::Acl(const QList<Policy>& policies)
{
    // Merge first, by the pattern as written: "a/*" and "a/" are different rules.
    QList<QString> order;
    QHash<QString, Capabilities> rules;
    for (const Policy& policy : policies) {
        if (policy.name == Policy::rootName())
            m_root = true;
        for (const PathRule& rule : policy.rules) {
            const QString pattern = withoutLeadingSlashes(rule.path).toString();
            auto it = rules.find(pattern);
            if (it == rules.end()) {
                rules.insert(pattern, rule.capabilities);
                order << pattern;
            } else {
                *it = merged(*it, rule.capabilities);
            }
        }
    }

    for (const QString& pattern : order) {
        const Capabilities capabilities = rules.value(pattern);
        const bool isPrefix = pattern.endsWith(u'*');
        const QString base = isPrefix ? pattern.chopped(1) : pattern;
        if (hasWildcardSegment(base)) {
            WildcardRule rule;
            rule.pattern = base;
            rule.segments = base.split(u'/');
            rule.isPrefix = isPrefix;
            rule.firstWildcard = pattern.indexOf(u'+');
            rule.wildcards = int(rule.segments.count(QStringLiteral("+")));
            rule.capabilities = capabilities;
            m_wildcards << rule;
        } else if (isPrefix) {
            m_globs << GlobRule{base, capabilities};
        } else {
            m_exact.insert(pattern, capabilities);
        }
    }
    std::stable_sort(m_globs.begin(), m_globs.end(), [](const GlobRule& a, const GlobRule& b) {
        return a.prefix.size() > b.prefix.size();
    });
}

Capabilities Acl::capabilities(QStringView path) const
{
    if (m_root)
        return kAllCapabilities;
    return lookup(path, true);
}

bool Acl::allows(QStringView path, Capability capability) const
{
    if (capability == Capability::Deny)
        return false;
    if (m_root)
        return true;
    const Capabilities granted = lookup(path, capability == Capability::List);
    return !granted.testFlag(Capability::Deny) && granted.testFlag(capability);
}

QStringList Acl::capabilityNames(QStringView path) const
{
    if (m_root)
        return {Policy::rootName()};
    const Capabilities granted = capabilities(path);
    if (!granted || granted.testFlag(Capability::Deny))
        return {capabilityName(Capability::Deny)};
    return engine::capabilityNames(granted);
}

Capabilities Acl::lookup(QStringView path, bool listStyle) const
{
    path = withoutLeadingSlashes(path);
    const bool trailingSlash = listStyle && path.endsWith(u'/');
    const QStringView trimmed = trailingSlash ? path.chopped(1) : path;

    // Vault's order: exact, exact without the slash (lists), then the rest.
    std::optional<Capabilities> found = exact(path);
    if (!found && trailingSlash)
        found = exact(trimmed);
    if (!found && trailingSlash)
        found = nonExact(trimmed);
    if (!found)
        found = nonExact(path);
    if (!found)
        return {};
    return found->testFlag(Capability::Deny) ? Capabilities(Capability::Deny) : *found;
}

std::optional<Capabilities> Acl::exact(QStringView path) const
{
    const auto it = m_exact.constFind(path.toString());
    if (it == m_exact.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<Capabilities> Acl::nonExact(QStringView path) const
{
    std::optional<Candidate> best;
    const auto consider = [&](const Candidate& candidate) {
        if (!best || morePrecise(candidate, *best))
            best = candidate;
    };

    // Sorted longest first, so the first matching glob is the longest prefix.
    for (const GlobRule& glob : m_globs) {
        if (path.startsWith(glob.prefix)) {
            consider(Candidate{glob.prefix.size(), true, 0, glob.prefix, glob.capabilities});
            break;
        }
    }

    if (!m_wildcards.isEmpty()) {
        const QList<QStringView> parts = path.split(u'/');
        for (const WildcardRule& rule : m_wildcards) {
            if (parts.size() < rule.segments.size())
                continue;
            if (!rule.isPrefix && parts.size() != rule.segments.size())
                continue;
            bool matches = true;
            for (qsizetype i = 0; i < rule.segments.size() && matches; ++i) {
                const QString& segment = rule.segments[i];
                const bool last = i == rule.segments.size() - 1;
                matches = segment == u"+" || parts[i] == segment ||
                          (rule.isPrefix && last && parts[i].startsWith(segment));
            }
            if (matches)
                consider(Candidate{rule.firstWildcard, rule.isPrefix, rule.wildcards, rule.pattern,
                                   rule.capabilities});
        }
    }

    if (!best)
        return std::nullopt;
    return best->capabilities;
}

bool Acl::morePrecise(const Candidate& a, const Candidate& b)
{
    if (a.firstWildcard != b.firstWildcard)
        return a.firstWildcard > b.firstWildcard;
    if (a.isPrefix != b.isPrefix)
        return !a.isPrefix;
    if (a.wildcards != b.wildcards)
        return a.wildcards < b.wildcards;
    if (a.pattern.size() != b.pattern.size())
        return a.pattern.size() > b.pattern.size();
    return a.pattern.compare(b.pattern) > 0;
}

} // namespace tessera::engine
