// The API's router: Vault's paths and methods to handlers, 404 for an unknown
// path, 405 for a known path with a method it does not take, LIST as a method
// and as GET ?list=true, PUT as POST.
#include "api/Router.h"

#include <QTest>

using namespace tessera::api;

namespace {

Handler answering(int status)
{
    return [status](ApiRequest&) { return ApiResponse::error(status, QString()); };
}

int answerOf(const Router::Match& match)
{
    ApiRequest request;
    return match.route ? match.route->handler(request).status() : 0;
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void literalPathFindsItsHandler();
    void parameterSegmentIsCaptured();
    void restPatternTakesTheRestOfThePath();
    void trailingSlashIsIgnored();
    void knownPathWithOtherMethodIs405();
    void unknownPathIs404();
    void pathOutsideV1Is404();
    void parameterNeedsANonEmptySegment();
    void vaultMethodMapsPutAndListQuery_data();
    void vaultMethodMapsPutAndListQuery();
    void firstAddedRouteWins();
};

void TestRouter::literalPathFindsItsHandler()
{
    Router router;
    router.add(QStringLiteral("GET"), QStringLiteral("auth/token/lookup-self"), answering(201));
    router.add(QStringLiteral("POST"), QStringLiteral("auth/token/lookup-self"), answering(202));
    const auto get =
        router.match(QStringLiteral("GET"), QStringLiteral("/v1/auth/token/lookup-self"));
    QCOMPARE(get.outcome, Router::Match::Outcome::Found);
    QCOMPARE(answerOf(get), 201);
    QCOMPARE(answerOf(router.match(QStringLiteral("POST"),
                                   QStringLiteral("/v1/auth/token/lookup-self"))),
             202);
}

void TestRouter::parameterSegmentIsCaptured()
{
    Router router;
    router.add(QStringLiteral("GET"), QStringLiteral("auth/token/roles/:name"), answering(200));
    const auto match =
        router.match(QStringLiteral("GET"), QStringLiteral("/v1/auth/token/roles/day-pass"));
    QCOMPARE(match.outcome, Router::Match::Outcome::Found);
    QCOMPARE(match.params.value(QStringLiteral("name")), QStringLiteral("day-pass"));
}

void TestRouter::restPatternTakesTheRestOfThePath()
{
    Router router;
    router.add(QStringLiteral("GET"), QStringLiteral("cubbyhole/*path"), answering(200));
    auto match = router.match(QStringLiteral("GET"), QStringLiteral("/v1/cubbyhole/notes/2024/a"));
    QCOMPARE(match.outcome, Router::Match::Outcome::Found);
    QCOMPARE(match.params.value(QStringLiteral("path")), QStringLiteral("notes/2024/a"));
    match = router.match(QStringLiteral("GET"), QStringLiteral("/v1/cubbyhole"));
    QCOMPARE(match.outcome, Router::Match::Outcome::Found);
    QCOMPARE(match.params.value(QStringLiteral("path")), QString());
}

void TestRouter::trailingSlashIsIgnored()
{
    Router router;
    router.add(QStringLiteral("LIST"), QStringLiteral("auth/token/roles"), answering(200));
    QCOMPARE(router.match(QStringLiteral("LIST"), QStringLiteral("/v1/auth/token/roles/")).outcome,
             Router::Match::Outcome::Found);
}

void TestRouter::knownPathWithOtherMethodIs405()
{
    Router router;
    router.add(QStringLiteral("POST"), QStringLiteral("auth/token/create"), answering(200));
    const auto match =
        router.match(QStringLiteral("DELETE"), QStringLiteral("/v1/auth/token/create"));
    QCOMPARE(match.outcome, Router::Match::Outcome::MethodNotAllowed);
    QVERIFY(!match.route);
}

void TestRouter::unknownPathIs404()
{
    Router router;
    router.add(QStringLiteral("POST"), QStringLiteral("auth/token/create"), answering(200));
    QCOMPARE(router.match(QStringLiteral("POST"), QStringLiteral("/v1/auth/token/creat")).outcome,
             Router::Match::Outcome::NotFound);
    QCOMPARE(
        router.match(QStringLiteral("POST"), QStringLiteral("/v1/auth/token/create/x/y")).outcome,
        Router::Match::Outcome::NotFound);
}

void TestRouter::pathOutsideV1Is404()
{
    Router router;
    router.add(QStringLiteral("GET"), QStringLiteral("sys/health"), answering(200));
    QCOMPARE(router.match(QStringLiteral("GET"), QStringLiteral("/sys/health")).outcome,
             Router::Match::Outcome::NotFound);
    QCOMPARE(router.match(QStringLiteral("GET"), QStringLiteral("/v2/sys/health")).outcome,
             Router::Match::Outcome::NotFound);
}

void TestRouter::parameterNeedsANonEmptySegment()
{
    Router router;
    router.add(QStringLiteral("GET"), QStringLiteral("auth/token/roles/:name"), answering(200));
    QCOMPARE(router.match(QStringLiteral("GET"), QStringLiteral("/v1/auth/token/roles/")).outcome,
             Router::Match::Outcome::NotFound);
}

void TestRouter::vaultMethodMapsPutAndListQuery_data()
{
    QTest::addColumn<QString>("http");
    QTest::addColumn<bool>("listQuery");
    QTest::addColumn<QString>("vault");
    QTest::newRow("PUT is POST") << QStringLiteral("PUT") << false << QStringLiteral("POST");
    QTest::newRow("GET ?list=true is LIST")
        << QStringLiteral("GET") << true << QStringLiteral("LIST");
    QTest::newRow("GET") << QStringLiteral("GET") << false << QStringLiteral("GET");
    QTest::newRow("POST ?list=true stays POST")
        << QStringLiteral("POST") << true << QStringLiteral("POST");
    QTest::newRow("LIST") << QStringLiteral("LIST") << false << QStringLiteral("LIST");
}

void TestRouter::vaultMethodMapsPutAndListQuery()
{
    QFETCH(QString, http);
    QFETCH(bool, listQuery);
    QFETCH(QString, vault);
    QCOMPARE(Router::vaultMethod(http, listQuery), vault);
}

void TestRouter::firstAddedRouteWins()
{
    Router router;
    router.add(QStringLiteral("GET"), QStringLiteral("identity/oidc/key/:name"), answering(201));
    router.add(QStringLiteral("GET"), QStringLiteral("identity/oidc/:kind/:name"), answering(202));
    QCOMPARE(
        answerOf(router.match(QStringLiteral("GET"), QStringLiteral("/v1/identity/oidc/key/k"))),
        201);
    QCOMPARE(
        answerOf(router.match(QStringLiteral("GET"), QStringLiteral("/v1/identity/oidc/role/k"))),
        202);
}

QTEST_APPLESS_MAIN(TestRouter)
#include "tst_router.moc"
