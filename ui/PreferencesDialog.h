#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tessera::ui {

class ServerControl;
class Session;
struct Preferences;

// Auto-lock, language and (when the build has one) the API server. Saved on OK;
// a language change applies at the next start.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Session& session, ServerControl* server, QWidget* parent = nullptr);
    ~PreferencesDialog() override;

    void accept() override;

private:
    Preferences edited() const;
    QWidget* createGeneralPage();
    QWidget* createApiPage();
    void updateServerState();
    void toggleServer();
    QLineEdit* pemField(const QString& accessibleName, QWidget* parent);

    Session& m_session;
    ServerControl* m_server;
    QSpinBox* m_autoLock = nullptr;
    QSpinBox* m_auditRetention = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QLineEdit* m_libraryName = nullptr;
    QSpinBox* m_expiryWarningDays = nullptr;
    QCheckBox* m_apiAtLaunch = nullptr;
    QLineEdit* m_apiAddress = nullptr;
    QSpinBox* m_apiPort = nullptr;
    QLineEdit* m_apiCertificate = nullptr;
    QLineEdit* m_apiKey = nullptr;
    QLabel* m_apiState = nullptr;
    QPushButton* m_apiToggle = nullptr;
    QLineEdit* m_gateHosts = nullptr;
    QCheckBox* m_gateSecure = nullptr;
};

} // namespace tessera::ui
