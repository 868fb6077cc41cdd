// The console's "Second Factor…" dialog on a temporary store: enrolling an
// authenticator app (the QR code holds exactly the otpauth:// URI, one valid
// code turns it on, a wrong one leaves it pending), turning it off, and that
// the secret leaves the widgets when the dialog closes. Codes come from
// oathtool at the engine's fake clock's time, from the secret as shown.
// Security keys, made by a software authenticator through the engine: listed
// by name, removed one at a time after a question, a key added meanwhile
// shown; and the warning when the account's requirement is not met.
#include "engine/SecondFactorService.h"
#include "engine/SecurityKeyService.h"
#include "engine/Totp.h"
#include "engine/User.h"
#include "items/SecurityKeyModel.h"
#include "reports/QrCode.h"
#include "support/Children.h"
#include "support/Oathtool.h"
#include "support/SoftAuthenticator.h"
#include "support/TempEngine.h"
#include "ui/InlineMessage.h"
#include "ui/QrCodeView.h"
#include "ui/SecondFactorDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTreeView>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using engine::SecondFactorRequired;
using engine::SecondFactors;
using test::child;
using test::TempEngine;
using ui::SecondFactorDialog;

namespace {

// Every text the dialog's labels and fields hold.
QStringList shownTexts(QWidget& dialog)
{
    QStringList texts;
    for (const QLabel* label : dialog.findChildren<QLabel*>())
        texts << label->text();
    for (const QLineEdit* field : dialog.findChildren<QLineEdit*>())
        texts << field->text();
    return texts;
}

const engine::RelyingParty kLibrary{u"library.example.org"_s, {u"https://library.example.org"_s}};

QStringList listedKeys(SecondFactorDialog& dialog)
{
    const QAbstractItemModel* model = child<QTreeView>(dialog, "keyList")->model();
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, items::SecurityKeyModel::NameColumn).data().toString();
    return names;
}

