// Bad input through real HTTP: a clear 4xx, nothing changed, nothing leaked.
// Malformed JSON, wrong types, huge bodies (413), huge headers (431), slow
// clients (408), idle connections, bad tokens and checksums, accessors used
// as tokens, and the rate limit on failed-token requests (429).
#include "ApiTestServer.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace tessera;
using tessera::test::ApiReply;
using tessera::test::ApiTestServer;
using tessera::test::rawExchange;

namespace {

const QString kCreate = QStringLiteral("auth/token/create");
const QString kLookupSelf = QStringLiteral("auth/token/lookup-self");

int statusOf(const QByteArray& rawResponse)
{
    // "HTTP/1.1 413 Payload Too Large"
    return rawResponse.mid(9, 3).toInt();
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformedBodiesAre400AndCreateNothing_data();
    void malformedBodiesAre400AndCreateNothing();
    void hugeBodyIs413();
    void declaredHugeBodyIs413BeforeItArrives();
    void declaredLengthIsReadWhateverTheHeaderCase();
    void headerBlockInPiecesIsAnswered();
    void hugeHeadersAre431();
    void slowClientGets408();
    void idleConnectionIsClosed();
    void keepAliveConnectionLivesWhileRequestsComeAndClosesWhenIdle();
    void slowRequestAfterAnsweredOnesGets408();
    void badTokensAre403AndLeakNothing_data();
    void badTokensAre403AndLeakNothing();
    void failedTokenRequestsAreRateLimited();
    void unknownPathIs404AndWrongMethod405();
};

namespace {

bool connectedTo(QTcpSocket& socket, quint16 port)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000);
}

const QByteArray kHealth = "GET /v1/sys/health HTTP/1.1\r\nHost: x\r\n\r\n";

// Waits (serving events, the server runs on this thread) until `socket` has
// received a whole answer to one request, and takes it.
bool answerArrives(QTcpSocket& socket, QByteArray& answer, int timeoutMs = 3000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        answer += socket.readAll();
        const qsizetype end = answer.indexOf("\r\n\r\n");
        const qsizetype lengthAt = answer.indexOf("Content-Length: ");
        if (end > 0 && lengthAt > 0 && lengthAt < end) {
            const qsizetype lineEnd = answer.indexOf("\r\n", lengthAt);
            const int length = answer.mid(lengthAt + 16, lineEnd - lengthAt - 16).toInt();
            if (answer.size() >= end + 4 + length)
                return true;
        }
        QTest::qWait(5);
    }
    return false;
}

// One health request on a kept-alive connection: its whole answer, or what
// came before the time ran out.
QByteArray askHealth(QTcpSocket& socket)
{
    socket.write(kHealth);
    QByteArray answer;
    (void)answerArrives(socket, answer);
    return answer;
}

} // namespace

void TestBadInput::malformedBodiesAre400AndCreateNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray("{\"policies\": [");
    QTest::newRow("not json") << QByteArray("policies=default");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("wrong type") << QByteArray("{\"ttl\": {}}");
    QTest::newRow("negative uses") << QByteArray("{\"num_uses\": -3}");
    QTest::newRow("bad duration") << QByteArray("{\"ttl\": \"1 week\"}");
    QTest::newRow("nul bytes") << QByteArray("{\"display_name\": \"a\0b\"}", 24);
    QTest::newRow("invalid utf-8") << QByteArray("{\"display_name\": \"\xff\xfe\"}");
}

void TestBadInput::malformedBodiesAre400AndCreateNothing()
{
    QFETCH(QByteArray, body);
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const qint64 before = *api.engine().tokenCount();
    const ApiReply reply = api.callRaw("POST", kCreate, api.rootToken(), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errors().size(), 1);
    QCOMPARE(*api.engine().tokenCount(), before);
}

void TestBadInput::hugeBodyIs413()
{
    api::ApiLimits limits;
    limits.maxBodyBytes = 64 * 1024;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const qint64 before = *api.engine().tokenCount();
    const QByteArray huge = "{\"display_name\": \"" + QByteArray(200 * 1024, 'a') + "\"}";
    const ApiReply reply = api.callRaw("POST", kCreate, api.rootToken(), huge);
    QCOMPARE(reply.status, 413);
    QCOMPARE(*api.engine().tokenCount(), before);
    // The server still serves.
    QCOMPARE(api.call("GET", QStringLiteral("sys/health")).status, 200);
}

void TestBadInput::declaredHugeBodyIs413BeforeItArrives()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QByteArray answer =
        rawExchange(api.server().port(), "POST /v1/auth/token/create HTTP/1.1\r\nHost: x\r\n"
                                         "Content-Length: 1000000000\r\n\r\n{");
    QCOMPARE(statusOf(answer), 413);
    QVERIFY(answer.contains("\"errors\""));
}

// Header names are case-insensitive (RFC 9110): a client writing
// CONTENT-LENGTH must not slip a huge body past the limit.
void TestBadInput::declaredLengthIsReadWhateverTheHeaderCase()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QByteArray answer =
        rawExchange(api.server().port(), "POST /v1/auth/token/create HTTP/1.1\r\nHost: x\r\n"
                                         "CONTENT-length :  1000000000 \r\n\r\n{");
    QCOMPARE(statusOf(answer), 413);
}

// The guard reads a header block in place when it arrives whole, and gathers
// it when it comes in pieces, even with its blank line split between them.
void TestBadInput::headerBlockInPiecesIsAnswered()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QTcpSocket socket;
    QVERIFY(connectedTo(socket, api.server().port()));
    for (const QByteArray& piece : {QByteArray("GET /v1/sys/hea"), QByteArray("lth HTTP/1.1\r\nHo"),
                                    QByteArray("st: x\r\n\r"), QByteArray("\n")}) {
        socket.write(piece);
        QVERIFY(socket.waitForBytesWritten(2000));
        QTest::qWait(30);
    }
    QByteArray answer;
    QVERIFY2(answerArrives(socket, answer), answer.constData());
    QCOMPARE(statusOf(answer), 200);
    // And the next request on the connection starts from scratch.
    QCOMPARE(statusOf(askHealth(socket)), 200);
}

