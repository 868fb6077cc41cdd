#pragma once

#include "engine/CreationPlan.h"
#include "engine/Role.h"
#include "engine/Token.h"
#include "engine/TokenEngine.h"
#include "engine/TokenRequest.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMessageBox;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace tessera::ui {

class DurationEdit;
class InlineMessage;
class PolicyChecklist;

// The issue-token form: from a role (one click on it fills the form) or by
// hand. Every edit runs the engine's own creation rules (planCreation) on the
// request, so an invalid combination is explained before submit, in the
// console's language, and the Issue button stays disabled until it is fixed;
// what the engine would change (a TTL capped at the max) is a warning on the
// field. Submits as the store owner.
//
// Safe by default: the parent is the nearest token at or above the selected
// one that can have children; the TTL is the role's, else an hour; the root
// policy is never inherited, only ticked, and issuing it asks first.
class IssueTokenDialog : public QDialog
{
    Q_OBJECT

public:
    // Without a role's TTL, a token by hand lives this long unless changed.
    static constexpr qint64 kDefaultTtl = 3600;

    // `selected`: the token selected in the tree; it or its nearest ancestor
    // that can have children is offered as the parent.
    IssueTokenDialog(engine::TokenEngine& engine, const std::optional<engine::Token>& selected,
                     QWidget* parent = nullptr);

    // The request the form describes now.
    engine::TokenRequest request() const;
    // Why the form cannot be submitted (empty when it can).
    QString problem() const { return m_problemText; }
    // After accept(): the new token (shown once by NewTokenDialog).
    const engine::CreatedToken& created() const { return m_created; }
    // The token the new one goes under (nullopt: top level or orphan).
    std::optional<engine::Token> parentToken() const;

Q_SIGNALS:
    // "Link for one document…": the form closes and the link dialog opens.
    void linkForDocumentRequested();

public:
    // Fills the form from a role, as a click in the role list does.
    void applyRole(const QString& name);
    void applyByHand();

private:
    QWidget* buildRoleList();
    QWidget* buildForm();
    void findParents(const std::optional<engine::Token>& selected);
    // What the parent's policies let the new token have (root: anything).
    QStringList boundingPolicies() const;
    void loadPolicies();
    void refreshOfferedPolicies();
    void revalidate();
    QString formProblem() const;
    void submit();
    void issue();
    void confirmRoot();
    void addMetadataRow();
    void removeMetadataRows();
    void onTypeChanged();

    engine::TokenEngine& m_engine;
    // The selected token and its ancestors that can have children, nearest first.
    QList<engine::Token> m_parents;
    std::optional<engine::Role> m_role;
    QStringList m_allPolicies;
    engine::CreatedToken m_created;
    QString m_problemText;
    std::optional<engine::CreationPlan> m_plan; // of the request as it is now

    QListWidget* m_roles = nullptr;
    QComboBox* m_parent = nullptr;
    QLabel* m_parentNote = nullptr;
    QLineEdit* m_displayName = nullptr;
    PolicyChecklist* m_policies = nullptr;
    QCheckBox* m_anyPolicy = nullptr;
    QCheckBox* m_noDefaultPolicy = nullptr;
    QRadioButton* m_service = nullptr;
    QRadioButton* m_batch = nullptr;
    DurationEdit* m_ttl = nullptr;
    DurationEdit* m_maxTtl = nullptr;
    DurationEdit* m_period = nullptr;
    DurationEdit* m_activateWithin = nullptr;
    QCheckBox* m_renewable = nullptr;
    QCheckBox* m_warnBeforeExpiry = nullptr;
    QRadioButton* m_unlimited = nullptr;
    QRadioButton* m_oneUse = nullptr;
    QRadioButton* m_limited = nullptr;
    QSpinBox* m_uses = nullptr;
    QCheckBox* m_orphan = nullptr;
    QTableWidget* m_meta = nullptr;
    QPushButton* m_addMeta = nullptr;
    QPushButton* m_removeMeta = nullptr;
    InlineMessage* m_problem = nullptr;
    InlineMessage* m_summary = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_issue = nullptr;
    QMessageBox* m_confirmRoot = nullptr;
};

} // namespace tessera::ui
