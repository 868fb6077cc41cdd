#include "ApiTestServer.h"
#include "audit/AuditRecord.h"
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"

#include <QJsonArray>
#include <QTest>
#include <mutex>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// What nginx's auth_request sends for a browser's GET of `uri`.
Headers nginx(const QByteArray& uri, const QByteArray& cookie = {})
{
    Headers headers{{"X-Original-URI", uri},
                    {"X-Original-Method", "GET"},
                    {"X-Forwarded-Host", "journal.example.org"}};
    if (!cookie.isEmpty())
        headers.append({"Cookie", cookie});
    return headers;
}

QByteArray cookieWith(const QString& token)
{
    return "lang=es; tessera_token=" + token.toUtf8();
}

// Everything Qt logs while alive.
class LogCapture
{
public:
    LogCapture() { s_previous = qInstallMessageHandler(&LogCapture::handle); }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    QString text() const
    {
        const std::lock_guard lock(s_mutex);
        return s_text;
    }

private:
    static void handle(QtMsgType, const QMessageLogContext&, const QString& message)
    {
        const std::lock_guard lock(s_mutex);
        s_text += message + u'\n';
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline std::mutex s_mutex;
    static inline QString s_text;
};

} // namespace

// /gate/check as a reverse proxy calls it, over real HTTP.
class TestGateCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void grantedDocumentIsAllowedWithTheTokensIdentity();
    void bearerTokenIsAcceptedLikeTheCookie();
    void browserWithoutTokenMustSignIn();
    void documentNotGrantedIsForbidden();
    void revokedPatronMustSignInAgain();
    void badInputIsAClearClientError_data();
    void badInputIsAClearClientError();
    void tokenNeverAppearsInTheLog();
    void patronBehindATrustedProxyIsTheAuditedClient();

private:
    ApiReply check(const Headers& headers)
    {
        return m_api->callRaw("GET", u"/gate/check"_s, {}, {}, headers);
    }

    std::unique_ptr<ApiTestServer> m_api;
    QString m_patron;
};

void TestGateCheck::init()
{
    m_api = std::make_unique<ApiTestServer>();
    QVERIFY2(m_api->isValid(), qPrintable(m_api->errorMessage()));
    QVERIFY(m_api->addPolicy(
        u"article-42"_s,
        u"path \"gate/journal.example.org/articles/42\" { capabilities = [\"read\"] }"_s));
    m_patron = m_api->createToken(QJsonObject{{u"policies"_s, QJsonArray{u"article-42"_s}},
                                              {u"display_name"_s, u"Ana Núñez"_s}});
    QVERIFY(!m_patron.isEmpty());
}

void TestGateCheck::cleanup()
{
    m_api.reset();
}

void TestGateCheck::grantedDocumentIsAllowedWithTheTokensIdentity()
{
    const ApiReply reply = check(nginx("/articles/42", cookieWith(m_patron)));
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.header("X-Tessera-Accessor").isEmpty());
    QCOMPARE(reply.header("X-Tessera-Policies"), "article-42,default"_ba);
    // The API keeps display names as Vault does ("token-", safe characters).
    QCOMPARE(reply.header("X-Tessera-Display-Name"), "token-Ana-N--ez"_ba);
    QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
    // nginx reuses its connection for the next check only after an empty answer.
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(reply.header("Content-Length"), "0"_ba);
}

void TestGateCheck::bearerTokenIsAcceptedLikeTheCookie()
{
    // Traefik's forwardAuth, a program rather than a browser.
    const ApiReply reply = check({{"X-Forwarded-Method", "GET"},
                                  {"X-Forwarded-Host", "journal.example.org"},
                                  {"X-Forwarded-Uri", "/articles/42"},
                                  {"Authorization", "Bearer " + m_patron.toUtf8()}});
    QCOMPARE(reply.status, 200);
}

void TestGateCheck::browserWithoutTokenMustSignIn()
{
    QCOMPARE(check(nginx("/articles/42")).status, 401);
    QCOMPARE(check(nginx("/articles/42", "lang=es")).status, 401);
}

void TestGateCheck::documentNotGrantedIsForbidden()
{
    QCOMPARE(check(nginx("/articles/43", cookieWith(m_patron))).status, 403);
    QCOMPARE(check(nginx("/articles/42/../43", cookieWith(m_patron))).status, 403);
}

void TestGateCheck::revokedPatronMustSignInAgain()
{
    QCOMPARE(check(nginx("/articles/42", cookieWith(m_patron))).status, 200);
    QCOMPARE(
        m_api->call("POST", u"auth/token/revoke"_s, m_api->rootToken(), {{u"token"_s, m_patron}})
            .status,
        204);
    QCOMPARE(check(nginx("/articles/42", cookieWith(m_patron))).status, 401);
}

