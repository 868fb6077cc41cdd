#pragma once

#include "core/Result.h"
#include "reports/ReportExport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::ui {

class InlineMessage;
class Session;

// File > Export Report…: an audit report (PDF, CSV or JSON Lines) for a period,
// optionally only one operation, the selected token's subtree or tokens with
// some metadata. It is built off the GUI thread behind a progress dialog whose
// Cancel leaves no file behind (ReportExport writes atomically). Bad input is
// named under the form and nothing is written; on success the dialog accepts
// and summary() says what was written.
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    // `selectedAccessor`: the token selected in the tree (empty if none), the
    // subtree filter's suggestion. `session`, when given, does not lock while
    // the report is built.
    ReportDialog(engine::TokenEngine& engine, Session* session, const QString& selectedAccessor,
                 QWidget* parent = nullptr);

    // The request the form describes, or why it cannot be built (translated).
    Result<reports::ReportRequest> request() const;
    // Builds the report as Export does; false with the reason shown if not.
    bool exportReport();
    // After a successful export: what was written, for the status bar.
    QString summary() const { return m_summary; }

private:
    reports::ReportFormat format() const;
    QString operation() const;
    void chooseFile();
    void formatChanged();
    Status checkFields(const reports::ReportRequest& request) const;

    engine::TokenEngine& m_engine;
    Session* m_session;
    QComboBox* m_format = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_operation = nullptr;
    QCheckBox* m_subtreeOnly = nullptr;
    QLineEdit* m_subtree = nullptr;
    QLineEdit* m_meta = nullptr;
    QLineEdit* m_output = nullptr;
    InlineMessage* m_message = nullptr;
    QString m_summary;
};

} // namespace tessera::ui
