#include "engine/Acl.h"
#include "engine/PolicyParser.h"

#include <QTest>

using namespace tessera::engine;

namespace {

// Policies given as HCL texts, named p0, p1, …
Acl aclOf(const QStringList& texts)
{
    QList<Policy> policies;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const auto policy = PolicyParser::parse(QStringLiteral("p%1").arg(i), texts[i]);
        if (!policy.ok())
            qFatal("bad test policy: %s", qPrintable(policy.error().message));
        policies << *policy;
    }
    return Acl(policies);
}

QString block(const char* path, const char* capabilities)
{
    return QStringLiteral("path \"%1\" { capabilities = [%2] }\n")
        .arg(QString::fromUtf8(path), QString::fromUtf8(capabilities));
}

} // namespace

class TestAcl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capabilitiesFollowVaultPriority_data();
    void capabilitiesFollowVaultPriority();
    void denyOverridesOtherPolicies();
    void plusMatchesExactlyOneSegment();
    void longerPrefixWins();
    void exactPathBeatsEveryPattern();
    void rootAllowsEverythingIncludingSudo();
    void allowsChecksOneCapability();
    void listFallsBackToThePathWithoutTrailingSlash();
    void emptyAclAllowsNothing();

    void policyNamesAreSanitizedLikeVault_data();
    void policyNamesAreSanitizedLikeVault();
    void subsetCheck_data();
    void subsetCheck();
    void childPolicies_data();
    void childPolicies();
};

