#pragma once

#include "engine/TokenEngine.h"

#include <QDialog>

class QGroupBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;

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
// Each kind of factor is a group box of its own in one column, so that security
// keys can join the authenticator app as a section beside it.
class SecondFactorDialog : public QDialog
{
    Q_OBJECT

public:
    SecondFactorDialog(engine::TokenEngine& engine, const QString& user, QWidget* parent = nullptr);
    ~SecondFactorDialog() override;

    engine::SecondFactors::State totpState() const { return m_totp; }
    QString problem() const { return m_problemText; }

    void done(int result) override;

private:
    QGroupBox* buildTotpSection();
    void reload();
    void showTotpState();
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
    engine::SecondFactors::State m_totp = engine::SecondFactors::State::None;
    bool m_readable = false;
    QString m_problemText;

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
    InlineMessage* m_message = nullptr;
};

} // namespace tessera::ui
