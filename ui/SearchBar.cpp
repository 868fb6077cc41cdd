#include "ui/SearchBar.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QToolButton>

namespace tessera::ui {

SearchBar::SearchBar(QWidget* parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_filter(new QCheckBox(tr("Only &matches"), this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("SearchBar"));
    m_field->setObjectName(QStringLiteral("search"));
    m_field->setPlaceholderText(tr("Find a token by name, accessor, policy or metadata value "
                                   "(e.g. a patron id)…"));
    m_field->setAccessibleName(tr("Search tokens"));
    m_field->setClearButtonEnabled(true);
    m_field->addAction(QIcon(QStringLiteral(":/icons/find.svg")), QLineEdit::LeadingPosition);
    m_previous->setIcon(QIcon(QStringLiteral(":/icons/previous.svg")));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_next->setIcon(QIcon(QStringLiteral(":/icons/next.svg")));
    m_next->setToolTip(tr("Next match (F3)"));
    m_next->setAccessibleName(tr("Next match"));
    m_filter->setToolTip(tr("Show only the matching tokens, from anywhere in the store"));
    m_result->setObjectName(QStringLiteral("searchResult"));
    m_result->setMinimumWidth(m_result->fontMetrics().horizontalAdvance(tr("999 of 999+")));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_result);
    layout->addWidget(m_filter);

    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        if (!text().isEmpty())
            Q_EMIT findRequested(text());
    });
    connect(m_field, &QLineEdit::textChanged, this, [this] {
        m_result->clear();
        if (text().isEmpty() && filterOnly())
            emitFilter();
    });
    auto* leave =
        new QShortcut(QKeySequence(Qt::Key_Escape), m_field, nullptr, nullptr, Qt::WidgetShortcut);
    connect(leave, &QShortcut::activated, this, &SearchBar::leaveRequested);
    connect(m_next, &QToolButton::clicked, this, &SearchBar::nextRequested);
    connect(m_previous, &QToolButton::clicked, this, &SearchBar::previousRequested);
    connect(m_filter, &QCheckBox::toggled, this, &SearchBar::emitFilter);
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        if (filterOnly())
            emitFilter();
    });
}

QString SearchBar::text() const
{
    return m_field->text().trimmed();
}

bool SearchBar::filterOnly() const
{
    return m_filter->isChecked();
}

void SearchBar::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchBar::emitFilter()
{
    Q_EMIT filterChanged(filterOnly() ? text() : QString());
}

void SearchBar::showResult(int current, int total, bool truncated)
{
    if (total == 0)
        m_result->setText(tr("No match"));
    else if (truncated)
        m_result->setText(tr("%1 of %2+").arg(current + 1).arg(total));
    else
        m_result->setText(tr("%1 of %2").arg(current + 1).arg(total));
}

void SearchBar::showMessage(const QString& message)
{
    m_result->setText(message);
}

} // namespace tessera::ui