void TestAcl::capabilitiesFollowVaultPriority_data()
{
    QTest::addColumn<QStringList>("policies");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("expected");

    const auto one = [](const QString& text) { return QStringList{text}; };
    const QStringList deny{QStringLiteral("deny")};
    const QStringList read{QStringLiteral("read")};
    const QStringList list{QStringLiteral("list")};

    QTest::newRow("exact match") << one(block("ebooks/a", "\"read\"")) << "ebooks/a" << read;
    QTest::newRow("exact rule does not cover children")
        << one(block("ebooks", "\"read\"")) << "ebooks/a" << deny;
    QTest::newRow("glob covers descendants")
        << one(block("ebooks/*", "\"read\"")) << "ebooks/a/b/c" << read;
    QTest::newRow("glob after slash skips the directory")
        << one(block("ebooks/*", "\"read\"")) << "ebooks" << deny;
    QTest::newRow("glob is a plain prefix")
        << one(block("ebooks*", "\"read\"")) << "ebooks2/x" << read;
    QTest::newRow("star matches everything")
        << one(block("*", "\"read\"")) << "anything/at/all" << read;
    QTest::newRow("no rule, no capability")
        << one(block("ebooks/*", "\"read\"")) << "wifi/guest" << deny;
    QTest::newRow("leading slash in the request")
        << one(block("ebooks/*", "\"read\"")) << "/ebooks/a" << read;
    QTest::newRow("empty rule grants nothing")
        << one(block("ebooks/*", "\"read\"") + block("ebooks/closed", "")) << "ebooks/closed"
        << deny;
    QTest::newRow("rules of one path merge across policies")
        << QStringList{block("ebooks/*", "\"read\""), block("ebooks/*", "\"list\", \"update\"")}
        << "ebooks/a"
        << QStringList{QStringLiteral("read"), QStringLiteral("update"), QStringLiteral("list")};
    QTest::newRow("deny in any policy of the winning path")
        << QStringList{block("ebooks/*", "\"read\", \"sudo\""), block("ebooks/*", "\"deny\"")}
        << "ebooks/a" << deny;
    QTest::newRow("less specific deny does not override")
        << QStringList{block("ebooks/*", "\"deny\""), block("ebooks/open/*", "\"read\"")}
        << "ebooks/open/a" << read;
    QTest::newRow("more specific deny wins")
        << QStringList{block("ebooks/*", "\"read\""), block("ebooks/rare/*", "\"deny\"")}
        << "ebooks/rare/a" << deny;
    QTest::newRow("longer glob wins")
        << one(block("ebooks/*", "\"read\"") + block("ebooks/rare/*", "\"list\""))
        << "ebooks/rare/a" << list;
    QTest::newRow("shorter glob still covers the rest")
        << one(block("ebooks/*", "\"read\"") + block("ebooks/rare/*", "\"list\""))
        << "ebooks/common" << read;
    QTest::newRow("plus matches one segment")
        << one(block("ebooks/+/pdf", "\"read\"")) << "ebooks/x/pdf" << read;
    QTest::newRow("plus does not match two segments")
        << one(block("ebooks/+/pdf", "\"read\"")) << "ebooks/x/y/pdf" << deny;
    QTest::newRow("plus does not match zero segments")
        << one(block("ebooks/+/pdf", "\"read\"")) << "ebooks/pdf" << deny;
    QTest::newRow("plus without glob needs the same depth")
        << one(block("ebooks/+", "\"read\"")) << "ebooks/x/y" << deny;
    QTest::newRow("plus then glob")
        << one(block("ebooks/+/*", "\"read\"")) << "ebooks/x/y/z" << read;
    QTest::newRow("plus then glob needs the slash")
        << one(block("ebooks/+/*", "\"read\"")) << "ebooks/x" << deny;
    QTest::newRow("plus then partial segment glob")
        << one(block("ebooks/+/ba*", "\"read\"")) << "ebooks/x/bar/q" << read;
    QTest::newRow("plus as the first segment")
        << one(block("+/public", "\"read\"")) << "ebooks/public" << read;
    QTest::newRow("later wildcard wins")
        << one(block("a/+/c", "\"read\"") + block("a/b/+", "\"list\"")) << "a/b/c" << list;
    QTest::newRow("later glob beats earlier plus")
        << one(block("a/+", "\"read\"") + block("a/b*", "\"list\"")) << "a/bc" << list;
    QTest::newRow("plus beats glob at the same position")
        << one(block("a/*", "\"read\"") + block("a/+", "\"list\"")) << "a/x" << list;
    QTest::newRow("fewer plus segments win")
        << one(block("a/+/+/d", "\"read\"") + block("a/+/c/d", "\"list\"")) << "a/x/c/d" << list;
    QTest::newRow("non-glob beats glob after plus")
        << one(block("a/+/ba*", "\"read\"") + block("a/+/bar", "\"list\"")) << "a/x/bar" << list;
    QTest::newRow("longer pattern wins")
        << one(block("a/+/bar/b*", "\"read\"") + block("a/+/bar/ba*", "\"list\"")) << "a/x/bar/baz"
        << list;
    QTest::newRow("deny in the winning wildcard rule")
        << one(block("a/*", "\"read\"") + block("a/+/secret", "\"deny\"")) << "a/x/secret" << deny;
    QTest::newRow("sudo is reported")
        << one(block("auth/token/create-orphan", "\"update\", \"sudo\""))
        << "auth/token/create-orphan"
        << QStringList{QStringLiteral("update"), QStringLiteral("sudo")};
}

void TestAcl::capabilitiesFollowVaultPriority()
{
    QFETCH(QStringList, policies);
    QFETCH(QString, path);
    QFETCH(QStringList, expected);
    QCOMPARE(aclOf(policies).capabilityNames(path), expected);
}

void TestAcl::denyOverridesOtherPolicies()
{
    const Acl acl = aclOf({block("ebooks/*", "\"read\", \"list\", \"sudo\""),
                           block("ebooks/*", "\"deny\""), block("ebooks/*", "\"update\"")});
    QCOMPARE(acl.capabilities(u"ebooks/a"), Capabilities(Capability::Deny));
    for (const Capability capability :
         {Capability::Read, Capability::List, Capability::Sudo, Capability::Update})
        QVERIFY(!acl.allows(u"ebooks/a", capability));
}

