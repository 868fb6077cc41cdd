#include "engine/Policy.h"

#include <algorithm>

namespace tessera::engine {
namespace {

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'.' || c == u'_' || c == u'-';
}

QString hclQuoted(const QString& text)
{
    QString quoted;
    quoted.reserve(text.size() + 2);
    quoted += u'"';
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    quoted += u'"';
    return quoted;
}

bool containsRoot(const QStringList& policies)
{
    return policies.contains(Policy::rootName());
}

} // namespace

QString Policy::defaultPolicyText()
{
    return QStringLiteral(R"hcl(# Allow tokens to look up their own properties
path "auth/token/lookup-self" {
  capabilities = ["read"]
}

# Allow tokens to renew themselves
path "auth/token/renew-self" {
  capabilities = ["update"]
}

# Allow tokens to revoke themselves
path "auth/token/revoke-self" {
  capabilities = ["update"]
}

# Allow a token to look up its own capabilities on a path
path "sys/capabilities-self" {
  capabilities = ["update"]
}

# Allow a token to manage its own cubbyhole
path "cubbyhole/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}
)hcl");
}

bool Policy::isValidName(QStringView name)
{
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return false;
    // A name is a path segment of the API (sys/policies/acl/NAME) and a CLI
    // argument: ".", "..", "..." and "-x" would be read as something else.
    const QChar first = name.front();
    if (first == u'.' || first == u'_' || first == u'-')
        return false;
    return std::all_of(name.begin(), name.end(), isNameChar);
}

QString Policy::nameRule()
{
    return QStringLiteral("1 to 128 letters, digits, '.', '_' or '-', beginning with a letter or "
                          "digit");
}

Status Policy::checkName(QStringView name)
{
    if (!isValidName(name))
        return Error::invalid(QStringLiteral("A policy name must be %1.").arg(nameRule()));
    return {};
}

Status Policy::checkWritable(QStringView name)
{
    TESSERA_TRY(checkName(name));
    if (name.compare(rootName(), Qt::CaseInsensitive) == 0)
        return Error::invalid(QStringLiteral("The root policy cannot be changed."));
    return {};
}

Status Policy::checkDeletable(QStringView name)
{
    TESSERA_TRY(checkWritable(name));
    if (name.compare(defaultName(), Qt::CaseInsensitive) == 0)
        return Error::invalid(QStringLiteral("The default policy cannot be deleted."));
    return {};
}

QString Policy::toHcl() const
{
    QString text;
    for (const PathRule& rule : rules) {
        if (!text.isEmpty())
            text += u'\n';
        QStringList names;
        for (const QString& capability : capabilityNames(rule.capabilities))
            names << hclQuoted(capability);
        // The parser drops one leading '/', so a path written "//x" is "/x":
        // write it with the '/' that reading it back drops again.
        const QString written = rule.path.startsWith(u'/') ? u'/' + rule.path : rule.path;
        text += QStringLiteral("path %1 {\n  capabilities = [%2]\n}\n")
                    .arg(hclQuoted(written), names.join(QStringLiteral(", ")));
    }
    return text;
}

QStringList Policy::sanitizeNames(const QStringList& names, bool addDefault)
{
    QStringList sanitized;
    sanitized.reserve(names.size() + 1);
    for (const QString& name : names) {
        QString clean = name.trimmed().toLower();
        if (clean.isEmpty())
            continue;
        if (clean == rootName())
            return {rootName()};
        sanitized << clean;
    }
    if (addDefault)
        sanitized << defaultName();
    sanitized.sort();
    sanitized.erase(std::unique(sanitized.begin(), sanitized.end()), sanitized.end());
    return sanitized;
}

bool Policy::isSubset(const QStringList& child, const QStringList& parent)
{
    const QStringList parentNames = sanitizeNames(parent, false);
    if (containsRoot(parentNames))
        return true;
    const QStringList childNames = sanitizeNames(child, false);
    return std::all_of(childNames.begin(), childNames.end(),
                       [&](const QString& policy) { return parentNames.contains(policy); });
}

Result<QStringList> Policy::childPolicies(const QStringList& requested,
                                          const QStringList& parentPolicies, bool noDefaultPolicy,
                                          bool callerHasSudo)
{
    const QStringList parent = sanitizeNames(parentPolicies, false);
    QStringList child = sanitizeNames(requested, false);

    if (child.isEmpty()) {
        child = parent;
        if (noDefaultPolicy)
            child.removeAll(defaultName());
    } else if (callerHasSudo || containsRoot(parent)) {
        child = sanitizeNames(child, !noDefaultPolicy);
    } else {
        if (!isSubset(child, parent))
            return Error::invalid(Message{
                QT_TRANSLATE_NOOP("EngineMessage", "child policies must be subset of parent")});
        child = sanitizeNames(child, !noDefaultPolicy && parent.contains(defaultName()));
    }

    if (containsRoot(child) && !containsRoot(parent))
        return Error::invalid(Message{QT_TRANSLATE_NOOP(
            "EngineMessage", "root tokens may not be created without parent token being root")});
    return child;
}

} // namespace tessera::engine
