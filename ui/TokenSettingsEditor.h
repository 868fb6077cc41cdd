#pragma once

#include "engine/TokenSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace tessera::ui {

class DurationEdit;
class PolicyChecklist;

// The settings of the tokens a role or a user issues (engine::TokenSettings):
// one form for the role editor and the user editor, showing the fields the
// owner has (TokenSettings::role(), TokenSettings::user()). A form for the
// scalar settings, and when the owner has token policies, their checklist
// beside it.
class TokenSettingsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit TokenSettingsEditor(const engine::TokenSettings::Owner& owner,
                                 QWidget* parent = nullptr);

    // The policies the checklist offers (owners with token policies).
    void setOfferedPolicies(const QStringList& names);

    void setSettings(const engine::TokenSettings& settings);
    // The settings the form describes now.
    engine::TokenSettings settings() const;

    // The first duration whose text is not one, as a sentence; empty if none.
    QString textProblem() const;

    // For the owner's tab order: the first and the last field of the form.
    QWidget* firstField() const;
    QWidget* lastField() const;

Q_SIGNALS:
    void changed();

private:
    const engine::TokenSettings::Owner& m_owner;
    engine::TokenSettings m_shown; // as last set: what the form cannot show stays
    QComboBox* m_type = nullptr;
    DurationEdit* m_ttl = nullptr;
    DurationEdit* m_maxTtl = nullptr;
    DurationEdit* m_explicitMaxTtl = nullptr;
    DurationEdit* m_period = nullptr;
    QSpinBox* m_uses = nullptr;
    QCheckBox* m_noDefaultPolicy = nullptr;
    PolicyChecklist* m_policies = nullptr;
    QList<QWidget*> m_fields; // in tab order
};

} // namespace tessera::ui
