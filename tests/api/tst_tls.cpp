// The API over TLS with a certificate the test generates (openssl CLI), and
// start() refusing what it cannot serve.
#include "ApiTestServer.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using tessera::test::ApiReply;
using tessera::test::ApiTestServer;

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void servesHttpsWithTheGivenCertificate();
    void plainHttpToTheTlsPortGetsNoAnswer();
    void unreadableTlsFilesAreRefused();
    void nonLoopbackWithoutTlsIsRefused();

private:
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
};

void TestTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
    m_key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_cert,
                   QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(openssl.waitForFinished(30'000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
}

void TestTls::servesHttpsWithTheGivenCertificate()
{
    api::ListenConfig config = ApiTestServer::ephemeral();
    config.tlsCertificate = m_cert;
    config.tlsKey = m_key;
    ApiTestServer api({}, config);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QVERIFY(api.url().startsWith(QStringLiteral("https://127.0.0.1:")));
    api.trust(QSslCertificate::fromPath(m_cert));
    const ApiReply reply =
        api.call("GET", QStringLiteral("auth/token/lookup-self"), api.rootToken());
    QVERIFY2(reply.status == 200, qPrintable(reply.networkError));
    QCOMPARE(reply.data().value(u"id").toString(), api.rootToken());
}

void TestTls::plainHttpToTheTlsPortGetsNoAnswer()
{
    api::ListenConfig config = ApiTestServer::ephemeral();
    config.tlsCertificate = m_cert;
    config.tlsKey = m_key;
    ApiTestServer api({}, config);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QByteArray answer = test::rawExchange(
        api.server().port(), "GET /v1/sys/health HTTP/1.1\r\nHost: x\r\n\r\n", 3000);
    QVERIFY(!answer.startsWith("HTTP/1.1 200"));
}

void TestTls::unreadableTlsFilesAreRefused()
{
    test::TempEngine temp;
    QVERIFY(temp.isValid());
    api::ApiServer server(temp.engine());
    QSignalSpy failed(&server, &api::ApiServer::failed);
    api::ListenConfig config = ApiTestServer::ephemeral();
    config.tlsCertificate = m_dir.filePath(QStringLiteral("missing.pem"));
    config.tlsKey = m_key;
    auto started = server.start(config);
    QVERIFY(!started.ok());
    QVERIFY(started.error().message.contains(QStringLiteral("missing.pem")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!server.isRunning());

    config.tlsCertificate = m_cert;
    config.tlsKey = m_cert; // a certificate is no key
    QVERIFY(!server.start(config).ok());
    QVERIFY(!server.isRunning());
}

void TestTls::nonLoopbackWithoutTlsIsRefused()
{
    test::TempEngine temp;
    QVERIFY(temp.isValid());
    api::ApiServer server(temp.engine());
    api::ListenConfig config = *api::ListenConfig::parse(QStringLiteral("0.0.0.0:0"));
    QVERIFY(!server.start(config).ok());
    QVERIFY(!server.isRunning());
    QSignalSpy started(&server, &api::ApiServer::started);
    QSignalSpy stopped(&server, &api::ApiServer::stopped);
    QVERIFY(server.start(ApiTestServer::ephemeral()).ok());
    QCOMPARE(started.count(), 1);
    QVERIFY(server.isRunning());
    server.stop();
    QCOMPARE(stopped.count(), 1);
    QVERIFY(!server.isRunning());
}

QTEST_MAIN(TestTls)
#include "tst_tls.moc"
