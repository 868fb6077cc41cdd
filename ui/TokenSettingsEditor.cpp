#include "ui/TokenSettingsEditor.h"

#include "ui/DurationEdit.h"
#include "ui/PolicyChecklist.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tessera::ui {

using engine::RoleTokenType;
using engine::TokenSettings;
using Field = TokenSettings::Field;

TokenSettingsEditor::TokenSettingsEditor(const TokenSettings::Owner& owner, QWidget* parent)
    : QWidget(parent)
    , m_owner(owner)
{
    auto* fields = new QFormLayout;
    fields->setContentsMargins(0, 0, 0, 0);
    const auto row = [&](const QString& label, QWidget* field) {
        auto* text = new QLabel(label, this);
        text->setBuddy(field);
        fields->addRow(text, field);
        field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        m_fields.append(field);
    };
    const auto duration = [&](Field field, const QString& label, const QString& name,
                              const QString& none) -> DurationEdit* {
        if (!owner.has(field))
            return nullptr;
        auto* edit = new DurationEdit(this);
        edit->setNoneText(none);
        edit->setFieldName(name);
        row(label, edit);
        connect(edit, &DurationEdit::valueChanged, this, &TokenSettingsEditor::changed);
        return edit;
    };

    if (owner.has(Field::Type)) {
        m_type = new QComboBox(this);
        if (owner.requestChoosesType) {
            m_type->addItem(tr("Service, unless the request asks for batch"),
                            int(RoleTokenType::DefaultService));
            m_type->addItem(tr("Batch, unless the request asks for service"),
                            int(RoleTokenType::DefaultBatch));
            m_type->addItem(tr("Always service"), int(RoleTokenType::Service));
            m_type->addItem(tr("Always batch"), int(RoleTokenType::Batch));
        } else {
            // Without a request to choose, default-service is service.
            m_type->addItem(tr("Service"), int(RoleTokenType::DefaultService));
            m_type->addItem(tr("Batch"), int(RoleTokenType::DefaultBatch));
        }
        row(tr("Token t&ype:"), m_type);
        connect(m_type, &QComboBox::currentIndexChanged, this, &TokenSettingsEditor::changed);
    }
    m_ttl = duration(Field::Ttl, tr("&TTL:"), tr("TTL"), tr("Default"));
    m_maxTtl = duration(Field::MaxTtl, tr("&Max TTL:"), tr("Max TTL"), tr("None"));
    m_explicitMaxTtl = duration(Field::ExplicitMaxTtl, tr("E&xplicit max TTL:"),
                                tr("Explicit max TTL"), tr("None"));
    m_period = duration(Field::Period, tr("Peri&od:"), tr("Period"), tr("Not periodic"));
    if (owner.has(Field::NumUses)) {
        m_uses = new QSpinBox(this);
        m_uses->setRange(0, 1'000'000);
        m_uses->setSpecialValueText(tr("Unlimited"));
        row(tr("Use l&imit:"), m_uses);
        connect(m_uses, &QSpinBox::valueChanged, this, &TokenSettingsEditor::changed);
    }
    if (owner.has(Field::NoDefaultPolicy)) {
        m_noDefaultPolicy = new QCheckBox(tr("Wit&hout the “default” policy"), this);
        fields->addRow(QString(), m_noDefaultPolicy);
        m_fields.append(m_noDefaultPolicy);
        connect(m_noDefaultPolicy, &QCheckBox::toggled, this, &TokenSettingsEditor::changed);
    }

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields, 3);
    if (owner.has(Field::Policies)) {
        m_policies = new PolicyChecklist(this);
        m_policies->setAccessibleName(tr("Policies"));
        auto* label = new QLabel(tr("Po&licies of its tokens:"), this);
        label->setBuddy(m_policies);
        auto* column = new QVBoxLayout;
        column->addWidget(label);
        column->addWidget(m_policies, 1);
        layout->addLayout(column, 2);
        m_fields.append(m_policies);
        connect(m_policies, &PolicyChecklist::checkedChanged, this, &TokenSettingsEditor::changed);
    }

    for (qsizetype i = 1; i < m_fields.size(); ++i)
        setTabOrder(m_fields[i - 1], m_fields[i]);
    for (const auto& [widget, name] : std::initializer_list<std::pair<QWidget*, const char*>>{
             {m_type, "type"},
             {m_ttl, "ttl"},
             {m_maxTtl, "maxTtl"},
             {m_explicitMaxTtl, "explicitMaxTtl"},
             {m_period, "period"},
             {m_uses, "uses"},
             {m_noDefaultPolicy, "noDefaultPolicy"},
             {m_policies, "policies"}}) {
        if (widget) // the owner's fields only
            widget->setObjectName(QString::fromLatin1(name));
    }
}

void TokenSettingsEditor::setOfferedPolicies(const QStringList& names)
{
    if (m_policies)
        m_policies->setOffered(names);
}

void TokenSettingsEditor::setSettings(const TokenSettings& settings)
{
    m_shown = settings;
    if (m_type) {
        int index = m_type->findData(int(settings.tokenType));
        if (index < 0) // a fixed type where the request cannot choose: the same kind
            index =
                m_type->findData(int(settings.tokenKindFor(std::nullopt) == engine::TokenKind::Batch
                                         ? RoleTokenType::DefaultBatch
                                         : RoleTokenType::DefaultService));
        m_type->setCurrentIndex(index);
    }
    for (const auto& [edit, seconds] :
         {std::pair{m_ttl, settings.ttl}, std::pair{m_maxTtl, settings.maxTtl},
          std::pair{m_explicitMaxTtl, settings.explicitMaxTtl},
          std::pair{m_period, settings.period}}) {
        if (edit)
            edit->setValue(seconds);
    }
    if (m_uses)
        m_uses->setValue(settings.numUses);
    if (m_noDefaultPolicy)
        m_noDefaultPolicy->setChecked(settings.noDefaultPolicy);
    if (m_policies)
        m_policies->setChecked(settings.policies);
}

TokenSettings TokenSettingsEditor::settings() const
{
    TokenSettings settings = m_shown;
    if (m_type) {
        TokenSettings chosen;
        chosen.tokenType = RoleTokenType(m_type->currentData().toInt());
        // A type shown as another of the same kind is kept as it was.
        if (m_owner.requestChoosesType ||
            chosen.tokenKindFor(std::nullopt) != m_shown.tokenKindFor(std::nullopt))
            settings.tokenType = chosen.tokenType;
    }
    for (const auto& [edit, target] :
         {std::pair{m_ttl, &settings.ttl}, std::pair{m_maxTtl, &settings.maxTtl},
          std::pair{m_explicitMaxTtl, &settings.explicitMaxTtl},
          std::pair{m_period, &settings.period}}) {
        if (edit)
            *target = edit->value();
    }
    if (m_uses)
        settings.numUses = m_uses->value();
    if (m_noDefaultPolicy)
        settings.noDefaultPolicy = m_noDefaultPolicy->isChecked();
    if (m_policies)
        settings.policies = m_policies->checked();
    return settings;
}

QString TokenSettingsEditor::textProblem() const
{
    for (const DurationEdit* edit : {m_ttl, m_maxTtl, m_explicitMaxTtl, m_period}) {
        if (edit && !edit->textError().isEmpty())
            return edit->textError();
    }
    return {};
}

QWidget* TokenSettingsEditor::firstField() const
{
    return m_fields.isEmpty() ? nullptr : m_fields.constFirst();
}

QWidget* TokenSettingsEditor::lastField() const
{
    return m_fields.isEmpty() ? nullptr : m_fields.constLast();
}

} // namespace tessera::ui
