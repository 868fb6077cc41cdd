// auth/token/* through real HTTP: Vault's paths, parameters and answers, the
// token in X-Vault-Token or Authorization: Bearer, and every request one use
// of the token.
#include "ApiTestServer.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>
#include <QTest>

using namespace tessera;
using tessera::test::ApiReply;
using tessera::test::ApiTestServer;

namespace {

QJsonObject object(std::initializer_list<QPair<QString, QJsonValue>> members)
{
    QJsonObject result;
    for (const auto& [key, value] : members)
        result.insert(key, value);
    return result;
}

const QString kCreate = QStringLiteral("auth/token/create");

} // namespace

class TestTokenApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createAnswersVaultsAuthBlock();
    void createdChildInheritsAndIsBoundByParentPolicies();
    void createOrphanHasNoParent();
    void createFromRoleUsesRoleSettings();
    void lookupSelfShowsTheTokenAndItsFacts();
    void lookupByTokenAndByAccessor();
    void passValidFromFirstUseStartsAtItsFirstRequest();
    void warnBeforeExpiryIsKeptAndShownByLookup();
    void bearerHeaderWorksLikeVaultToken();
    void renewPastExplicitMaxIsCappedWithWarning();
    void renewAccessorAnswersWithoutTheToken();
    void revokeRemovesTheWholeTree();
    void revokeOrphanKeepsTheChildren();
    void revokeAccessorAndRevokeSelf();
    void revokeMatchingPreviewsThenRevokesAndNeedsSudo();
    void rolesCanBeWrittenReadListedAndDeleted();
    void accessorsListNeedsSudo();
    void useLimitCountsEveryRequest();
    void listWorksAsMethodAndAsQuery();

private:
    std::unique_ptr<ApiTestServer> m_api;
    ApiTestServer& api() { return *m_api; }
    QString root() const { return m_api->rootToken(); }
};

void TestTokenApi::init()
{
    m_api = std::make_unique<ApiTestServer>();
    QVERIFY2(m_api->isValid(), qPrintable(m_api->errorMessage()));
    const QString rules = QStringLiteral("path \"ebooks/*\" { capabilities = [\"read\"] }");
    QVERIFY(api()
                .engine()
                .admin()
                .putPolicy(test::TempEngine::owner(), QStringLiteral("ebooks"), rules)
                .ok());
    // Vault's default policy does not let a token create children.
    const QString issuer =
        QStringLiteral("path \"auth/token/create\" { capabilities = [\"update\"] }");
    QVERIFY(api()
                .engine()
                .admin()
                .putPolicy(test::TempEngine::owner(), QStringLiteral("issuer"), issuer)
                .ok());
}

void TestTokenApi::cleanup()
{
    m_api.reset();
}

void TestTokenApi::createAnswersVaultsAuthBlock()
{
    const ApiReply reply =
        api().call("POST", kCreate, root(),
                   object({{QStringLiteral("policies"), QJsonArray{QStringLiteral("ebooks")}},
                           {QStringLiteral("ttl"), QStringLiteral("1h")},
                           {QStringLiteral("meta"),
                            object({{QStringLiteral("patron"), QStringLiteral("42")}})},
                           {QStringLiteral("num_uses"), 5}}));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json.value(u"data").isNull());
    const QJsonObject auth = reply.auth();
    QVERIFY(auth.value(u"client_token").toString().startsWith(QStringLiteral("tss.")));
    QVERIFY(!auth.value(u"accessor").toString().isEmpty());
    const QJsonArray policies{QStringLiteral("default"), QStringLiteral("ebooks")};
    QCOMPARE(auth.value(u"policies").toArray(), policies);
    QCOMPARE(auth.value(u"token_policies").toArray(), policies);
    QCOMPARE(auth.value(u"metadata").toObject().value(u"patron").toString(), QStringLiteral("42"));
    QCOMPARE(auth.value(u"lease_duration").toInt(), 3600);
    QCOMPARE(auth.value(u"renewable").toBool(), true);
    QCOMPARE(auth.value(u"token_type").toString(), QStringLiteral("service"));
    QCOMPARE(auth.value(u"orphan").toBool(true), false);
    QCOMPARE(auth.value(u"num_uses").toInt(), 5);
    QVERIFY(auth.contains(u"entity_id"));
    QVERIFY(!reply.json.value(u"request_id").toString().isEmpty());
}

