// The API on a Unix-domain socket, for a reverse proxy on the same machine:
// who may connect, what the audit log calls such a client, and the socket
// file's life (made at start, replaced when stale, removed at stop, never
// taken from a file or server that owns the path).
#include "ApiTestServer.h"
#include "api/UnixListener.h"
#include "support/EngineActors.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace tessera;
using namespace Qt::StringLiterals;
using tessera::test::ApiTestServer;

namespace {

api::ListenConfig onSocket(const QString& path)
{
    api::ListenConfig config;
    config.socketPath = path;
    return config;
}

// One request over the socket at `path`; the whole answer, or empty. The
// server runs on this thread: the wait runs its event loop.
QByteArray exchange(const QString& path, const QByteArray& request)
{
    QLocalSocket socket;
    socket.connectToServer(path);
    QByteArray answer;
    const auto complete = [&answer] {
        const qsizetype headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QByteArray length = "Content-Length: ";
        const qsizetype at = answer.indexOf(length);
        const qint64 size =
            at < 0 ? 0 : answer.mid(at + length.size()).split('\r').first().toLongLong();
        return answer.size() >= headEnd + 4 + size;
    };
    if (socket.state() != QLocalSocket::ConnectedState)
        return {};
    socket.write(request);
    QDeadlineTimer deadline(5000);
    while (!complete() && !deadline.hasExpired() &&
           socket.state() == QLocalSocket::ConnectedState) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        answer += socket.readAll();
    }
    return answer;
}

QByteArray lookupSelf(const QString& token)
{
    return "GET /v1/auth/token/lookup-self HTTP/1.1\r\nHost: tessera\r\nX-Vault-Token: " +
           token.toUtf8() + "\r\n\r\n";
}

QByteArray gateCheck(const QString& token, const QByteArray& forwardedFor)
{
    return "GET /gate/check HTTP/1.1\r\nHost: journal.example.org\r\nX-Original-URI: /a\r\n"
           "X-Original-Method: GET\r\nX-Forwarded-For: " +
           forwardedFor + "\r\nAuthorization: Bearer " + token.toUtf8() + "\r\n\r\n";
}

bool usedBy(ApiTestServer& api, const QString& client)
{
    const auto records = test::auditTrail(api.engine());
    return std::any_of(records.cbegin(), records.cend(), [&](const audit::AuditRecord& r) {
        return r.operation == u"token.use" && r.client == client;
    });
}

} // namespace

class TestUnixListener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesTheApiToOwnerAndGroupOnly();
    void clientsOnTheSocketAreAuditedAsUnix();
    void proxyOnTheSocketNamesThePatronWhenTrusted();
    void stoppingRemovesTheSocketFile();
    void staleSocketFileIsReplaced();
    void fileInTheWayIsRefusedAndKept();
    void secondServerOnTheSamePathIsRefused();
    void badPathsAreRefused();

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
};

void TestUnixListener::servesTheApiToOwnerAndGroupOnly()
{
    ApiTestServer api({}, onSocket(path(u"api.sock"_s)));
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QCOMPARE(api.url(), u"unix:"_s + path(u"api.sock"_s));
    struct stat made
    {};
    QCOMPARE(::stat(QFile::encodeName(path(u"api.sock"_s)).constData(), &made), 0);
    QVERIFY(S_ISSOCK(made.st_mode));
    QCOMPARE(made.st_mode & 0777, 0660u);

    const QByteArray answer = exchange(path(u"api.sock"_s), lookupSelf(api.rootToken()));
    QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
    QVERIFY(answer.contains("\"policies\":[\"root\"]"));
}

void TestUnixListener::clientsOnTheSocketAreAuditedAsUnix()
{
    ApiTestServer api({}, onSocket(path(u"audited.sock"_s)));
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QVERIFY(
        exchange(path(u"audited.sock"_s), lookupSelf(api.rootToken())).startsWith("HTTP/1.1 200 "));
    QTRY_VERIFY(usedBy(api, u"api:unix"_s));
}

