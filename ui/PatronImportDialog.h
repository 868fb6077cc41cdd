#pragma once

#include <QByteArray>
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tessera::engine {
class TokenEngine;
}
namespace tessera::items {
class PatronImportModel;
}

namespace tessera::ui {

class InlineMessage;
class Session;

// File > Import Patrons…: what `tessera-cli user import` does, as a form. The
// chosen CSV file is previewed by the engine (PatronImportService::preview,
// nothing written): every line in a table, what happens to it (a new patron,
// an update) or, tinted, why it is bad. Import is enabled only when the
// whole file is good, since the engine imports all lines or none; it imports
// the bytes that were previewed, in one transaction, then says what it did.
class PatronImportDialog : public QDialog
{
    Q_OBJECT

public:
    // `session`, when given, does not lock while the file is read or imported.
    PatronImportDialog(engine::TokenEngine& engine, Session* session, QWidget* parent = nullptr);

    // Reads and previews `path` (also what Browse does); false with the
    // reason shown when the file cannot be read.
    bool loadFile(const QString& path);
    // What Import does; false with the reason shown.
    bool importPatrons();
    // After a successful import: what was done, for the status bar.
    QString summary() const { return m_summary; }
    items::PatronImportModel* model() const { return m_model; }

private:
    void chooseFile();
    void showPreview();

    engine::TokenEngine& m_engine;
    Session* m_session;
    QByteArray m_bytes; // the previewed file, imported as it was read
    QString m_summary;
    bool m_imported = false;

    items::PatronImportModel* m_model = nullptr;
    QLineEdit* m_file = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_counts = nullptr;
    InlineMessage* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_browse = nullptr;
};

} // namespace tessera::ui
