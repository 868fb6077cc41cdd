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
    // A one-use link to a document (DocumentLinkDialog): the link carries the
    // token, so the link is what is shown, copied and printed, once.
    NewTokenDialog(const engine::CreatedToken& created, const QString& link,
                   const QString& libraryName, CopySecret copySecret = {},
                   QWidget* parent = nullptr);
    ~NewTokenDialog() override;

    // Prints the pass on `printer` (a PDF file works); false if it failed.
    bool printPass(QPrinter& printer) const;

    static void copyMarkedAsSecret(const QString& secret);

private:
    void copy();
    void choosePrinterAndPrint();
    QString linkedDocumentAddress() const;

    engine::CreatedToken m_created;
    QString m_link;   // empty for a token shown as itself
    QString m_secret; // the token, or the link that carries it
    QString m_libraryName;
    CopySecret m_copySecret;
    QPlainTextEdit* m_token = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_print = nullptr;
    InlineMessage* m_status = nullptr;
};

} // namespace tessera::ui
