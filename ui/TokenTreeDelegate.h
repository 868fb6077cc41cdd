#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace tessera::ui {

// How token rows look: an icon for the token's kind in the name column, and
// rows that expire soon (TokenTreeModel::ExpiringSoonRole) on an amber
// background so they stand out at a glance.
class TokenTreeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TokenTreeDelegate(QObject* parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    QIcon m_service;
    QIcon m_batch;
    QIcon m_root;
};

} // namespace tessera::ui
