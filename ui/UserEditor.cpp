#include "ui/UserEditor.h"

#include "engine/Policy.h"
#include "ui/DialogParts.h"
#include "ui/InlineMessage.h"
#include "ui/SecondFactorDialog.h"
#include "ui/Session.h"
#include "ui/TokenSettingsEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

using engine::SecondFactorRequired;
using engine::User;

UserEditor::UserEditor(engine::TokenEngine& engine, QWidget* parent)
    : NamedObjectEditor(tr("Users"), tr("&Users:"), parent)
    , m_engine(engine)
{
    setUp(buildForm());
    resize(900, 560);
}

QWidget* UserEditor::buildForm()
{
    auto* form = new QWidget(this);
    m_name = new QLineEdit(form);
    m_name->setPlaceholderText(tr("e.g. alice"));
    m_password = new QLineEdit(form);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(form);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_lockout = new QLabel(form);
    m_lockout->setWordWrap(true);
    m_secondFactors = new QLabel(form);
    m_secondFactors->setWordWrap(true);
    m_secondFactor = new QPushButton(tr("Second &Factor…"), form);
    m_secondFactor->setToolTip(
        tr("A code from an authenticator app or a security key after the password"));
    m_secondFactorRequired = new QComboBox(form);
    for (const SecondFactorRequired required :
         {SecondFactorRequired::None, SecondFactorRequired::Totp, SecondFactorRequired::WebAuthn,
          SecondFactorRequired::Either})
        m_secondFactorRequired->addItem(SecondFactorDialog::requirementName(required),
                                        QVariant::fromValue(int(required)));
    m_secondFactorRequired->setToolTip(
        tr("Which second factor signing in must pass after the password. None: whatever the "
           "account has set up, if anything."));
    m_keyUserVerification =
        new QCheckBox(tr("Security &keys must check a PIN or fingerprint"), form);
    m_keyUserVerification->setToolTip(
        tr("Refuse a security key that only sees a touch, when adding one and at every "
           "sign-in. Turn on only when the account's keys can check a PIN or fingerprint."));
    m_requirementWarning = new InlineMessage(form);
    m_settings = new TokenSettingsEditor(engine::TokenSettings::user(), form);
    auto names = m_engine.admin().policyNames(Session::caller());
    QStringList policies = names.ok() ? *names : QStringList{};
    policies.removeAll(engine::Policy::rootName()); // login tokens never get root
    m_settings->setOfferedPolicies(policies);

    auto* fields = new QFormLayout;
    const auto row = [&](const QString& label, QWidget* field) {
        auto* text = new QLabel(label, form);
        text->setBuddy(field);
        fields->addRow(text, field);
        field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    };
    row(tr("&Name:"), m_name);
    row(tr("&Password:"), m_password);
    row(tr("&Repeat password:"), m_repeat);
    fields->addRow(tr("Login state:"), m_lockout);
    auto* secondFactor = new QHBoxLayout;
    secondFactor->addWidget(m_secondFactors, 1);
    secondFactor->addWidget(m_secondFactor);
    fields->addRow(tr("Second factor:"), secondFactor);
    row(tr("Second factor re&quired:"), m_secondFactorRequired);
    fields->addRow(QString(), m_keyUserVerification);
    fields->addRow(QString(), m_requirementWarning);

    auto* layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields);
    layout->addWidget(m_settings, 1);

    const auto changed = [this] { formChanged(); };
    connect(m_name, &QLineEdit::textEdited, this, changed);
    connect(m_password, &QLineEdit::textEdited, this, changed);
    connect(m_repeat, &QLineEdit::textEdited, this, changed);
    connect(m_settings, &TokenSettingsEditor::changed, this, changed);
    connect(m_secondFactorRequired, &QComboBox::currentIndexChanged, this, changed);
    connect(m_keyUserVerification, &QCheckBox::toggled, this, changed);
    connect(m_secondFactorRequired, &QComboBox::currentIndexChanged, this,
            &UserEditor::showRequirementWarning);
    connect(m_name, &QLineEdit::textEdited, this, &UserEditor::showRequirementWarning);
    connect(m_secondFactor, &QPushButton::clicked, this, &UserEditor::openSecondFactorDialog);

    setTabOrder(m_name, m_password);
    setTabOrder(m_password, m_repeat);
    setTabOrder(m_repeat, m_settings->firstField());

    DialogParts::setObjectNames({{m_name, "name"},
                                 {m_password, "password"},
                                 {m_repeat, "repeat"},
                                 {m_lockout, "lockout"},
                                 {m_secondFactors, "secondFactors"},
                                 {m_secondFactor, "secondFactor"},
                                 {m_secondFactorRequired, "secondFactorRequired"},
                                 {m_keyUserVerification, "keyUserVerification"},
                                 {m_requirementWarning, "requirementWarning"}});
    return form;
}

Result<QStringList> UserEditor::names() const
{
    return m_engine.userpass().userNames(Session::caller());
}

