#include "ui/TokenTreeDelegate.h"

#include "items/TokenTreeModel.h"

namespace tessera::ui {

TokenTreeDelegate::TokenTreeDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_service(QStringLiteral(":/icons/service-token.svg"))
    , m_batch(QStringLiteral(":/icons/batch-token.svg"))
    , m_root(QStringLiteral(":/icons/lock.svg"))
{}

void TokenTreeDelegate::initStyleOption(QStyleOptionViewItem* option,
                                        const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    using Model = items::TokenTreeModel;
    if (index.data(Model::ExpiringSoonRole).toBool()) {
        // Amber with dark text, whatever the palette (a dark theme's light text
        // would vanish on it); the model's red TTL text stays.
        option->backgroundBrush = QColor(0xff, 0xe8, 0xa3);
        if (!index.data(Qt::ForegroundRole).isValid())
            option->palette.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    }
    if (index.column() != Model::NameColumn)
        return;
    const auto token = index.data(Model::TokenRole).value<engine::Token>();
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->icon = token.isRoot()                           ? m_root
                   : token.type == engine::TokenType::Batch ? m_batch
                                                            : m_service;
    option->decorationSize =
        option->decorationSize.isValid() ? option->decorationSize : QSize(16, 16);
}

} // namespace tessera::ui
