#pragma once

#include "core/Result.h"
#include "engine/RevokeByFilterService.h"
#include "engine/TokenEngine.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace tessera::ui {

// "Revoke All Matches…" from the search results (docs/ARCHITECTURE.md,
// «Revoke by filter»): the search text narrowed by a patron id, a role, who
// issued the tokens and when they were created. It previews (the engine's dry
// run: how many match, how many go with their children, the first matches
// and what lies below each) before anything happens; for large counts the
// number must be typed to confirm.
//
// The dialog only confirms; work() is the revocation, to be run off the GUI
// thread (LongTask): ten thousand matches may take their subtrees along.
class RevokeMatchesDialog : public QDialog
{
    Q_OBJECT

public:
    // From this many tokens on, the number must be typed to confirm.
    static constexpr qint64 kTypedConfirmationFrom = 100;

    RevokeMatchesDialog(engine::TokenEngine& engine, const QString& searchText,
                        QWidget* parent = nullptr);

    engine::RevocationFilter filter() const;
    const engine::RevokeByFilterService::Preview& preview() const { return m_preview; }
    // "12 tokens match; 40 in all with their children."
    QString summary() const;
    bool needsTypedConfirmation() const { return m_preview.total >= kTypedConfirmationFrom; }

    // Recounts for the filter as it stands (done when a field changes).
    void refresh();

    // The revocation, safe to run on another thread; the accessors revoked.
    std::function<Result<QStringList>()> work() const;

private:
    void updateRevokeButton();

    engine::TokenEngine& m_engine;
    QString m_searchText;
    engine::RevokeByFilterService::Preview m_preview;
    bool m_previewOk = false;

    QLineEdit* m_patron = nullptr;
    QLineEdit* m_role = nullptr;
    QLineEdit* m_issuedBy = nullptr;
    QCheckBox* m_afterOn = nullptr;
    QDateTimeEdit* m_after = nullptr;
    QCheckBox* m_beforeOn = nullptr;
    QDateTimeEdit* m_before = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
    QTreeWidget* m_matches = nullptr;
    QLabel* m_typeLabel = nullptr;
    QLineEdit* m_typed = nullptr;
    QPushButton* m_revoke = nullptr;
};

} // namespace tessera::ui
