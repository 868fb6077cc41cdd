// Vault's response envelope and error shape, which hvac and node-vault parse.
#include "api/ApiResponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tessera;
using namespace tessera::api;

namespace {

QJsonObject parsed(const ApiResponse& response, const QString& requestId = QStringLiteral("rid"))
{
    return QJsonDocument::fromJson(response.body(requestId)).object();
}

} // namespace

class TestApiResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void envelopeHasEveryVaultField();
    void authResponseHasNullData();
    void warningsAreAListOrNull();
    void errorsAreAListOfMessages();
    void engineErrorsGetTheirHttpStatus_data();
    void engineErrorsGetTheirHttpStatus();
    void noContentHasNoBody();
    void bareDocumentIsNotWrapped();
    void emptyListIs404WithoutMessages();
    void sysAnswersRepeatDataAtTopLevel();
};

void TestApiResponse::envelopeHasEveryVaultField()
{
    const QJsonObject body = parsed(ApiResponse::data({{QStringLiteral("a"), 1}}));
    QCOMPARE(body.value(u"request_id").toString(), QStringLiteral("rid"));
    QCOMPARE(body.value(u"lease_id").toString(), QString());
    QVERIFY(body.value(u"lease_id").isString());
    QCOMPARE(body.value(u"renewable").toBool(true), false);
    QVERIFY(body.value(u"lease_duration").isDouble());
    QCOMPARE(body.value(u"data").toObject().value(u"a").toInt(), 1);
    QVERIFY(body.value(u"wrap_info").isNull());
    QVERIFY(body.value(u"warnings").isNull());
    QVERIFY(body.value(u"auth").isNull());
    QCOMPARE(body.size(), 8);
    QCOMPARE(ApiResponse::data({}).status(), 200);
}

void TestApiResponse::authResponseHasNullData()
{
    const QJsonObject body =
        parsed(ApiResponse::auth({{QStringLiteral("client_token"), QStringLiteral("t")}}));
    QVERIFY(body.value(u"data").isNull());
    QCOMPARE(body.value(u"auth").toObject().value(u"client_token").toString(), QStringLiteral("t"));
}

void TestApiResponse::warningsAreAListOrNull()
{
    ApiResponse response = ApiResponse::data({}, {QStringLiteral("first")});
    response.addWarnings({QStringLiteral("second")});
    const QJsonArray warnings = parsed(response).value(u"warnings").toArray();
    QCOMPARE(warnings.size(), 2);
    QCOMPARE(warnings.at(1).toString(), QStringLiteral("second"));
}

void TestApiResponse::errorsAreAListOfMessages()
{
    const ApiResponse response = ApiResponse::error(400, QStringLiteral("missing token"));
    QCOMPARE(response.status(), 400);
    QVERIFY(response.isError());
    const QJsonObject body = parsed(response);
    QCOMPARE(body.keys(), QStringList{QStringLiteral("errors")});
    QCOMPARE(body.value(u"errors").toArray(), QJsonArray{QStringLiteral("missing token")});
}

void TestApiResponse::engineErrorsGetTheirHttpStatus_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("status");
    QTest::newRow("invalid") << int(ErrorCode::InvalidArgument) << 400;
    QTest::newRow("denied") << int(ErrorCode::PermissionDenied) << 403;
    QTest::newRow("not found") << int(ErrorCode::NotFound) << 404;
    QTest::newRow("credentials") << int(ErrorCode::InvalidCredentials) << 400;
    QTest::newRow("rate limited") << int(ErrorCode::RateLimited) << 429;
    QTest::newRow("internal") << int(ErrorCode::Internal) << 500;
}

void TestApiResponse::engineErrorsGetTheirHttpStatus()
{
    QFETCH(int, code);
    QFETCH(int, status);
    const ApiResponse response =
        ApiResponse::fromError(Error{static_cast<ErrorCode>(code), QStringLiteral("why")});
    QCOMPARE(response.status(), status);
    QCOMPARE(parsed(response).value(u"errors").toArray(), QJsonArray{QStringLiteral("why")});
}

void TestApiResponse::noContentHasNoBody()
{
    QCOMPARE(ApiResponse::noContent().status(), 204);
    QVERIFY(ApiResponse::noContent().body(QStringLiteral("rid")).isEmpty());
}

void TestApiResponse::bareDocumentIsNotWrapped()
{
    const QJsonObject body = parsed(ApiResponse::bare({{QStringLiteral("sealed"), false}}));
    QCOMPARE(body.keys(), QStringList{QStringLiteral("sealed")});
}

void TestApiResponse::emptyListIs404WithoutMessages()
{
    const ApiResponse empty = ApiResponse::keys({});
    QCOMPARE(empty.status(), 404);
    QCOMPARE(parsed(empty).value(u"errors").toArray(), QJsonArray{});
    const ApiResponse some = ApiResponse::keys({QStringLiteral("a")});
    QCOMPARE(parsed(some).value(u"data").toObject().value(u"keys").toArray(),
             QJsonArray{QStringLiteral("a")});
}

void TestApiResponse::sysAnswersRepeatDataAtTopLevel()
{
    ApiResponse response =
        ApiResponse::data({{QStringLiteral("policies"), QJsonArray{QStringLiteral("default")}},
                           {QStringLiteral("auth"), QStringLiteral("a policy named auth")}});
    QVERIFY(!parsed(response).contains(u"policies"));
    response.repeatDataAtTopLevel();
    const QJsonObject body = parsed(response);
    QCOMPARE(body.value(u"policies").toArray(), QJsonArray{QStringLiteral("default")});
    QCOMPARE(body.value(u"data").toObject().value(u"policies").toArray(),
             QJsonArray{QStringLiteral("default")});
    QVERIFY2(body.value(u"auth").isNull(), "a data member replaced an envelope field");
    QCOMPARE(body.value(u"request_id").toString(), QStringLiteral("rid"));
}

QTEST_APPLESS_MAIN(TestApiResponse)
#include "tst_apiresponse.moc"
