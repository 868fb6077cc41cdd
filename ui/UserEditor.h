#pragma once

#include "engine/SecondFactorService.h"
#include "engine/TokenEngine.h"
#include "engine/User.h"
#include "ui/NamedObjectEditor.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tessera::ui {

class InlineMessage;
class TokenSettingsEditor;

// Password login accounts (userpass): the settings of their tokens (a
// TokenSettingsEditor, as roles have), the password
// typed twice (required for a new account; left empty, an existing one keeps
// its password), and the lockout state after failed logins. The engine lifts
// a lockout when the password changes, so that is how the form unlocks.
// "Second Factor…" opens a saved account's SecondFactorDialog; "Second factor
// required" is saved with the form, with a warning (not a refusal) when the
// account has nothing enrolled that meets it, since it could not sign in then.
class UserEditor : public NamedObjectEditor
{
    Q_OBJECT

public:
    explicit UserEditor(engine::TokenEngine& engine, QWidget* parent = nullptr);

    engine::User user() const;

protected:
    Result<QStringList> names() const override;
    void showObject(const QString& name) override;
    QString formProblem() const override;
    Result<QString> saveObject() override;
    Status removeObject(const QString& name) override;

private:
    QWidget* buildForm();
    void showSecondFactors(const QString& name);
    void showRequirementWarning();
    void openSecondFactorDialog();

    engine::TokenEngine& m_engine;
    engine::User m_loaded;
    QLineEdit* m_name = nullptr;
    TokenSettingsEditor* m_settings = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_lockout = nullptr;
    QLabel* m_secondFactors = nullptr;
    QPushButton* m_secondFactor = nullptr;
    QComboBox* m_secondFactorRequired = nullptr;
    QCheckBox* m_keyUserVerification = nullptr;
    InlineMessage* m_requirementWarning = nullptr;
    engine::SecondFactors m_factors; // of the account shown; a new one has none
};

} // namespace tessera::ui
