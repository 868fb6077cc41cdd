#pragma once

#include <QObject>
#include <QString>

class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace tessera::ui {

// A new passphrase typed twice, with a live strength hint and a mismatch
// note: the rows the create-store and change-passphrase dialogs share.
class NewPassphraseFields : public QObject
{
    Q_OBJECT

public:
    // Adds its rows to `form` (widgets parented to `parent`).
    NewPassphraseFields(QFormLayout* form, QWidget* parent);

    QLineEdit* passphraseEdit() const { return m_passphrase; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QString passphrase() const;
    // Long enough and typed the same twice.
    bool isAcceptable() const;
    void setEnabled(bool enabled);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void update();

    QLineEdit* m_passphrase;
    QLabel* m_strength;
    QLineEdit* m_confirm;
    QLabel* m_mismatch;
};

} // namespace tessera::ui
