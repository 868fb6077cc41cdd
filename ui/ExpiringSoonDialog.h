#pragma once

#include "engine/TokenEngine.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QLabel;
class QPushButton;
class QTableView;

namespace tessera::items {
class ExpiringTokenModel;
}

namespace tessera::ui {

class InlineMessage;

// Token › Expiring Soon: the marked and staff tokens that expire within the
// days set in Preferences (ExpiryWarningService), soonest first. Several can be
// selected and, in one step,
// * renewed: each through the engine's normal renewal (TTL rules, max TTL);
//   a token that cannot be renewed is named with the reason, the others are
//   renewed all the same;
// * re-issued: a fresh token like each one (its role, policies, metadata,
//   parent) through the normal creation path; tokensReissued() hands the new
//   tokens over to be shown once, as after the issue form.
class ExpiringSoonDialog : public QDialog
{
    Q_OBJECT

public:
    ExpiringSoonDialog(engine::TokenEngine& engine, int withinDays, QWidget* parent = nullptr);
    ~ExpiringSoonDialog() override;

    items::ExpiringTokenModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Asks the engine again.
    void refresh();
    // Selects the rows of these tokens (the alert that opened the dialog).
    void selectAccessors(const QStringList& accessors);

    void renewSelected();
    void reissueSelected();
    // The result of the last renewal or re-issue, as shown under the table.
    QString resultText() const;

Q_SIGNALS:
    // New tokens, each to be shown once (NewTokenDialog).
    void tokensReissued(const QList<engine::CreatedToken>& created);

private:
    QList<engine::ExpiringToken> selected() const;
    void updateButtons();

    engine::TokenEngine& m_engine;
    const int m_withinDays;
    items::ExpiringTokenModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_empty = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_renew = nullptr;
    QPushButton* m_reissue = nullptr;
};

} // namespace tessera::ui
