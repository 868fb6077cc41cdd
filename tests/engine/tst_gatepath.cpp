#include "engine/Acl.h"
#include "engine/GatePath.h"
#include "engine/PolicyParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;

// What a proxied web request is checked as: `gate/<host>/<path>` and the
// capability its method needs. The mapping must agree with what the upstream
// server serves, or a policy for one document would grant another.
class TestGatePath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathIsDecodedAndNormalisedAsTheServerServesIt_data();
    void pathIsDecodedAndNormalisedAsTheServerServesIt();
    void pathThatCannotBeMappedIsRefused_data();
    void pathThatCannotBeMappedIsRefused();
    void hostLosesPortAndCase_data();
    void hostLosesPortAndCase();
    void hostThatIsNoHostNameIsRefused_data();
    void hostThatIsNoHostNameIsRefused();
    void methodChoosesTheCapability_data();
    void methodChoosesTheCapability();
    void unknownMethodIsRefused();
    void policyForOneDocumentGrantsOnlyThatDocument_data();
    void policyForOneDocumentGrantsOnlyThatDocument();
    void refusalNeverRepeatsTheRequest();
};

void TestGatePath::pathIsDecodedAndNormalisedAsTheServerServesIt_data()
{
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<QString>("path");

    QTest::newRow("plain") << "/articles/42"_ba << u"articles/42"_s;
    QTest::newRow("root") << "/"_ba << u""_s;
    QTest::newRow("query dropped") << "/articles/42?page=2&t=x"_ba << u"articles/42"_s;
    QTest::newRow("fragment dropped") << "/articles/42#figure-1"_ba << u"articles/42"_s;
    QTest::newRow("folder keeps its slash") << "/articles/"_ba << u"articles/"_s;
    QTest::newRow("double slashes merged") << "//articles//42"_ba << u"articles/42"_s;
    QTest::newRow("dot segments") << "/articles/./42"_ba << u"articles/42"_s;
    QTest::newRow("dot-dot resolved") << "/articles/42/../43"_ba << u"articles/43"_s;
    QTest::newRow("encoded dot-dot resolved") << "/articles/42/%2e%2e/43"_ba << u"articles/43"_s;
    QTest::newRow("mixed-case escape") << "/articles/42/%2E%2e/43"_ba << u"articles/43"_s;
    QTest::newRow("trailing dot-dot is a folder") << "/articles/42/.."_ba << u"articles/"_s;
    QTest::newRow("space") << "/reading%20room/map.png"_ba << u"reading room/map.png"_s;
    QTest::newRow("encoded query mark is data") << "/faq%3F"_ba << u"faq?"_s;
    QTest::newRow("utf-8 escaped") << "/caf%C3%A9/men%C3%BA"_ba << u"café/menú"_s;
    QTest::newRow("utf-8 raw") << "/caf\xC3\xA9"_ba << u"café"_s;
    // Not Unicode-normalised: the server serves the bytes it is given, so a
    // policy for the composed spelling must not grant the decomposed one.
    QTest::newRow("decomposed stays decomposed") << "/cafe%CC%81"_ba << u"cafe\u0301"_s;
    QTest::newRow("percent decoded once") << "/a%2525b"_ba << u"a%25b"_s;
}

void TestGatePath::pathIsDecodedAndNormalisedAsTheServerServesIt()
{
    QFETCH(QByteArray, uri);
    QFETCH(QString, path);
    auto mapped = GatePath::normalizedPath(uri);
    QVERIFY2(mapped, qPrintable(mapped ? QString() : mapped.error().message));
    QCOMPARE(*mapped, path);
}

void TestGatePath::pathThatCannotBeMappedIsRefused_data()
{
    QTest::addColumn<QByteArray>("uri");

    QTest::newRow("empty") << ""_ba;
    QTest::newRow("relative") << "articles/42"_ba;
    QTest::newRow("absolute form") << "http://journal.example.org/articles/42"_ba;
    QTest::newRow("above the root") << "/../etc/passwd"_ba;
    QTest::newRow("encoded above the root") << "/articles/%2e%2e/%2e%2e/secret"_ba;
    QTest::newRow("encoded slash") << "/articles%2f42"_ba;
    QTest::newRow("encoded slash upper") << "/articles%2F..%2F43"_ba;
    QTest::newRow("encoded backslash") << "/articles%5c42"_ba;
    QTest::newRow("raw backslash") << "/articles\\42"_ba;
    QTest::newRow("encoded NUL") << "/articles/42%00.png"_ba;
    QTest::newRow("encoded newline") << "/articles/42%0d%0aX-Evil: 1"_ba;
    QTest::newRow("raw tab") << "/articles/\t42"_ba;
    QTest::newRow("truncated escape") << "/articles/42%2"_ba;
    QTest::newRow("bad escape") << "/articles/%zz"_ba;
    QTest::newRow("invalid utf-8") << "/caf%C3"_ba;
    QTest::newRow("overlong utf-8 slash") << "/a%C0%AFb"_ba;
    QTest::newRow("too long") << QByteArray("/") + QByteArray(GatePath::kMaxUriBytes, 'a');
}

void TestGatePath::pathThatCannotBeMappedIsRefused()
{
    QFETCH(QByteArray, uri);
    auto mapped = GatePath::normalizedPath(uri);
    QVERIFY2(!mapped, qPrintable(u"mapped to "_s + mapped.valueOr(QString())));
    QCOMPARE(mapped.error().code, ErrorCode::InvalidArgument);
}