// Selects the listed key named `name`, as a click on its row does.
bool selectKey(SecondFactorDialog& dialog, const QString& name)
{
    auto* list = child<QTreeView>(dialog, "keyList");
    const int row = int(listedKeys(dialog).indexOf(name));
    if (row < 0)
        return false;
    list->selectionModel()->select(list->model()->index(row, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

bool showsAnywhere(QWidget& dialog, const QString& secret)
{
    const QString grouped = secret.left(4);
    const auto texts = shownTexts(dialog);
    return std::any_of(texts.begin(), texts.end(), [&](const QString& text) {
        return text.contains(secret) || text.contains(grouped);
    });
}

} // namespace

class TestSecondFactorDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void enrolmentShowsQrCodeOfTheOtpauthUrl();
    void rightCodeTurnsTotpOn();
    void wrongCodeKeepsItPending();
    void turningOffRemovesTheKey();
    void secretIsGoneAfterClosing();
    void securityKeysAreListedWithTheirNames();
    void removeTakesExactlyTheChosenKeyAfterConfirmation();
    void keyAddedMeanwhileShowsUp();
    void unmetRequirementIsAWarningUntilMet();
    void removingTheLastRequiredKeyWarnsOfTheLockout();

private:
    engine::TokenEngine& engine() { return m_temp->engine(); }
    SecondFactors::State aliceTotp()
    {
        return engine().secondFactors().factors(TempEngine::owner(), u"alice"_s).valueOr({}).totp;
    }
    // Clicks "Set Up an Authenticator App"; the secret as shown, without its spaces.
    static QString setUp(SecondFactorDialog& dialog);
    // oathtool's code for `secret`, `steps` time steps from the engine's now.
    QString codeAt(const QString& secret, int steps = 0)
    {
        return test::oathtoolCode(secret, m_temp->clock().nowSeconds() +
                                              steps * engine::Totp::kStepSeconds);
    }
    static void turnOn(SecondFactorDialog& dialog, const QString& code);
    // A security key of alice's named `label`, registered through the engine.
    bool addKey(const QString& label)
    {
        test::SoftAuthenticator key(crypto::SignatureAlgorithm::Es256, kLibrary.origins.first());
        return test::registerSoftKey(engine(), TempEngine::owner(), key, u"alice"_s, label,
                                     kLibrary)
            .ok();
    }
    QStringList aliceKeys()
    {
        QStringList names;
        for (const auto& key :
             engine().securityKeys().keys(TempEngine::owner(), u"alice"_s).valueOr({}))
            names << key.label;
        return names;
    }
    bool requireForAlice(SecondFactorRequired required)
    {
        auto alice = engine().userpass().user(TempEngine::owner(), u"alice"_s);
        if (!alice)
            return false;
        alice->secondFactorRequired = required;
        return engine().userpass().putUser(TempEngine::owner(), *alice).ok();
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestSecondFactorDialog::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    engine::User alice;
    alice.name = u"alice"_s;
    QVERIFY(engine().userpass().putUser(TempEngine::owner(), alice, u"correct horse"_s).ok());
}

void TestSecondFactorDialog::cleanup()
{
    m_temp.reset();
}

QString TestSecondFactorDialog::setUp(SecondFactorDialog& dialog)
{
    auto* setUpButton = child<QPushButton>(dialog, "setUp");
    if (!setUpButton->isVisible() || !setUpButton->isEnabled())
        return {};
    setUpButton->click();
    return child<QLabel>(dialog, "secret")->text().remove(u' ');
}

void TestSecondFactorDialog::turnOn(SecondFactorDialog& dialog, const QString& code)
{
    auto* field = child<QLineEdit>(dialog, "code");
    field->clear();
    QTest::keyClicks(field, code);
    child<QPushButton>(dialog, "turnOn")->click();
}

void TestSecondFactorDialog::enrolmentShowsQrCodeOfTheOtpauthUrl()
{
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    QVERIFY(dialog.totpState() == SecondFactors::State::None);
    QVERIFY(!child<QWidget>(dialog, "enrolment")->isVisible());
    QVERIFY(!child<ui::QrCodeView>(dialog, "qrCode")->code());

    const QString secret = setUp(dialog);
    QVERIFY(child<QWidget>(dialog, "enrolment")->isVisible());
    // 20 bytes are 32 Base32 characters, shown in eight blocks of four.
    auto* secretLabel = child<QLabel>(dialog, "secret");
    QVERIFY2(QRegularExpression(u"^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$"_s)
                 .match(secretLabel->text())
                 .hasMatch(),
             qPrintable(secretLabel->text()));
    QVERIFY(secretLabel->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));

    const QString url = u"otpauth://totp/Tessera:alice?secret=%1&issuer=Tessera"_s.arg(secret);
    const auto expected = reports::QrCode::encode(url.toUtf8());
    QVERIFY(expected);
    const auto& shown = child<ui::QrCodeView>(dialog, "qrCode")->code();
    QVERIFY(shown);
    QVERIFY(*shown == *expected);

    // Enrolled, not switched on: sign-in does not ask for a code yet.
    QVERIFY(aliceTotp() == SecondFactors::State::Pending);
    QVERIFY(dialog.totpState() == SecondFactors::State::Pending);
    QVERIFY(child<QLineEdit>(dialog, "code")->isVisible());
}

void TestSecondFactorDialog::rightCodeTurnsTotpOn()
{
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    const QString secret = setUp(dialog);
    QVERIFY(!secret.isEmpty());
    const QString code = codeAt(secret);
    if (code.isEmpty())
        QSKIP(test::kOathtoolMissing);
    auto* turnOnButton = child<QPushButton>(dialog, "turnOn");
    QTest::keyClicks(child<QLineEdit>(dialog, "code"), code.left(5));
    QVERIFY(!turnOnButton->isEnabled()); // six digits, not five

    turnOn(dialog, code);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(aliceTotp() == SecondFactors::State::Active);
    QVERIFY(dialog.totpState() == SecondFactors::State::Active);
    QVERIFY(child<ui::InlineMessage>(dialog, "message")->kind() == ui::InlineMessage::Kind::Info);
    // Switched on, the key is not shown any more; only Turn Off is offered.
    QVERIFY(!child<QWidget>(dialog, "enrolment")->isVisible());
    QVERIFY(!child<ui::QrCodeView>(dialog, "qrCode")->code());
    QVERIFY(!showsAnywhere(dialog, secret));
    QVERIFY(!child<QPushButton>(dialog, "setUp")->isVisible());
    QVERIFY(child<QPushButton>(dialog, "turnOff")->isVisible());
}

void TestSecondFactorDialog::wrongCodeKeepsItPending()
{
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    const QString secret = setUp(dialog);
    QVERIFY(!secret.isEmpty());
    // Not the code of any step the engine accepts now (one either side).
    const QStringList accepted{codeAt(secret, -1), codeAt(secret), codeAt(secret, 1)};
    if (accepted.contains(QString()))
        QSKIP(test::kOathtoolMissing);
    QString wrong = u"000000"_s;
    for (char digit = '1'; accepted.contains(wrong); ++digit)
        wrong.fill(QLatin1Char(digit));

    turnOn(dialog, wrong);
    auto* message = child<ui::InlineMessage>(dialog, "message");
    QVERIFY(message->isVisible());
    QVERIFY(message->kind() == ui::InlineMessage::Kind::Error);
    QVERIFY(!dialog.problem().isEmpty());
    QVERIFY(aliceTotp() == SecondFactors::State::Pending);
    QVERIFY(dialog.totpState() == SecondFactors::State::Pending);
    // The same key stays on screen for the app's right code.
    QVERIFY(child<ui::QrCodeView>(dialog, "qrCode")->code());
    QCOMPARE(child<QLabel>(dialog, "secret")->text().remove(u' '), secret);

    turnOn(dialog, codeAt(secret));
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(aliceTotp() == SecondFactors::State::Active);
}

void TestSecondFactorDialog::turningOffRemovesTheKey()
{
    QVERIFY(engine().secondFactors().enableTotp(TempEngine::owner(), u"alice"_s, true).ok());
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    QVERIFY(dialog.totpState() == SecondFactors::State::Active);
    // An active key is never replaced from here: a phone is not switched silently.
    QVERIFY(!child<QPushButton>(dialog, "setUp")->isVisible());
    auto* turnOffButton = child<QPushButton>(dialog, "turnOff");
    QVERIFY(turnOffButton->isVisible());

    // It asks first, and Cancel (the default) keeps the key.
    turnOffButton->click();
    auto* confirm = child<QMessageBox>(dialog, "confirmTurnOff");
    QVERIFY(confirm->isVisible());
    QTest::keyClick(confirm, Qt::Key_Escape);
    QVERIFY(!confirm->isVisible());
    QVERIFY(aliceTotp() == SecondFactors::State::Active);

    turnOffButton->click();
    QVERIFY(confirm->isVisible());
    child<QPushButton>(*confirm, "turnOffConfirmed")->click();
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(aliceTotp() == SecondFactors::State::None);
    QVERIFY(dialog.totpState() == SecondFactors::State::None);
    QVERIFY(child<QPushButton>(dialog, "setUp")->isVisible());
    QVERIFY(!turnOffButton->isVisible());
}

void TestSecondFactorDialog::secretIsGoneAfterClosing()
{
    QString secret;
    {
        SecondFactorDialog dialog(engine(), u"alice"_s);
        dialog.show();
        secret = setUp(dialog);
        QVERIFY(!secret.isEmpty());
        QVERIFY(showsAnywhere(dialog, secret));

        dialog.reject();
        QVERIFY(!showsAnywhere(dialog, secret));
        QVERIFY(child<QLabel>(dialog, "secret")->text().isEmpty());
        QVERIFY(!child<ui::QrCodeView>(dialog, "qrCode")->code());
    }
    // Closed while pending, the key stays pending (see SecondFactorDialog::done),
    // and opening the dialog again does not show it.
    QVERIFY(aliceTotp() == SecondFactors::State::Pending);
    SecondFactorDialog again(engine(), u"alice"_s);
    again.show();
    QVERIFY(again.totpState() == SecondFactors::State::Pending);
    QVERIFY(!child<QWidget>(again, "enrolment")->isVisible());
    QVERIFY(!child<ui::QrCodeView>(again, "qrCode")->code());
    QVERIFY(!showsAnywhere(again, secret));
    // A phone that scanned it can still turn it on with its code.
    QVERIFY(child<QLineEdit>(again, "code")->isVisible());
    const QString code = codeAt(secret);
    if (code.isEmpty())
        QSKIP(test::kOathtoolMissing);
    turnOn(again, code);
    QVERIFY2(again.problem().isEmpty(), qPrintable(again.problem()));
    QVERIFY(aliceTotp() == SecondFactors::State::Active);
}

void TestSecondFactorDialog::securityKeysAreListedWithTheirNames()
{
    {
        SecondFactorDialog dialog(engine(), u"alice"_s);
        dialog.show();
        QVERIFY(listedKeys(dialog).isEmpty());
        QVERIFY(!child<QPushButton>(dialog, "removeKey")->isEnabled());
    }
    QVERIFY(addKey(u"Blue key"_s));
    QVERIFY(addKey(u"Spare in the drawer"_s));
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    QCOMPARE(listedKeys(dialog), (QStringList{u"Blue key"_s, u"Spare in the drawer"_s}));
    const QAbstractItemModel* model = child<QTreeView>(dialog, "keyList")->model();
    QCOMPARE(model->index(0, items::SecurityKeyModel::LastUsedColumn).data().toString(),
             u"never"_s);
    QCOMPARE(model->index(0, items::SecurityKeyModel::AlgorithmColumn).data().toString(),
             u"ES256"_s);
    QVERIFY(child<QLabel>(dialog, "keysState")->text().contains(u"2 key"_s));
    // How a patron adds one, since the console cannot.
    const auto texts = shownTexts(dialog);
    QVERIFY(std::any_of(texts.begin(), texts.end(),
                        [](const QString& text) { return text.contains(u"/gate/keys"_s); }));
}

void TestSecondFactorDialog::removeTakesExactlyTheChosenKeyAfterConfirmation()
{
    for (const QString& label : {u"Blue key"_s, u"Spare"_s, u"Phone"_s})
        QVERIFY(addKey(label));
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    auto* remove = child<QPushButton>(dialog, "removeKey");
    QVERIFY(selectKey(dialog, u"Spare"_s));
    QVERIFY(remove->isEnabled());

    // It asks first, and Cancel (the default) keeps every key.
    remove->click();
    auto* confirm = child<QMessageBox>(dialog, "confirmRemoveKey");
    QVERIFY(confirm->isVisible());
    QVERIFY(confirm->text().contains(u"“Spare”"_s));
    QTest::keyClick(confirm, Qt::Key_Escape);
    QVERIFY(!confirm->isVisible());
    QCOMPARE(aliceKeys(), (QStringList{u"Blue key"_s, u"Spare"_s, u"Phone"_s}));
    QCOMPARE(listedKeys(dialog), aliceKeys());

    remove->click();
    QVERIFY(confirm->isVisible());
    child<QPushButton>(*confirm, "removeKeyConfirmed")->click();
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QCOMPARE(aliceKeys(), (QStringList{u"Blue key"_s, u"Phone"_s}));
    QCOMPARE(listedKeys(dialog), aliceKeys());
    QVERIFY(child<ui::InlineMessage>(dialog, "message")->kind() == ui::InlineMessage::Kind::Info);
}

void TestSecondFactorDialog::keyAddedMeanwhileShowsUp()
{
    QVERIFY(addKey(u"Blue key"_s));
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    QVERIFY(selectKey(dialog, u"Blue key"_s));
    // The engine's usersChanged (which the console's StoreWatcher raises for
    // the gate in another process too) refreshes the list.
    QVERIFY(addKey(u"Added on the gate"_s));
    QTRY_COMPARE(listedKeys(dialog), (QStringList{u"Blue key"_s, u"Added on the gate"_s}));
    // The selection stays on the key it was on.
    const auto selected = child<QTreeView>(dialog, "keyList")->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().row(), 0);
}

