#include "engine/LoginThrottle.h"
#include "engine/Role.h"
#include "support/Children.h"
#include "support/TempEngine.h"
#include "ui/DurationEdit.h"
#include "ui/InlineMessage.h"
#include "ui/PolicyChecklist.h"
#include "ui/PolicyEditor.h"
#include "ui/RoleEditor.h"
#include "ui/SecondFactorDialog.h"
#include "ui/UserEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace tessera;
using test::child;
using test::TempEngine;

namespace {

QString text(const char* ascii)
{
    return QString::fromLatin1(ascii);
}

} // namespace

class TestEditors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roleRoundTripsThroughTheEngine();
    void invalidRoleCannotBeSaved();
    void policyRoundTripsThroughTheEngine();
    void policyParseErrorNamesAndHighlightsTheLine();
    void rootPolicyIsReadOnlyAndDefaultCannotBeDeleted();
    void userRoundTripsAndCanLogIn();
    void differingPasswordsCannotBeSaved();
    void lockedUserIsShownAndANewPasswordUnlocks();
    void secondFactorIsForASavedUserOnly();
    void secondFactorRequirementIsSavedWithAWarningWhenUnmet();
    void keyUserVerificationIsSavedAndShownWithTheUser();

private:
    engine::TokenEngine& engine() { return m_temp->engine(); }
    std::unique_ptr<TempEngine> m_temp;
};

void TestEditors::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    for (const char* name : {"ebooks", "archive"}) {
        QVERIFY(engine().admin().putPolicy(
            TempEngine::owner(), text(name),
            QStringLiteral("path \"%1/*\" { capabilities = [\"read\"] }").arg(text(name))));
    }
}

void TestEditors::cleanup()
{
    m_temp.reset();
}

