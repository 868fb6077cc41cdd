// Fuzz target: a policy document as sys/policies/acl/<name> receives it, into
// PolicyParser::parse (HCL or JSON, Vault's policy language).
//
// Byte 0 even: the rest is the document, under the name "Fuzz-Policy"; odd:
// the rest up to the first newline is the name, the remainder the document.
// Both are read as UTF-8.
// Invariants: nothing crashes; a refusal is InvalidArgument, and a refused
// document (valid name, not too large) names a line of the document; an
// accepted policy has the lower-cased name and only rules the parser's own
// rules allow (non-empty distinct paths without control characters, '*' only
// at the end, no "+*", deny alone), and reads back the same from its canonical
// HCL (Policy::toHcl) and from the same rules written as JSON.

#include "FuzzCheck.h"
#include "engine/PolicyParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <cstdint>

using namespace tessera;
using namespace tessera::engine;

namespace {

void checkRefusal(const QString& name, const QString& text, const Error& error)
{
    FUZZ_CHECK(error.code == ErrorCode::InvalidArgument);
    FUZZ_CHECK(!error.message.isEmpty());
    if (!Policy::isValidName(name) || text.size() > PolicyParser::kMaxDocumentSize)
        return;
    static const QRegularExpression line(QStringLiteral("^Line ([0-9]+): "));
    const QRegularExpressionMatch match = line.match(error.message);
    FUZZ_CHECK(match.hasMatch());
    const qsizetype number = match.captured(1).toLongLong();
    FUZZ_CHECK(number >= 1 && number <= text.count(u'\n') + 1);
}

void checkRule(const PathRule& rule)
{
    FUZZ_CHECK(!rule.path.isEmpty());
    for (const QChar c : rule.path)
        FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() != 0x7F);
    FUZZ_CHECK(!rule.path.contains(QStringLiteral("+*")));
    const qsizetype glob = rule.path.indexOf(u'*');
    FUZZ_CHECK(glob < 0 || glob == rule.path.size() - 1);
    if (rule.capabilities.testFlag(Capability::Deny))
        FUZZ_CHECK(rule.capabilities == Capabilities(Capability::Deny));
}

// The same rules in the JSON form: {"path": {"<path>": {"capabilities": [...]}}}.
QString asJson(const Policy& policy)
{
    QJsonObject paths;
    for (const PathRule& rule : policy.rules) {
        QJsonArray names;
        for (const QString& capability : capabilityNames(rule.capabilities))
            names.append(capability);
        // Read back, one leading '/' is dropped (as in HCL): "/x" is written "//x".
        const QString path = rule.path.startsWith(u'/') ? u'/' + rule.path : rule.path;
        paths.insert(path, QJsonObject{{QStringLiteral("capabilities"), names}});
    }
    const QJsonObject document{{QStringLiteral("path"), paths}};
    return QString::fromUtf8(QJsonDocument(document).toJson());
}

void checkAccepted(const QString& name, const Policy& policy)
{
    FUZZ_CHECK(Policy::isValidName(name));
    FUZZ_CHECK(policy.name == name.toLower());
    QSet<QString> paths;
    for (const PathRule& rule : policy.rules) {
        checkRule(rule);
        FUZZ_CHECK(!paths.contains(rule.path));
        paths.insert(rule.path);
    }

    const auto again = PolicyParser::parse(name, policy.toHcl());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == policy);

    // JSON carries UTF-8 only: a lone surrogate (from a \u escape) has no spelling there.
    bool utf8 = true;
    for (const PathRule& rule : policy.rules)
        utf8 = utf8 && QString::fromUtf8(rule.path.toUtf8()) == rule.path;
    if (utf8 && !policy.rules.isEmpty()) {
        const auto fromJson = PolicyParser::parse(name, asJson(policy));
        FUZZ_CHECK(fromJson.ok());
        FUZZ_CHECK(fromJson->rules.size() == policy.rules.size());
        for (const PathRule& rule : policy.rules)
            FUZZ_CHECK(fromJson->rules.contains(rule)); // JSON objects do not keep the order
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char*>(data + 1),
                          static_cast<qsizetype>(size - 1));
    QString name = QStringLiteral("Fuzz-Policy");
    QByteArray document = rest;
    if (data[0] % 2 == 1) {
        const qsizetype newline = rest.indexOf('\n');
        name = QString::fromUtf8(rest.left(newline < 0 ? rest.size() : newline));
        document = newline < 0 ? QByteArray() : rest.mid(newline + 1);
    }
    const QString text = QString::fromUtf8(document);

    const auto parsed = PolicyParser::parse(name, text);
    if (!parsed) {
        checkRefusal(name, text, parsed.error());
        return 0;
    }
    checkAccepted(name, *parsed);
    return 0;
}
