// A reverse proxy's /gate/check is answered by the connection's guard from
// the request's head, without Qt HTTP Server (ConnectionGuard::Shortcut). On
// one connection it must still be HTTP/1.1: every request answered once, in
// the order sent, whichever side answers it, heads in pieces and HEAD
// requests included, and Connection: close honoured.
#include "ApiTestServer.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using tessera::test::ApiTestServer;
using tessera::test::rawExchange;

namespace {

struct Answer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// The answers in a connection's bytes, each framed by its Content-Length;
// `headRequests`: the indexes of answers to HEAD (no body follows them).
QList<Answer> answersIn(QByteArray bytes, const QList<int>& headRequests = {})
{
    QList<Answer> answers;
    while (!bytes.isEmpty()) {
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        if (end < 0 || !bytes.startsWith("HTTP/1.1 "))
            break;
        Answer answer;
        answer.head = bytes.left(end);
        answer.status = bytes.mid(9, 3).toInt();
        qsizetype length = 0;
        for (const QByteArray& line : answer.head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (headRequests.contains(int(answers.size())))
            length = 0;
        answer.body = bytes.mid(end + 4, length);
        bytes.remove(0, end + 4 + length);
        answers.append(answer);
    }
    return answers;
}

QList<int> statusesOf(const QList<Answer>& answers)
{
    QList<int> statuses;
    for (const Answer& answer : answers)
        statuses.append(answer.status);
    return statuses;
}

} // namespace

class TestCheckShortcut : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pipelinedChecksAndApiRequestsAreAnsweredInOrder();
    void oneUseLinkCheckedBetweenOtherChecksIsSpentOnce();
    void checkWhoseHeadArrivesInPiecesIsAnsweredOnce();
    void headCheckGetsNoBodyAndTheConnectionGoesOn();
    void checkAskingToCloseIsTheLastAnswer();
    void checkWithABodyIsLeftToTheFramingRules();

private:
    QByteArray check(const QByteArray& uri, const QString& token, const QByteArray& method = "GET",
                     const QByteArray& extra = {}) const
    {
        return method + " /gate/check HTTP/1.1\r\nHost: tessera\r\nX-Original-URI: " + uri +
               "\r\nX-Forwarded-Host: journal.example.org\r\nCookie: tessera_token=" +
               token.toLatin1() + "\r\n" + extra + "\r\n";
    }
    static QByteArray health(const QByteArray& extra = {})
    {
        return "GET /v1/sys/health HTTP/1.1\r\nHost: tessera\r\n" + extra + "\r\n";
    }
    QByteArray exchange(const QByteArray& requests) const
    {
        return rawExchange(m_api->server().port(), requests);
    }

    std::unique_ptr<ApiTestServer> m_api;
    QString m_patron;
};

void TestCheckShortcut::init()
{
    m_api = std::make_unique<ApiTestServer>();
    QVERIFY2(m_api->isValid(), qPrintable(m_api->errorMessage()));
    QVERIFY(m_api->addPolicy(
        u"article-42"_s,
        u"path \"gate/journal.example.org/articles/42\" { capabilities = [\"read\"] }"_s));
    m_patron = m_api->createToken(QJsonObject{{u"policies"_s, QJsonArray{u"article-42"_s}}});
    QVERIFY(!m_patron.isEmpty());
}

void TestCheckShortcut::cleanup()
{
    m_api.reset();
}

void TestCheckShortcut::pipelinedChecksAndApiRequestsAreAnsweredInOrder()
{
    // A token create runs on a worker and answers late; the checks after it
    // are answered from memory, yet must wait for it.
    const QByteArray create = "POST /v1/auth/token/create HTTP/1.1\r\nHost: tessera\r\n"
                              "X-Vault-Token: " +
                              m_api->rootToken().toLatin1() +
                              "\r\nContent-Length: 14\r\n\r\n{\"ttl\": \"1h\"}\n";
    const QList<Answer> answers = answersIn(
        exchange(check("/articles/42", m_patron) + health() + check("/articles/43", m_patron) +
                 create + check("/articles/42", m_patron) +
                 check("/articles/42", u"not-a-token"_s) + health("Connection: close\r\n")));
    QCOMPARE(statusesOf(answers), (QList<int>{200, 200, 403, 200, 200, 401, 200}));
    QVERIFY(answers[3].body.contains("client_token"));
    QVERIFY(answers[1].body.contains("initialized"));
}

