// /gate/sign-in/pass (docs/ARCHITECTURE.md, «Pass codes»): the sign-in page
// offers a pass's code instead of a user name and password; the code's form
// works without JavaScript, needs the anti-forgery value like the others, and
// on success sets the same cookie and follows rd exactly like the password.
#include "ApiTestServer.h"
#include "engine/PassBatchService.h"
#include "engine/PassCode.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"

#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QByteArray kForm = "application/x-www-form-urlencoded";

QByteArray formBody(const QList<QPair<QString, QString>>& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

// The value of the hidden csrf field of a page.
QString csrfField(const QByteArray& page)
{
    static const QRegularExpression field(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
    return field.match(QString::fromUtf8(page)).captured(1);
}

QByteArray setCookie(const ApiReply& reply, const QByteArray& name)
{
    // Qt joins repeated Set-Cookie headers with newlines.
    for (const auto& [header, value] : reply.headers) {
        if (header.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray& cookie : value.split('\n')) {
            if (cookie.startsWith(name + '='))
                return cookie;
        }
    }
    return {};
}

} // namespace

class TestGatePass : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signInPageLinksToThePassCodeFormKeepingRd();
    void passCodeFormIsLabelledAndWorksWithoutScript();
    void rightCodeSetsTheCookieAndFollowsRd();
    void rightCodeWithoutRdShowsTheSignedInPage();
    void wrongCodeIs401AndNotWrittenBack();
    void typoIs400WithAClearMessage();
    void postWithoutTheFormsCsrfIsRefused();
    void guessingIsRateLimited();
    void formIsInThePatronsLanguage();

private:
    // GET the pass page, then POST `code` with its csrf (cookie and field).
    ApiReply post(const QString& code, const QString& rd = {}, const QByteArray& language = "en")
    {
        const ApiReply form = m_api->callRaw("GET", u"/gate/sign-in/pass"_s, QString(), {},
                                             {{"Accept-Language", language}});
        const QString csrf = csrfField(form.body);
        return m_api->callRaw("POST", u"/gate/sign-in/pass"_s, QString(),
                              formBody({{u"csrf"_s, csrf}, {u"rd"_s, rd}, {u"code"_s, code}}),
                              {{"Content-Type", kForm},
                               {"Cookie", "tessera_csrf=" + csrf.toLatin1()},
                               {"Accept-Language", language}});
    }

    std::unique_ptr<ApiTestServer> m_api;
    std::optional<engine::PassBatch> m_batch;
};

void TestGatePass::init()
{
    api::ApiLimits limits;
    limits.loginBurst = 1000; // the engine's throttle, not the HTTP limiter
    m_api = std::make_unique<ApiTestServer>(limits);
    QVERIFY2(m_api->isValid(), qPrintable(m_api->errorMessage()));
    QVERIFY(m_api->addPolicy(
        u"article-42"_s,
        u"path \"gate/journal.example.org/articles/42\" { capabilities = [\"read\"] }"_s));
    engine::Role visit;
    visit.name = u"class-visit"_s;
    visit.allowedPolicies = {u"article-42"_s};
    visit.settings.ttl = 3600;
    QVERIFY(m_api->engine().admin().putRole(TempEngine::owner(), visit));
    engine::PassBatchRequest request;
    request.role = visit.name;
    request.count = 2;
    auto batch = m_api->engine().passBatches().issue(TempEngine::owner(), request);
    QVERIFY(batch);
    m_batch = std::move(*batch);
}

void TestGatePass::cleanup()
{
    m_api.reset();
    m_batch.reset();
}

void TestGatePass::signInPageLinksToThePassCodeFormKeepingRd()
{
    const ApiReply page =
        m_api->callRaw("GET", u"/gate/sign-in?rd=%2Farticles%2F42"_s, QString(), {});
    QCOMPARE(page.status, 200);
    QVERIFY2(page.body.contains("<a href=\"/gate/sign-in/pass?rd=%2Farticles%2F42\">Sign in "
                                "with a pass code</a>"),
             page.body.constData());
}

void TestGatePass::passCodeFormIsLabelledAndWorksWithoutScript()
{
    const ApiReply page =
        m_api->callRaw("GET", u"/gate/sign-in/pass?rd=%2Farticles%2F42"_s, QString(), {});
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("<form method=\"post\" action=\"/gate/sign-in/pass\""));
    QVERIFY(page.body.contains("<label for=\"pass-code\">Pass code</label>"));
    QVERIFY(page.body.contains("<input id=\"pass-code\" name=\"code\""));
    QVERIFY(page.body.contains("aria-describedby=\"code-hint\""));
    QVERIFY(page.body.contains("name=\"rd\" value=\"/articles/42\""));
    QVERIFY(!csrfField(page.body).isEmpty());
    QVERIFY(!setCookie(page, "tessera_csrf").isEmpty());
    QVERIFY(page.body.contains("<a href=\"/gate/sign-in?rd=%2Farticles%2F42\">"));
}

