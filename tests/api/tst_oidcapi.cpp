// identity/oidc/*: keys and roles through the API, a JWT minted for the
// caller's token, and the public JWKS and discovery documents a web site
// verifies it with.
#include "ApiTestServer.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>
#include <QTest>

using namespace tessera;
using tessera::test::ApiReply;
using tessera::test::ApiTestServer;

class TestOidcApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void mintedJwtVerifiesAgainstTheRoleAudience();
    void jwksAndDiscoveryArePublic();
    void rotationKeepsTheOldKeyPublished();
    void keysAndRolesAreReadListedAndDeleted();
    void unknownRoleIsNotFound();

private:
    std::unique_ptr<ApiTestServer> m_api;
    ApiTestServer& api() { return *m_api; }
    QString root() const { return m_api->rootToken(); }
};

void TestOidcApi::init()
{
    m_api = std::make_unique<ApiTestServer>();
    QVERIFY2(m_api->isValid(), qPrintable(m_api->errorMessage()));
    QCOMPARE(api()
                 .call("POST", QStringLiteral("identity/oidc/key/web"), root(),
                       {{QStringLiteral("algorithm"), QStringLiteral("EdDSA")},
                        {QStringLiteral("allowed_client_ids"), QStringLiteral("*")}})
                 .status,
             204);
    QCOMPARE(api()
                 .call("POST", QStringLiteral("identity/oidc/role/site"), root(),
                       {{QStringLiteral("key"), QStringLiteral("web")},
                        {QStringLiteral("client_id"), QStringLiteral("library-site")},
                        {QStringLiteral("ttl"), QStringLiteral("10m")}})
                 .status,
             204);
}

void TestOidcApi::cleanup()
{
    m_api.reset();
}

void TestOidcApi::mintedJwtVerifiesAgainstTheRoleAudience()
{
    QVERIFY(api().addPolicy(
        QStringLiteral("jwt"),
        QStringLiteral("path \"identity/oidc/token/site\" { capabilities = [\"read\"] }")));
    const QString token = api().tokenWith({QStringLiteral("jwt")});
    const ApiReply reply = api().call("GET", QStringLiteral("identity/oidc/token/site"), token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"client_id").toString(), QStringLiteral("library-site"));
    QCOMPARE(reply.data().value(u"ttl").toInt(), 600);
    const QString jwt = reply.data().value(u"token").toString();
    auto claims = api().engine().oidc().verifyJwt(jwt, QStringLiteral("library-site"));
    QVERIFY2(claims.ok(), qPrintable(claims.ok() ? QString() : claims.error().message));
    QCOMPARE(claims->value(u"iss").toString(), api().url() + QStringLiteral("/v1/identity/oidc"));
    QVERIFY(!api().engine().oidc().verifyJwt(jwt, QStringLiteral("other-site")).ok());

    const QString plain = api().tokenWith({QStringLiteral("default")});
    QCOMPARE(api().call("GET", QStringLiteral("identity/oidc/token/site"), plain).status, 403);
}

void TestOidcApi::jwksAndDiscoveryArePublic()
{
    ApiReply reply = api().call("GET", QStringLiteral("identity/oidc/.well-known/keys"));
    QCOMPARE(reply.status, 200);
    const QJsonArray keys = reply.json.value(u"keys").toArray();
    QCOMPARE(keys.size(), 1);
    QVERIFY(!keys.at(0).toObject().value(u"kid").toString().isEmpty());
    QVERIFY(!keys.at(0).toObject().contains(u"d")); // public keys only

    reply = api().call("GET", QStringLiteral("identity/oidc/.well-known/openid-configuration"));
    QCOMPARE(reply.status, 200);
    const QString issuer = api().url() + QStringLiteral("/v1/identity/oidc");
    QCOMPARE(reply.json.value(u"issuer").toString(), issuer);
    QCOMPARE(reply.json.value(u"jwks_uri").toString(),
             issuer + QStringLiteral("/.well-known/keys"));
}

void TestOidcApi::rotationKeepsTheOldKeyPublished()
{
    QCOMPARE(api().call("POST", QStringLiteral("identity/oidc/key/web/rotate"), root()).status,
             204);
    const ApiReply reply = api().call("GET", QStringLiteral("identity/oidc/.well-known/keys"));
    QCOMPARE(reply.json.value(u"keys").toArray().size(), 2);
}

void TestOidcApi::keysAndRolesAreReadListedAndDeleted()
{
    ApiReply reply = api().call("GET", QStringLiteral("identity/oidc/key/web"), root());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"algorithm").toString(), QStringLiteral("EdDSA"));
    reply = api().call("LIST", QStringLiteral("identity/oidc/key"), root());
    QCOMPARE(reply.data().value(u"keys").toArray(), QJsonArray{QStringLiteral("web")});
    reply = api().call("GET", QStringLiteral("identity/oidc/role/site"), root());
    QCOMPARE(reply.data().value(u"client_id").toString(), QStringLiteral("library-site"));
    QCOMPARE(reply.data().value(u"ttl").toInt(), 600);
    reply = api().call("LIST", QStringLiteral("identity/oidc/role"), root());
    QCOMPARE(reply.data().value(u"keys").toArray(), QJsonArray{QStringLiteral("site")});

    // A key still signing for a role cannot go.
    QCOMPARE(api().call("DELETE", QStringLiteral("identity/oidc/key/web"), root()).status, 400);
    QCOMPARE(api().call("DELETE", QStringLiteral("identity/oidc/role/site"), root()).status, 204);
    QCOMPARE(api().call("DELETE", QStringLiteral("identity/oidc/key/web"), root()).status, 204);
    QCOMPARE(api().call("GET", QStringLiteral("identity/oidc/key/web"), root()).status, 404);
}

void TestOidcApi::unknownRoleIsNotFound()
{
    QCOMPARE(api().call("GET", QStringLiteral("identity/oidc/token/nope"), root()).status, 404);
}

QTEST_MAIN(TestOidcApi)
#include "tst_oidcapi.moc"