void TestAcl::plusMatchesExactlyOneSegment()
{
    const Acl acl = aclOf({block("wifi/+/guest", "\"read\"")});
    QVERIFY(acl.allows(u"wifi/branch1/guest", Capability::Read));
    QVERIFY(acl.allows(u"wifi/main-library/guest", Capability::Read));
    QVERIFY(!acl.allows(u"wifi/guest", Capability::Read));
    QVERIFY(!acl.allows(u"wifi/a/b/guest", Capability::Read));
    QVERIFY(!acl.allows(u"wifi/branch1/guest/x", Capability::Read));
    QVERIFY(!acl.allows(u"wifi/branch1/guests", Capability::Read));
}

void TestAcl::longerPrefixWins()
{
    const Acl acl =
        aclOf({block("ebooks/*", "\"read\", \"list\""), block("ebooks/reference/*", "\"read\"")});
    QVERIFY(acl.allows(u"ebooks/novels/x", Capability::List));
    QVERIFY(acl.allows(u"ebooks/reference/x", Capability::Read));
    QVERIFY(!acl.allows(u"ebooks/reference/x",
                        Capability::List)); // not inherited from the shorter glob
}

void TestAcl::exactPathBeatsEveryPattern()
{
    const Acl acl = aclOf({block("ebooks/*", "\"read\"") + block("ebooks/+", "\"update\"") +
                           block("ebooks/catalog", "\"list\"")});
    QCOMPARE(acl.capabilities(u"ebooks/catalog"), Capabilities(Capability::List));
    QCOMPARE(acl.capabilities(u"ebooks/other"), Capabilities(Capability::Update));
}

void TestAcl::rootAllowsEverythingIncludingSudo()
{
    const Acl acl({Policy::root()});
    QVERIFY(acl.isRoot());
    QVERIFY(acl.allows(u"sys/anything", Capability::Sudo));
    QVERIFY(acl.allows(u"auth/token/create-orphan", Capability::Update));
    QCOMPARE(acl.capabilities(u"x"), kAllCapabilities);
    QCOMPARE(acl.capabilityNames(u"x"), QStringList{QStringLiteral("root")});

    // Root wins even next to a policy that denies.
    const Acl mixed(
        {Policy::root(), *PolicyParser::parse(QStringLiteral("no"), block("*", "\"deny\""))});
    QVERIFY(mixed.allows(u"ebooks/a", Capability::Read));
}

void TestAcl::allowsChecksOneCapability()
{
    const Acl acl = aclOf({block("auth/token/create", "\"update\"")});
    QVERIFY(acl.allows(u"auth/token/create", Capability::Update));
    QVERIFY(!acl.allows(u"auth/token/create", Capability::Sudo));
    QVERIFY(!acl.allows(u"auth/token/create", Capability::Deny));
}

void TestAcl::listFallsBackToThePathWithoutTrailingSlash()
{
    const Acl acl = aclOf({block("ebooks", "\"list\"")});
    QVERIFY(acl.allows(u"ebooks/", Capability::List));
    QVERIFY(!acl.allows(u"ebooks/", Capability::Read));
    QCOMPARE(acl.capabilities(u"ebooks/"), Capabilities(Capability::List));
}

void TestAcl::emptyAclAllowsNothing()
{
    const Acl acl;
    QVERIFY(!acl.isRoot());
    QVERIFY(!acl.allows(u"auth/token/lookup-self", Capability::Read));
    QCOMPARE(acl.capabilityNames(u"x"), QStringList{QStringLiteral("deny")});
}

void TestAcl::policyNamesAreSanitizedLikeVault_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("addDefault");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("trim, lower, sort, dedupe")
        << QStringList{QStringLiteral(" Ebooks"), QStringLiteral("wifi"), QStringLiteral("ebooks"),
                       QString()}
        << false << QStringList{QStringLiteral("ebooks"), QStringLiteral("wifi")};
    QTest::newRow("default added")
        << QStringList{QStringLiteral("wifi")} << true
        << QStringList{QStringLiteral("default"), QStringLiteral("wifi")};
    QTest::newRow("default not doubled")
        << QStringList{QStringLiteral("default")} << true << QStringList{QStringLiteral("default")};
    QTest::newRow("root swallows the rest")
        << QStringList{QStringLiteral("wifi"), QStringLiteral("root")} << true
        << QStringList{QStringLiteral("root")};
}

