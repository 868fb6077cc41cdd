#include "audit/AuditRecord.h"
#include "engine/GatePath.h"
#include "engine/TokenEngine.h"
#include "engine/User.h"
#include "support/EngineActors.h"
#include "support/StoreProbes.h"
#include "support/TempEngine.h"

#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::hcl;
using tessera::test::TempEngine;
using Verdict = tessera::engine::GateDecision::Verdict;

namespace {

constexpr qint64 kHour = 3600;
const QString kBrowser = u"gate:192.0.2.7"_s;

GatePath page(const char* uri, const char* method = "GET")
{
    return GatePath::fromRequest(method, "journal.example.org", uri).valueOr(GatePath{});
}

} // namespace

// The gate's verdict on a web request: allowed, sign in, or forbidden; every
// check a use of the token, audited.
class TestGateService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void grantedDocumentIsAllowed();
    void documentNotGrantedIsForbidden();
    void writingNeedsUpdateOnTheDocument();
    void missingOrUnusableTokenMeansSignIn_data();
    void missingOrUnusableTokenMeansSignIn();
    void revokedTokenIsOutOnItsNextPage();
    void expiredTokenMeansSignIn();
    void everyCheckIsAUseOfTheToken();
    void forbiddenCheckIsAuditedWithTheDocument();
    void allowedCheckIsAuditedAsAUse();
    void repeatedCheckReadsNothingFromTheStore();
    void checkWithoutWaitingLeavesCountedUsesToAWorker();
    void signingOutEverywhereEndsEverySignInOfThatUserOnly();
    void linkOpensItsDocumentExactlyOnce();
    void linkOpensNothingElse();
    void linkMustNameADocumentAsACheckWould_data();
    void linkMustNameADocumentAsACheckWould();
    void onlyASignInCanSignOutEverywhere();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    // A patron token with the "article-42" policy.
    QString patron(int numUses = 0, qint64 ttl = kHour);
    Verdict verdict(const QString& token, const GatePath& request)
    {
        auto decision = engine().gate().check(token, request, kBrowser);
        return decision ? decision->verdict : Verdict(-1);
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestGateService::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(engine().admin().putPolicy(
        TempEngine::owner(), u"article-42"_s,
        hcl({{"gate/journal.example.org/articles/42", "read"},
             {"gate/journal.example.org/articles/42/images/*", "read"}})));
}

void TestGateService::cleanup()
{
    m_temp.reset();
}

QString TestGateService::patron(int numUses, qint64 ttl)
{
    TokenRequest request;
    request.policies = {u"article-42"_s};
    request.numUses = numUses;
    request.ttl = ttl;
    request.displayName = u"card-0042"_s;
    auto created = engine().tokens().createToken(TempEngine::owner(), request);
    return created ? created->token : QString();
}

void TestGateService::grantedDocumentIsAllowed()
{
    const QString token = patron();
    auto decision = engine().gate().check(token, page("/articles/42"), kBrowser);
    QVERIFY2(decision, qPrintable(errorText(decision)));
    QCOMPARE(decision->verdict, Verdict::Allowed);
    QVERIFY(decision->token);
    QCOMPARE(decision->token->policies, (QStringList{u"article-42"_s, u"default"_s}));
    QCOMPARE(verdict(token, page("/articles/42/images/fig1.png")), Verdict::Allowed);
}

void TestGateService::documentNotGrantedIsForbidden()
{
    const QString token = patron();
    QCOMPARE(verdict(token, page("/articles/43")), Verdict::Forbidden);
    QCOMPARE(verdict(token, page("/articles/42/../43")), Verdict::Forbidden);
    QCOMPARE(verdict(token, page("/")), Verdict::Forbidden);
}

void TestGateService::writingNeedsUpdateOnTheDocument()
{
    const QString token = patron();
    QCOMPARE(verdict(token, page("/articles/42", "POST")), Verdict::Forbidden);
    QCOMPARE(verdict(token, page("/articles/42", "DELETE")), Verdict::Forbidden);
    QCOMPARE(verdict(token, page("/articles/42", "HEAD")), Verdict::Allowed);
}

void TestGateService::missingOrUnusableTokenMeansSignIn_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("none") << QString();
    QTest::newRow("garbage") << u"not a token"_s;
    QTest::newRow("well-formed but unknown") << u"tss.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    QTest::newRow("another product's token") << u"hvs.CAESIJlU1qWkq9d3v"_s;
    QTest::newRow("8 KiB") << QString(8192, u'x');
}

