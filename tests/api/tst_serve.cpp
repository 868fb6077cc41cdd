// `tessera-cli serve` as the client test harnesses start it: refused
// addresses before any passphrase, "listening on URL" once it accepts
// connections (port 0: the real port), and a clean exit on SIGTERM.
#include "support/TempEngine.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>
#include <QTimer>
#include <csignal>

using namespace tessera;
using tessera::test::TempEngine;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment environmentWithPassphrase()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_PASSPHRASE"),
                       QLatin1String(TempEngine::kPassphrase));
    return environment;
}

Run runCli(const QStringList& arguments, bool withPassphrase)
{
    QProcess process;
    QProcessEnvironment environment =
        withPassphrase ? environmentWithPassphrase() : QProcessEnvironment::systemEnvironment();
    if (!withPassphrase)
        environment.remove(QStringLiteral("TESSERA_PASSPHRASE"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TESSERA_CLI_PATH), arguments);
    process.closeWriteChannel(); // a prompt would read end of file, not hang
    process.waitForFinished(20'000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nonLoopbackWithoutTlsIsRefusedBeforeThePassphrase();
    void badListenOptionsAreRefused_data();
    void badListenOptionsAreRefused();
    void servesOnAnEphemeralPortAndStopsOnSigterm();
};

void TestServe::nonLoopbackWithoutTlsIsRefusedBeforeThePassphrase()
{
    TempEngine temp;
    QVERIFY(temp.isValid());
    const QString store = temp.path();
    temp.close();
    const Run run = runCli({QStringLiteral("serve"), QStringLiteral("--store"), store,
                            QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")},
                           false);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("--insecure-listen")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("assphrase")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestServe::badListenOptionsAreRefused_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("host name") << QStringList{QStringLiteral("--listen"),
                                              QStringLiteral("example.org:1")}
                               << QStringLiteral("IP address");
    QTest::newRow("cert without key")
        << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.pem")}
        << QStringLiteral("both");
}

void TestServe::badListenOptionsAreRefused()
{
    QFETCH(QStringList, options);
    QFETCH(QString, mentions);
    const Run run = runCli(QStringList{QStringLiteral("serve"), QStringLiteral("--store"),
                                       QStringLiteral("/nonexistent/x.store")} +
                               options,
                           false);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
}

void TestServe::servesOnAnEphemeralPortAndStopsOnSigterm()
{
    TempEngine temp;
    QVERIFY(temp.isValid());
    auto root = temp->tokens().createRootToken(TempEngine::owner());
    QVERIFY(root.ok());
    const QString store = temp.path();
    temp.close();

    QProcess server;
    server.setProcessEnvironment(environmentWithPassphrase());
    server.start(QStringLiteral(TESSERA_CLI_PATH),
                 {QStringLiteral("serve"), QStringLiteral("--store"), store,
                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 20'000);
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    QVERIFY2(line.startsWith(QStringLiteral("listening on http://127.0.0.1:")), qPrintable(line));
    const QString url = line.mid(QStringLiteral("listening on ").size());
    QVERIFY(!url.endsWith(QStringLiteral(":0")));

    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(url + QStringLiteral("/v1/auth/token/lookup-self")));
    request.setRawHeader("X-Vault-Token", root->token.toUtf8());
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains(root->info.accessor.toUtf8()));
    delete reply;

    ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(10'000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

QTEST_MAIN(TestServe)
#include "tst_serve.moc"
