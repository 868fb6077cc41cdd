// The server's threads: handlers that may wait for the store run on workers,
// answers from memory on the server's thread, and every connection gets its
// answers in the order of its requests.
#include "ApiTestServer.h"
#include "engine/TokenEngine.h"
#include "items/TokenTreeModel.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <vector>

using namespace tessera;
using tessera::test::ApiTestServer;

namespace {

QByteArray request(const QByteArray& method, const QByteArray& path, const QString& token,
                   const QByteArray& body = {})
{
    return method + " /v1/" + path + " HTTP/1.1\r\nHost: x\r\nX-Vault-Token: " + token.toLatin1() +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// A client connection that reads whole answers (status line, headers and a
// Content-Length body) while the test's event loop serves the API.
class Connection
{
public:
    explicit Connection(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    bool connected() { return m_socket.waitForConnected(2000); }
    void send(const QByteArray& bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    struct Answer
    {
        int status = 0;
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    // The next `count` answers, or fewer after `timeoutMs`.
    QList<Answer> answers(int count, int timeoutMs = 5000)
    {
        QList<Answer> result;
        (void)QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return parse(result, count);
            },
            timeoutMs);
        return result;
    }

private:
    bool parse(QList<Answer>& result, int count)
    {
        while (result.size() < count) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return false;
            const QByteArray head = m_buffer.left(headEnd).toLower();
            qsizetype length = 0;
            if (const qsizetype at = head.indexOf("content-length: "); at >= 0)
                length = head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toLongLong();
            if (m_buffer.size() < headEnd + 4 + length)
                return false;
            result.append({m_buffer.mid(9, 3).toInt(), m_buffer.mid(headEnd + 4, length)});
            m_buffer.remove(0, headEnd + 4 + length);
        }
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace

class TestApiWorkers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersComeInTheOrderOfTheRequests()
    {
        ApiTestServer api;
        QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
        Connection connection(api.server().port());
        QVERIFY(connection.connected());
        // Another writer holds the store: the create waits on its worker,
        // while the requests behind it are answered from memory at once.
        auto writer = api.temp().store().acquire();
        QVERIFY(writer.ok());
        QVERIFY(writer->db().exec("BEGIN IMMEDIATE").ok());
        connection.send(request("POST", "auth/token/create", api.rootToken(), "{}"));
        QTest::qWait(50); // the server reads each request on its own
        connection.send(request("GET", "auth/token/lookup-self", api.rootToken()));
        QTest::qWait(50);
        connection.send(request("GET", "sys/health", {}));
        QTest::qWait(200);
        QVERIFY(connection.answers(1, 10).isEmpty()); // nothing overtook the create
        QVERIFY(writer->db().exec("ROLLBACK").ok());

        const auto answers = connection.answers(3);
        QCOMPARE(answers.size(), 3);
        QCOMPARE(answers[0].status, 200);
        QVERIFY(!answers[0]
                     .json()[QStringLiteral("auth")][QStringLiteral("client_token")]
                     .toString()
                     .isEmpty());
        QCOMPARE(answers[1].json()[QStringLiteral("data")][QStringLiteral("id")].toString(),
                 api.rootToken());
        QCOMPARE(answers[2].json()[QStringLiteral("initialized")].toBool(), true);
    }

    void concurrentCreatesAllSucceed()
    {
        ApiTestServer api;
        QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
        const qint64 before = *api.engine().browser().count();
        constexpr int kClients = 12;
        std::vector<std::unique_ptr<Connection>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<Connection>(api.server().port()));
            QVERIFY(clients.back()->connected());
            clients.back()->send(request("POST", "auth/token/create", api.rootToken(), "{}"));
        }
        QSet<QString> tokens;
        for (auto& client : clients) {
            const auto answers = client->answers(1);
            QCOMPARE(answers.size(), 1);
            QCOMPARE(answers[0].status, 200);
            tokens.insert(answers[0]
                              .json()[QStringLiteral("auth")][QStringLiteral("client_token")]
                              .toString());
        }
        QCOMPARE(tokens.size(), kClients);
        QCOMPARE(*api.engine().browser().count(), before + kClients);
        for (const QString& token : std::as_const(tokens))
            QVERIFY(api.engine().tokens().validate(token).ok());
    }

    // A use-limited token's lookup-self cannot be answered from memory (its
    // use is counted in a transaction): it goes to a worker and counts once.
    void useLimitedTokenCountsEachLookupSelfOnce()
    {
        ApiTestServer api;
        QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
        const QString token = api.createToken({{QStringLiteral("num_uses"), 2}});
        QVERIFY(!token.isEmpty());
        const auto first = api.call("GET", QStringLiteral("auth/token/lookup-self"), token);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.data()[QStringLiteral("num_uses")].toInt(), 1);
        QCOMPARE(api.call("GET", QStringLiteral("auth/token/lookup-self"), token).status, 200);
        QCOMPARE(api.call("GET", QStringLiteral("auth/token/lookup-self"), token).status, 403);
    }

