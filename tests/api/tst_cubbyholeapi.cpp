// cubbyhole/*: a token's private key/value store through the API.
#include "ApiTestServer.h"

#include <QJsonArray>
#include <QTest>

using namespace tessera;
using tessera::test::ApiReply;
using tessera::test::ApiTestServer;

class TestCubbyholeApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeReadListDelete();
    void cubbyholeIsPrivateToItsToken();
    void bodyFieldsAreDataNotUnknownParameters();
    void malformedBodyIs400AndWritesNothing();
};

void TestCubbyholeApi::writeReadListDelete()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QString token = api.tokenWith({QStringLiteral("default")});
    const QString path = QStringLiteral("cubbyhole/notes/loan");
    QCOMPARE(
        api.call("POST", path, token, {{QStringLiteral("isbn"), QStringLiteral("978-0")}}).status,
        204);
    ApiReply reply = api.call("GET", path, token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"isbn").toString(), QStringLiteral("978-0"));
    reply = api.call("LIST", QStringLiteral("cubbyhole/notes/"), token);
    QCOMPARE(reply.data().value(u"keys").toArray(), QJsonArray{QStringLiteral("loan")});
    reply = api.call("LIST", QStringLiteral("cubbyhole"), token);
    QCOMPARE(reply.data().value(u"keys").toArray(), QJsonArray{QStringLiteral("notes/")});
    QCOMPARE(api.call("DELETE", path, token).status, 204);
    QCOMPARE(api.call("GET", path, token).status, 404);
}

void TestCubbyholeApi::cubbyholeIsPrivateToItsToken()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QString mine = api.tokenWith({QStringLiteral("default")});
    const QString other = api.tokenWith({QStringLiteral("default")});
    QCOMPARE(api.call("PUT", QStringLiteral("cubbyhole/secret"), mine, {{QStringLiteral("k"), 1}})
                 .status,
             204);
    QCOMPARE(api.call("GET", QStringLiteral("cubbyhole/secret"), other).status, 404);
    QCOMPARE(api.call("GET", QStringLiteral("cubbyhole/secret"), mine).status, 200);
}

void TestCubbyholeApi::bodyFieldsAreDataNotUnknownParameters()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QString token = api.tokenWith({QStringLiteral("default")});
    QCOMPARE(
        api.call("POST", QStringLiteral("cubbyhole/a"), token, {{QStringLiteral("anything"), true}})
            .status,
        204);
    const ApiReply reply = api.call("GET", QStringLiteral("cubbyhole/a"), token);
    QVERIFY(reply.warnings().isEmpty());
    QCOMPARE(reply.data().value(u"anything").toBool(), true);
}

void TestCubbyholeApi::malformedBodyIs400AndWritesNothing()
{
    ApiTestServer api;
    QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
    const QString token = api.tokenWith({QStringLiteral("default")});
    const ApiReply reply = api.callRaw("POST", QStringLiteral("cubbyhole/a"), token, "{\"k\": ");
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.errors().value(0).contains(QStringLiteral("failed to parse JSON")));
    QCOMPARE(api.call("GET", QStringLiteral("cubbyhole/a"), token).status, 404);
}

QTEST_MAIN(TestCubbyholeApi)
#include "tst_cubbyholeapi.moc"
