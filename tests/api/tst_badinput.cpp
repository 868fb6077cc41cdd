// Bad input through real HTTP: a clear 4xx, nothing changed, nothing leaked.
// Malformed JSON, wrong types, huge bodies (413), huge headers (431), slow
// clients (408), idle connections, bad tokens and checksums, accessors used
// as tokens, and the rate limit on failed-token requests (429). Framing that
// one side could read differently from the other (request smuggling behind a
// proxy) is refused and the connection closed, and a client asking for the
// connection to close gets it closed after the answer.
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
    void moreThanAHundredHeaderFieldsAre431AndNothingIsSmuggled();
    void aHundredHeaderFieldsAreServed();
    void ambiguousFramingIs400AndClosesTheConnection_data();
    void ambiguousFramingIs400AndClosesTheConnection();
    void garbageRequestLineGets400BeforeTheClose();
    void unsupportedHttpVersionIs505();
    void chunkedBodyIsServedAndTheConnectionGoesOn();
    void connectionCloseClosesAfterTheAnswer();
    void http10ClosesAfterTheAnswerUnlessKeepAlive();
    void slowClientGets408();
    void idleConnectionIsClosed();
    void keepAliveConnectionLivesWhileRequestsComeAndClosesWhenIdle();
    void slowRequestAfterAnsweredOnesGets408();
    void badTokensAre403AndLeakNothing_data();
    void badTokensAre403AndLeakNothing();
    void failedTokenRequestsAreRateLimited();
    void rateLimitedAnswersSayWhenToRetry();
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

// What a raw client saw: everything the server sent, and whether the server
// closed the connection within `timeoutMs` (the idle timeout is far longer).
struct RawOutcome
{
    QByteArray answer;
    bool closed = false;
};

RawOutcome exchange(quint16 port, const QByteArray& bytes, int timeoutMs = 3000)
{
    RawOutcome outcome;
    QTcpSocket socket;
    if (!connectedTo(socket, port))
        return outcome;
    socket.write(bytes);
    QElapsedTimer timer;
    timer.start();
    // Serving events: the server runs on this thread.
    while (timer.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(5);
        outcome.answer += socket.readAll();
    }
    outcome.answer += socket.readAll();
    outcome.closed = socket.state() != QAbstractSocket::ConnectedState;
    return outcome;
}

// How many responses a raw answer holds.
int answersIn(const QByteArray& answer)
{
    return int(answer.count("HTTP/1.1 "));
}

// A request the server must never see: if it runs, it answers 200.
const QByteArray kSmuggled = "GET /v1/sys/health HTTP/1.1\r\nHost: x\r\n\r\n";

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
    QTest::newRow("duration with a leading space") << QByteArray("{\"ttl\": \" 5m\"}");
    QTest::newRow("duration unit twice") << QByteArray("{\"ttl\": \"1d1d\"}");
    QTest::newRow("nul bytes") << QByteArray("{\"display_name\": \"a\0b\"}", 24);
    QTest::newRow("invalid utf-8") << QByteArray("{\"display_name\": \"\xff\xfe\"}");
}

void TestBadInput::malformedBodiesAre400AndCreateNothing()
{
    QFETCH(QByteArray, body);
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const qint64 before = *api.engine().browser().count();
    const ApiReply reply = api.callRaw("POST", kCreate, api.rootToken(), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errors().size(), 1);
    QCOMPARE(*api.engine().browser().count(), before);
}

void TestBadInput::hugeBodyIs413()
{
    api::ApiLimits limits;
    limits.maxBodyBytes = 64 * 1024;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const qint64 before = *api.engine().browser().count();
    const QByteArray huge = "{\"display_name\": \"" + QByteArray(200 * 1024, 'a') + "\"}";
    const ApiReply reply = api.callRaw("POST", kCreate, api.rootToken(), huge);
    QCOMPARE(reply.status, 413);
    QCOMPARE(*api.engine().browser().count(), before);
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
                                         "CONTENT-length:  1000000000 \r\n\r\n{");
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

// Qt HTTP Server drops every header field of a request with more than 100 (the
// token and Content-Length with them), and read the body as a second request.
void TestBadInput::moreThanAHundredHeaderFieldsAre431AndNothingIsSmuggled()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QByteArray request = "POST /v1/auth/token/create HTTP/1.1\r\nHost: x\r\nX-Vault-Token: " +
                         api.rootToken().toLatin1() +
                         "\r\nContent-Length: " + QByteArray::number(kSmuggled.size()) + "\r\n";
    for (int i = 0; i < 98; ++i)
        request += "X-Filler-" + QByteArray::number(i) + ": f\r\n";
    request += "\r\n" + kSmuggled;
    const qint64 before = *api.engine().browser().count();
    const RawOutcome outcome = exchange(api.server().port(), request);
    QCOMPARE(statusOf(outcome.answer), 431);
    QCOMPARE(answersIn(outcome.answer), 1);
    QVERIFY(outcome.closed);
    QCOMPARE(*api.engine().browser().count(), before);
}

