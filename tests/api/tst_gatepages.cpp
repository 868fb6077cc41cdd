#include "api/GatePages.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera::api;

// The gate's pages: what the patron typed comes back escaped, every label
// belongs to its field, and each language is the patron's.
class TestGatePages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatThePatronTypedIsEscaped();
    void everyFieldHasItsLabel();
    void errorIsAnnouncedAndTiedToTheFields();
    void pagesAreTranslated_data();
    void pagesAreTranslated();
    void passwordIsNeverWrittenBack();
    void onlyTheTwoAssetsAreServed();
    void secondStepOffersTheUsersMethods();
    void keysPageListsKeysEscapedWithARemoveButtonEach();
};

void TestGatePages::whatThePatronTypedIsEscaped()
{
    GatePages::SignIn form;
    form.username = u"<script>alert(1)</script>"_s;
    form.rd = u"/a\"><img src=x onerror=alert(1)>"_s;
    form.csrf = u"0123456789abcdef0123456789abcdef"_s;
    const QByteArray page = GatePages::signIn(u"en"_s, form);
    QVERIFY(!page.contains("<script>alert"));
    QVERIFY(!page.contains("<img src=x"));
    QVERIFY(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    QVERIFY(page.contains("value=\"/a&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
}

void TestGatePages::everyFieldHasItsLabel()
{
    const QByteArray page = GatePages::signIn(u"en"_s, {});
    QVERIFY(page.contains("<label for=\"username\">User name or library card number</label>"));
    QVERIFY(page.contains("<input id=\"username\""));
    QVERIFY(page.contains("<label for=\"password\">Password</label>"));
    QVERIFY(page.contains("<input id=\"password\""));
    QVERIFY(page.contains("autocomplete=\"current-password\""));
    QVERIFY(page.contains("<html lang=\"en\">"));
}

void TestGatePages::errorIsAnnouncedAndTiedToTheFields()
{
    GatePages::SignIn form;
    form.error = GatePages::text(u"en"_s, GatePages::Text::WrongCredentials);
    const QByteArray page = GatePages::signIn(u"en"_s, form);
    QVERIFY(page.contains("role=\"alert\""));
    QVERIFY(page.contains("The user name or the password is wrong."));
    QVERIFY(page.contains("aria-describedby=\"error\""));
    QVERIFY(page.contains("aria-invalid=\"true\""));
}

void TestGatePages::pagesAreTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("error");

    QTest::newRow("en") << u"en"_s << u"Sign in to the library"_s
                        << u"Too many attempts. Please try again in 30 seconds."_s;
    QTest::newRow("es") << u"es"_s << u"Iniciar sesión en la biblioteca"_s
                        << u"Demasiados intentos. Vuelva a intentarlo dentro de 30 segundos."_s;
    QTest::newRow("de") << u"de"_s << u"Bei der Bibliothek anmelden"_s
                        << u"Zu viele Versuche. Bitte versuchen Sie es in 30 Sekunden erneut."_s;
}

void TestGatePages::pagesAreTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, heading);
    QFETCH(QString, error);
    const QString page = QString::fromUtf8(GatePages::signIn(language, {}));
    QVERIFY2(page.contains(u"<h1>"_s + heading + u"</h1>"_s), qPrintable(page.left(400)));
    QVERIFY(page.contains(u"<html lang=\""_s + language + u'"'));
    QCOMPARE(GatePages::text(language, GatePages::Text::TooManyAttempts, 30), error);
}

void TestGatePages::passwordIsNeverWrittenBack()
{
    const QByteArray page = GatePages::signIn(u"en"_s, {});
    const qsizetype field = page.indexOf("<input id=\"password\"");
    QVERIFY(field >= 0);
    QVERIFY(!page.mid(field, page.indexOf('>', field) - field).contains("value="));
}

void TestGatePages::onlyTheTwoAssetsAreServed()
{
    QVERIFY(GatePages::asset(u"gate.css"_s).contains("body"));
    QVERIFY(GatePages::asset(u"gate.js"_s).contains("addEventListener"));
    QVERIFY(GatePages::asset(u"page.html"_s).isEmpty());
    QVERIFY(GatePages::asset(u"../gate.css"_s).isEmpty());
}

void TestGatePages::secondStepOffersTheUsersMethods()
{
    GatePages::SignIn form;
    form.mfaRequest = u"4a9e0c3e-8f7a-4d5b-9c1e-2f3a4b5c6d7e"_s;
    form.methods = {u"totp"_s};
    QByteArray page = GatePages::signIn(u"en"_s, form);
    QVERIFY(page.contains("<label for=\"code\">Six-digit code</label>"));
    QVERIFY(!page.contains("id=\"use-key\""));
    form.methods = {u"webauthn"_s};
    page = GatePages::signIn(u"en"_s, form);
    QVERIFY(!page.contains("id=\"code\""));
    QVERIFY(page.contains("id=\"use-key\">Use a security key</button>"));
    QVERIFY(page.contains("name=\"mfa_request\" value=\"4a9e0c3e-8f7a-4d5b-9c1e-2f3a4b5c6d7e\""));
    form.methods = {u"totp"_s, u"webauthn"_s};
    page = GatePages::signIn(u"en"_s, form);
    QVERIFY(page.contains("id=\"code\""));
    QVERIFY(page.contains("id=\"use-key\""));
    QVERIFY(page.contains("use your security key, or type the code"));
}

void TestGatePages::keysPageListsKeysEscapedWithARemoveButtonEach()
{
    GatePages::Keys shown;
    shown.csrf = u"0123456789abcdef0123456789abcdef"_s;
    shown.user = u"alice"_s;
    QVERIFY(GatePages::keys(u"en"_s, shown).contains("You have no security key yet."));
    shown.keys = {{u"AAEC"_s, u"<b>Blue</b>"_s, 1'790'000'000, 0},
                  {u"AwQF"_s, u"Ring"_s, 1'790'000'000, 1'790'086'400}};
    const QByteArray page = GatePages::keys(u"en"_s, shown);
    QVERIFY(!page.contains("<b>Blue</b>"));
    QVERIFY(page.contains("&lt;b&gt;Blue&lt;/b&gt;"));
    QCOMPARE(page.count("action=\"/gate/keys/remove\""), 2);
    QVERIFY(page.contains("name=\"id\" value=\"AwQF\""));
    QVERIFY(page.contains("<td>2026-09-21</td><td>never</td>"));
    QVERIFY(page.contains("<label for=\"key-name\">Name of the key</label>"));
}

QTEST_GUILESS_MAIN(TestGatePages)
#include "tst_gatepages.moc"
