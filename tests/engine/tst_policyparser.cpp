#include "engine/PolicyParser.h"

#include <QTest>

using namespace tessera::engine;

namespace {

Policy parsed(const QString& text)
{
    const auto result = PolicyParser::parse(QStringLiteral("test"), text);
    if (!result.ok())
        qWarning("%s", qPrintable(result.error().message));
    return result.valueOr(Policy{QStringLiteral("<failed>"), {}});
}

PathRule rule(const char* path, Capabilities capabilities)
{
    return PathRule{QString::fromUtf8(path), capabilities};
}

const Capabilities kReadList{Capability::Read, Capability::List};

// Raw string literals go through a function, not QStringLiteral: moc's
// preprocessor trips over raw strings inside macro arguments.
QString utf8(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestPolicyParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesVaultStyleHcl();
    void layoutVariantsAreEquivalent_data();
    void layoutVariantsAreEquivalent();
    void hclAndJsonFormsAreEquivalent_data();
    void hclAndJsonFormsAreEquivalent();
    void emptyCapabilitiesAndEmptyPoliciesAreAllowed();
    void unknownCapabilityIsRejectedWithLineNumber();
    void badPoliciesAreRejectedWithLineNumber_data();
    void badPoliciesAreRejectedWithLineNumber();
    void vaultOnlyKeysAreAcceptedAndIgnored();
    void legacyPolicyFieldMapsToCapabilities_data();
    void legacyPolicyFieldMapsToCapabilities();
    void denyDropsTheOtherCapabilities();
    void blocksForTheSamePathAreMerged();
    void leadingSlashIsDropped();
    void onlyOneLeadingSlashIsDroppedAndHclKeepsTheRest();
    void policyNamesAreChecked_data();
    void policyNamesAreChecked();
    void namesAreCaseInsensitive();
    void rootCannotBeWrittenAndDefaultCannotBeDeleted();
    void canonicalHclIsStable();
    void serializedHclParsesBackToTheSamePolicy();
    void builtInDefaultPolicyParses();
    void oversizedOrDeeplyNestedInputIsRejected();
};

void TestPolicyParser::parsesVaultStyleHcl()
{
    const Policy policy = parsed(utf8(R"hcl(
# Patrons may read e-books.
path "ebooks/*" {
  capabilities = ["read", "list"]
}

// Rare books are off limits.
path "ebooks/rare/*" {
  capabilities = ["deny"]
}

/* Desk staff issue day passes. */
path "auth/token/create/day-pass" {
  capabilities = ["create", "update", "sudo"]
}

path "archive/+/scans" {
  capabilities = ["read", "patch", "delete"]
}
)hcl"));
    QCOMPARE(policy.name, QStringLiteral("test"));
    const QList<PathRule> expected{
        rule("ebooks/*", kReadList),
        rule("ebooks/rare/*", Capability::Deny),
        rule("auth/token/create/day-pass",
             {Capability::Create, Capability::Update, Capability::Sudo}),
        rule("archive/+/scans", {Capability::Read, Capability::Patch, Capability::Delete}),
    };
    QCOMPARE(policy.rules, expected);
}

void TestPolicyParser::layoutVariantsAreEquivalent_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one line") << utf8(R"(path "ebooks/*" { capabilities = ["read", "list"] })");
    QTest::newRow("no spaces") << utf8(R"(path"ebooks/*"{capabilities=["read","list"]})");
    QTest::newRow("trailing comma")
        << utf8(R"(path "ebooks/*" { capabilities = ["read", "list",] })");
    QTest::newRow("list over lines") << QStringLiteral(
        "path \"ebooks/*\" {\n  capabilities = [\n    \"read\",\n    \"list\"\n  ]\n}\n");
    QTest::newRow("tabs and CRLF") << QStringLiteral(
        "path\t\"ebooks/*\"\t{\r\n\tcapabilities\t=\t[\"read\",\t\"list\"]\r\n}\r\n");
    QTest::newRow("comments everywhere")
        << QStringLiteral("# top\npath \"ebooks/*\" { // after brace\n  /* before */ capabilities "
                          "= [\"read\", # mid\n \"list\"] /* end */\n}\n// tail");
    QTest::newRow("capabilities split in two keys") << QStringLiteral(
        "path \"ebooks/*\" {\n  capabilities = [\"read\"]\n  capabilities = [\"list\"]\n}");
    QTest::newRow("assignment form")
        << utf8(R"(path = { "ebooks/*" = { capabilities = ["read", "list"] } })");
    QTest::newRow("byte order mark")
        << QStringLiteral("\ufeffpath \"ebooks/*\" { capabilities = [\"read\", \"list\"] }");
    QTest::newRow("duplicate capability")
        << utf8(R"(path "ebooks/*" { capabilities = ["read", "list", "read"] })");
}

void TestPolicyParser::layoutVariantsAreEquivalent()
{
    QFETCH(QString, text);
    const Policy policy = parsed(text);
    QCOMPARE(policy.rules, QList<PathRule>{rule("ebooks/*", kReadList)});
}

void TestPolicyParser::hclAndJsonFormsAreEquivalent_data()
{
    QTest::addColumn<QString>("hcl");
    QTest::addColumn<QString>("json");
    QTest::newRow("one path") << utf8(R"(path "ebooks/*" { capabilities = ["read"] })")
                              << utf8(R"({"path": {"ebooks/*": {"capabilities": ["read"]}}})");
    QTest::newRow("several paths") << utf8(R"(
path "ebooks/*" { capabilities = ["read", "list"] }
path "ebooks/rare/*" { capabilities = ["deny"] }
path "wifi/+/guest" { capabilities = [] }
)") << utf8(R"({
  "path": {
    "ebooks/*": {"capabilities": ["read", "list"]},
    "ebooks/rare/*": {"capabilities": ["deny"]},
    "wifi/+/guest": {"capabilities": []}
  }
})");
    QTest::newRow("json array of path objects")
        << utf8(R"(path "a" { capabilities = ["read"] }
path "b" { capabilities = ["list"] })")
        << utf8(
               R"({"path": [{"a": {"capabilities": ["read"]}}, {"b": {"capabilities": ["list"]}}]})");
    QTest::newRow("ignored vault keys")
        << utf8(R"(path "a" { capabilities = ["update"] required_parameters = ["x"] })")
        << utf8(
               R"({"path": {"a": {"capabilities": ["update"], "required_parameters": ["x"], "min_wrapping_ttl": 300}}})");
}

void TestPolicyParser::hclAndJsonFormsAreEquivalent()
{
    QFETCH(QString, hcl);
    QFETCH(QString, json);
    const auto fromHcl = PolicyParser::parse(QStringLiteral("p"), hcl);
    const auto fromJson = PolicyParser::parse(QStringLiteral("p"), json);
    QVERIFY(fromHcl.ok());
    QVERIFY2(fromJson.ok(), qPrintable(fromJson.ok() ? QString() : fromJson.error().message));
    QVERIFY(!fromHcl->rules.isEmpty());
    QCOMPARE(*fromJson, *fromHcl);
}

void TestPolicyParser::emptyCapabilitiesAndEmptyPoliciesAreAllowed()
{
    QCOMPARE(parsed(utf8(R"(path "a/*" { capabilities = [] })")).rules,
             QList<PathRule>{rule("a/*", {})});
    QCOMPARE(parsed(utf8(R"(path "a/*" {})")).rules, QList<PathRule>{rule("a/*", {})});
    const auto empty = PolicyParser::parse(QStringLiteral("empty"), u"# nothing yet\n");
    QVERIFY(empty.ok());
    QVERIFY(empty->rules.isEmpty());
    QVERIFY(PolicyParser::parse(QStringLiteral("empty"), u"{}").ok());
}

void TestPolicyParser::unknownCapabilityIsRejectedWithLineNumber()
{
    const auto result = PolicyParser::parse(
        QStringLiteral("p"), u"path \"a\" {\n  capabilities = [\n    \"read\", \"reed\"\n  ]\n}\n");
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, tessera::ErrorCode::InvalidArgument);
    QVERIFY2(result.error().message.startsWith(u"Line 3: unknown capability \"reed\""),
             qPrintable(result.error().message));
}

void TestPolicyParser::badPoliciesAreRejectedWithLineNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("missing closing brace")
        << QStringLiteral("path \"a\" {\n  capabilities = [\"read\"]\n") << 3
        << QStringLiteral("missing '}'");
    QTest::newRow("unterminated string")
        << QStringLiteral("\n\npath \"a {\n}") << 3 << QStringLiteral("unterminated string");
    QTest::newRow("missing equals") << QStringLiteral("path \"a\" {\n  capabilities [\"read\"]\n}")
                                    << 2 << QStringLiteral("expected '=' or '{'");
    QTest::newRow("unquoted capability")
        << QStringLiteral("path \"a\" {\n  capabilities = [read]\n}") << 2
        << QStringLiteral("double quotes");
    QTest::newRow("capabilities not a list")
        << QStringLiteral("path \"a\" {\n\n  capabilities = \"read\"\n}") << 3
        << QStringLiteral("must be a list");
    QTest::newRow("number as capability") << QStringLiteral("path \"a\" { capabilities = [1] }")
                                          << 1 << QStringLiteral("quoted name");
    QTest::newRow("unknown top-level key") << QStringLiteral("\npaths \"a\" { capabilities = [] }")
                                           << 2 << QStringLiteral("unknown key \"paths\"");
    QTest::newRow("unknown key in block")
        << QStringLiteral("path \"a\" {\n  capabilites = [\"read\"]\n}") << 2
        << QStringLiteral("unknown key \"capabilites\"");
    QTest::newRow("glob in the middle") << QStringLiteral("path \"a/*/b\" { capabilities = [] }")
                                        << 1 << QStringLiteral("only at the end");
    QTest::newRow("plus and glob together") << QStringLiteral("path \"a/+*\" { capabilities = [] }")
                                            << 1 << QStringLiteral("'+*' is forbidden");
    QTest::newRow("empty path") << QStringLiteral("path \"\" { capabilities = [] }") << 1
                                << QStringLiteral("must not be empty");
    QTest::newRow("slash only") << QStringLiteral("path \"/\" { capabilities = [] }") << 1
                                << QStringLiteral("must not be empty");
    QTest::newRow("two paths in one block")
        << QStringLiteral("path \"a\" \"b\" { capabilities = [] }") << 1
        << QStringLiteral("exactly one path");
    QTest::newRow("path without a block")
        << QStringLiteral("path = \"a\"") << 1 << QStringLiteral("quoted path");
    QTest::newRow("heredoc") << QStringLiteral("path \"a\" {\n  comment = <<EOT\nx\nEOT\n}") << 2
                             << QStringLiteral("heredoc");
    QTest::newRow("unterminated comment")
        << QStringLiteral("path \"a\" { capabilities = [] }\n/* open") << 2
        << QStringLiteral("unterminated /*");
    QTest::newRow("stray character") << QStringLiteral("path \"a\" { capabilities = [] };") << 1
                                     << QStringLiteral("unexpected character ';'");
    QTest::newRow("bad legacy policy") << QStringLiteral("path \"a\" { policy = \"admin\" }") << 1
                                       << QStringLiteral("policy must be");
    QTest::newRow("json trailing garbage")
        << QStringLiteral("{\"path\": {}}\n}") << 2 << QStringLiteral("unexpected");
    QTest::newRow("json unknown capability")
        << QStringLiteral("{\n \"path\": {\n  \"a\": {\n   \"capabilities\": [\"write\"]}}}") << 4
        << QStringLiteral("unknown capability \"write\"");
    QTest::newRow("number out of range")
        << QStringLiteral("path \"a\" {\n  capabilities = []\n  min_wrapping_ttl = 1e309\n}") << 3
        << QStringLiteral("out of range");
    QTest::newRow("integer out of range")
        << QStringLiteral("path \"a\" {\n  capabilities = []\n  max_wrapping_ttl = "
                          "99999999999999999999\n}")
        << 3 << QStringLiteral("out of range");
    QTest::newRow("not a number")
        << QStringLiteral("path \"a\" {\n  capabilities = []\n  max_wrapping_ttl = 12abc\n}") << 3
        << QStringLiteral("not a number");
    QTest::newRow("json number out of range")
        << QStringLiteral(
               "{\"path\": {\"a\": {\"capabilities\": [],\n \"min_wrapping_ttl\": -1e400}}}")
        << 2 << QStringLiteral("out of range");
    QTest::newRow("wrapping ttl not a duration")
        << QStringLiteral("path \"a\" {\n  capabilities = []\n  min_wrapping_ttl = \"soon\"\n}")
        << 3 << QStringLiteral("min_wrapping_ttl must be a duration");
    QTest::newRow("negative wrapping ttl")
        << QStringLiteral("path \"a\" {\n  capabilities = []\n  max_wrapping_ttl = -5\n}") << 3
        << QStringLiteral("max_wrapping_ttl must be a duration");
    QTest::newRow("control character in path")
        << QStringLiteral("path \"a\\nb\" { capabilities = [] }") << 1
        << QStringLiteral("control characters");
}

void TestPolicyParser::badPoliciesAreRejectedWithLineNumber()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, fragment);
    const auto result = PolicyParser::parse(QStringLiteral("p"), text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, tessera::ErrorCode::InvalidArgument);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("Line %1: ").arg(line)), qPrintable(message));
    QVERIFY2(message.contains(fragment), qPrintable(message));
}

