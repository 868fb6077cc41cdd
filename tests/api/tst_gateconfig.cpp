#include "api/GateConfig.h"
#include "api/GateLanguage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera::api;

// Where a signed-in browser may be sent (no open redirect), and which
// language the pages speak.
class TestGateConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redirectGoesToOwnPathsAndListedHosts_data();
    void redirectGoesToOwnPathsAndListedHosts();
    void redirectElsewhereIsRefused_data();
    void redirectElsewhereIsRefused();
    void pagesSpeakTheBrowsersPreferredLanguage_data();
    void pagesSpeakTheBrowsersPreferredLanguage();
    void clientBehindATrustedProxyIsTheForwardedAddress_data();
    void clientBehindATrustedProxyIsTheForwardedAddress();
    void proxyOnTheUnixSocketIsTrustedOnlyWhenNamed();
    void securityKeysNeedAnHttpsOriginWithAHostName_data();
    void securityKeysNeedAnHttpsOriginWithAHostName();
    void relyingPartyIsTheOriginsHost();
};

namespace {

GateConfig journalOnly()
{
    GateConfig config;
    config.allowedRedirectHosts = {u"journal.example.org"_s};
    return config;
}

} // namespace

void TestGateConfig::redirectGoesToOwnPathsAndListedHosts_data()
{
    QTest::addColumn<QString>("rd");
    QTest::addColumn<QString>("target");

    QTest::newRow("own path") << u"/articles/42/"_s << u"/articles/42/"_s;
    QTest::newRow("own path with query")
        << u"/search?q=maps&page=2"_s << u"/search?q=maps&page=2"_s;
    QTest::newRow("listed host") << u"https://journal.example.org/articles/42"_s
                                 << u"https://journal.example.org/articles/42"_s;
    QTest::newRow("listed host, any case")
        << u"https://JOURNAL.example.org/a"_s << u"https://journal.example.org/a"_s;
    QTest::newRow("listed host with port")
        << u"http://journal.example.org:8080/a"_s << u"http://journal.example.org:8080/a"_s;
}

void TestGateConfig::redirectGoesToOwnPathsAndListedHosts()
{
    QFETCH(QString, rd);
    QFETCH(QString, target);
    QCOMPARE(journalOnly().redirectTarget(rd), std::optional<QString>(target));
}

void TestGateConfig::redirectElsewhereIsRefused_data()
{
    QTest::addColumn<QString>("rd");

    QTest::newRow("empty") << QString();
    QTest::newRow("another host") << u"https://evil.example/"_s;
    QTest::newRow("protocol-relative") << u"//evil.example/"_s;
    QTest::newRow("backslash trick") << u"/\\evil.example/"_s;
    QTest::newRow("listed host as a suffix") << u"https://journal.example.org.evil.example/"_s;
    QTest::newRow("listed host as user info") << u"https://journal.example.org@evil.example/"_s;
    QTest::newRow("user info on listed host") << u"https://x@journal.example.org/"_s;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s;
    QTest::newRow("data") << u"data:text/html,hi"_s;
    QTest::newRow("relative without slash") << u"evil.example"_s;
    QTest::newRow("header injection") << u"/a\r\nSet-Cookie: x=1"_s;
    QTest::newRow("tab in scheme") << u"htt\tps://evil.example/"_s;
    QTest::newRow("too long") << u"/"_s + QString(4096, u'a');
}

void TestGateConfig::redirectElsewhereIsRefused()
{
    QFETCH(QString, rd);
    QCOMPARE(journalOnly().redirectTarget(rd), std::nullopt);
}

void TestGateConfig::pagesSpeakTheBrowsersPreferredLanguage_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("language");

    QTest::newRow("none") << QByteArray() << u"en"_s;
    QTest::newRow("spanish") << "es"_ba << u"es"_s;
    QTest::newRow("regional german") << "de-AT,de;q=0.9"_ba << u"de"_s;
    QTest::newRow("first supported") << "fr-FR,fr;q=0.9,es;q=0.8,de;q=0.7"_ba << u"es"_s;
    QTest::newRow("quality decides") << "de;q=0.5,es;q=0.9"_ba << u"es"_s;
    QTest::newRow("unsupported only") << "fr,it"_ba << u"en"_s;
    QTest::newRow("refused with q=0") << "es;q=0,de;q=0.1"_ba << u"de"_s;
    QTest::newRow("junk") << ";;,,q=x"_ba << u"en"_s;
}

void TestGateConfig::pagesSpeakTheBrowsersPreferredLanguage()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, language);
    QCOMPARE(GateLanguage::fromAcceptLanguage(header), language);
}

