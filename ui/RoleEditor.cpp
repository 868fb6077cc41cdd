#include "ui/RoleEditor.h"

#include "engine/Policy.h"
#include "engine/Role.h"
#include "ui/DialogParts.h"
#include "ui/DurationEdit.h"
#include "ui/InlineMessage.h"
#include "ui/PolicyChecklist.h"
#include "ui/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tessera::ui {

using engine::Role;
using engine::RoleTokenType;

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
    m_type = new QComboBox(form);
    m_type->addItem(tr("Service, unless the request asks for batch"),
                    int(RoleTokenType::DefaultService));
    m_type->addItem(tr("Batch, unless the request asks for service"),
                    int(RoleTokenType::DefaultBatch));
    m_type->addItem(tr("Always service"), int(RoleTokenType::Service));
    m_type->addItem(tr("Always batch"), int(RoleTokenType::Batch));
    m_ttl = new DurationEdit(form);
    m_ttl->setNoneText(tr("Default"));
    m_ttl->setFieldName(tr("TTL"));
    m_maxTtl = new DurationEdit(form);
    m_maxTtl->setNoneText(tr("None"));
    m_maxTtl->setFieldName(tr("Explicit max TTL"));
    m_period = new DurationEdit(form);
    m_period->setNoneText(tr("Not periodic"));
    m_period->setFieldName(tr("Period"));
    m_uses = new QSpinBox(form);
    m_uses->setRange(0, 1'000'000);
    m_uses->setSpecialValueText(tr("Unlimited"));
    m_uses->setAccessibleName(tr("Use limit"));
    m_orphan = new QCheckBox(tr("Issue &orphan tokens"), form);
    m_renewable = new QCheckBox(tr("Tokens are rene&wable"), form);
    m_noDefaultPolicy = new QCheckBox(tr("Without the “default” polic&y"), form);
    m_pathSuffix = new QLineEdit(form);
    m_pathSuffix->setPlaceholderText(tr("optional, e.g. desk-3"));

    auto* fields = new QFormLayout;
    const auto row = [&](const QString& label, QWidget* field) {
        auto* text = new QLabel(label, form);
        text->setBuddy(field);
        fields->addRow(text, field);
    };
    row(tr("&Name:"), m_name);
    row(tr("Token &type:"), m_type);
    row(tr("&TTL:"), m_ttl);
    row(tr("E&xplicit max TTL:"), m_maxTtl);
    row(tr("Peri&od:"), m_period);
    row(tr("&Use limit:"), m_uses);
    row(tr("Path s&uffix:"), m_pathSuffix);
    fields->addRow(QString(), m_orphan);
    fields->addRow(QString(), m_renewable);
    fields->addRow(QString(), m_noDefaultPolicy);

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
    connect(m_type, &QComboBox::currentIndexChanged, this, changed);
    connect(m_ttl, &DurationEdit::valueChanged, this, changed);
    connect(m_maxTtl, &DurationEdit::valueChanged, this, changed);
    connect(m_period, &DurationEdit::valueChanged, this, changed);
    connect(m_uses, &QSpinBox::valueChanged, this, changed);
    connect(m_orphan, &QCheckBox::toggled, this, changed);
    connect(m_renewable, &QCheckBox::toggled, this, changed);
    connect(m_noDefaultPolicy, &QCheckBox::toggled, this, changed);
    connect(m_pathSuffix, &QLineEdit::textEdited, this, changed);
    connect(m_allowed, &PolicyChecklist::checkedChanged, this, changed);
    connect(m_disallowed, &PolicyChecklist::checkedChanged, this, changed);

    setTabOrder(m_name, m_type);
    setTabOrder(m_type, m_ttl);
    setTabOrder(m_ttl, m_maxTtl);
    setTabOrder(m_maxTtl, m_period);
    setTabOrder(m_period, m_uses);
    setTabOrder(m_uses, m_pathSuffix);
    setTabOrder(m_pathSuffix, m_orphan);
    setTabOrder(m_orphan, m_renewable);
    setTabOrder(m_renewable, m_noDefaultPolicy);
    setTabOrder(m_noDefaultPolicy, m_allowed);
    setTabOrder(m_allowed, m_disallowed);

    DialogParts::setObjectNames({{m_name, "name"},
                                 {m_type, "type"},
                                 {m_ttl, "ttl"},
                                 {m_maxTtl, "maxTtl"},
                                 {m_period, "period"},
                                 {m_uses, "uses"},
                                 {m_orphan, "orphan"},
                                 {m_renewable, "renewable"},
                                 {m_noDefaultPolicy, "noDefaultPolicy"},
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
    m_type->setCurrentIndex(m_type->findData(int(role.tokenType)));
    m_ttl->setValue(role.ttl);
    m_maxTtl->setValue(role.explicitMaxTtl);
    m_period->setValue(role.period);
    m_uses->setValue(role.numUses);
    m_orphan->setChecked(role.orphan);
    m_renewable->setChecked(role.renewable);
    m_noDefaultPolicy->setChecked(role.noDefaultPolicy);
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
    role.tokenType = RoleTokenType(m_type->currentData().toInt());
    role.ttl = m_ttl->value();
    role.explicitMaxTtl = m_maxTtl->value();
    role.period = m_period->value();
    role.numUses = m_uses->value();
    role.noDefaultPolicy = m_noDefaultPolicy->isChecked();
    role.pathSuffix = m_pathSuffix->text().trimmed();
    return role;
}

QString RoleEditor::formProblem() const
{
    if (const QString error = DurationEdit::firstTextError({m_ttl, m_maxTtl, m_period});
        !error.isEmpty())
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
