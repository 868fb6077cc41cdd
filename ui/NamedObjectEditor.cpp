#include "ui/NamedObjectEditor.h"

#include "ui/InlineMessage.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

NamedObjectEditor::NamedObjectEditor(const QString& title, const QString& listLabel,
                                     QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_new(new QPushButton(tr("&New"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_message(new InlineMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setWindowTitle(title);
    m_list->setObjectName(QStringLiteral("names"));
    m_list->setAccessibleName(listLabel);
    m_list->setMinimumWidth(170);
    m_list->setMaximumWidth(240);
    m_new->setObjectName(QStringLiteral("new"));
    m_delete->setObjectName(QStringLiteral("delete"));
    m_message->setObjectName(QStringLiteral("message"));
    m_save = m_buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("save"));
    m_revert = m_buttons->addButton(tr("Re&vert"), QDialogButtonBox::ResetRole);
    m_revert->setObjectName(QStringLiteral("revert"));
    auto* label = new QLabel(listLabel, this);
    label->setBuddy(m_list);

    connect(m_list, &QListWidget::currentItemChanged, this, &NamedObjectEditor::onCurrentChanged);
    connect(m_new, &QPushButton::clicked, this, &NamedObjectEditor::startNew);
    connect(m_delete, &QPushButton::clicked, this, &NamedObjectEditor::removeCurrent);
    connect(m_save, &QPushButton::clicked, this, &NamedObjectEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &NamedObjectEditor::revert);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (confirmDiscard())
            reject();
    });

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_delete);
    auto* left = new QVBoxLayout;
    left->addWidget(label);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    auto* right = new QVBoxLayout;
    right->setObjectName(QStringLiteral("formColumn"));
    auto* columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
}

void NamedObjectEditor::setUp(QWidget* form)
{
    m_form = form;
    findChild<QVBoxLayout*>(QStringLiteral("formColumn"))->addWidget(form, 1);
    setTabOrder(m_list, m_new);
    setTabOrder(m_new, m_delete);
    setTabOrder(m_delete, form);
    reloadNames({});
    if (m_list->count() == 0)
        startNew();
}

void NamedObjectEditor::reloadNames(const QString& select)
{
    auto listed = names();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        if (!listed.ok()) {
            showError(listed.error().message);
            return;
        }
        m_list->addItems(*listed);
    }
    const auto found = m_list->findItems(select, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
    else if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

bool NamedObjectEditor::select(const QString& name)
{
    const auto found = m_list->findItems(name, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    m_list->setCurrentItem(found.first());
    return m_current == name;
}

void NamedObjectEditor::onCurrentChanged(QListWidgetItem* current, QListWidgetItem* previous)
{
    if (!confirmDiscard()) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(previous);
        return;
    }
    m_loading = true;
    m_current = current ? current->text() : QString();
    showObject(m_current);
    m_loading = false;
    m_dirty = false;
    revalidate();
}

void NamedObjectEditor::startNew()
{
    if (!confirmDiscard())
        return;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
    }
    m_loading = true;
    m_current.clear();
    showObject({});
    m_loading = false;
    m_dirty = false;
    revalidate();
    // The name: every form creates that field first.
    if (auto* name = m_form->findChild<QLineEdit*>())
        name->setFocus();
}

void NamedObjectEditor::formChanged()
{
    if (m_loading)
        return;
    m_dirty = true;
    revalidate();
}

void NamedObjectEditor::revalidate()
{
    m_problemText = formProblem();
    if (m_problemText.isEmpty())
        m_message->clear();
    else
        m_message->showMessage(InlineMessage::Kind::Error, m_problemText);
    updateButtons();
}

void NamedObjectEditor::showError(const QString& text)
{
    m_problemText = text;
    m_message->showMessage(InlineMessage::Kind::Error, text);
}

Status NamedObjectEditor::checkNameFree(const QString& name, const QString& taken) const
{
    if (!m_current.isEmpty())
        return {};
    const auto existing = names();
    if (existing.ok() && existing->contains(name))
        return Error::invalid(taken);
    return {};
}

bool NamedObjectEditor::save()
{
    revalidate();
    if (!m_problemText.isEmpty())
        return false;
    auto saved = saveObject();
    if (!saved.ok()) {
        showError(tr("Not saved: %1").arg(asSentence(saved.error().message)));
        return false;
    }
    m_dirty = false;
    reloadNames(*saved);
    m_message->showMessage(InlineMessage::Kind::Info, tr("Saved \u201c%1\u201d.").arg(*saved));
    updateButtons();
    return true;
}

void NamedObjectEditor::revert()
{
    m_dirty = false;
    if (m_current.isEmpty() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        onCurrentChanged(m_list->currentItem(), nullptr);
}

void NamedObjectEditor::removeCurrent()
{
    const QString name = m_current;
    if (!isDeletable(name))
        return;
    const auto answer = QMessageBox::question(
        this, windowTitle(), tr("Delete \u201c%1\u201d? This cannot be undone.").arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const Status removed = removeObject(name);
    if (!removed.ok()) {
        showError(tr("Not deleted: %1").arg(asSentence(removed.error().message)));
        return;
    }
    m_dirty = false;
    reloadNames({});
    if (m_list->count() == 0)
        startNew();
    m_message->showMessage(InlineMessage::Kind::Info, tr("Deleted \u201c%1\u201d.").arg(name));
}

bool NamedObjectEditor::confirmDiscard()
{
    if (!m_dirty || m_loading)
        return true;
    const auto answer =
        QMessageBox::question(this, windowTitle(), tr("Discard the unsaved changes?"),
                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Discard) {
        m_dirty = false;
        return true;
    }
    return false;
}

void NamedObjectEditor::updateButtons()
{
    const bool editable = isEditable(m_current);
    m_form->setEnabled(editable);
    // A new object can be saved as it comes; an existing one once changed.
    m_save->setEnabled(editable && (m_dirty || m_current.isEmpty()) && m_problemText.isEmpty());
    m_revert->setEnabled(m_dirty);
    m_delete->setEnabled(isDeletable(m_current));
}

} // namespace tessera::ui
