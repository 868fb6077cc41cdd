// auth/pass/login (docs/ARCHITECTURE.md, «Pass codes»): a pass's code, typed
// as printed or loosely, gives its token in the same auth reply as a password
// login; bad bodies and wrong codes are 400, guessing ends in 429.
#include "ApiTestServer.h"
#include "engine/PassBatchService.h"
#include "engine/PassCode.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using tessera::test::ApiReply;
using tessera::test::ApiTestServer;
using tessera::test::TempEngine;

namespace {

const QString kLogin = u"auth/pass/login"_s;

// A batch of `count` passes of a one-hour role with the "ebooks" policy.
std::optional<engine::PassBatch> issueBatch(ApiTestServer& api, int count)
{
    if (!api.addPolicy(u"ebooks"_s, u"path \"ebooks/*\" { capabilities = [\"read\"] }"_s))
        return std::nullopt;
    engine::Role visit;
    visit.name = u"class-visit"_s;
    visit.allowedPolicies = {u"ebooks"_s};
    visit.settings.ttl = 3600;
    if (!api.engine().admin().putRole(TempEngine::owner(), visit))
        return std::nullopt;
    engine::PassBatchRequest request;
    request.role = visit.name;
    request.count = count;
    auto batch = api.engine().passBatches().issue(TempEngine::owner(), request);
    if (!batch)
        return std::nullopt;
    return std::move(*batch);
}

} // namespace

class TestPassApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codeLogsInWithThePassToken();
    void codeTypedLooselyLogsIn();
    void wrongCodeIs400WithAPlainMessage();
    void typoIs400();
    void badBodyIs400();
    void guessingIsRateLimited();
};

void TestPassApi::codeLogsInWithThePassToken()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    auto batch = issueBatch(api, 2);
    QVERIFY(batch);
    const ApiReply login = api.call("POST", kLogin, QString(), {{u"code"_s, batch->codeOf(1)}});
    QCOMPARE(login.status, 200);
    const QJsonObject auth = login.auth();
    QCOMPARE(auth.value(u"client_token").toString(), batch->passes.at(1).token);
    QCOMPARE(auth.value(u"accessor").toString(), batch->passes.at(1).info.accessor);
    QVERIFY(auth.value(u"policies").toArray().contains(u"ebooks"_s));
    QCOMPARE(auth.value(u"lease_duration").toInt(), 3600);
    const ApiReply self =
        api.call("GET", u"auth/token/lookup-self"_s, auth.value(u"client_token").toString());
    QCOMPARE(self.status, 200);
    QVERIFY(!login.body.contains(batch->codeOf(1).toLatin1()));
}

void TestPassApi::codeTypedLooselyLogsIn()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    auto batch = issueBatch(api, 1);
    QVERIFY(batch);
    const QString typed = batch->codeOf(0).toLower().replace(u'-', u' ');
    const ApiReply login = api.call("POST", kLogin, QString(), {{u"code"_s, typed}});
    QCOMPARE(login.status, 200);
    QCOMPARE(login.auth().value(u"client_token").toString(), batch->passes.first().token);
}

void TestPassApi::wrongCodeIs400WithAPlainMessage()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QVERIFY(issueBatch(api, 1));
    const QString wrong = engine::PassCode::random().grouped();
    const ApiReply reply = api.call("POST", kLogin, QString(), {{u"code"_s, wrong}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errors().size(), 1);
    QVERIFY(reply.errors().first().contains(u"does not open a pass"_s));
    QVERIFY(!reply.body.contains(wrong.toLatin1()));
    QVERIFY(reply.auth().isEmpty());
}

void TestPassApi::typoIs400()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    auto batch = issueBatch(api, 1);
    QVERIFY(batch);
    const ApiReply reply = api.call("POST", kLogin, QString(), {{u"code"_s, u"ABCD-EFGH"_s}});
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.errors().first().contains(u"13 characters"_s));
    QVERIFY(!reply.body.contains("ABCD"));
}

void TestPassApi::badBodyIs400()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    QCOMPARE(api.call("POST", kLogin).status, 400);
    QCOMPARE(api.call("POST", kLogin, QString(), {{u"code"_s, 5}}).status, 400);
    QCOMPARE(api.callRaw("POST", kLogin, QString(), "{not json", {}).status, 400);
    QCOMPARE(api.call("POST", kLogin, QString(), {{u"code"_s, QString()}}).status, 400);
}

void TestPassApi::guessingIsRateLimited()
{
    // The HTTP limiter out of the way: this is the engine's throttle.
    api::ApiLimits limits;
    limits.loginBurst = 1000;
    ApiTestServer api(limits);
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    auto batch = issueBatch(api, 1);
    QVERIFY(batch);
    for (int i = 0; i < engine::PassCodeService::kClientFreeFailures; ++i) {
        const ApiReply reply = api.call("POST", kLogin, QString(),
                                        {{u"code"_s, engine::PassCode::random().grouped()}});
        QCOMPARE(reply.status, 400);
    }
    const ApiReply limited = api.call("POST", kLogin, QString(), {{u"code"_s, batch->codeOf(0)}});
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.header("Retry-After").toInt() > 0);
    QVERIFY(limited.auth().isEmpty());
}

QTEST_GUILESS_MAIN(TestPassApi)
#include "tst_passapi.moc"