void TestBadInput::aHundredHeaderFieldsAreServed()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QByteArray request = "GET /v1/auth/token/lookup-self HTTP/1.1\r\nHost: x\r\nX-Vault-Token: " +
                         api.rootToken().toLatin1() + "\r\nConnection: close\r\n";
    for (int i = 0; i < 97; ++i)
        request += "X-Filler-" + QByteArray::number(i) + ": f\r\n";
    const RawOutcome outcome = exchange(api.server().port(), request + "\r\n");
    QCOMPARE(statusOf(outcome.answer), 200);
}

// RFC 9112 §6: a request whose length one side could read differently from
// the other is refused, and the connection closed: what follows it is never
// run as a request of its own.
void TestBadInput::ambiguousFramingIs400AndClosesTheConnection_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body");
    const QByteArray post = "POST /v1/auth/token/create HTTP/1.1\r\nHost: x\r\n";
    QTest::newRow("conflicting Content-Length")
        << post +
               "Content-Length: 2\r\nContent-Length: " + QByteArray::number(2 + kSmuggled.size()) +
               "\r\n"
        << "{}" + kSmuggled;
    QTest::newRow("equal Content-Length twice")
        << post + "Content-Length: 2\r\nContent-Length: 2\r\n"
        << QByteArray("{}");
    QTest::newRow("Content-Length list") << post + "Content-Length: 2, 2\r\n" << QByteArray("{}");
    QTest::newRow("negative Content-Length") << post + "Content-Length: -5\r\n" << QByteArray();
    QTest::newRow("signed Content-Length") << post + "Content-Length: +2\r\n" << QByteArray("{}");
    QTest::newRow("Content-Length not a number") << post + "Content-Length: abc\r\n"
                                                 << QByteArray();
    QTest::newRow("empty Content-Length") << post + "Content-Length:\r\n" << QByteArray();
    QTest::newRow("Transfer-Encoding and Content-Length")
        << post + "Content-Length: 7\r\nTransfer-Encoding: chunked\r\n"
        << "0\r\n\r\n" + kSmuggled;
    QTest::newRow("unknown transfer coding") << post + "Transfer-Encoding: xchunked\r\n"
                                             << "0\r\n\r\n" + kSmuggled;
    QTest::newRow("coding before chunked") << post + "Transfer-Encoding: gzip, chunked\r\n"
                                           << "0\r\n\r\n" + kSmuggled;
    QTest::newRow("chunked twice")
        << post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"
        << "0\r\n\r\n" + kSmuggled;
    QTest::newRow("chunked in HTTP/1.0")
        << QByteArray("POST /v1/auth/token/create HTTP/1.0\r\nTransfer-Encoding: chunked\r\n")
        << "0\r\n\r\n" + kSmuggled;
    QTest::newRow("chunk size not hexadecimal") << post + "Transfer-Encoding: chunked\r\n"
                                                << "zz\r\n" + kSmuggled;
    QTest::newRow("chunk size with 0x") << post + "Transfer-Encoding: chunked\r\n"
                                        << "0x2\r\n{}\r\n0\r\n\r\n" + kSmuggled;
    QTest::newRow("chunk without its CRLF") << post + "Transfer-Encoding: chunked\r\n"
                                            << "2\r\n{}XX0\r\n\r\n" + kSmuggled;
    QTest::newRow("trailer fields") << post + "Transfer-Encoding: chunked\r\n"
                                    << "2\r\n{}\r\n0\r\nX-T: 1\r\n\r\n" + kSmuggled;
    QTest::newRow("space before the colon")
        << post + "Content-Length : " + QByteArray::number(2 + kSmuggled.size()) + "\r\n"
        << "{}" + kSmuggled;
    QTest::newRow("folded field") << post + "X-Long: a\r\n b\r\nContent-Length: 2\r\n"
                                  << QByteArray("{}");
    QTest::newRow("bare LF") << QByteArray("POST /v1/auth/token/create HTTP/1.1\nHost: x\n"
                                           "Content-Length: 2\n")
                             << QByteArray("\n{}");
    QTest::newRow("bare CR in a value") << post + "X-A: a\rb\r\n" << QByteArray();
    QTest::newRow("NUL in a value") << post + QByteArray("X-A: a\0b\r\n", 10) << QByteArray();
    QTest::newRow("no Host") << QByteArray(
                                    "POST /v1/auth/token/create HTTP/1.1\r\nContent-Length: 2\r\n")
                             << QByteArray("{}");
    QTest::newRow("two Hosts") << post + "Host: y\r\n" << QByteArray();
}

void TestBadInput::ambiguousFramingIs400AndClosesTheConnection()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const qint64 before = *api.engine().browser().count();
    const bool bareLf = head.contains("\nHost: x\n");
    const QByteArray request = head + "X-Vault-Token: " + api.rootToken().toLatin1() +
                               (bareLf ? "\n" : "\r\n") + (bareLf ? "" : "\r\n") + body + kSmuggled;
    const RawOutcome outcome = exchange(api.server().port(), request);
    QCOMPARE(statusOf(outcome.answer), 400);
    QCOMPARE(answersIn(outcome.answer), 1);
    QVERIFY(outcome.answer.contains("\"errors\""));
    QVERIFY(outcome.closed);
    QCOMPARE(*api.engine().browser().count(), before);
}

