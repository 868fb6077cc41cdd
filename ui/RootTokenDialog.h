#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace tessera::ui {

class SecretClipboard;

// Shows a new store's root token once, with Copy (through SecretClipboard, so
// it leaves the clipboard again). Closing needs a tick in "I have stored it".
class RootTokenDialog : public QDialog
{
    Q_OBJECT

public:
    RootTokenDialog(const QString& token, const QString& accessor, SecretClipboard& clipboard,
                    QWidget* parent = nullptr);
    ~RootTokenDialog() override;

    // Escape and the close button do nothing until the token is marked as stored.
    void reject() override;

private:
    QLineEdit* m_token;
    QPushButton* m_copy;
    QCheckBox* m_stored;
    QPushButton* m_close;
};

} // namespace tessera::ui