void TestUnixListener::proxyOnTheSocketNamesThePatronWhenTrusted()
{
    const auto checkThrough = [this](const QString& name, const QStringList& trusted) {
        api::ListenConfig config = onSocket(path(name));
        config.gate.trustedProxies = trusted;
        auto api = std::make_unique<ApiTestServer>(api::ApiLimits{}, config);
        if (!api->isValid() ||
            !api->addPolicy(u"journal"_s, u"path \"gate/*\" { capabilities = [\"read\"] }"_s))
            return std::unique_ptr<ApiTestServer>();
        const auto patron = test::ownersActor(api->engine(), {u"journal"_s});
        if (!patron.ok())
            return std::unique_ptr<ApiTestServer>();
        const QByteArray answer = exchange(path(name), gateCheck(patron->token, "198.51.100.7"));
        return answer.startsWith("HTTP/1.1 200 ") ? std::move(api) : nullptr;
    };
    // Named: the address nginx appended is the client.
    auto trusting = checkThrough(u"trusting.sock"_s, {u"unix"_s});
    QVERIFY(trusting);
    QTRY_VERIFY(usedBy(*trusting, u"api:198.51.100.7"_s));
    // Not named: the header is anybody's word, the client is the socket.
    auto wary = checkThrough(u"wary.sock"_s, {u"127.0.0.1"_s});
    QVERIFY(wary);
    QTRY_VERIFY(usedBy(*wary, u"api:unix"_s));
    QVERIFY(!usedBy(*wary, u"api:198.51.100.7"_s));
}

void TestUnixListener::stoppingRemovesTheSocketFile()
{
    ApiTestServer api({}, onSocket(path(u"stop.sock"_s)));
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QVERIFY(QFileInfo::exists(path(u"stop.sock"_s)));
    api.server().stop();
    QVERIFY(!QFileInfo::exists(path(u"stop.sock"_s)));
    QVERIFY(exchange(path(u"stop.sock"_s), lookupSelf(api.rootToken())).isEmpty());
}

void TestUnixListener::staleSocketFileIsReplaced()
{
    // What a server killed with SIGKILL leaves: a socket file nobody listens on.
    const QByteArray stale = QFile::encodeName(path(u"stale.sock"_s));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, stale.constData(), std::size_t(stale.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(path(u"stale.sock"_s)));

    ApiTestServer api({}, onSocket(path(u"stale.sock"_s)));
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QVERIFY(
        exchange(path(u"stale.sock"_s), lookupSelf(api.rootToken())).startsWith("HTTP/1.1 200 "));
}

void TestUnixListener::fileInTheWayIsRefusedAndKept()
{
    QFile notes(path(u"notes.txt"_s));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("the desk's notes");
    notes.close();

    ApiTestServer api({}, onSocket(path(u"notes.txt"_s)));
    QVERIFY(!api.isValid());
    QVERIFY2(api.errorMessage().contains(u"not a socket"_s), qPrintable(api.errorMessage()));
    QVERIFY(notes.open(QIODevice::ReadOnly));
    QCOMPARE(notes.readAll(), QByteArray("the desk's notes"));
}

void TestUnixListener::secondServerOnTheSamePathIsRefused()
{
    ApiTestServer first({}, onSocket(path(u"shared.sock"_s)));
    QVERIFY2(first.isValid(), qPrintable(first.errorMessage()));
    {
        ApiTestServer second({}, onSocket(path(u"shared.sock"_s)));
        QVERIFY(!second.isValid());
        QVERIFY2(second.errorMessage().contains(u"another server"_s),
                 qPrintable(second.errorMessage()));
    }
    // The refused server took nothing away: the first one still answers.
    QVERIFY(exchange(path(u"shared.sock"_s), lookupSelf(first.rootToken()))
                .startsWith("HTTP/1.1 200 "));
}

void TestUnixListener::badPathsAreRefused()
{
    const QString tooLong = u"/tmp/"_s + QString(api::UnixListener::kMaxPathBytes, u'x');
    ApiTestServer api({}, onSocket(tooLong));
    QVERIFY(!api.isValid());
    QVERIFY2(api.errorMessage().contains(u"longer than"_s), qPrintable(api.errorMessage()));
    QVERIFY(!QFileInfo::exists(tooLong));
}

QTEST_MAIN(TestUnixListener)
#include "tst_unixlistener.moc"
