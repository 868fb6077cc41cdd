#pragma once

#include "engine/TokenEngine.h"

#include <QDialog>

class QGroupBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QTreeView;

namespace tessera::items {
class SecurityKeyModel;
}

namespace tessera::ui {

class InlineMessage;
class QrCodeView;

// "Second Factor…" of a userpass user (docs/ARCHITECTURE.md, «Second
// factors»): whether a code from an authenticator app is asked for at
// sign-in, and enrolling a phone. Setting up makes a pending key
// (SecondFactorService::enableTotp, not confirmed) and shows its otpauth://
// URI as a QR code and its secret in blocks of four for typing by hand; one
// valid code from the app turns it on. The secret and the QR code are shown
// during that enrolment only: they leave the widgets when it is turned on,
// turned off or the dialog closes, and nothing shows them again.
//
// Security keys are added in a browser by their owner (the gate's page
// /gate/keys), so their section lists them (items::SecurityKeyModel) and
// removes them after a question, and says how a patron adds one. What the
// user's "second factor required" setting asks for is shown above the
// sections, with a warning when the user has nothing that meets it.
//
// Each kind of factor is a group box of its own in one column. The dialog
// follows the engine's usersChanged, which the console's StoreWatcher also
// raises for other processes: a key added on the gate meanwhile shows up.
class SecondFactorDialog : public QDialog
{
    Q_OBJECT

public:
    SecondFactorDialog(engine::TokenEngine& engine, const QString& user, QWidget* parent = nullptr);
    ~SecondFactorDialog() override;

    engine::SecondFactors::State totpState() const { return m_factors.totp; }
    QString problem() const { return m_problemText; }

    void done(int result) override;

    // How the console names a requirement (the user editor's choices).
    static QString requirementName(engine::SecondFactorRequired required);
    // Why `user` cannot sign in under `required` with nothing that meets it,
    // and what to do about it.
    static QString unmetRequirement(const QString& user, engine::SecondFactorRequired required);

private:
    QGroupBox* buildTotpSection();
    QGroupBox* buildKeysSection();
    void reload();
    void showRequirement();
    void showTotpState();
    void showKeysState();
    void confirmRemoveKey();
    void removeKey();
    // Appended to a removal's question when it leaves the user unable to sign in.
    QString lockoutWarning(const engine::SecondFactors& after) const;
    void setUpAuthenticator();
    void turnOn();
    void confirmTurnOff();
    void turnOff();
    void showError(const QString& text);
    void showInfo(const QString& text);
    // Takes the secret and the QR code out of the widgets; showTotpState()
    // then describes the state without them.
    void forgetEnrolment();

    engine::TokenEngine& m_engine;
    const QString m_user;
    engine::SecondFactors m_factors;
    bool m_readable = false;
    QString m_problemText;
    // The key the removal question is about, fixed when it is asked: a key
    // added meanwhile does not change which one goes.
    QString m_removingId;
    QString m_removingName;

    InlineMessage* m_requirement = nullptr;
    QLabel* m_totpState = nullptr;
    QWidget* m_enrolment = nullptr;
    QrCodeView* m_qrCode = nullptr;
    QLabel* m_secret = nullptr;
    QWidget* m_codeRow = nullptr;
    QLineEdit* m_code = nullptr;
    QPushButton* m_turnOn = nullptr;
    QPushButton* m_setUp = nullptr;
    QPushButton* m_turnOff = nullptr;
    QMessageBox* m_confirmTurnOff = nullptr;
    QLabel* m_keysState = nullptr;
    items::SecurityKeyModel* m_keyModel = nullptr;
    QTreeView* m_keys = nullptr;
    QPushButton* m_removeKey = nullptr;
    QMessageBox* m_confirmRemoveKey = nullptr;
    InlineMessage* m_message = nullptr;
};

} // namespace tessera::ui
