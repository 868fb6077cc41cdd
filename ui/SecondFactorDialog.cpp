#include "ui/SecondFactorDialog.h"

#include "engine/Totp.h"
#include "ui/DialogParts.h"
#include "ui/InlineMessage.h"
#include "ui/QrCodeView.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace tessera::ui {

using State = engine::SecondFactors::State;

namespace {

// "JBSW Y3DP EHPK 3PXP …": the way authenticator apps' "enter a key" fields
// accept it, spaces and all.
QString inBlocksOfFour(const QString& secret)
{
    QStringList blocks;
    for (qsizetype i = 0; i < secret.size(); i += 4)
        blocks << secret.mid(i, 4);
    return blocks.join(u' ');
}

} // namespace

SecondFactorDialog::SecondFactorDialog(engine::TokenEngine& engine, const QString& user,
                                       QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_user(user)
{
    setWindowTitle(tr("Second Factor: %1").arg(user));
    auto* intro = new QLabel(
        tr("What signing in as <b>%1</b> asks for after the password.").arg(user.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("message"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // One group box per kind of second factor; security keys come next, under
    // the authenticator app.
    auto* sections = new QVBoxLayout;
    sections->addWidget(buildTotpSection());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(sections);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    reload();
}

SecondFactorDialog::~SecondFactorDialog()
{
    forgetEnrolment();
}

QGroupBox* SecondFactorDialog::buildTotpSection()
{
    auto* section = new QGroupBox(tr("Authenticator app (TOTP)"), this);
    m_totpState = new QLabel(section);
    m_totpState->setWordWrap(true);

    m_enrolment = new QWidget(section);
    m_qrCode = new QrCodeView(m_enrolment);
    m_qrCode->setAccessibleName(tr("QR code of the key"));
    auto* scan = new QLabel(tr("Scan this QR code with the authenticator app on the phone "
                               "(FreeOTP, Aegis, Google Authenticator…), or add the key by "
                               "hand as a time-based account:"),
                            m_enrolment);
    scan->setWordWrap(true);
    m_secret = new QLabel(m_enrolment);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_secret->setAccessibleName(tr("Key"));
    auto* once =
        new QLabel(tr("The key is shown only now. Then type the code the app shows."), m_enrolment);
    once->setWordWrap(true);
    auto* steps = new QVBoxLayout;
    steps->addWidget(scan);
    steps->addWidget(m_secret);
    steps->addWidget(once);
    steps->addStretch(1);
    auto* enrolment = new QHBoxLayout(m_enrolment);
    enrolment->setContentsMargins(0, 0, 0, 0);
    enrolment->addWidget(m_qrCode, 0, Qt::AlignTop);
    enrolment->addLayout(steps, 1);

    m_codeRow = new QWidget(section);
    m_code = new QLineEdit(m_codeRow);
    m_code->setMaxLength(engine::Totp::kDigits);
    m_code->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,%1}").arg(engine::Totp::kDigits)), m_code));
    m_code->setPlaceholderText(QStringLiteral("123456"));
    m_code->setAccessibleName(tr("Code from the app"));
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_code->setMaximumWidth(m_code->fontMetrics().horizontalAdvance(u'0') * 12);
    auto* codeLabel = new QLabel(tr("&Code from the app:"), m_codeRow);
    codeLabel->setBuddy(m_code);
    m_turnOn = new QPushButton(tr("Turn &On"), m_codeRow);
    m_turnOn->setDefault(true);
    auto* codeRow = new QHBoxLayout(m_codeRow);
    codeRow->setContentsMargins(0, 0, 0, 0);
    codeRow->addWidget(codeLabel);
    codeRow->addWidget(m_code);
    codeRow->addWidget(m_turnOn);
    codeRow->addStretch(1);

    m_setUp = new QPushButton(section);
    m_turnOff = new QPushButton(tr("Turn O&ff…"), section);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_setUp);
    actions->addWidget(m_turnOff);
    actions->addStretch(1);

    auto* layout = new QVBoxLayout(section);
    layout->addWidget(m_totpState);
    layout->addWidget(m_enrolment);
    layout->addWidget(m_codeRow);
    layout->addLayout(actions);

    connect(m_code, &QLineEdit::textChanged, this, [this](const QString& code) {
        m_turnOn->setEnabled(engine::Totp::isWellFormed(code));
    });
    connect(m_turnOn, &QPushButton::clicked, this, &SecondFactorDialog::turnOn);
    connect(m_setUp, &QPushButton::clicked, this, &SecondFactorDialog::setUpAuthenticator);
    connect(m_turnOff, &QPushButton::clicked, this, &SecondFactorDialog::confirmTurnOff);

    DialogParts::setObjectNames({{section, "totp"},
                                 {m_totpState, "totpState"},
                                 {m_enrolment, "enrolment"},
                                 {m_qrCode, "qrCode"},
                                 {m_secret, "secret"},
                                 {m_code, "code"},
                                 {m_turnOn, "turnOn"},
                                 {m_setUp, "setUp"},
                                 {m_turnOff, "turnOff"}});
    m_enrolment->hide();
    return section;
}

void SecondFactorDialog::reload()
{
    auto factors = m_engine.secondFactors().factors(Session::caller(), m_user);
    m_readable = factors.ok();
    if (!factors) {
        showError(
            tr("Cannot read the second factors: %1").arg(asSentence(translated(factors.error()))));
        forgetEnrolment();
    } else {
        m_totp = factors->totp;
    }
    showTotpState();
}

void SecondFactorDialog::showTotpState()
{
    const bool enrolling = !m_enrolment->isHidden();
    switch (m_totp) {
    case State::None:
        m_totpState->setText(tr("<b>Off.</b> The password alone signs in."));
        break;
    case State::Pending:
        m_totpState->setText(
            enrolling ? tr("<b>Waiting for the first code.</b> Sign-in does not ask for a code "
                           "until one from the app turns it on.")
                      : tr("<b>Waiting for the first code.</b> Sign-in does not ask for a code "
                           "yet. If the app has the key already, type the code it shows; if "
                           "not, set it up again."));
        break;
    case State::Active:
        m_totpState->setText(tr("<b>On.</b> Signing in asks for a code from the authenticator "
                                "app after the password."));
        break;
    }
    m_setUp->setText(m_totp == State::Pending ? tr("Set Up &Again")
                                              : tr("&Set Up an Authenticator App"));
    m_setUp->setVisible(m_totp != State::Active);
    m_turnOff->setVisible(m_totp != State::None);
    m_codeRow->setVisible(m_totp == State::Pending);
    m_turnOn->setEnabled(engine::Totp::isWellFormed(m_code->text()));
    for (QWidget* action : std::initializer_list<QWidget*>{m_setUp, m_turnOff, m_codeRow})
        action->setEnabled(m_readable);
}

void SecondFactorDialog::setUpAuthenticator()
{
    auto enrolled = m_engine.secondFactors().enableTotp(Session::caller(), m_user, false);
    if (!enrolled) {
        showError(tr("Not set up: %1").arg(asSentence(translated(enrolled.error()))));
        reload();
        return;
    }
    m_message->clear();
    m_problemText.clear();
    if (!m_qrCode->setData(enrolled->otpauthUrl.toUtf8()))
        showError(tr("The QR code could not be made; add the key by hand."));
    m_secret->setText(inBlocksOfFour(enrolled->secret));
    m_enrolment->show();
    m_code->clear();
    reload();
    m_code->setFocus();
}

void SecondFactorDialog::turnOn()
{
    const QString code = m_code->text();
    if (!engine::Totp::isWellFormed(code))
        return;
    m_code->clear();
    const Status confirmed = m_engine.secondFactors().confirmTotp(Session::caller(), m_user, code);
    if (!confirmed) {
        // Still pending: the same key takes the app's next code.
        showError(tr("Not turned on: %1").arg(asSentence(translated(confirmed.error()))));
        reload();
        m_code->setFocus();
        return;
    }
    forgetEnrolment();
    reload();
    showInfo(tr("Turned on: from the next sign-in, %1 needs a code from the app.").arg(m_user));
}

void SecondFactorDialog::confirmTurnOff()
{
    if (!m_confirmTurnOff)
        m_confirmTurnOff = DialogParts::confirmation(
            this, tr("Turn Off the Authenticator App?"), tr("Turn &Off"),
            {"confirmTurnOff", "turnOffConfirmed"}, [this] { turnOff(); });
    m_confirmTurnOff->setText(
        m_totp == State::Active
            ? tr("%1 will sign in with the password alone. Using an app again takes a new "
                 "set-up with a new key.")
                  .arg(m_user)
            : tr("The key waiting for its first code is removed; an app that has it will show "
                 "codes that no longer work."));
    m_confirmTurnOff->open();
}

void SecondFactorDialog::turnOff()
{
    const Status removed = m_engine.secondFactors().disableTotp(Session::caller(), m_user);
    forgetEnrolment();
    reload();
    if (!removed)
        showError(tr("Not turned off: %1").arg(asSentence(translated(removed.error()))));
    else
        showInfo(tr("Turned off: %1 signs in with the password alone.").arg(m_user));
}

void SecondFactorDialog::done(int result)
{
    // A key still waiting for its first code stays pending rather than being
    // removed here: sign-in does not ask for it, so it locks nobody out, and a
    // phone that scanned it already can still turn it on with its code when
    // this dialog is opened again (without the secret, which is not shown
    // again). Set Up Again replaces it, Turn Off removes it, and the user
    // editor shows it as waiting, so it is not forgotten.
    forgetEnrolment();
    showTotpState();
    QDialog::done(result);
}

void SecondFactorDialog::showError(const QString& text)
{
    m_problemText = text;
    m_message->showMessage(InlineMessage::Kind::Error, text);
}

void SecondFactorDialog::showInfo(const QString& text)
{
    m_problemText.clear();
    m_message->showMessage(InlineMessage::Kind::Info, text);
}

void SecondFactorDialog::forgetEnrolment()
{
    m_secret->clear();
    m_qrCode->clear();
    m_code->clear();
    m_enrolment->hide();
}

} // namespace tessera::ui
