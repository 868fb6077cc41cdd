// auth/userpass: users written through the API log in with their password
// and get a token with their policies; wrong passwords are 400 as in Vault,
// logins are rate-limited per client (429), and no password is ever shown.
#include "ApiTestServer.h"
#include "engine/TokenEngine.h"
#include "support/Oathtool.h"

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
    // TOTP, Vault's login MFA shapes, with codes from oathtool.
    void totpUserGetsMfaRequirementThenTokenFromValidate();
    void mfaHeaderGivesTheTokenAtOnce();
    void wrongOrReplayedPasscodeIs403();
    void malformedMfaInputIs400();
    void secondFactorRequirementIsWrittenReadAndEnforced();

private:
    // Switches TOTP on for alice; returns its Base32 secret (empty on failure).
    static QString enrolAlice(ApiTestServer& api)
    {
        auto enrolled = api.engine().secondFactors().enableTotp(tessera::test::TempEngine::owner(),
                                                                QStringLiteral("alice"), true);
        return enrolled.ok() ? enrolled->secret : QString();
    }
    // The code oathtool (an independent implementation) computes for the
    // server's clock, `offset` steps away; empty when oathtool is missing.
    static QString oathtoolCode(ApiTestServer& api, const QString& secret, int offset = 0)
    {
        return tessera::test::oathtoolCode(secret, api.temp().clock().nowSeconds() + offset * 30);
    }
    static ApiReply validate(ApiTestServer& api, const QString& requestId, const QString& code)
    {
        return api.call("PUT", QStringLiteral("sys/mfa/validate"), QString(),
                        {{QStringLiteral("mfa_request_id"), requestId},
                         {QStringLiteral("mfa_payload"),
                          QJsonObject{{QStringLiteral("totp"), QJsonArray{code}}}}});
    }
    static ApiReply loginWithHeader(ApiTestServer& api, const QByteArray& header)
    {
        return api.callRaw("POST", kLogin, QString(), R"({"password": "correct horse"})",
                           {{QByteArrayLiteral("X-Vault-MFA"), header}});
    }

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

void TestUserpassApi::totpUserGetsMfaRequirementThenTokenFromValidate()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const QString secret = enrolAlice(api);
    QVERIFY(!secret.isEmpty());
    if (oathtoolCode(api, secret).isEmpty())
        QSKIP(tessera::test::kOathtoolMissing);

    const ApiReply first = api.call(
        "POST", kLogin, QString(), {{QStringLiteral("password"), QStringLiteral("correct horse")}});
    QCOMPARE(first.status, 200);
    const QJsonObject auth = first.auth();
    QCOMPARE(auth.value(u"client_token").toString(), QString());
    QVERIFY(auth.value(u"policies").isNull());
    const QJsonObject requirement = auth.value(u"mfa_requirement").toObject();
    const QString requestId = requirement.value(u"mfa_request_id").toString();
    QCOMPARE(requestId.size(), 36);
    const QJsonObject constraint = requirement.value(u"mfa_constraints")
                                       .toObject()
                                       .value(u"totp")
                                       .toObject()
                                       .value(u"any")
                                       .toArray()
                                       .first()
                                       .toObject();
    QCOMPARE(constraint.value(u"type").toString(), QStringLiteral("totp"));
    QCOMPARE(constraint.value(u"id").toString(), QStringLiteral("totp"));
    QCOMPARE(constraint.value(u"uses_passcode").toBool(), true);
    QCOMPARE(first.warnings().size(), 1);

    const ApiReply validated = validate(api, requestId, oathtoolCode(api, secret));
    QCOMPARE(validated.status, 200);
    const QString token = validated.auth().value(u"client_token").toString();
    QVERIFY(token.startsWith(QStringLiteral("tss.")));
    QVERIFY(validated.auth().value(u"policies").toArray().contains(QStringLiteral("ebooks")));
    QCOMPARE(api.call("GET", QStringLiteral("auth/token/lookup-self"), token).status, 200);

    // The request id was used.
    api.temp().clock().advanceSeconds(30);
    const ApiReply again = validate(api, requestId, oathtoolCode(api, secret));
    QCOMPARE(again.status, 403);
}