void UserEditor::showObject(const QString& name)
{
    const auto loaded = loadOrNew<User>(name, [this](const QString& named) {
        return m_engine.userpass().user(Session::caller(), named);
    });
    if (!loaded)
        return;
    const User& user = *loaded;
    m_loaded = user;
    m_name->setText(user.name);
    m_name->setReadOnly(!name.isEmpty());
    m_password->clear();
    m_repeat->clear();
    m_password->setPlaceholderText(name.isEmpty() ? tr("required")
                                                  : tr("leave empty to keep the current one"));
    m_settings->setSettings(user.settings);
    m_secondFactorRequired->setCurrentIndex(
        m_secondFactorRequired->findData(int(user.secondFactorRequired)));
    m_keyUserVerification->setChecked(user.keyUserVerification);

    const qint64 now = m_engine.clock().nowSeconds();
    if (name.isEmpty())
        m_lockout->setText(tr("New account"));
    else if (user.lockedUntil > now)
        m_lockout->setText(
            tr("<b>Locked</b> until %1 (failed logins: %2). Setting a new password unlocks the "
               "account.")
                .arg(QLocale().toString(
                    QDateTime::fromSecsSinceEpoch(user.lockedUntil).toLocalTime(),
                    QLocale::ShortFormat))
                .arg(user.failedLogins));
    else if (user.failedLogins > 0)
        m_lockout->setText(
            tr("Can log in (failed logins since the last success: %1)").arg(user.failedLogins));
    else
        m_lockout->setText(tr("Can log in"));
    showSecondFactors(name);
}

void UserEditor::showSecondFactors(const QString& name)
{
    // Second factors are changed in the store at once, not saved with the
    // form: only an account that exists there has them.
    m_secondFactor->setEnabled(!name.isEmpty());
    m_factors = {};
    if (name.isEmpty()) {
        m_secondFactors->setText(tr("Can be set up once the account is saved"));
        showRequirementWarning();
        return;
    }
    const auto factors = m_engine.secondFactors().factors(Session::caller(), name);
    if (!factors) {
        m_secondFactors->setText(asSentence(translated(factors.error())));
        showRequirementWarning();
        return;
    }
    m_factors = *factors;
    const int keys = factors->securityKeys;
    switch (factors->totp) {
    case engine::SecondFactors::State::None:
        m_secondFactors->setText(keys == 0 ? tr("None set up")
                                           : tr("%n security key(s)", nullptr, keys));
        break;
    case engine::SecondFactors::State::Pending:
        m_secondFactors->setText(
            keys == 0 ? tr("Authenticator app set up, waiting for its first code")
                      : tr("%n security key(s); an authenticator app waits for its first code",
                           nullptr, keys));
        break;
    case engine::SecondFactors::State::Active:
        m_secondFactors->setText(
            keys == 0 ? tr("Authenticator app")
                      : tr("Authenticator app and %n security key(s)", nullptr, keys));
        break;
    }
    showRequirementWarning();
}

void UserEditor::showRequirementWarning()
{
    const auto required = SecondFactorRequired(m_secondFactorRequired->currentData().toInt());
    if (engine::SecondFactorRule::isMet(required, m_factors.enrolled())) {
        m_requirementWarning->clear();
        return;
    }
    const QString name = m_name->text().trimmed();
    m_requirementWarning->showMessage(InlineMessage::Kind::Warning,
                                      SecondFactorDialog::unmetRequirement(
                                          name.isEmpty() ? tr("the new account") : name, required));
}

void UserEditor::openSecondFactorDialog()
{
    const QString name = currentName();
    if (name.isEmpty())
        return;
    auto* dialog = new SecondFactorDialog(m_engine, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, name] {
        if (currentName() == name)
            showSecondFactors(name);
    });
    dialog->open();
}

User UserEditor::user() const
{
    User user = m_loaded;
    user.name = User::normalizedName(m_name->text().trimmed());
    user.settings = m_settings->settings();
    user.secondFactorRequired = SecondFactorRequired(m_secondFactorRequired->currentData().toInt());
    user.keyUserVerification = m_keyUserVerification->isChecked();
    return user;
}

QString UserEditor::formProblem() const
{
    if (const QString error = m_settings->textProblem(); !error.isEmpty())
        return error;
    const User current = user();
    if (current.name.isEmpty())
        return tr("Give the account a name.");
    const QString password = m_password->text();
    if (currentName().isEmpty() && password.isEmpty())
        return tr("Set a password for the new account.");
    if (!password.isEmpty()) {
        if (password != m_repeat->text())
            return tr("The two passwords differ.");
        if (const Status ok = User::checkPassword(password); !ok.ok())
            return asSentence(ok.error().message);
    }
    const Status valid = current.validate();
    return valid.ok() ? QString() : asSentence(valid.error().message);
}

Result<QString> UserEditor::saveObject()
{
    const User current = user();
    TESSERA_TRY(
        checkNameFree(current.name, tr("an account named “%1” exists already").arg(current.name)));
    const QString password = m_password->text();
    TESSERA_TRY(m_engine.userpass().putUser(Session::caller(), current,
                                            password.isEmpty() ? std::nullopt
                                                               : std::optional<QString>(password)));
    m_password->clear();
    m_repeat->clear();
    return current.name;
}

Status UserEditor::removeObject(const QString& name)
{
    return m_engine.userpass().deleteUser(Session::caller(), name);
}

} // namespace tessera::ui
