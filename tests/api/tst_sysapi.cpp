// sys/*: health, ACL policies (also at the older sys/policy hvac uses) in HCL
// or JSON, and the capabilities a library web site asks about.
#include "ApiTestServer.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>
#include <QTest>

using namespace tessera;
using tessera::test::ApiReply;
using tessera::test::ApiTestServer;

namespace {

const QString kEbooksRules =
    QStringLiteral("path \"ebooks/*\" { capabilities = [\"read\", \"list\"] }");

} // namespace

class TestSysApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void healthNeedsNoTokenAndIsBare();
    void aclPolicyIsWrittenReadListedAndDeleted();
    void olderSysPolicyEndpointWorksAsHvacUsesIt();
    void jsonPolicyDocumentLoads();
    void malformedPolicyIs400AndChangesNothing();
    void policyWritesNeedPermission();
    void dotPolicyNamesAreRefusedAsTheyArrive();
    void capabilitiesSelfAnswersPerPath();
    void capabilitiesOfAnotherTokenNeedPermission();
    void rootTokenHasRootCapability();

private:
    std::unique_ptr<ApiTestServer> m_api;
    ApiTestServer& api() { return *m_api; }
    QString root() const { return m_api->rootToken(); }
};

void TestSysApi::init()
{
    m_api = std::make_unique<ApiTestServer>();
    QVERIFY2(m_api->isValid(), qPrintable(m_api->errorMessage()));
}

void TestSysApi::cleanup()
{
    m_api.reset();
}

void TestSysApi::healthNeedsNoTokenAndIsBare()
{
    const ApiReply reply = api().call("GET", QStringLiteral("sys/health"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(u"initialized").toBool(), true);
    QCOMPARE(reply.json.value(u"sealed").toBool(true), false);
    QCOMPARE(reply.json.value(u"standby").toBool(true), false);
    QVERIFY(!reply.json.contains(u"data"));
}

void TestSysApi::aclPolicyIsWrittenReadListedAndDeleted()
{
    const QString path = QStringLiteral("sys/policies/acl/ebooks");
    QCOMPARE(api().call("PUT", path, root(), {{QStringLiteral("policy"), kEbooksRules}}).status,
             204);
    ApiReply reply = api().call("GET", path, root());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"name").toString(), QStringLiteral("ebooks"));
    QVERIFY(reply.data().value(u"policy").toString().contains(QStringLiteral("ebooks/*")));
    reply = api().call("LIST", QStringLiteral("sys/policies/acl"), root());
    QVERIFY(reply.data().value(u"keys").toArray().contains(QStringLiteral("ebooks")));
    QCOMPARE(api().call("DELETE", path, root()).status, 204);
    QCOMPARE(api().call("GET", path, root()).status, 404);
}

void TestSysApi::olderSysPolicyEndpointWorksAsHvacUsesIt()
{
    QCOMPARE(api()
                 .call("PUT", QStringLiteral("sys/policy/ebooks"), root(),
                       {{QStringLiteral("policy"), kEbooksRules}})
                 .status,
             204);
    ApiReply reply = api().call("GET", QStringLiteral("sys/policy/ebooks"), root());
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.data().value(u"rules").toString().contains(QStringLiteral("ebooks/*")));
    reply = api().call("GET", QStringLiteral("sys/policy"), root());
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.data().value(u"policies").toArray().contains(QStringLiteral("ebooks")));
    QVERIFY(reply.data().value(u"keys").toArray().contains(QStringLiteral("default")));
    QCOMPARE(api().call("DELETE", QStringLiteral("sys/policy/ebooks"), root()).status, 204);
}

void TestSysApi::jsonPolicyDocumentLoads()
{
    // As text and as an object (hvac sends a dict policy as JSON text).
    const QJsonObject document{
        {QStringLiteral("path"), QJsonObject{{QStringLiteral("ebooks/*"),
                                              QJsonObject{{QStringLiteral("capabilities"),
                                                           QJsonArray{QStringLiteral("read")}}}}}}};
    QCOMPARE(api()
                 .call("PUT", QStringLiteral("sys/policies/acl/as-object"), root(),
                       {{QStringLiteral("policy"), document}})
                 .status,
             204);
    const QString token = api().tokenWith({QStringLiteral("as-object")});
    const ApiReply reply =
        api().call("POST", QStringLiteral("sys/capabilities-self"), token,
                   {{QStringLiteral("paths"), QJsonArray{QStringLiteral("ebooks/x")}}});
    QCOMPARE(reply.data().value(u"ebooks/x").toArray(), QJsonArray{QStringLiteral("read")});
}

// A client that sends the path as it is (curl --path-as-is) reaches the name
// ".", ".." or "...": no policy may be named so.
void TestSysApi::dotPolicyNamesAreRefusedAsTheyArrive()
{
    const QByteArray body = R"({"policy": "path \"x\" { capabilities = [\"read\"] }"})";
    for (const QByteArray& name : {QByteArray("."), QByteArray(".."), QByteArray("...")}) {
        const QByteArray answer = tessera::test::rawExchange(
            api().server().port(), "PUT /v1/sys/policies/acl/" + name +
                                       " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                       "X-Vault-Token: " +
                                       root().toLatin1() + "\r\nContent-Length: " +
                                       QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        QVERIFY2(answer.contains("A policy name must be"), answer.constData());
    }
    const ApiReply list = api().call("LIST", QStringLiteral("sys/policies/acl"), root());
    for (const QJsonValue& key : list.data().value(u"keys").toArray())
        QVERIFY2(!key.toString().startsWith(u'.'), qPrintable(key.toString()));
}