void TestTokenApi::createdChildInheritsAndIsBoundByParentPolicies()
{
    const QString parent = api().createToken(
        object({{QStringLiteral("policies"),
                 QJsonArray{QStringLiteral("ebooks"), QStringLiteral("issuer")}}}));
    QVERIFY(!parent.isEmpty());
    ApiReply child = api().call("POST", kCreate, parent);
    QCOMPARE(child.status, 200);
    QCOMPARE(child.auth().value(u"policies").toArray(),
             (QJsonArray{QStringLiteral("default"), QStringLiteral("ebooks"),
                         QStringLiteral("issuer")}));

    const qint64 before = *api().engine().browser().count();
    const ApiReply escalation =
        api().call("POST", kCreate, parent,
                   object({{QStringLiteral("policies"), QJsonArray{QStringLiteral("root")}}}));
    QCOMPARE(escalation.status, 400); // Vault: "child policies must be subset of parent"
    QVERIFY(!escalation.errors().isEmpty());
    QCOMPARE(*api().engine().browser().count(), before);
}

void TestTokenApi::createOrphanHasNoParent()
{
    const ApiReply reply = api().call("POST", QStringLiteral("auth/token/create-orphan"), root(),
                                      object({{QStringLiteral("ttl"), 600}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.auth().value(u"orphan").toBool(), true);
}

void TestTokenApi::createFromRoleUsesRoleSettings()
{
    QCOMPARE(api()
                 .call("POST", QStringLiteral("auth/token/roles/day-pass"), root(),
                       object({{QStringLiteral("allowed_policies"),
                                QJsonArray{QStringLiteral("ebooks")}},
                               {QStringLiteral("token_explicit_max_ttl"), QStringLiteral("8h")},
                               {QStringLiteral("orphan"), true}}))
                 .status,
             204);
    const ApiReply reply = api().call("POST", QStringLiteral("auth/token/create/day-pass"), root());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.auth().value(u"orphan").toBool(), true);
    QVERIFY(reply.auth().value(u"policies").toArray().contains(QStringLiteral("ebooks")));
    const ApiReply lookup = api().call("GET", QStringLiteral("auth/token/lookup-self"),
                                       reply.auth().value(u"client_token").toString());
    QCOMPARE(lookup.data().value(u"role").toString(), QStringLiteral("day-pass"));
    QCOMPARE(lookup.data().value(u"path").toString(), QStringLiteral("auth/token/create/day-pass"));
    QCOMPARE(lookup.data().value(u"explicit_max_ttl").toInt(), 8 * 3600);
    const qint64 before = *api().engine().browser().count();
    const ApiReply unknown =
        api().call("POST", QStringLiteral("auth/token/create/no-such-role"), root());
    QCOMPARE(unknown.status, 404);
    QVERIFY(!unknown.errors().isEmpty());
    QCOMPARE(*api().engine().browser().count(), before);
}

void TestTokenApi::lookupSelfShowsTheTokenAndItsFacts()
{
    api().temp().clock().setMs(1'800'000'000'000);
    const QString token = api().createToken(
        object({{QStringLiteral("ttl"), QStringLiteral("2h")},
                {QStringLiteral("display_name"), QStringLiteral("desk")},
                {QStringLiteral("policies"), QJsonArray{QStringLiteral("ebooks")}}}));
    api().temp().clock().advanceSeconds(600);
    const ApiReply reply = api().call("GET", QStringLiteral("auth/token/lookup-self"), token);
    QCOMPARE(reply.status, 200);
    const QJsonObject data = reply.data();
    QCOMPARE(data.value(u"id").toString(), token);
    QCOMPARE(data.value(u"ttl").toInt(), 7200 - 600);
    QCOMPARE(data.value(u"creation_ttl").toInt(), 7200);
    QCOMPARE(data.value(u"creation_time").toInteger(), 1'800'000'000);
    QCOMPARE(data.value(u"issue_time").toString(), QStringLiteral("2027-01-15T08:00:00Z"));
    QCOMPARE(data.value(u"expire_time").toString(), QStringLiteral("2027-01-15T10:00:00Z"));
    QCOMPARE(data.value(u"type").toString(), QStringLiteral("service"));
    QCOMPARE(data.value(u"path").toString(), kCreate);
    QCOMPARE(data.value(u"num_uses").toInt(-1), 0);
    QCOMPARE(data.value(u"orphan").toBool(true), false);
    QCOMPARE(data.value(u"display_name").toString(), QStringLiteral("token-desk")); // as Vault
    for (const char* field : {"accessor", "display_name", "entity_id", "explicit_max_ttl", "meta",
                              "policies", "renewable"})
        QVERIFY2(data.contains(QLatin1String(field)), field);
}

void TestTokenApi::passValidFromFirstUseStartsAtItsFirstRequest()
{
    api().temp().clock().setMs(1'800'000'000'000);
    const ApiReply created =
        api().call("POST", kCreate, root(),
                   object({{QStringLiteral("ttl"), QStringLiteral("2h")},
                           {QStringLiteral("activate_within"), QStringLiteral("7d")}}));
    QCOMPARE(created.status, 200);
    const QString accessor = created.auth().value(u"accessor").toString();
    const auto lookup = [&] {
        return api()
            .call("POST", QStringLiteral("auth/token/lookup-accessor"), root(),
                  object({{QStringLiteral("accessor"), accessor}}))
            .data();
    };
    QJsonObject data = lookup();
    QCOMPARE(data.value(u"not_yet_used").toBool(), true);
    QCOMPARE(data.value(u"activate_by").toString(), QStringLiteral("2027-01-22T08:00:00Z"));
    QCOMPARE(data.value(u"expire_time").toString(), QStringLiteral("2027-01-22T08:00:00Z"));
    QVERIFY(!data.contains(u"last_used_time"));

    api().temp().clock().advanceSeconds(2 * 86'400 + 30); // two days later, 30 s into a minute
    const ApiReply self = api().call("GET", QStringLiteral("auth/token/lookup-self"),
                                     created.auth().value(u"client_token").toString());
    QCOMPARE(self.status, 200);
    QCOMPARE(self.data().value(u"ttl").toInt(), 7200);
    data = lookup();
    QCOMPARE(data.value(u"not_yet_used").toBool(true), false);
    QCOMPARE(data.value(u"first_use_time").toString(), QStringLiteral("2027-01-17T08:00:30Z"));
    QCOMPARE(data.value(u"expire_time").toString(), QStringLiteral("2027-01-17T10:00:30Z"));
    QCOMPARE(data.value(u"last_used_time").toString(), QStringLiteral("2027-01-17T08:00:00Z"));
    QVERIFY(data.value(u"last_used_client").toString().startsWith(u"api:"));

    const ApiReply refused =
        api().call("POST", kCreate, root(),
                   object({{QStringLiteral("type"), QStringLiteral("batch")},
                           {QStringLiteral("activate_within"), QStringLiteral("1d")}}));
    QCOMPARE(refused.status, 400);
}

void TestTokenApi::lookupByTokenAndByAccessor()
{
    const ApiReply created = api().call("POST", kCreate, root());
    const QString token = created.auth().value(u"client_token").toString();
    const QString accessor = created.auth().value(u"accessor").toString();
    ApiReply reply = api().call("POST", QStringLiteral("auth/token/lookup"), root(),
                                object({{QStringLiteral("token"), token}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"id").toString(), token);
    QCOMPARE(reply.data().value(u"accessor").toString(), accessor);

    reply = api().call("POST", QStringLiteral("auth/token/lookup-accessor"), root(),
                       object({{QStringLiteral("accessor"), accessor}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"id").toString(), QString());
    QCOMPARE(reply.data().value(u"accessor").toString(), accessor);

    reply = api().call("POST", QStringLiteral("auth/token/lookup"), root());
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errors(), QStringList{QStringLiteral("missing token")});
}

void TestTokenApi::warnBeforeExpiryIsKeptAndShownByLookup()
{
    const ApiReply marked = api().call("POST", kCreate, root(),
                                       object({{QStringLiteral("ttl"), QStringLiteral("2d")},
                                               {QStringLiteral("warn_before_expiry"), true}}));
    QCOMPARE(marked.status, 200);
    QVERIFY(marked.warnings().isEmpty()); // a field the API knows, not an unknown one
    const QString accessor = marked.auth().value(u"accessor").toString();
    ApiReply reply = api().call("POST", QStringLiteral("auth/token/lookup-accessor"), root(),
                                object({{QStringLiteral("accessor"), accessor}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"warn_before_expiry").toBool(false), true);
    auto listed = api().engine().expiryWarnings().expiring(test::TempEngine::owner(), 7 * 86400);
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().token.accessor, accessor);

    const ApiReply plain = api().call("POST", kCreate, root());
    reply = api().call("GET", QStringLiteral("auth/token/lookup-self"),
                       plain.auth().value(u"client_token").toString());
    QCOMPARE(reply.data().value(u"warn_before_expiry").toBool(true), false);

    // A batch token keeps nothing in the store to mark: refused, nothing made.
    const qint64 before = *api().engine().browser().count();
    const ApiReply batch = api().call("POST", kCreate, root(),
                                      object({{QStringLiteral("type"), QStringLiteral("batch")},
                                              {QStringLiteral("warn_before_expiry"), true}}));
    QCOMPARE(batch.status, 400);
    QCOMPARE(*api().engine().browser().count(), before);
    const ApiReply notBool =
        api().call("POST", kCreate, root(),
                   object({{QStringLiteral("warn_before_expiry"), QStringLiteral("sometimes")}}));
    QCOMPARE(notBool.status, 400);
}

void TestTokenApi::bearerHeaderWorksLikeVaultToken()
{
    const ApiReply reply =
        api().callRaw("GET", QStringLiteral("auth/token/lookup-self"), QString(), QByteArray(),
                      {{QByteArrayLiteral("Authorization"), "Bearer " + root().toUtf8()}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"id").toString(), root());
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self")).status, 403);
}

void TestTokenApi::renewPastExplicitMaxIsCappedWithWarning()
{
    const QString token =
        api().createToken(object({{QStringLiteral("ttl"), QStringLiteral("1h")},
                                  {QStringLiteral("explicit_max_ttl"), QStringLiteral("2h")}}));
    api().temp().clock().advanceSeconds(1800);
    const ApiReply reply =
        api().call("POST", QStringLiteral("auth/token/renew-self"), token,
                   object({{QStringLiteral("increment"), QStringLiteral("10h")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.auth().value(u"client_token").toString(), token);
    QCOMPARE(reply.auth().value(u"lease_duration").toInt(), 7200 - 1800);
    QVERIFY2(!reply.warnings().isEmpty(), reply.body.constData());
}

void TestTokenApi::renewAccessorAnswersWithoutTheToken()
{
    const ApiReply created =
        api().call("POST", kCreate, root(), object({{QStringLiteral("ttl"), 600}}));
    const ApiReply reply = api().call(
        "POST", QStringLiteral("auth/token/renew-accessor"), root(),
        object({{QStringLiteral("accessor"), created.auth().value(u"accessor").toString()},
                {QStringLiteral("increment"), 1200}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.auth().value(u"client_token").toString(), QString());
    QCOMPARE(reply.auth().value(u"lease_duration").toInt(), 1200);
}

void TestTokenApi::revokeRemovesTheWholeTree()
{
    const QString parent = api().createToken();
    const QString child =
        api().call("POST", kCreate, parent).auth().value(u"client_token").toString();
    QVERIFY(!child.isEmpty());
    const ApiReply reply = api().call("POST", QStringLiteral("auth/token/revoke"), root(),
                                      object({{QStringLiteral("token"), parent}}));
    QCOMPARE(reply.status, 204);
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self"), parent).status, 403);
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self"), child).status, 403);
}

void TestTokenApi::revokeOrphanKeepsTheChildren()
{
    const QString parent = api().createToken();
    const QString child =
        api().call("POST", kCreate, parent).auth().value(u"client_token").toString();
    QCOMPARE(api()
                 .call("POST", QStringLiteral("auth/token/revoke-orphan"), root(),
                       object({{QStringLiteral("token"), parent}}))
                 .status,
             204);
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self"), parent).status, 403);
    const ApiReply lookup = api().call("GET", QStringLiteral("auth/token/lookup-self"), child);
    QCOMPARE(lookup.status, 200);
    QCOMPARE(lookup.data().value(u"orphan").toBool(), true);
}

void TestTokenApi::revokeAccessorAndRevokeSelf()
{
    const ApiReply created = api().call("POST", kCreate, root());
    QCOMPARE(api()
                 .call("POST", QStringLiteral("auth/token/revoke-accessor"), root(),
                       object({{QStringLiteral("accessor"),
                                created.auth().value(u"accessor").toString()}}))
                 .status,
             204);
    QCOMPARE(api()
                 .call("GET", QStringLiteral("auth/token/lookup-self"),
                       created.auth().value(u"client_token").toString())
                 .status,
             403);

    const QString self = api().createToken();
    QCOMPARE(api().call("POST", QStringLiteral("auth/token/revoke-self"), self).status, 204);
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self"), self).status, 403);
}

void TestTokenApi::revokeMatchingPreviewsThenRevokesAndNeedsSudo()
{
    const QJsonObject patron{
        {QStringLiteral("meta"), object({{QStringLiteral("patron_id"), QStringLiteral("P-9")}})}};
    const QString first = api().createToken(patron);
    const QString child =
        api().call("POST", kCreate, first).auth().value(u"client_token").toString();
    const QString second = api().createToken(patron);
    const QString other = api().createToken();
    QVERIFY(!child.isEmpty() && !second.isEmpty() && !other.isEmpty());
    const QString path = QStringLiteral("auth/token/revoke-matching");

    const QString plain =
        api().createToken(object({{QStringLiteral("policies"), QStringLiteral("issuer")}}));
    QCOMPARE(api()
                 .call("POST", path, plain,
                       object({{QStringLiteral("patron_id"), QStringLiteral("P-9")},
                               {QStringLiteral("dry_run"), true}}))
                 .status,
             403);
    QCOMPARE(api().call("POST", path, root(), {}).status, 400); // no filter

    const ApiReply preview =
        api().call("POST", path, root(),
                   object({{QStringLiteral("patron_id"), QStringLiteral("P-9")},
                           {QStringLiteral("dry_run"), true}}));
    QCOMPARE(preview.status, 200);
    QCOMPARE(preview.data().value(u"matched").toInt(), 2);
    QCOMPARE(preview.data().value(u"would_revoke").toInt(), 3);
    QCOMPARE(preview.data().value(u"first").toArray().size(), 2);
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self"), child).status, 200);

    const ApiReply revoked = api().call(
        "POST", path, root(), object({{QStringLiteral("patron_id"), QStringLiteral("P-9")}}));
    QCOMPARE(revoked.status, 200);
    QCOMPARE(revoked.data().value(u"matched").toInt(), 2);
    QCOMPARE(revoked.data().value(u"revoked").toInt(), 3);
    for (const QString& gone : {first, child, second})
        QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self"), gone).status, 403);
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self"), other).status, 200);
}

void TestTokenApi::rolesCanBeWrittenReadListedAndDeleted()
{
    const QString path = QStringLiteral("auth/token/roles/semester");
    QCOMPARE(api()
                 .call("POST", path, root(),
                       object({{QStringLiteral("allowed_policies"), QStringLiteral("ebooks")},
                               {QStringLiteral("token_period"), QStringLiteral("24h")}}))
                 .status,
             204);
    ApiReply reply = api().call("GET", path, root());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"allowed_policies").toArray(),
             QJsonArray{QStringLiteral("ebooks")});
    QCOMPARE(reply.data().value(u"token_period").toInt(), 86400);

    // An update changes only the fields it names.
    QCOMPARE(api().call("PUT", path, root(), object({{QStringLiteral("renewable"), false}})).status,
             204);
    reply = api().call("GET", path, root());
    QCOMPARE(reply.data().value(u"token_period").toInt(), 86400);
    QCOMPARE(reply.data().value(u"renewable").toBool(true), false);

    reply = api().call("LIST", QStringLiteral("auth/token/roles"), root());
    QCOMPARE(reply.data().value(u"keys").toArray(), QJsonArray{QStringLiteral("semester")});
    QCOMPARE(api().call("DELETE", path, root()).status, 204);
    QCOMPARE(api().call("GET", path, root()).status, 404);
    QCOMPARE(api().call("LIST", QStringLiteral("auth/token/roles"), root()).status, 404);
}

void TestTokenApi::accessorsListNeedsSudo()
{
    const QString plain =
        api().createToken(object({{QStringLiteral("policies"), QStringLiteral("default")}}));
    QCOMPARE(api().call("LIST", QStringLiteral("auth/token/accessors"), plain).status, 403);
    const ApiReply reply = api().call("LIST", QStringLiteral("auth/token/accessors"), root());
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.data().value(u"keys").toArray().size() >= 2);
}

void TestTokenApi::useLimitCountsEveryRequest()
{
    const QString token =
        api().createToken(object({{QStringLiteral("num_uses"), 3},
                                  {QStringLiteral("policies"), QStringLiteral("default")}}));
    ApiReply reply = api().call("GET", QStringLiteral("auth/token/lookup-self"), token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.data().value(u"num_uses").toInt(), 2);
    // A failing request is still a use.
    QCOMPARE(api().call("LIST", QStringLiteral("auth/token/accessors"), token).status, 403);
    reply = api().call("GET", QStringLiteral("auth/token/lookup-self"), token);
    QCOMPARE(reply.status, 200); // the last use succeeds...
    QCOMPARE(reply.data().value(u"num_uses").toInt(), 0);
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/lookup-self"), token).status, 403);
}

void TestTokenApi::listWorksAsMethodAndAsQuery()
{
    QCOMPARE(api().call("POST", QStringLiteral("auth/token/roles/r1"), root()).status, 204);
    QCOMPARE(api().call("LIST", QStringLiteral("auth/token/roles"), root()).status, 200);
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/roles?list=true"), root()).status, 200);
    QCOMPARE(api().call("GET", QStringLiteral("auth/token/roles"), root()).status, 405);
}

QTEST_MAIN(TestTokenApi)
#include "tst_tokenapi.moc"