void TestSecondFactorDialog::unmetRequirementIsAWarningUntilMet()
{
    QVERIFY(requireForAlice(SecondFactorRequired::WebAuthn));
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    auto* requirement = child<ui::InlineMessage>(dialog, "requirement");
    QVERIFY(requirement->isVisible());
    QVERIFY(requirement->kind() == ui::InlineMessage::Kind::Warning);
    QVERIFY2(
        requirement->text().contains(u"alice cannot sign in, not even to add a security key"_s),
        qPrintable(requirement->text()));
    QVERIFY(addKey(u"Blue key"_s));
    QTRY_VERIFY(requirement->kind() == ui::InlineMessage::Kind::Info);
    QVERIFY(requirement->text().contains(u"Security key"_s));
}

void TestSecondFactorDialog::removingTheLastRequiredKeyWarnsOfTheLockout()
{
    QVERIFY(addKey(u"Blue key"_s));
    QVERIFY(addKey(u"Spare"_s));
    QVERIFY(requireForAlice(SecondFactorRequired::WebAuthn));
    SecondFactorDialog dialog(engine(), u"alice"_s);
    dialog.show();
    const QString lockout = u"cannot sign in at all"_s;
    QVERIFY(selectKey(dialog, u"Spare"_s));
    child<QPushButton>(dialog, "removeKey")->click();
    auto* confirm = child<QMessageBox>(dialog, "confirmRemoveKey");
    QVERIFY(!confirm->text().contains(lockout)); // Blue key remains
    child<QPushButton>(*confirm, "removeKeyConfirmed")->click();
    QCOMPARE(aliceKeys(), QStringList{u"Blue key"_s});

    QVERIFY(selectKey(dialog, u"Blue key"_s));
    child<QPushButton>(dialog, "removeKey")->click();
    QVERIFY2(confirm->text().contains(lockout), qPrintable(confirm->text()));
    QTest::keyClick(confirm, Qt::Key_Escape);
    QCOMPARE(aliceKeys(), QStringList{u"Blue key"_s});
}

QTEST_MAIN(TestSecondFactorDialog)
#include "tst_secondfactordialog.moc"
