#pragma once

#include "engine/TokenEngine.h"

#include <QDialog>
#include <functional>

class QPlainTextEdit;
class QPrinter;
class QPushButton;

namespace tessera::ui {

class InlineMessage;

// Shows a new token once: the only time anyone sees it. Copy puts it on the
// clipboard through `copySecret` (the session's clipboard, which clears it on
// lock); Print Pass prints a slip with the token as a QR code (AccessPass).
class NewTokenDialog : public QDialog
{
    Q_OBJECT

public:
    using CopySecret = std::function<void(const QString&)>;

    // Without `copySecret` the token goes to the system clipboard marked as
    // a secret for clipboard managers (x-kde-passwordManagerHint).
    NewTokenDialog(const engine::CreatedToken& created, const QString& libraryName,
                   CopySecret copySecret = {}, QWidget* parent = nullptr);
    ~NewTokenDialog() override;

    // Prints the pass on `printer` (a PDF file works); false if it failed.
    bool printPass(QPrinter& printer) const;

    static void copyMarkedAsSecret(const QString& secret);

private:
    void copy();
    void choosePrinterAndPrint();

    engine::CreatedToken m_created;
    QString m_libraryName;
    CopySecret m_copySecret;
    QPlainTextEdit* m_token = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_print = nullptr;
    InlineMessage* m_status = nullptr;
};

} // namespace tessera::ui
