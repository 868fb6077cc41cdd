#include "ui/TokenDetailsPane.h"

#include "items/TokenText.h"

#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tessera::ui {

using items::TokenText;

TokenDetailsPane::TokenDetailsPane(QWidget* parent)
    : QWidget(parent)
    , m_form(nullptr)
    , m_heading(new QLabel(this))
    , m_fields(new QWidget)
{
    setObjectName(QStringLiteral("TokenDetails"));
    setAccessibleName(tr("Token details"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form = new QFormLayout(m_fields);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    // A value too wide beside its caption (an accessor in a narrow pane) goes
    // below it, at the pane's full width, rather than off its edge.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto& [name, label] : std::initializer_list<std::pair<const char*, QString>>{
             {"accessor", tr("Accessor:")},
             {"type", tr("Type:")},
             {"parent", tr("Parent:")},
             {"policies", tr("Policies:")},
             {"meta", tr("Metadata:")},
             {"role", tr("Role:")},
             {"path", tr("Created by path:")},
             {"issuedBy", tr("Issued by:")},
             {"created", tr("Created:")},
             {"ttl", tr("TTL at creation:")},
             {"expires", tr("Expires:")},
             {"ttlLeft", tr("TTL left:")},
             {"maxTtl", tr("Explicit max TTL:")},
             {"period", tr("Period:")},
             {"renewable", tr("Renewable:")},
             {"warnBeforeExpiry", tr("Warn before expiry:")},
             {"lastRenewal", tr("Last renewal:")},
             {"firstUse", tr("First use:")},
             {"lastUsed", tr("Last used:")},
             {"uses", tr("Uses left:")},
             {"descendants", tr("Tokens below:")},
         })
        addField(QLatin1String(name), label);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_fields);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(scroll, 1);
    clear();
}

QLabel* TokenDetailsPane::addField(const QString& name, const QString& label)
{
    auto* value = new QLabel(m_fields);
    value->setObjectName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setFocusPolicy(Qt::ClickFocus);
    auto* caption = new QLabel(label, m_fields);
    caption->setBuddy(value);
    value->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    m_form->addRow(caption, value);
    return value;
}

QString TokenDetailsPane::fieldText(const QString& name) const
{
    const auto* label = m_fields->findChild<QLabel*>(name);
    return label ? label->text() : QString();
}

void TokenDetailsPane::clear()
{
    m_token.reset();
    m_parent.reset();
    m_heading->setText(tr("No token selected"));
    m_fields->hide();
}

void TokenDetailsPane::setParentToken(const std::optional<engine::Token>& parent)
{
    m_parent = parent;
}

void TokenDetailsPane::showSelectionCount(int count)
{
    m_token.reset();
    m_heading->setText(tr("%n tokens selected", nullptr, count));
    m_fields->hide();
}

void TokenDetailsPane::showToken(const engine::Token& token, qint64 descendants)
{
    m_token = token;
    // The whole value as tooltip too, for a pane narrower than the longest word.
    auto set = [this](const char* name, const QString& text, const QString& toolTip = {}) {
        if (auto* label = m_fields->findChild<QLabel*>(QLatin1String(name))) {
            label->setText(text.isEmpty() ? tr("—") : text);
            label->setToolTip(toolTip.isEmpty() ? text : toolTip);
        }
    };
    auto duration = [](qint64 seconds) {
        return seconds > 0 ? TokenText::duration(seconds) : QString();
    };
    m_heading->setText(token.displayName.isEmpty() ? tr("(no name)") : token.displayName);
    set("accessor", token.accessor);
    set("type", token.type == engine::TokenType::Batch ? tr("batch") : tr("service"));
    if (token.isOrphan())
        set("parent", token.isRoot() ? tr("none (root)") : tr("none (orphan)"));
    else if (m_parent && m_parent->accessor == token.parentAccessor &&
             !m_parent->displayName.isEmpty())
        set("parent", m_parent->displayName, tr("Accessor: %1").arg(token.parentAccessor));
    else
        set("parent", token.parentAccessor);
    set("policies", token.policies.join(QStringLiteral(", ")));
    QStringList meta;
    for (auto it = token.meta.cbegin(); it != token.meta.cend(); ++it)
        meta << tr("%1: %2").arg(it.key(), it.value());
    set("meta", meta.join(QLatin1Char('\n')));
    set("role", token.role);
    set("path", token.path);
    set("issuedBy", token.issuedBy);
    set("created", TokenText::localTime(token.createdAt));
    set("ttl", token.creationTtl > 0 ? TokenText::duration(token.creationTtl) : tr("none"));
    set("expires", token.expireAt ? TokenText::localTime(*token.expireAt) : tr("never"));
    set("maxTtl", duration(token.explicitMaxTtl));
    set("period", duration(token.period));
    set("renewable", token.renewable ? tr("yes") : tr("no"));
    set("warnBeforeExpiry", token.warnBeforeExpiry ? tr("yes") : tr("no"));
    set("lastRenewal", token.lastRenewal ? TokenText::localTime(*token.lastRenewal) : QString());
    if (token.awaitsFirstUse())
        set("firstUse", tr("not yet used: its TTL starts at its first use, which must come by %1")
                            .arg(TokenText::localTime(*token.activateBy)));
    else
        set("firstUse", token.firstUsedAt ? TokenText::localTime(*token.firstUsedAt) : QString());
    set("lastUsed",
        token.lastUsedAt
            ? tr("%1 by %2").arg(TokenText::localTime(*token.lastUsedAt), token.lastUsedBy)
            : tr("never"));
    set("uses", token.hasUseLimit() ? tr("%1 of %2").arg(token.usesLeft).arg(token.numUses)
                                    : tr("unlimited"));
    set("descendants", descendants < 0 ? tr("counting…") : QLocale().toString(descendants));
    tick(QDateTime::currentSecsSinceEpoch());
    m_fields->show();
}

void TokenDetailsPane::tick(qint64 nowSeconds)
{
    if (!m_token)
        return;
    auto* label = m_fields->findChild<QLabel*>(QStringLiteral("ttlLeft"));
    const auto left = m_token->ttlLeft(nowSeconds);
    label->setText(m_token->awaitsFirstUse() ? tr("not yet used")
                   : left                    ? TokenText::duration(*left)
                                             : tr("never expires"));
}

} // namespace tessera::ui
