#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tessera::ui {

class NewPassphraseFields;
class Session;

// Store > Change Passphrase: the current passphrase (someone at an unlocked
// console must not be able to lock its owner out) and the new one twice.
// The rekey runs as a LongTask; the dialog stays open with an inline error
// when the current passphrase is wrong.
class ChangePassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    ChangePassphraseDialog(Session& session, QWidget* parent = nullptr);
    ~ChangePassphraseDialog() override;

    void accept() override;
    QString errorText() const;

private:
    void showError(const QString& message);

    Session& m_session;
    QLineEdit* m_current;
    NewPassphraseFields* m_new;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace tessera::ui