void TestGateService::missingOrUnusableTokenMeansSignIn()
{
    QFETCH(QString, token);
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::SignIn);
}

void TestGateService::revokedTokenIsOutOnItsNextPage()
{
    const QString token = patron();
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::Allowed);
    auto caller = engine().tokens().authenticate(token, kBrowser);
    QVERIFY2(caller, qPrintable(errorText(caller)));
    QVERIFY(engine().tokens().revoke(TempEngine::owner(), TokenRef::accessor(caller->accessor)));
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::SignIn);
}

void TestGateService::expiredTokenMeansSignIn()
{
    const QString token = patron(0, 60);
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::Allowed);
    m_temp->clock().advanceSeconds(61);
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::SignIn);
}

void TestGateService::everyCheckIsAUseOfTheToken()
{
    const QString token = patron(2);
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::Allowed);
    QCOMPARE(verdict(token, page("/articles/43")), Verdict::Forbidden); // a use too
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::SignIn);
}

void TestGateService::forbiddenCheckIsAuditedWithTheDocument()
{
    const QString token = patron();
    QCOMPARE(verdict(token, page("/articles/43")), Verdict::Forbidden);
    const QList<audit::AuditRecord> trail = test::auditTrail(engine());
    const auto refusal = std::find_if(trail.crbegin(), trail.crend(), [](const auto& record) {
        return record.operation == u"gate.check"_s;
    });
    QVERIFY(refusal != trail.crend());
    QCOMPARE(refusal->outcome, u"denied"_s);
    QCOMPARE(refusal->client, kBrowser);
    QCOMPARE(refusal->details.value(u"path"_s).toString(),
             u"gate/journal.example.org/articles/43"_s);
}

void TestGateService::allowedCheckIsAuditedAsAUse()
{
    const QString token = patron();
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::Allowed);
    const audit::AuditRecord last = test::auditTrail(engine()).last();
    QCOMPARE(last.operation, u"token.use"_s);
    QCOMPARE(last.outcome, u"ok"_s);
    QCOMPARE(last.details.value(u"path"_s).toString(), u"gate/journal.example.org/articles/42"_s);
    QVERIFY(!last.details.contains(u"token"_s));
}

void TestGateService::repeatedCheckReadsNothingFromTheStore()
{
    const QString token = patron();
    QCOMPARE(verdict(token, page("/articles/42")), Verdict::Allowed); // caches token and ACL
    test::ThisThreadSqlWatch watch(m_temp->store());
    for (int i = 0; i < 20; ++i)
        QCOMPARE(verdict(token, page(i % 2 ? "/articles/42" : "/articles/43")),
                 i % 2 ? Verdict::Allowed : Verdict::Forbidden);
    QCOMPARE(watch.ownStatements(), 0);
}

void TestGateService::signingOutEverywhereEndsEverySignInOfThatUserOnly()
{
    for (const QString& name : {u"ana"_s, u"bea"_s}) {
        auto user = User::fromJson(name, {{u"token_policies"_s, u"article-42"_s}});
        QVERIFY(user);
        QVERIFY(engine().userpass().putUser(TempEngine::owner(), *user, u"pass of "_s + name));
    }
    QStringList ana;
    for (int i = 0; i < 3; ++i) { // three computers
        auto signedIn = engine().userpass().login(u"ana"_s, u"pass of ana"_s, kBrowser);
        QVERIFY2(signedIn, qPrintable(errorText(signedIn)));
        ana << signedIn->token;
    }
    auto bea = engine().userpass().login(u"bea"_s, u"pass of bea"_s, kBrowser);
    QVERIFY2(bea, qPrintable(errorText(bea)));
    const QString someoneElse = patron();

    auto caller = engine().tokens().authenticate(ana.first(), kBrowser);
    QVERIFY2(caller, qPrintable(errorText(caller)));
    auto ended = engine().gate().signOutEverywhere(*caller);
    QVERIFY2(ended, qPrintable(errorText(ended)));
    QCOMPARE(*ended, 3);
    for (const QString& token : std::as_const(ana))
        QCOMPARE(verdict(token, page("/articles/42")), Verdict::SignIn);
    QCOMPARE(verdict(bea->token, page("/articles/42")), Verdict::Allowed);
    QCOMPARE(verdict(someoneElse, page("/articles/42")), Verdict::Allowed);
}

