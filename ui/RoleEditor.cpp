#include "ui/RoleEditor.h"

#include "engine/Policy.h"
#include "engine/Role.h"
#include "ui/DialogParts.h"
#include "ui/InlineMessage.h"
#include "ui/PolicyChecklist.h"
#include "ui/Session.h"
#include "ui/TokenSettingsEditor.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace tessera::ui {

using engine::Role;

RoleEditor::RoleEditor(engine::TokenEngine& engine, QWidget* parent)
    : NamedObjectEditor(tr("Roles"), tr("&Roles:"), parent)
    , m_engine(engine)
{
    setUp(buildForm());
    resize(900, 560);
}

QWidget* RoleEditor::buildForm()
{
    auto* form = new QWidget(this);
    m_name = new QLineEdit(form);
    m_name->setPlaceholderText(tr("e.g. visitor-day-pass"));
    m_settings = new TokenSettingsEditor(engine::TokenSettings::role(), form);
    m_orphan = new QCheckBox(tr("Issue &orphan tokens"), form);
    m_renewable = new QCheckBox(tr("Tokens are rene&wable"), form);
    m_secondFactor = new QCheckBox(tr("Only for a sign-in with a &second factor"), form);
    m_secondFactor->setToolTip(tr("Tokens of this role are issued only to a patron who signed in "
                                  "with a password and a phone code or security key (and to "
                                  "the desk)."));
    m_pathSuffix = new QLineEdit(form);
    m_pathSuffix->setPlaceholderText(tr("optional, e.g. desk-3"));

    auto* fields = new QFormLayout;
    const auto row = [&](const QString& label, QWidget* field) {
        auto* text = new QLabel(label, form);
        text->setBuddy(field);
        fields->addRow(text, field);
    };
    row(tr("&Name:"), m_name);
    fields->addRow(m_settings);
    row(tr("Path s&uffix:"), m_pathSuffix);
    fields->addRow(QString(), m_orphan);
    fields->addRow(QString(), m_renewable);
    fields->addRow(QString(), m_secondFactor);

    auto names = m_engine.admin().policyNames(Session::caller());
    QStringList policies = names.ok() ? *names : QStringList{};
    policies.removeAll(engine::Policy::rootName());
    m_allowed = new PolicyChecklist(form);
    m_allowed->setOffered(policies);
    m_allowed->setAccessibleName(tr("Allowed policies"));
    m_disallowed = new PolicyChecklist(form);
    m_disallowed->setOffered(policies);
    m_disallowed->setAccessibleName(tr("Disallowed policies"));
    auto* allowedLabel = new QLabel(tr("&Allowed policies (none: the parent's):"), form);
    allowedLabel->setBuddy(m_allowed);
    auto* disallowedLabel = new QLabel(tr("&Disallowed policies:"), form);
    disallowedLabel->setBuddy(m_disallowed);
    auto* policyColumn = new QVBoxLayout;
    policyColumn->addWidget(allowedLabel);
    policyColumn->addWidget(m_allowed, 2);
    policyColumn->addWidget(disallowedLabel);
    policyColumn->addWidget(m_disallowed, 1);

    auto* layout = new QHBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields, 3);
    layout->addLayout(policyColumn, 2);

    const auto changed = [this] { formChanged(); };
    connect(m_name, &QLineEdit::textEdited, this, changed);
    connect(m_settings, &TokenSettingsEditor::changed, this, changed);
    connect(m_orphan, &QCheckBox::toggled, this, changed);
    connect(m_renewable, &QCheckBox::toggled, this, changed);
    connect(m_secondFactor, &QCheckBox::toggled, this, changed);
    connect(m_pathSuffix, &QLineEdit::textEdited, this, changed);
    connect(m_allowed, &PolicyChecklist::checkedChanged, this, changed);
    connect(m_disallowed, &PolicyChecklist::checkedChanged, this, changed);

    setTabOrder(m_name, m_settings->firstField());
    setTabOrder(m_settings->lastField(), m_pathSuffix);
    setTabOrder(m_pathSuffix, m_orphan);
    setTabOrder(m_orphan, m_renewable);
    setTabOrder(m_renewable, m_secondFactor);
    setTabOrder(m_secondFactor, m_allowed);
    setTabOrder(m_allowed, m_disallowed);

    DialogParts::setObjectNames({{m_name, "name"},
                                 {m_orphan, "orphan"},
                                 {m_renewable, "renewable"},
                                 {m_secondFactor, "secondFactor"},
                                 {m_pathSuffix, "pathSuffix"},
                                 {m_allowed, "allowed"},
                                 {m_disallowed, "disallowed"}});
    return form;
}

Result<QStringList> RoleEditor::names() const
{
    return m_engine.admin().roleNames(Session::caller());
}

void RoleEditor::showObject(const QString& name)
{
    const auto loaded = loadOrNew<Role>(name, [this](const QString& named) {
        return m_engine.admin().role(Session::caller(), named);
    });
    if (!loaded)
        return;
    const Role& role = *loaded;
    m_name->setText(role.name);
    m_name->setReadOnly(!name.isEmpty()); // renaming would orphan its tokens' renewals
    m_settings->setSettings(role.settings);
    m_orphan->setChecked(role.orphan);
    m_renewable->setChecked(role.renewable);
    m_secondFactor->setChecked(role.secondFactorRequired);
    m_pathSuffix->setText(role.pathSuffix);
    m_allowed->setChecked(role.allowedPolicies);
    m_disallowed->setChecked(role.disallowedPolicies);
}

Role RoleEditor::role() const
{
    Role role;
    role.name = m_name->text().trimmed();
    role.allowedPolicies = m_allowed->checked();
    role.disallowedPolicies = m_disallowed->checked();
    role.orphan = m_orphan->isChecked();
    role.renewable = m_renewable->isChecked();
    role.secondFactorRequired = m_secondFactor->isChecked();
    role.settings = m_settings->settings();
    role.pathSuffix = m_pathSuffix->text().trimmed();
    return role;
}

QString RoleEditor::formProblem() const
{
    if (const QString error = m_settings->textProblem(); !error.isEmpty())
        return error;
    const Role current = role();
    if (current.name.isEmpty())
        return tr("Give the role a name.");
    for (const QString& policy : current.allowedPolicies) {
        if (current.disallowedPolicies.contains(policy))
            return tr("\u201c%1\u201d is both allowed and disallowed.").arg(policy);
    }
    const Status valid = current.validate();
    return valid.ok() ? QString() : asSentence(valid.error().message);
}

Result<QString> RoleEditor::saveObject()
{
    const Role current = role();
    TESSERA_TRY(
        checkNameFree(current.name, tr("a role named “%1” exists already").arg(current.name)));
    TESSERA_TRY(m_engine.admin().putRole(Session::caller(), current));
    return current.name;
}

Status RoleEditor::removeObject(const QString& name)
{
    return m_engine.admin().deleteRole(Session::caller(), name);
}

} // namespace tessera::ui