void TestCheckShortcut::oneUseLinkCheckedBetweenOtherChecksIsSpentOnce()
{
    // A use-limited token's check counts its use in a commit: Qt HTTP Server
    // and a worker answer it, between the guard's answers.
    const QString once = m_api->createToken(
        QJsonObject{{u"policies"_s, QJsonArray{u"article-42"_s}}, {u"num_uses"_s, 1}});
    QVERIFY(!once.isEmpty());
    const QList<Answer> answers =
        answersIn(exchange(check("/articles/42", m_patron) + check("/articles/42", once) +
                           check("/articles/42", m_patron) + check("/articles/42", once) +
                           check("/articles/42", m_patron, "GET", "Connection: close\r\n")));
    QCOMPARE(statusesOf(answers), (QList<int>{200, 200, 200, 401, 200}));
}

void TestCheckShortcut::checkWhoseHeadArrivesInPiecesIsAnsweredOnce()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_api->server().port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray request = check("/articles/42", m_patron);
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    // Each piece reaches the server before the next is sent: the guard sees
    // a head without its end first.
    for (const QByteArray& piece : {request.left(20), request.mid(20, 40), request.mid(60)}) {
        socket.write(piece);
        QVERIFY(socket.waitForBytesWritten(5000));
        QTest::qWait(50);
    }
    QTRY_COMPARE(answersIn(received).size(), 1);
    QCOMPARE(answersIn(received).first().status, 200);
    // The connection is still in step: the next check is answered alone.
    received.clear();
    socket.write(check("/articles/43", m_patron));
    QTRY_COMPARE(answersIn(received).size(), 1);
    QCOMPARE(answersIn(received).first().status, 403);
}

void TestCheckShortcut::headCheckGetsNoBodyAndTheConnectionGoesOn()
{
    const QByteArray bytes =
        exchange(check("/articles/42", u"not-a-token"_s, "HEAD") +
                 check("/articles/42", m_patron, "GET", "Connection: close\r\n"));
    const QList<Answer> answers = answersIn(bytes, {0});
    QCOMPARE(statusesOf(answers), (QList<int>{401, 200}));
    QVERIFY(answers[0].head.contains("Content-Length: "));
    // Nothing but the two answers came: the HEAD answer had no body.
    QVERIFY(bytes.endsWith("\r\n\r\n"));
    QCOMPARE(bytes.count("HTTP/1.1 "), 2);
}

void TestCheckShortcut::checkAskingToCloseIsTheLastAnswer()
{
    const QList<Answer> answers =
        answersIn(exchange(check("/articles/42", m_patron, "GET", "Connection: close\r\n") +
                           check("/articles/42", m_patron) + health()));
    QCOMPARE(statusesOf(answers), (QList<int>{200}));
    QVERIFY(answers[0].head.contains("Connection: close"));
}

void TestCheckShortcut::checkWithABodyIsLeftToTheFramingRules()
{
    // A body the guard does not answer from the head: Qt HTTP Server reads
    // it with its request, and the check after it is the next request, not
    // part of the body.
    const QByteArray withBody =
        check("/articles/42", m_patron, "GET", "Content-Length: 5\r\n") + "hello";
    const QList<Answer> answers = answersIn(
        exchange(withBody + check("/articles/43", m_patron, "GET", "Connection: close\r\n")));
    QCOMPARE(statusesOf(answers), (QList<int>{200, 403}));
}

QTEST_GUILESS_MAIN(TestCheckShortcut)
#include "tst_checkshortcut.moc"
