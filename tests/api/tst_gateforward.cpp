#include "api/GateForward.h"

#include <QHash>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::api;

namespace {

using Headers = QHash<QByteArray, QByteArray>;

Result<GateForward> forwardOf(const Headers& headers)
{
    return GateForward::fromHeaders(
        [&headers](const QByteArray& name) { return headers.value(name); });
}

} // namespace

// Which web request the proxy asks about, from the headers of nginx
// (auth_request), Traefik (forwardAuth) and Caddy (forward_auth).
class TestGateForward : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachProxysHeadersNameTheRequest_data();
    void eachProxysHeadersNameTheRequest();
    void checkWithoutDocumentOrHostIsRefused_data();
    void checkWithoutDocumentOrHostIsRefused();
};

void TestGateForward::eachProxysHeadersNameTheRequest_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("uri");

    QTest::newRow("nginx auth_request") << Headers{{"Host", "journal.example.org"},
                                                   {"X-Original-URI", "/articles/42?page=2"},
                                                   {"X-Original-Method", "GET"}}
                                        << "GET"_ba
                                        << "journal.example.org"_ba
                                        << "/articles/42?page=2"_ba;
    QTest::newRow("nginx without a method header: GET")
        << Headers{{"Host", "journal.example.org"}, {"X-Original-URI", "/articles/42"}} << "GET"_ba
        << "journal.example.org"_ba
        << "/articles/42"_ba;
    QTest::newRow("Traefik forwardAuth") << Headers{{"Host", "tessera.internal:8200"},
                                                    {"X-Forwarded-Method", "POST"},
                                                    {"X-Forwarded-Proto", "https"},
                                                    {"X-Forwarded-Host", "journal.example.org"},
                                                    {"X-Forwarded-Uri", "/articles/42/comments"}}
                                         << "POST"_ba
                                         << "journal.example.org"_ba
                                         << "/articles/42/comments"_ba;
    QTest::newRow("Caddy forward_auth") << Headers{{"Host", "journal.example.org"},
                                                   {"X-Forwarded-Method", "DELETE"},
                                                   {"X-Forwarded-Host", "journal.example.org"},
                                                   {"X-Forwarded-Uri", "/articles/42"}}
                                        << "DELETE"_ba
                                        << "journal.example.org"_ba
                                        << "/articles/42"_ba;
    QTest::newRow("forwarded headers win over original ones")
        << Headers{{"Host", "proxy.local"},
                   {"X-Original-URI", "/public"},
                   {"X-Original-Method", "GET"},
                   {"X-Forwarded-Method", "PUT"},
                   {"X-Forwarded-Host", "journal.example.org"},
                   {"X-Forwarded-Uri", "/articles/42"}}
        << "PUT"_ba
        << "journal.example.org"_ba
        << "/articles/42"_ba;
    QTest::newRow("values trimmed")
        << Headers{{"Host", " journal.example.org "}, {"X-Original-URI", " /articles/42 "}}
        << "GET"_ba
        << "journal.example.org"_ba
        << "/articles/42"_ba;
}

void TestGateForward::eachProxysHeadersNameTheRequest()
{
    QFETCH(Headers, headers);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, uri);
    auto forward = forwardOf(headers);
    QVERIFY2(forward, qPrintable(forward ? QString() : forward.error().message));
    QCOMPARE(forward->method, method);
    QCOMPARE(forward->host, host);
    QCOMPARE(forward->uri, uri);
}

void TestGateForward::checkWithoutDocumentOrHostIsRefused_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QString>("names");

    QTest::newRow("nothing") << Headers{} << u"X-Original-URI"_s;
    QTest::newRow("host only") << Headers{{"Host", "journal.example.org"}} << u"X-Forwarded-Uri"_s;
    QTest::newRow("blank uri") << Headers{{"Host", "journal.example.org"}, {"X-Original-URI", "  "}}
                               << u"X-Original-URI"_s;
    QTest::newRow("no host") << Headers{{"X-Original-URI", "/articles/42"}} << u"Host"_s;
}

void TestGateForward::checkWithoutDocumentOrHostIsRefused()
{
    QFETCH(Headers, headers);
    QFETCH(QString, names);
    auto forward = forwardOf(headers);
    QVERIFY(!forward);
    QCOMPARE(forward.error().code, ErrorCode::InvalidArgument);
    // The message tells the proxy's administrator what to send.
    QVERIFY2(forward.error().message.contains(names), qPrintable(forward.error().message));
}

QTEST_GUILESS_MAIN(TestGateForward)
#include "tst_gateforward.moc"