void TestUserpassApi::mfaHeaderGivesTheTokenAtOnce()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const QString secret = enrolAlice(api);
    const QString code = oathtoolCode(api, secret);
    if (code.isEmpty())
        QSKIP(tessera::test::kOathtoolMissing);
    const ApiReply login = loginWithHeader(api, "totp:" + code.toLatin1());
    QCOMPARE(login.status, 200);
    QVERIFY(login.auth().value(u"client_token").toString().startsWith(QStringLiteral("tss.")));
    QVERIFY(login.auth().value(u"mfa_requirement").isNull());
    // Vault 1.13's "passcode=" form, a step later (one step of drift ahead).
    api.temp().clock().advanceSeconds(30);
    const ApiReply prefixed =
        loginWithHeader(api, "totp:passcode=" + oathtoolCode(api, secret, 1).toLatin1());
    QCOMPARE(prefixed.status, 200);
}

void TestUserpassApi::wrongOrReplayedPasscodeIs403()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const QString secret = enrolAlice(api);
    const QString code = oathtoolCode(api, secret);
    if (code.isEmpty())
        QSKIP(tessera::test::kOathtoolMissing);
    QCOMPARE(loginWithHeader(api, "totp:" + code.toLatin1()).status, 200);
    const ApiReply replayed = loginWithHeader(api, "totp:" + code.toLatin1());
    QCOMPARE(replayed.status, 403);
    QVERIFY(!replayed.body.contains(code.toLatin1()));
    const ApiReply tooEarly =
        loginWithHeader(api, "totp:" + oathtoolCode(api, secret, 2).toLatin1());
    QCOMPARE(tooEarly.status, 403);
    // Wrong codes count towards the lockout like wrong passwords: two so far,
    // three more make the five that lock the user.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(loginWithHeader(api, "totp:000000").status, 403);
    const ApiReply locked = loginWithHeader(api, "totp:" + oathtoolCode(api, secret, 1).toLatin1());
    QCOMPARE(locked.status, 429);
    QVERIFY(!locked.header("Retry-After").isEmpty());
}

void TestUserpassApi::malformedMfaInputIs400()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    QVERIFY(!enrolAlice(api).isEmpty());
    QCOMPARE(loginWithHeader(api, "duo:123456").status, 400);
    QCOMPARE(loginWithHeader(api, "totp:").status, 400);
    QCOMPARE(api.call("POST", QStringLiteral("sys/mfa/validate"), QString(),
                      {{QStringLiteral("mfa_request_id"), QStringLiteral("x")}})
                 .status,
             400);
    QCOMPARE(api.call("POST", QStringLiteral("sys/mfa/validate"), QString(),
                      {{QStringLiteral("mfa_request_id"), QStringLiteral("x")},
                       {QStringLiteral("mfa_payload"),
                        QJsonObject{{QStringLiteral("okta"), QJsonArray{}}}}})
                 .status,
             400);
    // An unknown request id is Vault's 403 for a failed validation.
    QCOMPARE(
        api.call("POST", QStringLiteral("sys/mfa/validate"), QString(),
                 {{QStringLiteral("mfa_request_id"), QStringLiteral("x")},
                  {QStringLiteral("mfa_payload"),
                   QJsonObject{{QStringLiteral("totp"), QJsonArray{QStringLiteral("123456")}}}}})
            .status,
        403);
}

void TestUserpassApi::secondFactorRequirementIsWrittenReadAndEnforced()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    addAlice(api);
    const QString field = QStringLiteral("second_factor_required");
    QCOMPARE(api.call("GET", kAlice, api.rootToken()).data().value(field).toString(),
             QStringLiteral("none"));

    // An update of that field alone keeps the rest, as Vault's writes do.
    QCOMPARE(
        api.call("POST", kAlice, api.rootToken(), {{field, QStringLiteral("webauthn")}}).status,
        204);
    const ApiReply read = api.call("GET", kAlice, api.rootToken());
    QCOMPARE(read.data().value(field).toString(), QStringLiteral("webauthn"));
    QCOMPARE(read.data().value(u"token_ttl").toInt(), 3600);

    // alice has no key: the right password is refused with what is missing.
    const ApiReply refused = api.call(
        "POST", kLogin, QString(), {{QStringLiteral("password"), QStringLiteral("correct horse")}});
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.errors().value(0).contains(QStringLiteral("needs a security key")),
             refused.body.constData());

    const ApiReply bad =
        api.call("POST", kAlice, api.rootToken(), {{field, QStringLiteral("sms")}});
    QCOMPARE(bad.status, 400);
    QVERIFY2(bad.errors().value(0).contains(QStringLiteral("\"either\"")), bad.body.constData());
    QCOMPARE(api.call("GET", kAlice, api.rootToken()).data().value(field).toString(),
             QStringLiteral("webauthn"));
}

QTEST_MAIN(TestUserpassApi)
#include "tst_userpassapi.moc"
