// auth/token/create's body as a TokenRequest: Vault's field names and lenient
// types, and a clear 400 for malformed JSON, wrong types and refused fields.
#include "api/TokenRequestJson.h"

#include <QTest>

using namespace tessera;
using namespace tessera::api;
using tessera::engine::TokenRequest;
using tessera::engine::TokenType;

class TestTokenRequestJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyBodyIsTheDefaultRequest();
    void everyVaultFieldIsRead();
    void lenientTypesAreAccepted();
    void leaseIsAnAliasOfTtl();
    void badInputIsRefusedNamingTheProblem_data();
    void badInputIsRefusedNamingTheProblem();
    void unknownFieldsAreIgnoredWithAWarning();
};

void TestTokenRequestJson::emptyBodyIsTheDefaultRequest()
{
    for (const QByteArray& body : {QByteArray(), QByteArray("  "), QByteArray("{}")}) {
        auto request = TokenRequestJson::parse(body);
        QVERIFY(request.ok());
        QVERIFY(request->policies.isEmpty());
        QCOMPARE(request->ttl, 0);
        QVERIFY(!request->renewable.has_value());
        QVERIFY(!request->type.has_value());
        QVERIFY(!request->orphan);
    }
}

void TestTokenRequestJson::everyVaultFieldIsRead()
{
    QStringList warnings;
    auto request = TokenRequestJson::parse(
        R"({"policies":["ebooks","default"],"meta":{"patron":"42"},"no_parent":true,
            "no_default_policy":true,"renewable":false,"ttl":"1h","explicit_max_ttl":7200,
            "display_name":"desk","num_uses":3,"period":"30m","type":"batch",
            "role_name":"day-pass"})",
        &warnings);
    QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().message));
    QCOMPARE(request->policies, (QStringList{QStringLiteral("ebooks"), QStringLiteral("default")}));
    QCOMPARE(request->meta.value(QStringLiteral("patron")), QStringLiteral("42"));
    QVERIFY(request->orphan);
    QVERIFY(request->noDefaultPolicy);
    QCOMPARE(request->renewable, std::optional<bool>(false));
    QCOMPARE(request->ttl, 3600);
    QCOMPARE(request->explicitMaxTtl, 7200);
    QCOMPARE(request->displayName, QStringLiteral("desk"));
    QCOMPARE(request->numUses, 3);
    QCOMPARE(request->period, 1800);
    QCOMPARE(request->type, std::optional<TokenType>(TokenType::Batch));
    QCOMPARE(request->role, QStringLiteral("day-pass"));
    QVERIFY(warnings.isEmpty());
}

void TestTokenRequestJson::lenientTypesAreAccepted()
{
    // What Vault's WeakDecode accepts: comma lists, numeric strings, "true".
    auto request = TokenRequestJson::parse(
        R"({"policies":"ebooks, archive","num_uses":"2","renewable":"true","meta":{"n":7}})");
    QVERIFY(request.ok());
    QCOMPARE(request->policies, (QStringList{QStringLiteral("ebooks"), QStringLiteral("archive")}));
    QCOMPARE(request->numUses, 2);
    QCOMPARE(request->renewable, std::optional<bool>(true));
    QCOMPARE(request->meta.value(QStringLiteral("n")), QStringLiteral("7"));
}

void TestTokenRequestJson::leaseIsAnAliasOfTtl()
{
    auto request = TokenRequestJson::parse(R"({"lease":"2h"})");
    QVERIFY(request.ok());
    QCOMPARE(request->ttl, 7200);
    request = TokenRequestJson::parse(R"({"lease":"2h","ttl":"1h"})");
    QCOMPARE(request->ttl, 3600);
}

void TestTokenRequestJson::badInputIsRefusedNamingTheProblem_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("malformed") << QByteArray("{\"ttl\": ")
                               << QStringLiteral("failed to parse JSON");
    QTest::newRow("trailing garbage")
        << QByteArray("{} x") << QStringLiteral("failed to parse JSON");
    QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("JSON object");
    QTest::newRow("string") << QByteArray("\"ttl\"") << QStringLiteral("failed to parse JSON");
    QTest::newRow("policies number")
        << QByteArray(R"({"policies":5})") << QStringLiteral("policies");
    QTest::newRow("policies of numbers")
        << QByteArray(R"({"policies":[1]})") << QStringLiteral("policies");
    QTest::newRow("meta array") << QByteArray(R"({"meta":["a"]})") << QStringLiteral("meta");
    QTest::newRow("meta nested") << QByteArray(R"({"meta":{"a":{}}})") << QStringLiteral("meta");
    QTest::newRow("ttl bool") << QByteArray(R"({"ttl":true})") << QStringLiteral("ttl");
    QTest::newRow("ttl unit") << QByteArray(R"({"ttl":"5 fortnights"})") << QStringLiteral("ttl");
    QTest::newRow("ttl negative") << QByteArray(R"({"ttl":-5})") << QStringLiteral("ttl");
    QTest::newRow("num_uses text")
        << QByteArray(R"({"num_uses":"many"})") << QStringLiteral("num_uses");
    QTest::newRow("num_uses fraction")
        << QByteArray(R"({"num_uses":1.5})") << QStringLiteral("num_uses");
    QTest::newRow("num_uses negative")
        << QByteArray(R"({"num_uses":-1})") << QStringLiteral("negative");
    QTest::newRow("num_uses huge")
        << QByteArray(R"({"num_uses":99999999999})") << QStringLiteral("too large");
    QTest::newRow("renewable text")
        << QByteArray(R"({"renewable":"perhaps"})") << QStringLiteral("renewable");
    QTest::newRow("no_parent object")
        << QByteArray(R"({"no_parent":{}})") << QStringLiteral("no_parent");
    QTest::newRow("type unknown") << QByteArray(R"({"type":"jwt"})")
                                  << QStringLiteral("token type");
    QTest::newRow("custom id") << QByteArray(R"({"id":"tss.mine"})")
                               << QStringLiteral("custom token ids");
    QTest::newRow("display_name list")
        << QByteArray(R"({"display_name":[]})") << QStringLiteral("display_name");
}

void TestTokenRequestJson::badInputIsRefusedNamingTheProblem()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    auto request = TokenRequestJson::parse(body);
    QVERIFY(!request.ok());
    QCOMPARE(request.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(request.error().message.contains(mentions), qPrintable(request.error().message));
}

void TestTokenRequestJson::unknownFieldsAreIgnoredWithAWarning()
{
    QStringList warnings;
    auto request = TokenRequestJson::parse(R"({"ttl":"1h","colour":"red","size":3})", &warnings);
    QVERIFY(request.ok());
    QCOMPARE(request->ttl, 3600);
    QCOMPARE(warnings, QStringList{QStringLiteral(
                           "Endpoint ignored these unrecognized parameters: [colour size]")});
}

QTEST_APPLESS_MAIN(TestTokenRequestJson)
#include "tst_tokenrequestjson.moc"
