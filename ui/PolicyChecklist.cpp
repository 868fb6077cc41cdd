#include "ui/PolicyChecklist.h"

namespace tessera::ui {

PolicyChecklist::PolicyChecklist(QWidget* parent)
    : QListWidget(parent)
{
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    connect(this, &QListWidget::itemChanged, this, &PolicyChecklist::checkedChanged);
}

void PolicyChecklist::setOffered(const QStringList& names)
{
    const QStringList wasChecked = checked();
    const QSignalBlocker blocker(this);
    clear();
    for (const QString& name : names) {
        auto* item = new QListWidgetItem(name, this);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(wasChecked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    if (checked() != wasChecked)
        Q_EMIT checkedChanged();
}

QStringList PolicyChecklist::offered() const
{
    QStringList names;
    for (int row = 0; row < count(); ++row)
        names << item(row)->text();
    return names;
}

QStringList PolicyChecklist::setChecked(const QStringList& names)
{
    QStringList missing = names;
    {
        const QSignalBlocker blocker(this);
        for (int row = 0; row < count(); ++row) {
            QListWidgetItem* entry = item(row);
            const bool on = names.contains(entry->text());
            entry->setCheckState(on ? Qt::Checked : Qt::Unchecked);
            missing.removeAll(entry->text());
        }
    }
    Q_EMIT checkedChanged();
    return missing;
}

QStringList PolicyChecklist::checked() const
{
    QStringList names;
    for (int row = 0; row < count(); ++row) {
        if (item(row)->checkState() == Qt::Checked)
            names << item(row)->text();
    }
    return names;
}

} // namespace tessera::ui