void TestGateCheck::badInputIsAClearClientError_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");

    const QByteArray patron = "tessera_token=PATRON";
    QTest::newRow("no document named") << Headers{{"Cookie", patron}} << 400;
    QTest::newRow("host no host could have")
        << Headers{{"X-Original-URI", "/articles/42"}, {"X-Forwarded-Host", "a/b"}} << 400;
    QTest::newRow("malformed cookie") << nginx("/articles/42", "tessera_token=a b c") << 401;
    QTest::newRow("cookie longer than any token")
        << nginx("/articles/42", "tessera_token=" + QByteArray(5000, 'x')) << 401;
    QTest::newRow("8 KiB cookie: header too large")
        << nginx("/articles/42", "tessera_token=" + QByteArray(8192, 'x')) << 431;
    QTest::newRow("accessor in place of the token")
        << nginx("/articles/42", "tessera_token=ACCESSOR") << 401;
    QTest::newRow("a JWT in place of the token")
        << nginx("/articles/42", "tessera_token=eyJhbGciOiJFZERTQSJ9.e30.c2ln") << 401;
    QTest::newRow("encoded slash") << nginx("/articles%2f42", patron) << 403;
    QTest::newRow("above the root") << nginx("/../../etc/passwd", patron) << 403;
    QTest::newRow("unknown method") << Headers{{"X-Original-URI", "/articles/42"},
                                               {"X-Original-Method", "TRACE"},
                                               {"X-Forwarded-Host", "journal.example.org"},
                                               {"Cookie", patron}}
                                    << 403;
}

void TestGateCheck::badInputIsAClearClientError()
{
    QFETCH(Headers, headers);
    QFETCH(int, status);
    auto accessor = m_api->engine().tokens().validate(m_patron);
    QVERIFY(accessor);
    for (auto& [name, value] : headers) {
        value.replace("PATRON", m_patron.toUtf8());
        value.replace("ACCESSOR", accessor->accessor.toUtf8());
    }
    QCOMPARE(check(headers).status, status);
    // The server is still there.
    QCOMPARE(check(nginx("/articles/42", cookieWith(m_patron))).status, 200);
}

void TestGateCheck::tokenNeverAppearsInTheLog()
{
    LogCapture log;
    check(nginx("/articles/42", cookieWith(m_patron)));
    check(nginx("/articles/43", cookieWith(m_patron)));
    check(nginx("/articles%2f42", cookieWith(m_patron)));
    check(nginx("/articles/42", "tessera_token=" + m_patron.toUtf8() + "x"));
    QVERIFY(!log.text().contains(m_patron));
}

void TestGateCheck::patronBehindATrustedProxyIsTheAuditedClient()
{
    const auto checkedBy = [](ApiTestServer& api, const QString& client) {
        const auto records = test::auditTrail(api.engine());
        return std::any_of(records.cbegin(), records.cend(), [&](const audit::AuditRecord& r) {
            return r.operation == u"token.use" && r.client == client;
        });
    };
    Headers forwarded = nginx("/articles/42", cookieWith(m_patron));
    forwarded.append({"X-Forwarded-For"_ba, "203.0.113.66, 198.51.100.7"_ba});
    // Without trusted proxies the header is the browser's word: ignored.
    QCOMPARE(check(forwarded).status, 200);
    QTRY_VERIFY(checkedBy(*m_api, u"api:127.0.0.1"_s));
    QVERIFY(!checkedBy(*m_api, u"api:198.51.100.7"_s));

    api::ListenConfig config = ApiTestServer::ephemeral();
    config.gate.trustedProxies = {u"127.0.0.1"_s};
    ApiTestServer behindProxy({}, config);
    QVERIFY2(behindProxy.isValid(), qPrintable(behindProxy.errorMessage()));
    QVERIFY(behindProxy.addPolicy(
        u"article-42"_s,
        u"path \"gate/journal.example.org/articles/42\" { capabilities = [\"read\"] }"_s));
    const QString patron =
        behindProxy.createToken(QJsonObject{{u"policies"_s, QJsonArray{u"article-42"_s}}});
    Headers viaProxy = nginx("/articles/42", cookieWith(patron));
    viaProxy.append({"X-Forwarded-For"_ba, "203.0.113.66, 198.51.100.7"_ba});
    QCOMPARE(behindProxy.callRaw("GET", u"/gate/check"_s, {}, {}, viaProxy).status, 200);
    // The address the proxy appended, not the one the browser claimed.
    QTRY_VERIFY(checkedBy(behindProxy, u"api:198.51.100.7"_s));
    QVERIFY(!checkedBy(behindProxy, u"api:203.0.113.66"_s));
}

QTEST_MAIN(TestGateCheck)
#include "tst_gatecheck.moc"
