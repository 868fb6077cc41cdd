#pragma once

#include "engine/TokenEngine.h"
#include "ui/NamedObjectEditor.h"

class QCheckBox;
class QLineEdit;

namespace tessera::ui {

class PolicyChecklist;
class TokenSettingsEditor;

// Roles: templates for issuing ("visitor day pass", "one-time archive
// entry"), every field of engine::Role; the token settings it shares with
// users in a TokenSettingsEditor. Checked with Role::validate().
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
    TokenSettingsEditor* m_settings = nullptr;
    QCheckBox* m_orphan = nullptr;
    QCheckBox* m_renewable = nullptr;
    QCheckBox* m_secondFactor = nullptr;
    QLineEdit* m_pathSuffix = nullptr;
};

} // namespace tessera::ui