    // The console's tree hears of the workers' changes (queued engine signals).
    void createdUsedUpAndRevokedTokensShowInAnOpenTree()
    {
        ApiTestServer api;
        QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
        items::TokenTreeModel model(api.engine());
        QAbstractItemModelTester tester(&model);
        const QString rootAccessor =
            api.call("GET", QStringLiteral("auth/token/lookup-self"), api.rootToken())
                .data()[QStringLiteral("accessor")]
                .toString();
        const QModelIndex root = model.indexOfAccessor(rootAccessor);
        QVERIFY(root.isValid());
        while (model.canFetchMore(root))
            model.fetchMore(root);

        const auto created = api.call("POST", QStringLiteral("auth/token/create"), api.rootToken(),
                                      {{QStringLiteral("num_uses"), 1}});
        const QString token = created.auth()[QStringLiteral("client_token")].toString();
        const QString accessor = created.auth()[QStringLiteral("accessor")].toString();
        QTRY_VERIFY_WITH_TIMEOUT(model.indexOfAccessor(accessor).isValid(), 1000);
        QCOMPARE(model.indexOfAccessor(accessor).parent(), model.indexOfAccessor(rootAccessor));

        QCOMPARE(api.call("GET", QStringLiteral("auth/token/lookup-self"), token).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!model.indexOfAccessor(accessor).isValid(), 1000); // used up

        const QString other = api.createToken();
        const QString otherAccessor =
            api.call("GET", QStringLiteral("auth/token/lookup-self"), other)
                .data()[QStringLiteral("accessor")]
                .toString();
        QTRY_VERIFY_WITH_TIMEOUT(model.indexOfAccessor(otherAccessor).isValid(), 1000);
        QCOMPARE(api.call("POST", QStringLiteral("auth/token/revoke-self"), other).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(!model.indexOfAccessor(otherAccessor).isValid(), 1000);
    }

    // The console stops its server on lock: requests still on workers finish
    // first (the engine is destroyed right after), and nothing is written to
    // a closed connection.
    void stoppingWaitsForRequestsInFlight()
    {
        ApiTestServer api;
        QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
        const qint64 before = *api.engine().browser().count();
        std::vector<std::unique_ptr<Connection>> clients;
        for (int i = 0; i < 8; ++i) {
            clients.push_back(std::make_unique<Connection>(api.server().port()));
            QVERIFY(clients.back()->connected());
            clients.back()->send(request("POST", "auth/token/create", api.rootToken(), "{}"));
        }
        QTest::qWait(5); // the server has read some of them
        api.server().stop();
        QVERIFY(!api.server().isRunning());
        QTest::qWait(50); // queued answers for the closed connections
        // Every create either happened whole or not at all.
        const qint64 created = *api.engine().browser().count() - before;
        QVERIFY(created >= 0 && created <= 8);
        QVERIFY(api.engine().admin().verifyAudit().ok());
        QVERIFY(api.engine().admin().verifyAudit()->intact);
    }

    void headOnHealthAnswersWithoutBody()
    {
        ApiTestServer api;
        QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
        Connection connection(api.server().port());
        QVERIFY(connection.connected());
        connection.send("HEAD /v1/sys/health HTTP/1.1\r\nHost: x\r\n\r\n");
        connection.send(request("GET", "sys/health", {}));
        const auto answers = connection.answers(2);
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers[0].status, 200);
        QVERIFY(answers[0].body.isEmpty());
        QCOMPARE(answers[1].json()[QStringLiteral("sealed")].toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestApiWorkers)
#include "tst_apiworkers.moc"
