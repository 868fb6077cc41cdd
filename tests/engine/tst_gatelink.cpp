// The address of a one-use link and the document it names, as the console
// (a document's address) and tessera-cli (gate/HOST/PATH) make them.
#include "engine/GateLink.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;

class TestGateLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentAddressNamesTheDocumentAsACheckWould();
    void linkIsRedeemedOnTheDocumentsOwnSite();
    void documentAddressMustBeAWebAddressACheckCanName_data();
    void documentAddressMustBeAWebAddressACheckCanName();
    void aclPathIsRedeemedOnHttpsOfItsHostUnlessASiteIsGiven();
    void siteMustBeAWebAddress();
};

void TestGateLink::documentAddressNamesTheDocumentAsACheckWould()
{
    auto link = GateLink::forDocument(u"https://Journal.Example.org/articles/42/?page=2#top"_s);
    QVERIFY(link);
    // Host in lower case, query and fragment dropped: what /gate/check maps
    // a request of that page to.
    QCOMPARE(link->aclPath(), u"gate/journal.example.org/articles/42/"_s);
    auto decoded = GateLink::forDocument(u"http://journal.example.org/a%20b/./c.pdf"_s);
    QVERIFY(decoded);
    QCOMPARE(decoded->aclPath(), u"gate/journal.example.org/a b/c.pdf"_s);
}

void TestGateLink::linkIsRedeemedOnTheDocumentsOwnSite()
{
    auto link = GateLink::forDocument(u"http://journal.example.org:8080/articles/42/"_s);
    QVERIFY(link);
    QCOMPARE(link->redeemUrl(u"tss.abc"_s),
             u"http://journal.example.org:8080/gate/redeem?t=tss.abc"_s);
}

void TestGateLink::documentAddressMustBeAWebAddressACheckCanName_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("empty") << QString();
    QTest::newRow("no scheme") << u"journal.example.org/articles/42"_s;
    QTest::newRow("ftp") << u"ftp://journal.example.org/articles/42"_s;
    QTest::newRow("no host") << u"https:///articles/42"_s;
    QTest::newRow("credentials") << u"https://user:pw@journal.example.org/a"_s;
    QTest::newRow("encoded slash") << u"https://journal.example.org/a%2Fb"_s;
    QTest::newRow("above the root") << u"https://journal.example.org/../etc/passwd"_s;
}

void TestGateLink::documentAddressMustBeAWebAddressACheckCanName()
{
    QFETCH(QString, address);
    auto link = GateLink::forDocument(address);
    QVERIFY2(!link, "an address no check can name made a link");
    QCOMPARE(link.error().code, ErrorCode::InvalidArgument);
}

void TestGateLink::aclPathIsRedeemedOnHttpsOfItsHostUnlessASiteIsGiven()
{
    auto link = GateLink::forAclPath(u"gate/journal.example.org/articles/43/"_s, {});
    QVERIFY(link);
    QCOMPARE(link->aclPath(), u"gate/journal.example.org/articles/43/"_s);
    QCOMPARE(link->redeemUrl(u"tss.x"_s), u"https://journal.example.org/gate/redeem?t=tss.x"_s);
    auto local = GateLink::forAclPath(u"gate/journal.example.org/articles/43/"_s,
                                      u"http://127.0.0.1:8081/ignored/path"_s);
    QVERIFY(local);
    QCOMPARE(local->redeemUrl(u"tss.x"_s), u"http://127.0.0.1:8081/gate/redeem?t=tss.x"_s);
}

void TestGateLink::siteMustBeAWebAddress()
{
    auto link = GateLink::forAclPath(u"gate/journal.example.org/a"_s, u"javascript:alert(1)"_s);
    QVERIFY(!link);
    QCOMPARE(link.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestGateLink)
#include "tst_gatelink.moc"
