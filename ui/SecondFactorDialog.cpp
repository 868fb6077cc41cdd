#include "ui/SecondFactorDialog.h"

#include "engine/Totp.h"
#include "items/SecurityKeyModel.h"
#include "ui/DialogParts.h"
#include "ui/InlineMessage.h"
#include "ui/QrCodeView.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace tessera::ui {

using engine::SecondFactorRequired;
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
    m_requirement = new InlineMessage(this);
    m_requirement->setObjectName(QStringLiteral("requirement"));
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("message"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // One group box per kind of second factor.
    auto* sections = new QVBoxLayout;
    sections->addWidget(buildTotpSection());
    sections->addWidget(buildKeysSection(), 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_requirement);
    layout->addLayout(sections, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    // Changes of this process, and of others once the StoreWatcher notices them.
    connect(&m_engine, &engine::EngineEvents::usersChanged, this, &SecondFactorDialog::reload);
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

QGroupBox* SecondFactorDialog::buildKeysSection()
{
    auto* section = new QGroupBox(tr("Security keys (WebAuthn)"), this);
    m_keysState = new QLabel(section);
    m_keysState->setWordWrap(true);

    m_keyModel = new items::SecurityKeyModel(this);
    m_keys = new QTreeView(section);
    m_keys->setModel(m_keyModel);
    m_keys->setRootIsDecorated(false);
    m_keys->setUniformRowHeights(true);
    m_keys->setAllColumnsShowFocus(true);
    m_keys->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keys->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keys->setAccessibleName(tr("Security keys"));
    m_keys->header()->setStretchLastSection(false);
    m_keys->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_keys->header()->setSectionResizeMode(items::SecurityKeyModel::NameColumn,
                                           QHeaderView::Stretch);
    m_keys->setMinimumHeight(m_keys->fontMetrics().height() * 7);

    // Registering needs the browser the key is plugged into, so the console
    // does not add keys; it tells how their owners do.
    auto* howToAdd = new QLabel(
        tr("Keys are added by their owner in a browser: after signing in on the gate, the page "
           "<b>/gate/keys</b> adds one (the server needs <tt>serve --gate-origin</tt>). Each "
           "key has the name its owner gave it."),
        section);
    howToAdd->setWordWrap(true);

    m_removeKey = new QPushButton(tr("&Remove…"), section);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_removeKey);
    actions->addStretch(1);

    auto* layout = new QVBoxLayout(section);
    layout->addWidget(m_keysState);
    layout->addWidget(m_keys, 1);
    layout->addWidget(howToAdd);
    layout->addLayout(actions);

    connect(m_keys->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SecondFactorDialog::showKeysState);
    connect(m_removeKey, &QPushButton::clicked, this, &SecondFactorDialog::confirmRemoveKey);
    DialogParts::setObjectNames({{section, "keys"},
                                 {m_keysState, "keysState"},
                                 {m_keys, "keyList"},
                                 {m_removeKey, "removeKey"}});
    return section;
}

void SecondFactorDialog::reload()
{
    auto factors = m_engine.secondFactors().factors(Session::caller(), m_user);
    auto keys = factors ? m_engine.securityKeys().keys(Session::caller(), m_user)
                        : Result<QList<engine::SecurityKey>>(factors.error());
    m_readable = factors.ok() && keys.ok();
    if (!m_readable) {
        const Error& error = factors ? keys.error() : factors.error();
        showError(tr("Cannot read the second factors: %1").arg(asSentence(translated(error))));
        forgetEnrolment();
    } else {
        m_factors = *factors;
        m_keyModel->setKeys(*keys);
    }
    showRequirement();
    showTotpState();
    showKeysState();
}

void SecondFactorDialog::showRequirement()
{
    const SecondFactorRequired required = m_factors.requirement;
    if (!m_readable || required == SecondFactorRequired::None)
        m_requirement->clear();
    else if (!m_factors.requirementMet())
        m_requirement->showMessage(InlineMessage::Kind::Warning,
                                   unmetRequirement(m_user, required));
    else
        m_requirement->showMessage(
            InlineMessage::Kind::Info,
            tr("The account's settings require: %1.").arg(requirementName(required)));
}

void SecondFactorDialog::showTotpState()
{
    const bool enrolling = !m_enrolment->isHidden();
    const QStringList offered = m_factors.required();
    switch (m_factors.totp) {
    case State::None:
        m_totpState->setText(offered.isEmpty() && m_factors.requirementMet()
                                 ? tr("<b>Off.</b> The password alone signs in.")
                                 : tr("<b>Off.</b>"));
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
        m_totpState->setText(
            offered.contains(QStringLiteral("totp"))
                ? tr("<b>On.</b> Signing in asks for a code from the authenticator app after the "
                     "password.")
                : tr("<b>On</b>, but not asked for: the account's settings require a security "
                     "key."));
        break;
    }
    m_setUp->setText(m_factors.totp == State::Pending ? tr("Set Up &Again")
                                                      : tr("&Set Up an Authenticator App"));
    m_setUp->setVisible(m_factors.totp != State::Active);
    m_turnOff->setVisible(m_factors.totp != State::None);
    m_codeRow->setVisible(m_factors.totp == State::Pending);
    m_turnOn->setEnabled(engine::Totp::isWellFormed(m_code->text()));
    for (QWidget* action : std::initializer_list<QWidget*>{m_setUp, m_turnOff, m_codeRow})
        action->setEnabled(m_readable);
}

void SecondFactorDialog::showKeysState()
{
    const int count = m_keyModel->rowCount();
    if (count == 0)
        m_keysState->setText(tr("<b>None.</b>"));
    else if (m_factors.required().contains(QStringLiteral("webauthn")))
        m_keysState->setText(tr("<b>%n key(s).</b> Signing in accepts any one of them after the "
                                "password.",
                                nullptr, count));
    else
        m_keysState->setText(tr("<b>%n key(s)</b>, not asked for: the account's settings "
                                "require a code from the authenticator app.",
                                nullptr, count));
    m_keys->setEnabled(m_readable);
    m_removeKey->setEnabled(m_readable && m_keys->selectionModel()->hasSelection());
}

void SecondFactorDialog::confirmRemoveKey()
{
    const QModelIndexList rows = m_keys->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const engine::SecurityKey key = m_keyModel->key(rows.constFirst().row());
    m_removingId = key.id();
    m_removingName = key.label;
    if (!m_confirmRemoveKey)
        m_confirmRemoveKey = DialogParts::confirmation(
            this, tr("Remove the Security Key?"), tr("&Remove"),
            {"confirmRemoveKey", "removeKeyConfirmed"}, [this] { removeKey(); });
    engine::SecondFactors after = m_factors;
    after.securityKeys = std::max(0, after.securityKeys - 1);
    m_confirmRemoveKey->setText(
        tr("“%1” will no longer sign in as %2. Using it again takes adding it again on the gate.")
            .arg(m_removingName, m_user) +
        lockoutWarning(after));
    m_confirmRemoveKey->open();
}

void SecondFactorDialog::removeKey()
{
    const Status removed =
        m_engine.securityKeys().removeKey(Session::caller(), m_user, m_removingId);
    reload();
    if (!removed)
        showError(tr("Not removed: %1").arg(asSentence(translated(removed.error()))));
    else
        showInfo(tr("Removed “%1”.").arg(m_removingName));
}

QString SecondFactorDialog::lockoutWarning(const engine::SecondFactors& after) const
{
    if (after.requirementMet() || !m_factors.requirementMet())
        return {};
    return u' ' + tr("Then %1 cannot sign in at all: the account's settings require what this "
                     "removes.")
                      .arg(m_user);
}

QString SecondFactorDialog::requirementName(SecondFactorRequired required)
{
    switch (required) {
    case SecondFactorRequired::None:
        break;
    case SecondFactorRequired::Totp:
        return tr("Authenticator app");
    case SecondFactorRequired::WebAuthn:
        return tr("Security key");
    case SecondFactorRequired::Either:
        return tr("Either");
    }
    return tr("None");
}

QString SecondFactorDialog::unmetRequirement(const QString& user, SecondFactorRequired required)
{
    switch (required) {
    case SecondFactorRequired::None:
        break;
    case SecondFactorRequired::Totp:
        return tr("With this requirement %1 cannot sign in: no authenticator app is turned on "
                  "yet. Turn one on first (Second Factor…).")
            .arg(user);
    case SecondFactorRequired::WebAuthn:
        return tr("With this requirement %1 cannot sign in, not even to add a security key: %1 "
                  "has none yet. Set it after %1 has added one on the gate's page /gate/keys.")
            .arg(user);
    case SecondFactorRequired::Either:
        return tr("With this requirement %1 cannot sign in: %1 has neither an authenticator app "
                  "nor a security key yet. Set it after one of them is set up.")
            .arg(user);
    }
    return {};
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
    engine::SecondFactors after = m_factors;
    after.totp = State::None;
    m_confirmTurnOff->setText(
        (m_factors.totp == State::Active
             ? (after.required().isEmpty()
                    ? tr("%1 will sign in with the password alone. Using an app again takes a "
                         "new set-up with a new key.")
                    : tr("%1 will no longer be asked for a code. Using an app again takes a new "
                         "set-up with a new key."))
                   .arg(m_user)
             : tr("The key waiting for its first code is removed; an app that has it will show "
                  "codes that no longer work.")) +
        lockoutWarning(after));
    m_confirmTurnOff->open();
}

void SecondFactorDialog::turnOff()
{
    const Status removed = m_engine.secondFactors().disableTotp(Session::caller(), m_user);
    forgetEnrolment();
    reload();
    if (!removed)
        showError(tr("Not turned off: %1").arg(asSentence(translated(removed.error()))));
    else if (m_factors.required().isEmpty() && m_factors.requirementMet())
        showInfo(tr("Turned off: %1 signs in with the password alone.").arg(m_user));
    else
        showInfo(tr("Turned off: %1 is no longer asked for a code.").arg(m_user));
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
