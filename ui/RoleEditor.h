#pragma once

#include "engine/TokenEngine.h"
#include "ui/NamedObjectEditor.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tessera::ui {

class DurationEdit;
class PolicyChecklist;

// Roles: templates for issuing ("visitor day pass", "one-time archive
// entry"), every field of engine::Role. Checked with Role::validate().
class RoleEditor : public NamedObjectEditor
{
    Q_OBJECT

public:
    explicit RoleEditor(engine::TokenEngine& engine, QWidget* parent = nullptr);

    // The role the form describes now.
    engine::Role role() const;

protected:
    Result<QStringList> names() const override;
    void showObject(const QString& name) override;
    QString formProblem() const override;
    Result<QString> saveObject() override;
    Status removeObject(const QString& name) override;

private:
    QWidget* buildForm();

    engine::TokenEngine& m_engine;
    QLineEdit* m_name = nullptr;
    PolicyChecklist* m_allowed = nullptr;
    PolicyChecklist* m_disallowed = nullptr;
    QComboBox* m_type = nullptr;
    DurationEdit* m_ttl = nullptr;
    DurationEdit* m_maxTtl = nullptr;
    DurationEdit* m_period = nullptr;
    QSpinBox* m_uses = nullptr;
    QCheckBox* m_orphan = nullptr;
    QCheckBox* m_renewable = nullptr;
    QCheckBox* m_noDefaultPolicy = nullptr;
    QLineEdit* m_pathSuffix = nullptr;
};

} // namespace tessera::ui
