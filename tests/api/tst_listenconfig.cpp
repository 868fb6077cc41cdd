// Where the API listens: "HOST:PORT" parsing, and the refusal of plain HTTP on
// an address other machines can reach.
#include "api/ListenConfig.h"

#include <QTest>

using namespace tessera;
using namespace tessera::api;

class TestListenConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesHostAndPort_data();
    void parsesHostAndPort();
    void badAddressesAreRefused_data();
    void badAddressesAreRefused();
    void nonLoopbackNeedsTlsOrInsecure();
    void tlsNeedsBothFiles();
    void urlNamesSchemeAndActualPort();
    void unixSocketNeedsAnAbsolutePathAndNoTls();
};

void TestListenConfig::parsesHostAndPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("v4") << QStringLiteral("127.0.0.1:8300") << QStringLiteral("127.0.0.1") << 8300;
    QTest::newRow("ephemeral") << QStringLiteral("127.0.0.1:0") << QStringLiteral("127.0.0.1") << 0;
    QTest::newRow("host only") << QStringLiteral("10.1.2.3") << QStringLiteral("10.1.2.3") << 8200;
    QTest::newRow("port only") << QStringLiteral(":9000") << QStringLiteral("127.0.0.1") << 9000;
    QTest::newRow("localhost") << QStringLiteral("localhost:8201") << QStringLiteral("127.0.0.1")
                               << 8201;
    QTest::newRow("v6") << QStringLiteral("[::1]:8202") << QStringLiteral("::1") << 8202;
    QTest::newRow("v6 no port") << QStringLiteral("[::1]") << QStringLiteral("::1") << 8200;
}

void TestListenConfig::parsesHostAndPort()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    auto config = ListenConfig::parse(text);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
    QCOMPARE(config->address.toString(), address);
    QCOMPARE(int(config->port), port);
}

void TestListenConfig::badAddressesAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("name") << QStringLiteral("library.example:8200");
    QTest::newRow("port text") << QStringLiteral("127.0.0.1:http");
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000");
    QTest::newRow("empty port") << QStringLiteral("127.0.0.1:");
    QTest::newRow("v6 unclosed") << QStringLiteral("[::1:8200");
    QTest::newRow("bad v4") << QStringLiteral("300.1.1.1:8200");
    QTest::newRow("relative socket") << QStringLiteral("unix:tessera.sock");
    QTest::newRow("socket without path") << QStringLiteral("unix:");
}

void TestListenConfig::badAddressesAreRefused()
{
    QFETCH(QString, text);
    auto config = ListenConfig::parse(text);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
}

void TestListenConfig::nonLoopbackNeedsTlsOrInsecure()
{
    ListenConfig config = *ListenConfig::parse(QStringLiteral("0.0.0.0:8200"));
    auto refused = config.check();
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("--insecure-listen")));
    config.insecure = true;
    QVERIFY(config.check().ok());
    config.insecure = false;
    config.tlsCertificate = QStringLiteral("cert.pem");
    config.tlsKey = QStringLiteral("key.pem");
    QVERIFY(config.check().ok());
    QVERIFY(ListenConfig::parse(QStringLiteral("[::1]:1"))->check().ok());
    QVERIFY(ListenConfig().check().ok());
}

void TestListenConfig::tlsNeedsBothFiles()
{
    ListenConfig config;
    config.tlsCertificate = QStringLiteral("cert.pem");
    QVERIFY(!config.check().ok());
}

void TestListenConfig::urlNamesSchemeAndActualPort()
{
    ListenConfig config = *ListenConfig::parse(QStringLiteral("127.0.0.1:0"));
    QCOMPARE(config.url(43210), QStringLiteral("http://127.0.0.1:43210"));
    config.tlsCertificate = QStringLiteral("c");
    QCOMPARE(config.url(443), QStringLiteral("https://127.0.0.1:443"));
    QCOMPARE(ListenConfig::parse(QStringLiteral("[::1]:8200"))->url(),
             QStringLiteral("http://[::1]:8200"));
}

void TestListenConfig::unixSocketNeedsAnAbsolutePathAndNoTls()
{
    auto config = ListenConfig::parse(QStringLiteral("unix:/run/tessera/gate.sock"));
    QVERIFY(config.ok());
    QCOMPARE(config->socketPath, QStringLiteral("/run/tessera/gate.sock"));
    QVERIFY(config->check().ok());
    QCOMPARE(config->url(), QStringLiteral("unix:/run/tessera/gate.sock"));
    config->tlsCertificate = QStringLiteral("cert.pem");
    config->tlsKey = QStringLiteral("key.pem");
    const auto refused = config->check();
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("without TLS")),
             qPrintable(refused.error().message));
}

QTEST_APPLESS_MAIN(TestListenConfig)
#include "tst_listenconfig.moc"
