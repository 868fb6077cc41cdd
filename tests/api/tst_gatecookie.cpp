#include "api/GateCookie.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera::api;

// The cookie that keeps the patron's token: found among others, refused when
// malformed, and set with the attributes that keep scripts and other sites
// away from it.
class TestGateCookie : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenIsFoundAmongOtherCookies_data();
    void tokenIsFoundAmongOtherCookies();
    void malformedCookieCarriesNoToken_data();
    void malformedCookieCarriesNoToken();
    void setCookieKeepsTheTokenFromScriptsAndOtherSites();
    void secureOnlyWhenAskedFor();
    void clearingExpiresTheCookieAtOnce();
};

void TestGateCookie::tokenIsFoundAmongOtherCookies_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("token");

    QTest::newRow("alone") << "tessera_token=tss.abc"_ba
                           << "tss.abc"_ba;
    QTest::newRow("among others") << "lang=es; tessera_token=tss.abc; theme=dark"_ba
                                  << "tss.abc"_ba;
    QTest::newRow("no spaces") << "lang=es;tessera_token=tss.abc"_ba
                               << "tss.abc"_ba;
    QTest::newRow("quoted") << "tessera_token=\"tss.abc\""_ba
                            << "tss.abc"_ba;
    QTest::newRow("first of two") << "tessera_token=tss.one; tessera_token=tss.two"_ba
                                  << "tss.one"_ba;
    QTest::newRow("longer name is another cookie")
        << "tessera_token2=tss.other; tessera_token=tss.abc"_ba
        << "tss.abc"_ba;
}

void TestGateCookie::tokenIsFoundAmongOtherCookies()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, token);
    QCOMPARE(GateCookie::tokenFrom(header), token);
}

void TestGateCookie::malformedCookieCarriesNoToken_data()
{
    QTest::addColumn<QByteArray>("header");

    QTest::newRow("no cookie header") << ""_ba;
    QTest::newRow("other cookies only") << "lang=es; theme=dark"_ba;
    QTest::newRow("empty value") << "tessera_token="_ba;
    QTest::newRow("no equals sign") << "tessera_token"_ba;
    QTest::newRow("empty quotes") << "tessera_token=\"\""_ba;
    QTest::newRow("space inside") << "tessera_token=tss.a b"_ba;
    QTest::newRow("comma inside") << "tessera_token=tss.a,b"_ba;
    QTest::newRow("backslash inside") << "tessera_token=tss.a\\b"_ba;
    QTest::newRow("control character") << "tessera_token=tss.a\x01"_ba;
    QTest::newRow("non-ascii") << "tessera_token=tss.\xC3\xA9"_ba;
    QTest::newRow("8 KiB") << "tessera_token="_ba + QByteArray(8192, 'a');
}

void TestGateCookie::malformedCookieCarriesNoToken()
{
    QFETCH(QByteArray, header);
    QVERIFY(GateCookie::tokenFrom(header).isEmpty());
}

void TestGateCookie::setCookieKeepsTheTokenFromScriptsAndOtherSites()
{
    const QByteArray cookie = GateCookie::set("tss.abc", 3600, false);
    QVERIFY(cookie.startsWith("tessera_token=tss.abc;"));
    const QList<QByteArray> attributes = cookie.split(';');
    const auto has = [&](const char* attribute) {
        return std::any_of(attributes.cbegin(), attributes.cend(),
                           [&](const QByteArray& part) { return part.trimmed() == attribute; });
    };
    QVERIFY(has("HttpOnly"));
    QVERIFY(has("SameSite=Lax"));
    QVERIFY(has("Path=/"));
    QVERIFY(has("Max-Age=3600"));
    QVERIFY(!has("Secure"));
    QVERIFY(!cookie.contains("Domain")); // only the host that set it
}

void TestGateCookie::secureOnlyWhenAskedFor()
{
    QVERIFY(GateCookie::set("tss.abc", 60, true).endsWith("; Secure"));
    QVERIFY(GateCookie::clear(true).endsWith("; Secure"));
    QVERIFY(!GateCookie::clear(false).contains("Secure"));
}

void TestGateCookie::clearingExpiresTheCookieAtOnce()
{
    const QByteArray cookie = GateCookie::clear(false);
    QVERIFY(cookie.startsWith("tessera_token=;"));
    QVERIFY(cookie.contains("; Max-Age=0"));
    QVERIFY(cookie.contains("; Path=/"));
}

QTEST_GUILESS_MAIN(TestGateCookie)
#include "tst_gatecookie.moc"
