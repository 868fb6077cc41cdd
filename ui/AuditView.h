#pragma once

#include "audit/VerifyReport.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace tessera::engine {
class TokenEngine;
}
namespace tessera::items {
class AuditModel;
class StoreWatcher;
} // namespace tessera::items

namespace tessera::ui {

class InlineMessage;
class Session;

// The audit log as a table (items::AuditModel, newest first, paged), narrowed
// by time range, operation and actor in SQL, with "Verify Chain": the hash
// chain is checked off the GUI thread and the verdict told in plain words.
//
// Following a StoreWatcher, records appended by any process go in on top
// within a second (those the filter passes). Someone reading older records
// keeps them in view: the table scrolls by what went in above them.
class AuditView : public QDialog
{
    Q_OBJECT

public:
    // `session`, when given, does not lock while a verification runs.
    AuditView(engine::TokenEngine& engine, Session* session = nullptr, QWidget* parent = nullptr);
    ~AuditView() override;

    items::AuditModel* model() const { return m_model.get(); }
    // Shows the records `watcher` reports as appended while the view is open.
    void follow(const items::StoreWatcher& watcher);
    // Starts verifying; verified() reports the result.
    void verifyChain();
    // The verdict in plain words.
    static QString describe(const audit::VerifyReport& report);

Q_SIGNALS:
    void verified(const audit::VerifyReport& report);

private:
    QWidget* buildFilterBar();
    void applyFilter();
    void showVerdict(const audit::VerifyReport& report);
    void keepOlderRecordsInView();

    engine::TokenEngine& m_engine;
    Session* m_session;
    std::unique_ptr<items::AuditModel> m_model;
    QCheckBox* m_fromEnabled = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QCheckBox* m_toEnabled = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QComboBox* m_operation = nullptr;
    QLineEdit* m_actor = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_verify = nullptr;
    InlineMessage* m_verdict = nullptr;
    QTimer* m_filterDelay = nullptr;
    int m_scrollBeforeInsert = 0; // scroll bar value before rows went in on top
};

} // namespace tessera::ui