void TestGatePath::hostLosesPortAndCase_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("host");

    QTest::newRow("name") << "journal.example.org"_ba << u"journal.example.org"_s;
    QTest::newRow("upper case") << "Journal.Example.ORG"_ba << u"journal.example.org"_s;
    QTest::newRow("port") << "journal.example.org:8443"_ba << u"journal.example.org"_s;
    QTest::newRow("root label") << "journal.example.org."_ba << u"journal.example.org"_s;
    QTest::newRow("ipv4 and port") << "127.0.0.1:8080"_ba << u"127.0.0.1"_s;
    QTest::newRow("ipv6") << "[::1]"_ba << u"[::1]"_s;
    QTest::newRow("ipv6 and port") << "[2001:DB8::1]:443"_ba << u"[2001:db8::1]"_s;
    QTest::newRow("punycode") << "xn--bcher-kva.example"_ba << u"xn--bcher-kva.example"_s;
    QTest::newRow("surrounding spaces") << " journal.example.org "_ba << u"journal.example.org"_s;
}

void TestGatePath::hostLosesPortAndCase()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, host);
    auto name = GatePath::normalizedHost(header);
    QVERIFY2(name, qPrintable(name ? QString() : name.error().message));
    QCOMPARE(*name, host);
}

void TestGatePath::hostThatIsNoHostNameIsRefused_data()
{
    QTest::addColumn<QByteArray>("header");

    QTest::newRow("missing") << ""_ba;
    QTest::newRow("slash") << "journal.example.org/articles"_ba;
    QTest::newRow("path climbing") << ".."_ba;
    QTest::newRow("empty label") << "journal..example.org"_ba;
    QTest::newRow("leading dot") << ".example.org"_ba;
    QTest::newRow("user info") << "patron@journal.example.org"_ba;
    QTest::newRow("bad port") << "journal.example.org:http"_ba;
    QTest::newRow("empty port") << "journal.example.org:"_ba;
    QTest::newRow("raw unicode") << "b\xC3\xBC"
                                    "cher.example"_ba;
    QTest::newRow("unclosed ipv6") << "[::1"_ba;
    QTest::newRow("ipv6 junk") << "[::1/x]"_ba;
    QTest::newRow("label too long") << QByteArray(64, 'a') + ".example"_ba;
}

void TestGatePath::hostThatIsNoHostNameIsRefused()
{
    QFETCH(QByteArray, header);
    auto name = GatePath::normalizedHost(header);
    QVERIFY2(!name, qPrintable(u"accepted as "_s + name.valueOr(QString())));
    QCOMPARE(name.error().code, ErrorCode::InvalidArgument);
}

void TestGatePath::methodChoosesTheCapability_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<Capability>("needed");

    QTest::newRow("GET") << "GET"_ba << Capability::Read;
    QTest::newRow("HEAD") << "HEAD"_ba << Capability::Read;
    QTest::newRow("POST") << "POST"_ba << Capability::Update;
    QTest::newRow("PUT") << "PUT"_ba << Capability::Update;
    QTest::newRow("PATCH") << "PATCH"_ba << Capability::Update;
    QTest::newRow("DELETE") << "DELETE"_ba << Capability::Delete;
}

void TestGatePath::methodChoosesTheCapability()
{
    QFETCH(QByteArray, method);
    QFETCH(Capability, needed);
    auto mapped = GatePath::fromRequest(method, "journal.example.org", "/articles/42");
    QVERIFY(mapped);
    QCOMPARE(mapped->needed, needed);
    QCOMPARE(mapped->aclPath(), u"gate/journal.example.org/articles/42"_s);
}

void TestGatePath::unknownMethodIsRefused()
{
    for (const char* method : {"OPTIONS", "TRACE", "CONNECT", "get", ""}) {
        auto mapped = GatePath::fromRequest(method, "journal.example.org", "/articles/42");
        QVERIFY2(!mapped, method);
        QCOMPARE(mapped.error().code, ErrorCode::InvalidArgument);
    }
}

void TestGatePath::policyForOneDocumentGrantsOnlyThatDocument_data()
{
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("the document") << "/articles/42"_ba << true;
    QTest::newRow("with a query") << "/articles/42?download=1"_ba << true;
    QTest::newRow("spelled with dots") << "/articles/43/../42"_ba << true;
    QTest::newRow("another document") << "/articles/43"_ba << false;
    QTest::newRow("dots to another") << "/articles/42/../43"_ba << false;
    QTest::newRow("encoded dots to another") << "/articles/42/%2e%2e/43"_ba << false;
    QTest::newRow("a longer name") << "/articles/421"_ba << false;
    QTest::newRow("below it") << "/articles/42/images/fig1.png"_ba << false;
    QTest::newRow("the folder") << "/articles/"_ba << false;
}

void TestGatePath::policyForOneDocumentGrantsOnlyThatDocument()
{
    QFETCH(QByteArray, uri);
    QFETCH(bool, allowed);
    auto policy = PolicyParser::parse(
        u"article-42"_s,
        u"path \"gate/journal.example.org/articles/42\" { capabilities = [\"read\"] }"_s);
    QVERIFY(policy);
    const Acl acl({*policy});
    auto mapped = GatePath::fromRequest("GET", "JOURNAL.example.org:443", uri);
    QVERIFY(mapped);
    QCOMPARE(acl.allows(mapped->aclPath(), mapped->needed), allowed);
    QVERIFY(!acl.allows(mapped->aclPath(), Capability::Update));
}

void TestGatePath::refusalNeverRepeatsTheRequest()
{
    const QByteArray secret = "/articles%2f42?t=tss.SECRETTOKENVALUE";
    auto mapped = GatePath::normalizedPath(secret);
    QVERIFY(!mapped);
    QVERIFY(!mapped.error().message.contains(u"SECRET"_s));
    QVERIFY(!mapped.error().message.contains(u"articles"_s));
}

QTEST_GUILESS_MAIN(TestGatePath)
#include "tst_gatepath.moc"