void TestBadInput::garbageRequestLineGets400BeforeTheClose()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    for (const QByteArray& line : {QByteArray("HELLO"), QByteArray("GET /v1/sys/health"),
                                   QByteArray("GET  /v1/sys/health HTTP/1.1"),
                                   QByteArray("GET /v1/sys/health HTTP/1.1 extra"),
                                   QByteArray(" GET /v1/sys/health HTTP/1.1")}) {
        const RawOutcome outcome = exchange(api.server().port(), line + "\r\nHost: x\r\n\r\n");
        QVERIFY2(statusOf(outcome.answer) == 400, line.constData());
        QVERIFY2(outcome.closed, line.constData());
    }
}

void TestBadInput::unsupportedHttpVersionIs505()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const RawOutcome outcome =
        exchange(api.server().port(), "GET /v1/sys/health HTTP/2.0\r\nHost: x\r\n\r\n");
    QCOMPARE(statusOf(outcome.answer), 505);
    QVERIFY(outcome.closed);
}

// The guard follows a valid chunked body to its end: the request is served,
// and the next one on the connection too.
void TestBadInput::chunkedBodyIsServedAndTheConnectionGoesOn()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QTcpSocket socket;
    QVERIFY(connectedTo(socket, api.server().port()));
    const QByteArray head = "POST /v1/auth/token/create HTTP/1.1\r\nHost: x\r\nX-Vault-Token: " +
                            api.rootToken().toLatin1() + "\r\nTransfer-Encoding: Chunked\r\n\r\n";
    for (const QByteArray& piece :
         {head + "8;ext=1\r\n{\"ttl\": \r\n5", QByteArray("\r\n\"1h\"}\r"), QByteArray("\n0\r\n"),
          QByteArray("\r\n")}) {
        socket.write(piece);
        QVERIFY(socket.waitForBytesWritten(2000));
        QTest::qWait(30);
    }
    QByteArray answer;
    QVERIFY2(answerArrives(socket, answer), answer.constData());
    QCOMPARE(statusOf(answer), 200);
    QVERIFY(answer.contains("\"lease_duration\":3600"));
    QCOMPARE(statusOf(askHealth(socket)), 200);
}

// Without this the connection stayed open until the idle timeout (60 s).
void TestBadInput::connectionCloseClosesAfterTheAnswer()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const RawOutcome outcome =
        exchange(api.server().port(),
                 "GET /v1/sys/health HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive, Close\r\n\r\n" +
                     kSmuggled);
    QCOMPARE(statusOf(outcome.answer), 200);
    QCOMPARE(answersIn(outcome.answer), 1); // what came after it is not served
    QVERIFY(outcome.answer.contains("\r\nConnection: close\r\n"));
    QVERIFY(outcome.closed);
}

void TestBadInput::http10ClosesAfterTheAnswerUnlessKeepAlive()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const RawOutcome closed = exchange(api.server().port(), "GET /v1/sys/health HTTP/1.0\r\n\r\n");
    QCOMPARE(statusOf(closed.answer), 200);
    QVERIFY(closed.closed);

    QTcpSocket socket;
    QVERIFY(connectedTo(socket, api.server().port()));
    for (int i = 0; i < 2; ++i) {
        socket.write("GET /v1/sys/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QByteArray answer;
        QVERIFY2(answerArrives(socket, answer), answer.constData());
        QCOMPARE(statusOf(answer), 200);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
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
    const qint64 before = *api.engine().browser().count();
    const ApiReply reply = api.call("POST", kCreate, presented);
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.errors(), QStringList{QStringLiteral("permission denied: invalid token")});
    QVERIFY(!reply.body.contains(presented.left(12).toUtf8()) || presented.size() < 12);
    QCOMPARE(*api.engine().browser().count(), before);
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

void TestBadInput::rateLimitedAnswersSayWhenToRetry()
{
    api::ApiLimits limits;
    limits.failedTokenBurst = 2;
    limits.failedTokenPerSecond = 0.5; // a request every 2 s
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    for (int i = 0; i < 2; ++i)
        QCOMPARE(api.call("GET", kLookupSelf, QStringLiteral("tss.wrong")).status, 403);
    const ApiReply limited = api.call("GET", kLookupSelf, QStringLiteral("tss.wrong"));
    QCOMPARE(limited.status, 429);
    bool number = false;
    const int seconds = limited.header("Retry-After").toInt(&number);
    QVERIFY2(number && seconds >= 1 && seconds <= 2, limited.header("Retry-After").constData());
    QVERIFY(
        api.call("GET", kLookupSelf, QStringLiteral("tss.wrong")).header("Retry-After").toInt() >=
        1);
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