void TestGateService::onlyASignInCanSignOutEverywhere()
{
    auto caller = engine().tokens().authenticate(patron(), kBrowser);
    QVERIFY2(caller, qPrintable(errorText(caller)));
    auto refused = engine().gate().signOutEverywhere(*caller);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
}

void TestGateService::checkWithoutWaitingLeavesCountedUsesToAWorker()
{
    // An unlimited token: answered at once, as check() would.
    const QString unlimited = patron();
    auto inline_ = engine().gate().checkWithoutWaiting(unlimited, page("/articles/42"), kBrowser);
    QVERIFY2(inline_, qPrintable(errorText(inline_)));
    QVERIFY(inline_->has_value());
    QCOMPARE((*inline_)->verdict, Verdict::Allowed);
    auto refused = engine().gate().checkWithoutWaiting(unlimited, page("/articles/43"), kBrowser);
    QVERIFY(refused && refused->has_value());
    QCOMPARE((*refused)->verdict, Verdict::Forbidden);

    // A one-use token: no answer, and its use is still there for the worker.
    const QString once = patron(1);
    auto deferred = engine().gate().checkWithoutWaiting(once, page("/articles/42"), kBrowser);
    QVERIFY2(deferred, qPrintable(errorText(deferred)));
    QVERIFY(!deferred->has_value());
    QCOMPARE(verdict(once, page("/articles/42")), Verdict::Allowed);
    QCOMPARE(verdict(once, page("/articles/42")), Verdict::SignIn);
}

void TestGateService::linkOpensItsDocumentExactlyOnce()
{
    auto link = engine().gate().createLink(TempEngine::owner(),
                                           u"gate/journal.example.org/articles/43/"_s, kHour);
    QVERIFY2(link, qPrintable(errorText(link)));
    QCOMPARE(GateService::linkedDocument(link->info), u"gate/journal.example.org/articles/43/"_s);
    QCOMPARE(link->info.numUses, 1);
    QCOMPARE(verdict(link->token, page("/articles/43/")), Verdict::Allowed);
    QCOMPARE(verdict(link->token, page("/articles/43/")), Verdict::SignIn);
    QVERIFY(!engine().tokens().validate(link->token));
}

void TestGateService::linkOpensNothingElse()
{
    // Its policies would not matter either: only the one document, only read.
    auto link = engine().gate().createLink(TempEngine::owner(),
                                           u"gate/journal.example.org/articles/43/"_s, kHour);
    QVERIFY2(link, qPrintable(errorText(link)));
    QCOMPARE(verdict(link->token, page("/articles/43/figure.png")), Verdict::Forbidden);
    // That was its one use.
    QCOMPARE(verdict(link->token, page("/articles/43/")), Verdict::SignIn);

    auto other = engine().gate().createLink(TempEngine::owner(),
                                            u"gate/journal.example.org/articles/43/"_s, kHour);
    QVERIFY(other);
    QCOMPARE(verdict(other->token, page("/articles/43/", "POST")), Verdict::Forbidden);
}

void TestGateService::linkMustNameADocumentAsACheckWould_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("not under gate/") << u"ebooks/42"_s;
    QTest::newRow("no path") << u"gate/journal.example.org"_s;
    QTest::newRow("dot-dot") << u"gate/journal.example.org/articles/../admin"_s;
    QTest::newRow("double slash") << u"gate/journal.example.org//articles"_s;
    QTest::newRow("host with port") << u"gate/journal.example.org:8080/a"_s;
    QTest::newRow("upper-case host") << u"gate/Journal.example.org/a"_s;
    QTest::newRow("not a host") << u"gate/a b/c"_s;
}

void TestGateService::linkMustNameADocumentAsACheckWould()
{
    QFETCH(QString, path);
    const qint64 before = engine().browser().count().valueOr(-1);
    auto link = engine().gate().createLink(TempEngine::owner(), path, kHour);
    QVERIFY2(!link, "a link to a document no check can name was issued");
    QCOMPARE(link.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(engine().browser().count().valueOr(-2), before);
}

QTEST_GUILESS_MAIN(TestGateService)
#include "tst_gateservice.moc"
