#include "ui/PreferencesDialog.h"

#include "engine/AuditRetention.h"
#include "engine/ExpiryWarningService.h"
#include "ui/Preferences.h"
#include "ui/ServerControl.h"
#include "ui/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tessera::ui {

PreferencesDialog::PreferencesDialog(Session& session, ServerControl* server, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_server(server)
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto* tabs = new QTabWidget(this);
    tabs->addTab(createGeneralPage(), tr("&General"));
    if (m_server)
        tabs->addTab(createApiPage(), tr("&API Server"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
}

PreferencesDialog::~PreferencesDialog() = default;

QWidget* PreferencesDialog::createGeneralPage()
{
    const Preferences current = Preferences::load();
    auto* page = new QWidget(this);

    m_autoLock = new QSpinBox(page);
    m_autoLock->setRange(0, 24 * 60);
    m_autoLock->setSuffix(tr(" min"));
    m_autoLock->setSpecialValueText(tr("Never"));
    m_autoLock->setValue(current.autoLockMinutes);
    m_autoLock->setAccessibleName(tr("Lock after idle minutes"));
    m_autoLock->setObjectName(QStringLiteral("autoLock"));

    m_language = new QComboBox(page);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    // Language names in their own language, as every desktop shows them.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(current.language)));
    m_languageNote = new QLabel(tr("A new language applies the next time Tessera starts."), page);
    m_languageNote->setWordWrap(true);
    m_languageNote->setEnabled(false);

    m_auditRetention = new QSpinBox(page);
    m_auditRetention->setRange(0, engine::AuditRetention::kMaxDays);
    m_auditRetention->setSuffix(tr(" days"));
    m_auditRetention->setSpecialValueText(tr("Never"));
    m_auditRetention->setValue(current.auditRetentionDays);
    m_auditRetention->setAccessibleName(
        tr("Remove personal details from audit records older than N days"));
    m_auditRetention->setObjectName(QStringLiteral("auditRetention"));
    m_auditRetention->setToolTip(
        tr("Patron names and ids, card numbers, user names, paths and client addresses are "
           "removed; the records themselves stay, are still counted and still verify."));

    m_libraryName = new QLineEdit(current.libraryName, page);
    m_libraryName->setPlaceholderText(tr("Library"));
    m_libraryName->setAccessibleName(tr("Library name printed on passes"));
    m_libraryName->setObjectName(QStringLiteral("libraryName"));

    m_expiryWarningDays = new QSpinBox(page);
    m_expiryWarningDays->setRange(1, engine::ExpiryWarningService::kMaxDays);
    m_expiryWarningDays->setSuffix(tr(" days"));
    m_expiryWarningDays->setValue(current.expiryWarningDays);
    m_expiryWarningDays->setAccessibleName(tr("Warn before tokens expire, in days"));
    m_expiryWarningDays->setObjectName(QStringLiteral("expiryWarningDays"));
    m_expiryWarningDays->setToolTip(
        tr("Staff tokens and tokens marked \"Warn before expiry\" that expire this soon are "
           "announced and listed under Token › Expiring Soon."));

    auto* form = new QFormLayout(page);
    form->addRow(tr("&Lock after idle:"), m_autoLock);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);
    form->addRow(tr("&Remove personal details from audit records older than:"), m_auditRetention);
    form->addRow(tr("Library &name on passes:"), m_libraryName);
    form->addRow(tr("&Warn before tokens expire:"), m_expiryWarningDays);
    return page;
}

QLineEdit* PreferencesDialog::pemField(const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(tr("PEM file; leave empty for plain HTTP"));
    return edit;
}

QWidget* PreferencesDialog::createApiPage()
{
    const Preferences current = Preferences::load();
    auto* page = new QWidget(this);

    m_apiAtLaunch = new QCheckBox(tr("Start the API server when the store is unlocked"), page);
    m_apiAtLaunch->setChecked(current.apiStartAtLaunch);
    m_apiAddress = new QLineEdit(current.apiAddress, page);
    m_apiAddress->setAccessibleName(tr("Listen address"));
    m_apiPort = new QSpinBox(page);
    m_apiPort->setRange(1, 65535);
    m_apiPort->setValue(current.apiPort);
    m_apiPort->setAccessibleName(tr("Port"));
    m_apiCertificate = pemField(tr("TLS certificate file"), page);
    m_apiCertificate->setText(current.apiTlsCertificate);
    m_apiKey = pemField(tr("TLS private key file"), page);
    m_apiKey->setText(current.apiTlsKey);
    m_gateHosts = new QLineEdit(current.gateAllowedHosts.join(QStringLiteral(", ")), page);
    m_gateHosts->setPlaceholderText(tr("journal.example.org, catalogue.example.org"));
    m_gateHosts->setAccessibleName(tr("Sites patrons return to after signing in"));
    m_gateHosts->setToolTip(
        tr("After signing in, patrons are sent back only to these sites (and to pages of "
           "this server). Separate them with commas."));
    m_gateSecure = new QCheckBox(tr("Sign-in cookies only over HTTPS (behind a TLS proxy)"), page);
    m_gateSecure->setChecked(current.gateSecureCookies);
    m_apiState = new QLabel(page);
    m_apiState->setWordWrap(true);
    m_apiState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apiToggle = new QPushButton(page);
    m_apiToggle->setAutoDefault(false); // Enter accepts the dialog, it never stops the server

    auto fileRow = [this, page](QLineEdit* edit, const QString& title) {
        auto* browse = new QPushButton(tr("Browse…"), page);
        browse->setAutoDefault(false); // Enter accepts the dialog, whatever has the focus
        browse->setAccessibleName(tr("Browse for %1").arg(edit->accessibleName()));
        connect(browse, &QPushButton::clicked, this, [this, edit, title] {
            const QString path = QFileDialog::getOpenFileName(
                this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
            if (!path.isEmpty())
                edit->setText(path);
        });
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        return row;
    };

    auto* form = new QFormLayout(page);
    form->addRow(tr("Add&ress:"), m_apiAddress);
    form->addRow(tr("&Port:"), m_apiPort);
    // A row of a layout gets no buddy from addRow(): without one "&" shows as is.
    auto* certificateLabel = new QLabel(tr("TLS &certificate:"), page);
    certificateLabel->setBuddy(m_apiCertificate);
    auto* keyLabel = new QLabel(tr("TLS &key:"), page);
    keyLabel->setBuddy(m_apiKey);
    form->addRow(certificateLabel, fileRow(m_apiCertificate, tr("TLS Certificate")));
    form->addRow(keyLabel, fileRow(m_apiKey, tr("TLS Private Key")));
    form->addRow(QString(), m_apiAtLaunch);
    form->addRow(tr("Si&gn-in returns to:"), m_gateHosts);
    form->addRow(QString(), m_gateSecure);
    auto* stateRow = new QHBoxLayout;
    stateRow->addWidget(m_apiState, 1);
    stateRow->addWidget(m_apiToggle);
    form->addRow(tr("State:"), stateRow);

    connect(m_apiToggle, &QPushButton::clicked, this, &PreferencesDialog::toggleServer);
    connect(m_server, &ServerControl::stateChanged, this, &PreferencesDialog::updateServerState);
    updateServerState();
    return page;
}

void PreferencesDialog::updateServerState()
{
    m_apiState->setText(m_server->statusText());
    m_apiToggle->setText(m_server->state() == ServerControl::State::Running ? tr("&Stop")
                                                                            : tr("&Start"));
    m_apiToggle->setAccessibleName(m_apiToggle->text().remove(QLatin1Char('&')));
}

void PreferencesDialog::toggleServer()
{
    if (m_server->state() == ServerControl::State::Running) {
        m_server->stop();
        return;
    }
    if (!m_session.isUnlocked())
        return;
    const Preferences preferences = edited();
    preferences.save();
    m_server->start(m_session.engine(), preferences);
}

Preferences PreferencesDialog::edited() const
{
    Preferences p = Preferences::load();
    p.autoLockMinutes = m_autoLock->value();
    p.auditRetentionDays = m_auditRetention->value();
    p.libraryName = m_libraryName->text().trimmed();
    p.expiryWarningDays = m_expiryWarningDays->value();
    p.language = m_language->currentData().toString();
    if (m_server) {
        p.apiStartAtLaunch = m_apiAtLaunch->isChecked();
        p.apiAddress = m_apiAddress->text().trimmed();
        p.apiPort = m_apiPort->value();
        p.apiTlsCertificate = m_apiCertificate->text().trimmed();
        p.apiTlsKey = m_apiKey->text().trimmed();
        p.gateAllowedHosts.clear();
        for (const QString& host :
             m_gateHosts->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!host.trimmed().isEmpty())
                p.gateAllowedHosts.append(host.trimmed().toLower());
        }
        p.gateSecureCookies = m_gateSecure->isChecked();
    }
    return p;
}

void PreferencesDialog::accept()
{
    edited().save();
    QDialog::accept();
}

} // namespace tessera::ui