void TestSysApi::malformedPolicyIs400AndChangesNothing()
{
    for (const QJsonObject& body :
         {QJsonObject{{QStringLiteral("policy"), QStringLiteral("path \"x\" { capabilities = [")}},
          QJsonObject{{QStringLiteral("policy"), 42}}, QJsonObject{}}) {
        const ApiReply reply =
            api().call("PUT", QStringLiteral("sys/policies/acl/broken"), root(), body);
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.errors().isEmpty());
    }
    QCOMPARE(api().call("GET", QStringLiteral("sys/policies/acl/broken"), root()).status, 404);
}

void TestSysApi::policyWritesNeedPermission()
{
    const QString plain = api().tokenWith({QStringLiteral("default")});
    QCOMPARE(api()
                 .call("PUT", QStringLiteral("sys/policies/acl/mine"), plain,
                       {{QStringLiteral("policy"), kEbooksRules}})
                 .status,
             403);
    QCOMPARE(api().call("GET", QStringLiteral("sys/policies/acl/mine"), root()).status, 404);
}

void TestSysApi::capabilitiesSelfAnswersPerPath()
{
    QVERIFY(api().addPolicy(QStringLiteral("ebooks"), kEbooksRules));
    const QString token = api().tokenWith({QStringLiteral("ebooks")});
    const ApiReply reply =
        api().call("POST", QStringLiteral("sys/capabilities-self"), token,
                   {{QStringLiteral("paths"),
                     QJsonArray{QStringLiteral("ebooks/moby-dick"), QStringLiteral("archive/x")}}});
    QCOMPARE(reply.status, 200);
    const QJsonArray readList{QStringLiteral("read"), QStringLiteral("list")};
    QCOMPARE(reply.data().value(u"ebooks/moby-dick").toArray(), readList);
    QCOMPARE(reply.data().value(u"archive/x").toArray(), QJsonArray{QStringLiteral("deny")});
    QCOMPARE(reply.data().value(u"capabilities").toArray(), readList);
    // Vault's single "path" works too.
    const ApiReply single = api().call("POST", QStringLiteral("sys/capabilities-self"), token,
                                       {{QStringLiteral("path"), QStringLiteral("ebooks/a")}});
    QCOMPARE(single.data().value(u"capabilities").toArray(), readList);
    QCOMPARE(api().call("POST", QStringLiteral("sys/capabilities-self"), token).status, 400);
}

void TestSysApi::capabilitiesOfAnotherTokenNeedPermission()
{
    QVERIFY(api().addPolicy(QStringLiteral("ebooks"), kEbooksRules));
    const ApiReply created =
        api().call("POST", QStringLiteral("auth/token/create"), root(),
                   {{QStringLiteral("policies"), QJsonArray{QStringLiteral("ebooks")}}});
    const QString token = created.auth().value(u"client_token").toString();
    const QString accessor = created.auth().value(u"accessor").toString();
    const QJsonArray paths{QStringLiteral("ebooks/a")};

    const QString plain = api().tokenWith({QStringLiteral("default")});
    QCOMPARE(api()
                 .call("POST", QStringLiteral("sys/capabilities"), plain,
                       {{QStringLiteral("token"), token}, {QStringLiteral("paths"), paths}})
                 .status,
             403);
    QCOMPARE(api()
                 .call("POST", QStringLiteral("sys/capabilities-accessor"), plain,
                       {{QStringLiteral("accessor"), accessor}, {QStringLiteral("paths"), paths}})
                 .status,
             403);

    // A web site's checker token with update on sys/capabilities-accessor.
    QVERIFY(api().addPolicy(
        QStringLiteral("checker"),
        QStringLiteral("path \"sys/capabilities-accessor\" { capabilities = [\"update\"] }")));
    const QString checker = api().tokenWith({QStringLiteral("checker")});
    const ApiReply reply =
        api().call("POST", QStringLiteral("sys/capabilities-accessor"), checker,
                   {{QStringLiteral("accessor"), accessor}, {QStringLiteral("paths"), paths}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"ebooks/a").toArray(),
             (QJsonArray{QStringLiteral("read"), QStringLiteral("list")}));
    const ApiReply byToken =
        api().call("POST", QStringLiteral("sys/capabilities"), root(),
                   {{QStringLiteral("token"), token}, {QStringLiteral("paths"), paths}});
    QCOMPARE(byToken.status, 200);
    QCOMPARE(byToken.data().value(u"capabilities").toArray().size(), 2);
}

void TestSysApi::rootTokenHasRootCapability()
{
    const ApiReply reply =
        api().call("POST", QStringLiteral("sys/capabilities-self"), root(),
                   {{QStringLiteral("paths"), QJsonArray{QStringLiteral("anything")}}});
    QCOMPARE(reply.data().value(u"capabilities").toArray(), QJsonArray{QStringLiteral("root")});
}

QTEST_MAIN(TestSysApi)
#include "tst_sysapi.moc"
