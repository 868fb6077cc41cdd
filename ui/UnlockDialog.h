#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::ui {

// Asks for the passphrase of a store and opens it off the GUI thread. A wrong
// passphrase keeps the dialog open with an inline error, the field cleared and
// focused again. Accepted once the engine is open: take it with takeEngine().
class UnlockDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UnlockDialog(const QString& storePath, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    QString storePath() const;
    std::unique_ptr<engine::TokenEngine> takeEngine();
    // The message shown for a failed unlock (empty when none).
    QString errorText() const;

    // Starts unlocking with the passphrase typed (what the Unlock button does).
    void accept() override;
    // Unlocks with this passphrase (wiped afterwards): automation's --passphrase-file.
    void unlockWith(SecretBytes passphrase);
    // Says why the console locked by itself (shown where unlock errors go).
    void showNotice(const QString& message) { showError(message); }

    static QString describe(const Error& error, const QString& path);

Q_SIGNALS:
    // "New store…": the user wants to create a store instead.
    void createRequested();

private:
    void browse();
    void setBusy(bool busy);
    void showError(const QString& message);
    void finishUnlock(Result<std::unique_ptr<engine::TokenEngine>> opened);

    QComboBox* m_store;
    QLineEdit* m_passphrase;
    QLabel* m_error;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
    QPushButton* m_browse;
    QPushButton* m_create;
    std::unique_ptr<engine::TokenEngine> m_engine;
};

} // namespace tessera::ui