void TestEditors::roleRoundTripsThroughTheEngine()
{
    ui::RoleEditor editor(engine());
    editor.show();
    editor.startNew();
    QTest::keyClicks(child<QLineEdit>(editor, "name"), text("semester-e-resources"));
    child<ui::PolicyChecklist>(editor, "allowed")->setChecked({text("ebooks")});
    child<ui::PolicyChecklist>(editor, "disallowed")->setChecked({text("archive")});
    child<ui::DurationEdit>(editor, "ttl")->setValue(7 * 86400);
    child<ui::DurationEdit>(editor, "explicitMaxTtl")->setValue(120 * 86400);
    child<QSpinBox>(editor, "uses")->setValue(3);
    child<QCheckBox>(editor, "orphan")->setChecked(true);
    child<QCheckBox>(editor, "secondFactor")->setChecked(true);
    child<QLineEdit>(editor, "pathSuffix")->setText(text("desk-3"));
    child<QComboBox>(editor, "type")->setCurrentIndex(2); // always service
    auto* save = child<QPushButton>(editor, "save");
    QVERIFY2(save->isEnabled(), qPrintable(editor.problem()));
    save->click();
    QCOMPARE(editor.currentName(), text("semester-e-resources"));

    auto stored = engine().admin().role(TempEngine::owner(), text("semester-e-resources"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->allowedPolicies, QStringList{text("ebooks")});
    QCOMPARE(stored->disallowedPolicies, QStringList{text("archive")});
    QCOMPARE(stored->settings.ttl, 7 * 86400);
    QCOMPARE(stored->settings.explicitMaxTtl, 120 * 86400);
    QCOMPARE(stored->settings.numUses, 3);
    QVERIFY(stored->orphan);
    QVERIFY(stored->secondFactorRequired);
    QCOMPARE(stored->pathSuffix, text("desk-3"));
    QCOMPARE(stored->settings.tokenType, engine::RoleTokenType::Service);

    // Shown again from the engine, the form describes the same role.
    ui::RoleEditor again(engine());
    QVERIFY(again.select(text("semester-e-resources")));
    QCOMPARE(again.role(), *stored);
    QVERIFY(!again.isDirty());
}

void TestEditors::invalidRoleCannotBeSaved()
{
    ui::RoleEditor editor(engine());
    editor.show();
    editor.startNew();
    QTest::keyClicks(child<QLineEdit>(editor, "name"), text("bad"));
    child<QComboBox>(editor, "type")->setCurrentIndex(3); // always batch
    child<ui::DurationEdit>(editor, "period")->setValue(3600);
    QVERIFY(!child<QPushButton>(editor, "save")->isEnabled());
    QVERIFY(child<ui::InlineMessage>(editor, "message")->isVisible());
    QVERIFY2(editor.problem().contains(text("batch"), Qt::CaseInsensitive),
             qPrintable(editor.problem()));
    QVERIFY(!editor.save());
    QVERIFY(!engine().admin().role(TempEngine::owner(), text("bad")).ok());
}

void TestEditors::policyRoundTripsThroughTheEngine()
{
    ui::PolicyEditor editor(engine());
    editor.show();
    editor.startNew();
    QCOMPARE(child<QPlainTextEdit>(editor, "text")->toPlainText(),
             ui::PolicyEditor::newPolicyTemplate());
    QTest::keyClicks(child<QLineEdit>(editor, "name"), text("ebooks-reader"));
    QVERIFY2(editor.save(), qPrintable(editor.problem()));
    auto stored = engine().admin().policy(TempEngine::owner(), text("ebooks-reader"));
    QVERIFY(stored.ok());
    QCOMPARE(*stored, ui::PolicyEditor::newPolicyTemplate());

    QVERIFY(editor.select(text("ebooks")));
    QVERIFY(editor.select(text("ebooks-reader")));
    QCOMPARE(child<QPlainTextEdit>(editor, "text")->toPlainText(), *stored);
}

void TestEditors::policyParseErrorNamesAndHighlightsTheLine()
{
    ui::PolicyEditor editor(engine());
    editor.show();
    QVERIFY(editor.select(text("ebooks")));
    child<QPlainTextEdit>(editor, "text")
        ->setPlainText(text("path \"ebooks/*\" {\n  capabilities = [\"reed\"]\n}\n"));
    QCOMPARE(editor.errorLine(), 2);
    QVERIFY2(editor.problem().startsWith(text("Line 2")), qPrintable(editor.problem()));
    QVERIFY(!child<QPushButton>(editor, "save")->isEnabled());
    QCOMPARE(child<QPlainTextEdit>(editor, "text")->extraSelections().size(), 1);
}

void TestEditors::rootPolicyIsReadOnlyAndDefaultCannotBeDeleted()
{
    ui::PolicyEditor editor(engine());
    editor.show();
    QVERIFY(editor.select(text("root")));
    QVERIFY(!child<QPlainTextEdit>(editor, "text")->isEnabled());
    QVERIFY(!child<QPushButton>(editor, "delete")->isEnabled());
    QVERIFY(editor.select(text("default")));
    QVERIFY(child<QPlainTextEdit>(editor, "text")->isEnabled());
    QVERIFY(!child<QPushButton>(editor, "delete")->isEnabled());
    QVERIFY(editor.select(text("ebooks")));
    QVERIFY(child<QPushButton>(editor, "delete")->isEnabled());
}

void TestEditors::userRoundTripsAndCanLogIn()
{
    ui::UserEditor editor(engine());
    editor.show();
    QTest::keyClicks(child<QLineEdit>(editor, "name"), text("Alice"));
    QTest::keyClicks(child<QLineEdit>(editor, "password"), text("correct horse"));
    QTest::keyClicks(child<QLineEdit>(editor, "repeat"), text("correct horse"));
    child<ui::PolicyChecklist>(editor, "policies")->setChecked({text("ebooks")});
    child<ui::DurationEdit>(editor, "ttl")->setValue(8 * 3600);
    QVERIFY2(editor.save(), qPrintable(editor.problem()));
    QCOMPARE(editor.currentName(), text("alice"));

    auto stored = engine().userpass().user(TempEngine::owner(), text("alice"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->settings.policies, QStringList{text("ebooks")});
    QCOMPARE(stored->settings.ttl, 8 * 3600);
    auto login = engine().userpass().login(text("alice"), text("correct horse"), text("test"));
    QVERIFY2(login.ok(), qPrintable(login.ok() ? QString() : login.error().message));
    QVERIFY(login->info.policies.contains(text("ebooks")));

    ui::UserEditor again(engine());
    QVERIFY(again.select(text("alice")));
    QCOMPARE(again.user(), *stored);
}

void TestEditors::differingPasswordsCannotBeSaved()
{
    ui::UserEditor editor(engine());
    editor.show();
    QTest::keyClicks(child<QLineEdit>(editor, "name"), text("bob"));
    QTest::keyClicks(child<QLineEdit>(editor, "password"), text("one"));
    QTest::keyClicks(child<QLineEdit>(editor, "repeat"), text("two"));
    QVERIFY(!child<QPushButton>(editor, "save")->isEnabled());
    QVERIFY(editor.problem().contains(text("differ")));
    QVERIFY(!editor.problem().contains(text("one")));
}

void TestEditors::lockedUserIsShownAndANewPasswordUnlocks()
{
    engine::User carol;
    carol.name = text("carol");
    QVERIFY(engine().userpass().putUser(TempEngine::owner(), carol, text("right")));
    for (int i = 0; i < engine::LoginThrottle::kFreeFailures; ++i)
        (void)engine().userpass().login(text("carol"), text("wrong"), text("test"));
    QVERIFY(engine().userpass().user(TempEngine::owner(), text("carol"))->lockedUntil > 0);

    ui::UserEditor editor(engine());
    editor.show();
    QVERIFY(editor.select(text("carol")));
    QVERIFY2(child<QLabel>(editor, "lockout")->text().contains(text("Locked")),
             qPrintable(child<QLabel>(editor, "lockout")->text()));
    QTest::keyClicks(child<QLineEdit>(editor, "password"), text("new secret"));
    QTest::keyClicks(child<QLineEdit>(editor, "repeat"), text("new secret"));
    QVERIFY2(editor.save(), qPrintable(editor.problem()));
    QCOMPARE(engine().userpass().user(TempEngine::owner(), text("carol"))->lockedUntil, 0);
    QVERIFY(engine().userpass().login(text("carol"), text("new secret"), text("test")).ok());
}

void TestEditors::secondFactorIsForASavedUserOnly()
{
    ui::UserEditor editor(engine());
    editor.show();
    editor.startNew();
    auto* secondFactor = child<QPushButton>(editor, "secondFactor");
    QVERIFY(!secondFactor->isEnabled());
    QTest::keyClicks(child<QLineEdit>(editor, "name"), text("dave"));
    QTest::keyClicks(child<QLineEdit>(editor, "password"), text("correct horse"));
    QTest::keyClicks(child<QLineEdit>(editor, "repeat"), text("correct horse"));
    QVERIFY(!secondFactor->isEnabled());
    QVERIFY2(editor.save(), qPrintable(editor.problem()));
    QVERIFY(secondFactor->isEnabled());

    // The dialog works on dave in the store; closing it redraws his row.
    auto* shown = child<QLabel>(editor, "secondFactors");
    const QString before = shown->text();
    secondFactor->click();
    auto* dialog = editor.findChild<ui::SecondFactorDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    child<QPushButton>(*dialog, "setUp")->click();
    QVERIFY(engine().secondFactors().factors(TempEngine::owner(), text("dave"))->totp ==
            engine::SecondFactors::State::Pending);
    dialog->reject();
    QVERIFY(shown->text() != before);
}

void TestEditors::keyUserVerificationIsSavedAndShownWithTheUser()
{
    engine::User erin;
    erin.name = text("erin");
    QVERIFY(engine().userpass().putUser(TempEngine::owner(), erin, text("correct horse")));
    ui::UserEditor editor(engine());
    editor.show();
    QVERIFY(editor.select(text("erin")));
    auto* box = child<QCheckBox>(editor, "keyUserVerification");
    QVERIFY(!box->isChecked());
    box->setChecked(true);
    QVERIFY(editor.isDirty());
    QVERIFY2(editor.save(), qPrintable(editor.problem()));
    QVERIFY(engine().userpass().user(TempEngine::owner(), text("erin"))->keyUserVerification);

    ui::UserEditor reopened(engine());
    QVERIFY(reopened.select(text("erin")));
    QVERIFY(child<QCheckBox>(reopened, "keyUserVerification")->isChecked());
}

void TestEditors::secondFactorRequirementIsSavedWithAWarningWhenUnmet()
{
    engine::User erin;
    erin.name = text("erin");
    QVERIFY(engine().userpass().putUser(TempEngine::owner(), erin, text("correct horse")));
    const auto stored = [this] {
        return engine().userpass().user(TempEngine::owner(), text("erin"))->secondFactorRequired;
    };
    ui::UserEditor editor(engine());
    editor.show();
    QVERIFY(editor.select(text("erin")));
    auto* required = child<QComboBox>(editor, "secondFactorRequired");
    auto* warning = child<ui::InlineMessage>(editor, "requirementWarning");
    const auto choose = [&](engine::SecondFactorRequired choice) {
        required->setCurrentIndex(required->findData(int(choice)));
    };
    QCOMPARE(required->currentData().toInt(), int(engine::SecondFactorRequired::None));
    QCOMPARE(required->count(), 4);
    QVERIFY(!warning->isVisible());

    // erin has no key: she could not sign in, and the form says so, but the
    // choice is the administrator's.
    choose(engine::SecondFactorRequired::WebAuthn);
    QVERIFY(editor.isDirty());
    QVERIFY(warning->isVisible());
    QVERIFY(warning->kind() == ui::InlineMessage::Kind::Warning);
    QVERIFY2(warning->text().contains(text("erin cannot sign in, not even to add a security key")),
             qPrintable(warning->text()));
    QVERIFY(warning->text().contains(text("/gate/keys")));
    QVERIFY2(editor.save(), qPrintable(editor.problem()));
    QVERIFY(stored() == engine::SecondFactorRequired::WebAuthn);
    QCOMPARE(
        engine().userpass().login(text("erin"), text("correct horse"), text("test")).error().code,
        ErrorCode::PermissionDenied);

    // An authenticator app meets "totp" and "either": no warning once the
    // Second Factor dialog has turned one on (its closing redraws the form).
    QVERIFY(engine().secondFactors().enableTotp(TempEngine::owner(), text("erin"), true));
    child<QPushButton>(editor, "secondFactor")->click();
    auto* dialog = editor.findChild<ui::SecondFactorDialog*>();
    QVERIFY(dialog);
    dialog->reject();
    QVERIFY(warning->isVisible()); // still "webauthn"
    for (const auto met : {engine::SecondFactorRequired::Totp, engine::SecondFactorRequired::Either,
                           engine::SecondFactorRequired::None}) {
        choose(met);
        QVERIFY(!warning->isVisible());
    }
    QVERIFY2(editor.save(), qPrintable(editor.problem()));
    QVERIFY(stored() == engine::SecondFactorRequired::None);
}

QTEST_MAIN(TestEditors)
#include "tst_editors.moc"
