// auth/userpass: users written through the API log in with their password
// and get a token with their policies; wrong passwords are 400 as in Vault,
// logins are rate-limited per client (429), and no password is ever shown.
#include "ApiTestServer.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>
#include <QTest>

using namespace tessera;
using tessera::test::ApiReply;
using tessera::test::ApiTestServer;

namespace {

const QString kAlice = QStringLiteral("auth/userpass/users/alice");
const QString kLogin = QStringLiteral("auth/userpass/login/alice");

} // namespace

class TestUserpassApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userLogsInAndGetsHerPolicies();
    void wrongPasswordIs400WithVaultsMessage();
    void readingAUserNeverShowsThePassword();
    void usersAreListedAndDeleted();
    void loginIsRateLimitedPerClient();
    void lockedOutLoginSaysWhenToRetry();
    void loginWithoutPasswordIs400();
    void userAdministrationNeedsPermission();

private:
    static void addAlice(ApiTestServer& api)
    {
        QVERIFY(api.addPolicy(QStringLiteral("ebooks"),
                              QStringLiteral("path \"ebooks/*\" { capabilities = [\"read\"] }")));
        const ApiReply reply =
            api.call("POST", kAlice, api.rootToken(),
                     {{QStringLiteral("password"), QStringLiteral("correct horse")},
                      {QStringLiteral("token_policies"), QStringLiteral("ebooks")},
                      {QStringLiteral("token_ttl"), QStringLiteral("1h")}});
        QCOMPARE(reply.status, 204);
    }
};

void TestUserpassApi::userLogsInAndGetsHerPolicies()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const ApiReply login = api.call(
        "POST", kLogin, QString(), {{QStringLiteral("password"), QStringLiteral("correct horse")}});
    QCOMPARE(login.status, 200);
    const QJsonObject auth = login.auth();
    const QString token = auth.value(u"client_token").toString();
    QVERIFY(token.startsWith(QStringLiteral("tss.")));
    QVERIFY(auth.value(u"policies").toArray().contains(QStringLiteral("ebooks")));
    QCOMPARE(auth.value(u"metadata").toObject().value(u"username").toString(),
             QStringLiteral("alice"));
    QCOMPARE(auth.value(u"lease_duration").toInt(), 3600);
    const ApiReply self = api.call("GET", QStringLiteral("auth/token/lookup-self"), token);
    QCOMPARE(self.status, 200);
    QCOMPARE(self.data().value(u"path").toString(), kLogin);
}

void TestUserpassApi::wrongPasswordIs400WithVaultsMessage()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const qint64 before = *api.engine().browser().count();
    for (const QString& path : {kLogin, QStringLiteral("auth/userpass/login/nobody")}) {
        const ApiReply reply = api.call("POST", path, QString(),
                                        {{QStringLiteral("password"), QStringLiteral("wrong")}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errors(), QStringList{QStringLiteral("invalid username or password")});
        QVERIFY(!reply.body.contains("wrong"));
    }
    QCOMPARE(*api.engine().browser().count(), before);
}

void TestUserpassApi::readingAUserNeverShowsThePassword()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const ApiReply reply = api.call("GET", kAlice, api.rootToken());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"token_policies").toArray(), QJsonArray{QStringLiteral("ebooks")});
    QCOMPARE(reply.data().value(u"token_ttl").toInt(), 3600);
    QVERIFY(!reply.data().contains(u"password"));
    QVERIFY(!reply.body.contains("correct horse"));
}

void TestUserpassApi::usersAreListedAndDeleted()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    ApiReply reply = api.call("LIST", QStringLiteral("auth/userpass/users"), api.rootToken());
    QCOMPARE(reply.data().value(u"keys").toArray(), QJsonArray{QStringLiteral("alice")});
    QCOMPARE(api.call("DELETE", kAlice, api.rootToken()).status, 204);
    QCOMPARE(api.call("GET", kAlice, api.rootToken()).status, 404);
    reply = api.call("POST", kLogin, QString(),
                     {{QStringLiteral("password"), QStringLiteral("correct horse")}});
    QCOMPARE(reply.status, 400);
}

void TestUserpassApi::loginIsRateLimitedPerClient()
{
    api::ApiLimits limits;
    limits.loginBurst = 3;
    limits.loginPerSecond = 0;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const QJsonObject good{{QStringLiteral("password"), QStringLiteral("correct horse")}};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(api.call("POST", kLogin, QString(), good).status, 200);
    const ApiReply limited = api.call("POST", kLogin, QString(), good);
    QCOMPARE(limited.status, 429);
    QVERIFY(!limited.errors().isEmpty());
    QCOMPARE(limited.header("Retry-After").toInt(), 3600); // this bucket is never refilled
    // Only logins are limited.
    QCOMPARE(api.call("GET", QStringLiteral("sys/health")).status, 200);
}

// The engine's lockout of a user name after failed logins (LoginThrottle)
// answers 429 with the seconds left.
void TestUserpassApi::lockedOutLoginSaysWhenToRetry()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const QJsonObject wrong{{QStringLiteral("password"), QStringLiteral("wrong horse")}};
    ApiReply reply;
    for (int i = 0; i < 10 && reply.status != 429; ++i)
        reply = api.call("POST", kLogin, QString(), wrong);
    QCOMPARE(reply.status, 429);
    const int seconds = reply.header("Retry-After").toInt();
    QVERIFY2(seconds > 0 && seconds <= 60, reply.header("Retry-After").constData());
}

void TestUserpassApi::loginWithoutPasswordIs400()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    QCOMPARE(api.call("POST", kLogin).status, 400);
    QCOMPARE(api.call("POST", kLogin, QString(), {{QStringLiteral("password"), 5}}).status, 400);
}

void TestUserpassApi::userAdministrationNeedsPermission()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QString plain = api.tokenWith({QStringLiteral("default")});
    QCOMPARE(
        api.call("POST", kAlice, plain, {{QStringLiteral("password"), QStringLiteral("x")}}).status,
        403);
    QCOMPARE(api.call("GET", kAlice, api.rootToken()).status, 404);
}

QTEST_MAIN(TestUserpassApi)
#include "tst_userpassapi.moc"