void TestBadInput::hugeHeadersAre431()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QByteArray answer =
        rawExchange(api.server().port(), "GET /v1/sys/health HTTP/1.1\r\nHost: x\r\nX-Filler: " +
                                             QByteArray(64 * 1024, 'f') + "\r\n\r\n");
    QCOMPARE(statusOf(answer), 431);
}

void TestBadInput::slowClientGets408()
{
    api::ApiLimits limits;
    limits.requestTimeoutMs = 300;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer =
        rawExchange(api.server().port(), "GET /v1/sys/health HTTP/1.1\r\nHost: x\r\n", 5000);
    QCOMPARE(statusOf(answer), 408);
    QVERIFY(timer.elapsed() < 4000);
}

void TestBadInput::idleConnectionIsClosed()
{
    api::ApiLimits limits;
    limits.idleTimeoutMs = 200;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QTcpSocket socket;
    QVERIFY(connectedTo(socket, api.server().port()));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 3000);
}

// The guard's deadline moves with every request without restarting its timer
// each time: a connection in use must not be cut off by the idle timeout of an
// earlier moment, and must be once it falls idle.
void TestBadInput::keepAliveConnectionLivesWhileRequestsComeAndClosesWhenIdle()
{
    api::ApiLimits limits;
    limits.idleTimeoutMs = 600;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QTcpSocket socket;
    QVERIFY(connectedTo(socket, api.server().port()));
    QElapsedTimer inUse;
    inUse.start();
    while (inUse.elapsed() < 3 * limits.idleTimeoutMs) {
        QCOMPARE(statusOf(askHealth(socket)), 200);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        QTest::qWait(100);
    }
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
}

// After answered requests the timer runs for the (long) idle timeout; a request
// that then starts and stalls must still get its (short) request timeout.
void TestBadInput::slowRequestAfterAnsweredOnesGets408()
{
    api::ApiLimits limits;
    limits.requestTimeoutMs = 300;
    limits.idleTimeoutMs = 60'000;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QTcpSocket socket;
    QVERIFY(connectedTo(socket, api.server().port()));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(statusOf(askHealth(socket)), 200);
    }
    QTest::qWait(2 * limits.requestTimeoutMs); // the timer has fired early and been set anew
    QElapsedTimer timer;
    timer.start();
    socket.write("GET /v1/sys/health HTTP/1.1\r\nHost: x\r\n");
    QByteArray answer;
    QVERIFY2(answerArrives(socket, answer, 5000), answer.constData());
    QCOMPARE(statusOf(answer), 408);
    QVERIFY(timer.elapsed() < 4000);
}

void TestBadInput::badTokensAre403AndLeakNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("bad checksum") << QStringLiteral("checksum");
    QTest::newRow("accessor") << QStringLiteral("accessor");
    QTest::newRow("revoked") << QStringLiteral("revoked");
    QTest::newRow("oversized") << QStringLiteral("oversized");
}

void TestBadInput::badTokensAre403AndLeakNothing()
{
    QFETCH(QString, kind);
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const ApiReply created = api.call("POST", kCreate, api.rootToken());
    const QString token = created.auth().value(u"client_token").toString();
    const QString accessor = created.auth().value(u"accessor").toString();
    QString presented;
    if (kind == QLatin1String("garbage")) {
        presented = QStringLiteral("tss.not-a-token");
    } else if (kind == QLatin1String("checksum")) {
        presented = token;
        presented[presented.size() - 1] = presented.back() == u'A' ? u'B' : u'A';
    } else if (kind == QLatin1String("accessor")) {
        presented = accessor;
    } else if (kind == QLatin1String("revoked")) {
        QCOMPARE(api.call("POST", QStringLiteral("auth/token/revoke-self"), token).status, 204);
        presented = token;
    } else {
        presented = QStringLiteral("tss.") + QString(4000, u'x');
    }
    const qint64 before = *api.engine().tokenCount();
    const ApiReply reply = api.call("POST", kCreate, presented);
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.errors(), QStringList{QStringLiteral("permission denied: invalid token")});
    QVERIFY(!reply.body.contains(presented.left(12).toUtf8()) || presented.size() < 12);
    QCOMPARE(*api.engine().tokenCount(), before);
}

void TestBadInput::failedTokenRequestsAreRateLimited()
{
    api::ApiLimits limits;
    limits.failedTokenBurst = 3;
    limits.failedTokenPerSecond = 0;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(api.call("GET", kLookupSelf, QStringLiteral("tss.wrong")).status, 403);
    QCOMPARE(api.call("GET", kLookupSelf, QStringLiteral("tss.wrong")).status, 429);
    // The client is slowed down as a whole, good token or not; public paths stay open.
    QCOMPARE(api.call("GET", kLookupSelf, api.rootToken()).status, 429);
    QCOMPARE(api.call("GET", QStringLiteral("sys/health")).status, 200);
}

void TestBadInput::unknownPathIs404AndWrongMethod405()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    ApiReply reply = api.call("GET", QStringLiteral("secret/data/x"), api.rootToken());
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errors().size(), 1);
    reply = api.call("DELETE", kLookupSelf, api.rootToken());
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.errors().size(), 1);
    reply = api.call("PATCH", kCreate, api.rootToken());
    QCOMPARE(reply.status, 405);
}

QTEST_MAIN(TestBadInput)
#include "tst_badinput.moc"