void TestGateConfig::clientBehindATrustedProxyIsTheForwardedAddress_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("forwardedFor");
    QTest::addColumn<QString>("client");
    QTest::newRow("no proxy") << u"192.0.2.7"_s << QByteArray() << u"192.0.2.7"_s;
    QTest::newRow("untrusted peer's header is ignored")
        << u"192.0.2.7"_s << "198.51.100.1"_ba << u"192.0.2.7"_s;
    QTest::newRow("trusted proxy names the browser")
        << u"127.0.0.1"_s << "198.51.100.1"_ba << u"198.51.100.1"_s;
    // The browser may send its own X-Forwarded-For: only what the proxy
    // appended (the right-most address) is believed.
    QTest::newRow("forged entries on the left")
        << u"127.0.0.1"_s << "203.0.113.9, 198.51.100.1"_ba << u"198.51.100.1"_s;
    QTest::newRow("two trusted hops")
        << u"127.0.0.1"_s << "198.51.100.1, 10.0.0.2"_ba << u"198.51.100.1"_s;
    QTest::newRow("garbage keeps the proxy's view")
        << u"127.0.0.1"_s << "not-an-address"_ba << u"127.0.0.1"_s;
    QTest::newRow("ipv6") << u"127.0.0.1"_s << "2001:db8::1"_ba << u"2001:db8::1"_s;
    QTest::newRow("proxy without header") << u"127.0.0.1"_s << QByteArray() << u"127.0.0.1"_s;
}

void TestGateConfig::clientBehindATrustedProxyIsTheForwardedAddress()
{
    QFETCH(QString, peer);
    QFETCH(QByteArray, forwardedFor);
    QFETCH(QString, client);
    GateConfig config;
    config.trustedProxies = {u"127.0.0.1"_s, u"10.0.0.2"_s};
    QCOMPARE(config.clientAddress(peer, forwardedFor), client);
}

void TestGateConfig::proxyOnTheUnixSocketIsTrustedOnlyWhenNamed()
{
    GateConfig config;
    config.trustedProxies = {u"127.0.0.1"_s};
    QCOMPARE(config.clientAddress(u"unix"_s, "198.51.100.1"_ba), u"unix"_s);
    config.trustedProxies.append(u"unix"_s);
    QCOMPARE(config.clientAddress(u"unix"_s, "198.51.100.1"_ba), u"198.51.100.1"_s);
    // A browser cannot pass itself off as the socket's proxy.
    QCOMPARE(config.clientAddress(u"unix"_s, "unix, 198.51.100.1"_ba), u"198.51.100.1"_s);
    QCOMPARE(config.clientAddress(u"192.0.2.7"_s, "unix"_ba), u"192.0.2.7"_s);
}

void TestGateConfig::securityKeysNeedAnHttpsOriginWithAHostName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("origin"); // empty: refused
    QTest::newRow("https") << u"https://Library.Example.org"_s << u"https://library.example.org"_s;
    QTest::newRow("https, trailing slash")
        << u"https://library.example.org/"_s << u"https://library.example.org"_s;
    QTest::newRow("default port dropped")
        << u"https://library.example.org:443"_s << u"https://library.example.org"_s;
    QTest::newRow("other port kept")
        << u"https://library.example.org:8443"_s << u"https://library.example.org:8443"_s;
    QTest::newRow("http on localhost") << u"http://localhost:8200"_s << u"http://localhost:8200"_s;
    QTest::newRow("plain http elsewhere") << u"http://library.example.org"_s << QString();
    QTest::newRow("IP address") << u"https://192.0.2.7"_s << QString();
    QTest::newRow("loopback IP") << u"http://127.0.0.1:8200"_s << QString();
    QTest::newRow("path") << u"https://library.example.org/gate"_s << QString();
    QTest::newRow("query") << u"https://library.example.org/?a=1"_s << QString();
    QTest::newRow("user") << u"https://me@library.example.org"_s << QString();
    QTest::newRow("no scheme") << u"library.example.org"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestGateConfig::securityKeysNeedAnHttpsOriginWithAHostName()
{
    QFETCH(QString, text);
    QFETCH(QString, origin);
    const auto checked = GateConfig::checkedOrigin(text);
    if (origin.isEmpty()) {
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, tessera::ErrorCode::InvalidArgument);
    } else {
        QVERIFY(checked.ok());
        QCOMPARE(*checked, origin);
    }
}

void TestGateConfig::relyingPartyIsTheOriginsHost()
{
    GateConfig config;
    QVERIFY(!config.relyingParty().enabled());
    config.publicOrigin = u"https://library.example.org:8443"_s;
    const auto rp = config.relyingParty();
    QVERIFY(rp.enabled());
    QCOMPARE(rp.id, u"library.example.org"_s);
    QCOMPARE(rp.origins, QStringList{u"https://library.example.org:8443"_s});
}

QTEST_GUILESS_MAIN(TestGateConfig)
#include "tst_gateconfig.moc"
