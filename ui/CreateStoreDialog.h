#pragma once

#include "core/KdfProfile.h"
#include "engine/StoreSetup.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace tessera::ui {
class NewPassphraseFields;
}

namespace tessera::ui {

// First run: where the store goes and its passphrase (twice, with a live
// strength hint). Creating derives the key off the GUI thread behind a busy
// bar. Accepted once the store and its root token exist: take both with
// takeInitialized().
class CreateStoreDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CreateStoreDialog(const QString& storePath, QWidget* parent = nullptr);
    ~CreateStoreDialog() override;

    QString storePath() const;
    std::optional<engine::StoreSetup::Initialized> takeInitialized();
    QString errorText() const;

    // Tests only: a cheap KDF so that a GUI test does not spend seconds in scrypt.
    void setKdfProfile(KdfProfile profile) { m_profile = profile; }

    void accept() override;

private:
    void browse();
    void updateHints();
    void setBusy(bool busy);
    void showError(const QString& message);

    QLineEdit* m_path;
    QPushButton* m_browse;
    NewPassphraseFields* m_passphrase;
    QLabel* m_error;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
    QPushButton* m_createButton;
    KdfProfile m_profile = KdfProfile::Scrypt;
    std::optional<engine::StoreSetup::Initialized> m_initialized;
};

} // namespace tessera::ui