void TestGatePass::rightCodeSetsTheCookieAndFollowsRd()
{
    const ApiReply reply = post(m_batch->codeOf(0), u"/articles/42"_s);
    QCOMPARE(reply.status, 303);
    QCOMPARE(reply.header("Location"), "/articles/42"_ba);
    const QByteArray cookie = setCookie(reply, "tessera_token");
    QVERIFY2(cookie.startsWith("tessera_token=" + m_batch->passes.first().token.toLatin1() + ';'),
             cookie.constData());
    QVERIFY(cookie.contains("HttpOnly"));
    // The cookie opens the pass's document at the gate's check.
    const ApiReply check =
        m_api->callRaw("GET", u"/gate/check"_s, QString(), {},
                       {{"X-Original-URI", "/articles/42"},
                        {"X-Original-Method", "GET"},
                        {"X-Forwarded-Host", "journal.example.org"},
                        {"Cookie", "tessera_token=" + m_batch->passes.first().token.toLatin1()}});
    QCOMPARE(check.status, 200);
}

void TestGatePass::rightCodeWithoutRdShowsTheSignedInPage()
{
    const ApiReply reply = post(m_batch->codeOf(1).toLower());
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.contains("You are signed in"));
    QVERIFY(setCookie(reply, "tessera_token")
                .startsWith("tessera_token=" + m_batch->passes.at(1).token.toLatin1()));
}

void TestGatePass::wrongCodeIs401AndNotWrittenBack()
{
    const QString wrong = engine::PassCode::random().grouped();
    const ApiReply reply = post(wrong, u"/articles/42"_s);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.body.contains("This code does not open a pass"));
    QVERIFY(reply.body.contains("role=\"alert\""));
    QVERIFY(reply.body.contains("aria-invalid=\"true\""));
    QVERIFY(!reply.body.contains(wrong.toLatin1()));
    QVERIFY(!reply.body.contains(wrong.left(4).toLatin1() + '-'));
    QVERIFY(setCookie(reply, "tessera_token").isEmpty());
    // The way back keeps where the patron was going.
    QVERIFY(reply.body.contains("name=\"rd\" value=\"/articles/42\""));
}

void TestGatePass::typoIs400WithAClearMessage()
{
    QString code = m_batch->codeOf(0);
    code.chop(1);
    const ApiReply reply = post(code);
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.body.contains("The code has a typo"));
    QCOMPARE(post(QString()).status, 400);
}

void TestGatePass::postWithoutTheFormsCsrfIsRefused()
{
    const ApiReply reply = m_api->callRaw(
        "POST", u"/gate/sign-in/pass"_s, QString(),
        formBody(
            {{u"csrf"_s, u"0123456789abcdef0123456789abcdef"_s}, {u"code"_s, m_batch->codeOf(0)}}),
        {{"Content-Type", kForm}, {"Cookie", "tessera_csrf=fedcba9876543210fedcba9876543210"}});
    QCOMPARE(reply.status, 403);
    QVERIFY(setCookie(reply, "tessera_token").isEmpty());
}

void TestGatePass::guessingIsRateLimited()
{
    for (int i = 0; i < engine::PassCodeService::kClientFreeFailures; ++i)
        QCOMPARE(post(engine::PassCode::random().grouped()).status, 401);
    const ApiReply limited = post(m_batch->codeOf(0));
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.header("Retry-After").toInt() > 0);
    QVERIFY(limited.body.contains("Too many attempts"));
    QVERIFY(setCookie(limited, "tessera_token").isEmpty());
}

void TestGatePass::formIsInThePatronsLanguage()
{
    const ApiReply es = m_api->callRaw("GET", u"/gate/sign-in/pass"_s, QString(), {},
                                       {{"Accept-Language", "es-ES,es;q=0.9"}});
    QVERIFY(es.body.contains("<html lang=\"es\">"));
    QVERIFY(!es.body.contains("Pass code</label>"));
    const ApiReply de = post(engine::PassCode::random().grouped(), {}, "de");
    QCOMPARE(de.status, 401);
    QVERIFY(de.body.contains("<html lang=\"de\">"));
    QVERIFY(!de.body.contains("This code does not open a pass"));
}

QTEST_GUILESS_MAIN(TestGatePass)
#include "tst_gatepass.moc"
