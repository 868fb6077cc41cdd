// The form for the token settings roles and users share, as the role and user
// editors embed it: each owner's fields, values in and out unchanged, edits
// announced, a typed duration that is not one reported.
#include "engine/TokenSettings.h"
#include "ui/DurationEdit.h"
#include "ui/PolicyChecklist.h"
#include "ui/TokenSettingsEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace tessera;
using engine::RoleTokenType;
using engine::TokenSettings;
using ui::TokenSettingsEditor;

namespace {

template <typename T> T* field(QWidget& editor, const char* name)
{
    return editor.findChild<T*>(QString::fromLatin1(name));
}

QStringList policies()
{
    return {QStringLiteral("ebooks"), QStringLiteral("wifi")};
}

} // namespace

class TestTokenSettingsEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheFieldsEachOwnerHas();
    void settingsComeBackAsTheyWereShown_data();
    void settingsComeBackAsTheyWereShown();
    void everyEditIsAnnounced();
    void userTypeShownAsItsKindIsKeptUntilChanged();
    void durationThatIsNotOneIsTheProblem();
};

void TestTokenSettingsEditor::showsTheFieldsEachOwnerHas()
{
    TokenSettingsEditor role(TokenSettings::role());
    QVERIFY(field<ui::DurationEdit>(role, "explicitMaxTtl"));
    QVERIFY(!field<ui::DurationEdit>(role, "maxTtl"));
    QVERIFY(!field<ui::PolicyChecklist>(role, "policies"));
    QCOMPARE(field<QComboBox>(role, "type")->count(), 4); // the request may choose

    TokenSettingsEditor user(TokenSettings::user());
    QVERIFY(field<ui::DurationEdit>(user, "maxTtl"));
    QVERIFY(field<ui::DurationEdit>(user, "explicitMaxTtl"));
    QVERIFY(field<ui::PolicyChecklist>(user, "policies"));
    QCOMPARE(field<QComboBox>(user, "type")->count(), 2); // a sign-in cannot choose

    for (TokenSettingsEditor* editor : {&role, &user}) {
        for (const char* name : {"ttl", "period", "uses", "noDefaultPolicy"})
            QVERIFY2(editor->findChild<QWidget*>(QString::fromLatin1(name)), name);
        QVERIFY(editor->firstField() == field<QComboBox>(*editor, "type"));
    }
}

void TestTokenSettingsEditor::settingsComeBackAsTheyWereShown_data()
{
    QTest::addColumn<bool>("forRole");
    QTest::addColumn<int>("type");
    QTest::newRow("role, always batch") << true << int(RoleTokenType::Batch);
    QTest::newRow("role, default-batch") << true << int(RoleTokenType::DefaultBatch);
    QTest::newRow("user, service") << false << int(RoleTokenType::DefaultService);
    QTest::newRow("user, batch") << false << int(RoleTokenType::DefaultBatch);
}

void TestTokenSettingsEditor::settingsComeBackAsTheyWereShown()
{
    QFETCH(bool, forRole);
    QFETCH(int, type);
    TokenSettingsEditor editor(forRole ? TokenSettings::role() : TokenSettings::user());
    editor.setOfferedPolicies(policies());
    TokenSettings settings;
    settings.tokenType = RoleTokenType(type);
    settings.ttl = 3600;
    settings.explicitMaxTtl = 7200;
    settings.period = 1800;
    settings.numUses = 4;
    settings.noDefaultPolicy = true;
    if (!forRole) {
        settings.maxTtl = 5400;
        settings.policies = {QStringLiteral("wifi")};
    }
    editor.setSettings(settings);
    QCOMPARE(editor.settings(), settings);
    QCOMPARE(field<QSpinBox>(editor, "uses")->value(), 4);
    QCOMPARE(field<ui::DurationEdit>(editor, "period")->value(), 1800);
}

void TestTokenSettingsEditor::everyEditIsAnnounced()
{
    TokenSettingsEditor editor(TokenSettings::user());
    editor.setOfferedPolicies(policies());
    QSignalSpy changed(&editor, &TokenSettingsEditor::changed);
    field<QComboBox>(editor, "type")->setCurrentIndex(1);
    field<ui::DurationEdit>(editor, "ttl")->setValue(600);
    field<ui::DurationEdit>(editor, "maxTtl")->setValue(1200);
    field<ui::DurationEdit>(editor, "explicitMaxTtl")->setValue(1800);
    field<ui::DurationEdit>(editor, "period")->setValue(60);
    field<QSpinBox>(editor, "uses")->setValue(2);
    field<QCheckBox>(editor, "noDefaultPolicy")->setChecked(true);
    field<ui::PolicyChecklist>(editor, "policies")->setChecked({QStringLiteral("ebooks")});
    QCOMPARE(changed.size(), 8);

    const TokenSettings settings = editor.settings();
    QCOMPARE(settings.tokenType, RoleTokenType::DefaultBatch);
    QCOMPARE(settings.ttl, 600);
    QCOMPARE(settings.maxTtl, 1200);
    QCOMPARE(settings.explicitMaxTtl, 1800);
    QCOMPARE(settings.period, 60);
    QCOMPARE(settings.numUses, 2);
    QVERIFY(settings.noDefaultPolicy);
    QCOMPARE(settings.policies, QStringList{QStringLiteral("ebooks")});
}

void TestTokenSettingsEditor::userTypeShownAsItsKindIsKeptUntilChanged()
{
    // Written through the API as "batch": a sign-in's batch, shown as Batch.
    TokenSettingsEditor editor(TokenSettings::user());
    TokenSettings settings;
    settings.tokenType = RoleTokenType::Batch;
    editor.setSettings(settings);
    auto* type = field<QComboBox>(editor, "type");
    QCOMPARE(RoleTokenType(type->currentData().toInt()), RoleTokenType::DefaultBatch);
    QCOMPARE(editor.settings().tokenType, RoleTokenType::Batch);
    type->setCurrentIndex(0);
    QCOMPARE(editor.settings().tokenType, RoleTokenType::DefaultService);
}

void TestTokenSettingsEditor::durationThatIsNotOneIsTheProblem()
{
    TokenSettingsEditor editor(TokenSettings::role());
    QVERIFY(editor.textProblem().isEmpty());
    auto* period = field<ui::DurationEdit>(editor, "period");
    period->setValue(3600);
    auto* text = period->findChild<QLineEdit*>();
    text->clear();
    QTest::keyClicks(text, QStringLiteral("soon"));
    QVERIFY(!editor.textProblem().isEmpty());
    QCOMPARE(editor.textProblem(), period->textError());
}

QTEST_MAIN(TestTokenSettingsEditor)
#include "tst_tokensettingseditor.moc"