void TestPolicyParser::vaultOnlyKeysAreAcceptedAndIgnored()
{
    const Policy policy = parsed(utf8(R"hcl(
name = "legacy-name"
path "secret/foo" {
  capabilities = ["create", "update"]
  comment = "Vault's own documentation example"
  allowed_parameters = {
    "bar" = ["zip", "zap"]
    "*"   = []
  }
  denied_parameters = { "salary" = [] }
  required_parameters = ["bar", "baz"]
  min_wrapping_ttl = "1s"
  max_wrapping_ttl = 90
  mfa_methods = ["totp"]
  control_group = {
    ttl = "4h"
    factor "ops_manager" {
      identity {
        group_names = ["managers"]
        approvals = 1
      }
    }
  }
}
)hcl"));
    QCOMPARE(policy.rules,
             QList<PathRule>{rule("secret/foo", {Capability::Create, Capability::Update})});
}

void TestPolicyParser::legacyPolicyFieldMapsToCapabilities_data()
{
    QTest::addColumn<QString>("legacy");
    QTest::addColumn<Capabilities>("capabilities");
    const Capabilities write{Capability::Create, Capability::Read, Capability::Update,
                             Capability::Delete, Capability::List};
    QTest::newRow("read") << "read" << kReadList;
    QTest::newRow("write") << "write" << write;
    QTest::newRow("sudo") << "sudo" << (write | Capability::Sudo);
    QTest::newRow("deny") << "deny" << Capabilities(Capability::Deny);
}

void TestPolicyParser::legacyPolicyFieldMapsToCapabilities()
{
    QFETCH(QString, legacy);
    QFETCH(Capabilities, capabilities);
    const Policy policy = parsed(QStringLiteral("path \"a\" { policy = \"%1\" }").arg(legacy));
    const QList<PathRule> expected{PathRule{QStringLiteral("a"), capabilities}};
    QCOMPARE(policy.rules, expected);
}

void TestPolicyParser::denyDropsTheOtherCapabilities()
{
    QCOMPARE(parsed(utf8(R"(path "a" { capabilities = ["read", "deny", "list"] })")).rules,
             QList<PathRule>{rule("a", Capability::Deny)});
}

void TestPolicyParser::blocksForTheSamePathAreMerged()
{
    const Policy merged = parsed(utf8(R"(
path "a" { capabilities = ["read"] }
path "b" { capabilities = ["list"] }
path "a" { capabilities = ["update"] }
)"));
    QCOMPARE(merged.rules, (QList<PathRule>{rule("a", {Capability::Read, Capability::Update}),
                                            rule("b", Capability::List)}));
    const Policy denied = parsed(utf8(R"(
path "a" { capabilities = ["read"] }
path "a" { capabilities = ["deny"] }
path "a" { capabilities = ["sudo"] }
)"));
    QCOMPARE(denied.rules, QList<PathRule>{rule("a", Capability::Deny)});
}

void TestPolicyParser::leadingSlashIsDropped()
{
    QCOMPARE(parsed(utf8(R"(path "/ebooks/*" { capabilities = ["read"] })")).rules,
             QList<PathRule>{rule("ebooks/*", Capability::Read)});
}

void TestPolicyParser::onlyOneLeadingSlashIsDroppedAndHclKeepsTheRest()
{
    // Found by fuzz_policyparser (regressions/policyparser/double-leading-slash):
    // "//x" is the rule "/x", whose canonical HCL read "x" before.
    const Policy policy = parsed(utf8(R"(path "//ebooks/*" { capabilities = ["read"] })"));
    QCOMPARE(policy.rules, QList<PathRule>{rule("/ebooks/*", Capability::Read)});
    const auto again = PolicyParser::parse(policy.name, policy.toHcl());
    QVERIFY(again.ok());
    QCOMPARE(*again, policy);
}

void TestPolicyParser::policyNamesAreChecked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "ebooks" << true;
    QTest::newRow("punctuation") << "desk.staff_2-a" << true;
    QTest::newRow("128 characters") << QString(128, u'a') << true;
    QTest::newRow("129 characters") << QString(129, u'a') << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("space") << "desk staff" << false;
    QTest::newRow("slash") << "desk/staff" << false;
    QTest::newRow("non-ascii") << "b\u00fccher" << false;
    QTest::newRow("dot") << "." << false;
    QTest::newRow("dot dot") << ".." << false;
    QTest::newRow("three dots") << "..." << false;
    QTest::newRow("leading dot") << ".hidden" << false;
    QTest::newRow("leading dash, an option to the CLI") << "-rf" << false;
    QTest::newRow("leading underscore") << "_x" << false;
    QTest::newRow("digit first") << "2nd-floor" << true;
    QTest::newRow("dots inside") << "desk..staff." << true;
}

void TestPolicyParser::policyNamesAreChecked()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(Policy::isValidName(name), valid);
    QCOMPARE(PolicyParser::parse(name, u"").ok(), valid);
}

void TestPolicyParser::namesAreCaseInsensitive()
{
    QCOMPARE(PolicyParser::parse(QStringLiteral("Desk-Staff"), u"")->name,
             QStringLiteral("desk-staff"));
}

void TestPolicyParser::rootCannotBeWrittenAndDefaultCannotBeDeleted()
{
    QVERIFY(!Policy::checkWritable(u"root").ok());
    QVERIFY(!Policy::checkWritable(u"ROOT").ok());
    QVERIFY(Policy::checkWritable(u"default").ok());
    QVERIFY(Policy::checkWritable(u"patrons").ok());
    QVERIFY(!Policy::checkWritable(u"bad name").ok());
    QVERIFY(!Policy::checkDeletable(u"root").ok());
    QVERIFY(!Policy::checkDeletable(u"default").ok());
    QVERIFY(Policy::checkDeletable(u"patrons").ok());
}

void TestPolicyParser::canonicalHclIsStable()
{
    const Policy policy{QStringLiteral("p"),
                        {rule("ebooks/*", {Capability::List, Capability::Read}),
                         rule("odd \"path\\", Capability::Deny)}};
    QCOMPARE(policy.toHcl(), QStringLiteral("path \"ebooks/*\" {\n"
                                            "  capabilities = [\"read\", \"list\"]\n"
                                            "}\n"
                                            "\n"
                                            "path \"odd \\\"path\\\\\" {\n"
                                            "  capabilities = [\"deny\"]\n"
                                            "}\n"));
    QCOMPARE(Policy{}.toHcl(), QString());
}

void TestPolicyParser::serializedHclParsesBackToTheSamePolicy()
{
    const Policy original = parsed(utf8(R"(
{"path": {
  "ebooks/*": {"capabilities": ["list", "read"]},
  "ebooks/rare/*": {"capabilities": ["deny"]},
  "archive/+/scans/*": {"capabilities": ["create", "read", "update", "patch", "delete", "list", "sudo"]},
  "quote\"d": {"capabilities": []}
}})"));
    QCOMPARE(original.rules.size(), 4);
    const auto again = PolicyParser::parse(original.name, original.toHcl());
    QVERIFY(again.ok());
    QCOMPARE(*again, original);
    QCOMPARE(again->toHcl(), original.toHcl());
}

void TestPolicyParser::builtInDefaultPolicyParses()
{
    const auto policy = PolicyParser::parse(Policy::defaultName(), Policy::defaultPolicyText());
    QVERIFY(policy.ok());
    QCOMPARE(policy->rules.size(), 5);
    QCOMPARE(policy->rules.first(), rule("auth/token/lookup-self", Capability::Read));
}

void TestPolicyParser::oversizedOrDeeplyNestedInputIsRejected()
{
    const QString huge = QStringLiteral("# ") + QString(PolicyParser::kMaxDocumentSize, u'x');
    QVERIFY(!PolicyParser::parse(QStringLiteral("p"), huge).ok());

    const QString deep = QStringLiteral("path \"a\" { comment = ") + QString(10000, u'[') +
                         QString(10000, u']') + QStringLiteral(" }");
    const auto result = PolicyParser::parse(QStringLiteral("p"), deep);
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(u"too deeply nested"));
}

QTEST_GUILESS_MAIN(TestPolicyParser)
#include "tst_policyparser.moc"