void TestAcl::policyNamesAreSanitizedLikeVault()
{
    QFETCH(QStringList, names);
    QFETCH(bool, addDefault);
    QFETCH(QStringList, expected);
    QCOMPARE(Policy::sanitizeNames(names, addDefault), expected);
}

void TestAcl::subsetCheck_data()
{
    QTest::addColumn<QStringList>("child");
    QTest::addColumn<QStringList>("parent");
    QTest::addColumn<bool>("subset");
    const auto names = [](const char* text) {
        return QString::fromUtf8(text).split(u',', Qt::SkipEmptyParts);
    };
    QTest::newRow("equal") << names("a,b") << names("a,b") << true;
    QTest::newRow("smaller") << names("a") << names("a,b") << true;
    QTest::newRow("empty child") << names("") << names("a") << true;
    QTest::newRow("extra policy") << names("a,c") << names("a,b") << false;
    QTest::newRow("case does not matter") << names("A") << names("a") << true;
    QTest::newRow("root parent allows anything") << names("anything,root") << names("root") << true;
    QTest::newRow("root child needs root parent") << names("root") << names("a,default") << false;
    QTest::newRow("default counts like any policy") << names("default") << names("a") << false;
    QTest::newRow("default in both") << names("default,a") << names("default,a,b") << true;
}

void TestAcl::subsetCheck()
{
    QFETCH(QStringList, child);
    QFETCH(QStringList, parent);
    QFETCH(bool, subset);
    QCOMPARE(Policy::isSubset(child, parent), subset);
}

void TestAcl::childPolicies_data()
{
    QTest::addColumn<QStringList>("requested");
    QTest::addColumn<QStringList>("parent");
    QTest::addColumn<bool>("noDefault");
    QTest::addColumn<bool>("sudo");
    QTest::addColumn<QStringList>("expected"); // empty: refused
    const auto names = [](const char* text) {
        return QString::fromUtf8(text).split(u',', Qt::SkipEmptyParts);
    };
    QTest::newRow("inherits the parent's")
        << names("") << names("default,ebooks") << false << false << names("default,ebooks");
    QTest::newRow("inherits without default")
        << names("") << names("default,ebooks") << true << false << names("ebooks");
    QTest::newRow("child of root is root")
        << names("") << names("root") << false << false << names("root");
    QTest::newRow("subset gets default from parent")
        << names("ebooks") << names("default,ebooks,wifi") << false << false
        << names("default,ebooks");
    QTest::newRow("no default when parent lacks it")
        << names("ebooks") << names("ebooks,wifi") << false << false << names("ebooks");
    QTest::newRow("no_default_policy")
        << names("ebooks") << names("default,ebooks") << true << false << names("ebooks");
    QTest::newRow("not a subset is refused")
        << names("archive") << names("default,ebooks") << false << false << QStringList();
    QTest::newRow("sudo may grant anything")
        << names("archive") << names("ebooks") << false << true << names("archive,default");
    QTest::newRow("root parent may grant anything")
        << names("archive") << names("root") << false << false << names("archive,default");
    QTest::newRow("root policy needs a root parent")
        << names("root") << names("ebooks") << false << true << QStringList();
    QTest::newRow("root parent may create root")
        << names("root") << names("root") << false << false << names("root");
}

void TestAcl::childPolicies()
{
    QFETCH(QStringList, requested);
    QFETCH(QStringList, parent);
    QFETCH(bool, noDefault);
    QFETCH(bool, sudo);
    QFETCH(QStringList, expected);
    const auto result = Policy::childPolicies(requested, parent, noDefault, sudo);
    if (expected.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, tessera::ErrorCode::InvalidArgument);
    } else {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, expected);
    }
}

QTEST_GUILESS_MAIN(TestAcl)
#include "tst_acl.moc"
