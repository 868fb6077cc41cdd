#pragma once

#include "core/Result.h"
#include "engine/PassBatchService.h"
#include "engine/Role.h"
#include "engine/Token.h"
#include "reports/PassSheet.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QDialogButtonBox;

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::ui {

class InlineMessage;
class PassSheetPreview;
class Session;

// Token > Batch of Passes…: what `tessera-cli token batch` does, as a form.
// A role, 1 to 1,000 passes, under a new group (named, "Class visit 6 Dec" by
// default) or the token selected in the tree, laid out on A4 or Letter sheets
// or 80 mm receipts, saved as a PDF and optionally a CSV. The preview paints
// the first page with sample passes; nothing is issued before Create.
//
// Create opens both files first (a path that cannot be written issues
// nothing), then issues the batch and writes the files off the GUI thread
// (LongTask). If a file still fails after the passes exist, the batch is
// revoked, so that no pass that was never printed stays valid, and the
// message says so.
class BatchPassDialog : public QDialog
{
    Q_OBJECT

public:
    // `selected`: the tree's current token, offered as the parent. `library`:
    // printed on every pass. `session`, when given, does not lock meanwhile.
    BatchPassDialog(engine::TokenEngine& engine, Session* session,
                    const std::optional<engine::Token>& selected, const QString& library,
                    QWidget* parent = nullptr);

    // The request the form describes, or why it cannot be sent (translated).
    Result<engine::PassBatchRequest> request() const;
    reports::PassPaper paper() const;
    // What Create does; false with the reason shown under the form.
    bool create();
    // After a successful Create: the batch, and what was written.
    const std::optional<engine::PassBatch>& batch() const { return m_batch; }
    QString summary() const { return m_summary; }

private:
    void roleChanged();
    void updatePreview();
    void chooseSheet();
    void chooseCsv();
    Status checkFiles() const;
    void showResult();

    engine::TokenEngine& m_engine;
    Session* m_session;
    std::optional<engine::Token> m_selected;
    QString m_library;
    std::optional<engine::Role> m_role;
    std::optional<engine::PassBatch> m_batch;
    QString m_summary;

    QComboBox* m_roles = nullptr;
    QSpinBox* m_count = nullptr;
    QRadioButton* m_newGroup = nullptr;
    QLineEdit* m_groupName = nullptr;
    QRadioButton* m_underSelected = nullptr;
    QLabel* m_orphanNote = nullptr;
    QComboBox* m_paper = nullptr;
    QLineEdit* m_sheet = nullptr;
    QLineEdit* m_csv = nullptr;
    QLabel* m_pages = nullptr;
    PassSheetPreview* m_preview = nullptr;
    InlineMessage* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_browseSheet = nullptr;
    QPushButton* m_browseCsv = nullptr;
};

} // namespace tessera::ui
