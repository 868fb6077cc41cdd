#include "items/ExpiringTokenModel.h"

#include "items/TokenText.h"

#include <QSet>

namespace tessera::items {
namespace {

bool sameFacts(const engine::ExpiringToken& a, const engine::ExpiringToken& b)
{
    return a.token.expireAt == b.token.expireAt && a.token.displayName == b.token.displayName &&
           a.token.parentAccessor == b.token.parentAccessor && a.parentName == b.parentName &&
           a.marked == b.marked && a.staff == b.staff;
}

} // namespace

int ExpiringTokenModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int ExpiringTokenModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExpiringTokenModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::ExpiringToken& expiring = m_tokens.at(index.row());
    const engine::Token& token = expiring.token;
    switch (role) {
    case AccessorRole:
        return token.accessor;
    case ExpireAtRole:
        return token.expireAt ? QVariant(*token.expireAt) : QVariant();
    case MarkedRole:
        return expiring.marked;
    case StaffRole:
        return expiring.staff;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return token.displayName.isEmpty() ? tr("(no name)") : token.displayName;
    case AccessorColumn:
        return token.accessor;
    case ExpiresColumn:
        return token.expireAt ? TokenText::localTime(*token.expireAt) : QString();
    case ReasonColumn:
        return reasonText(expiring);
    case ParentColumn:
        if (token.parentAccessor.isEmpty())
            return tr("none");
        // Named by its name; the accessor in the tooltip, and where it has none.
        if (role == Qt::DisplayRole && !expiring.parentName.isEmpty())
            return expiring.parentName;
        return token.parentAccessor;
    default:
        return {};
    }
}

QVariant ExpiringTokenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AccessorColumn:
        return tr("Accessor");
    case ExpiresColumn:
        return tr("Expires");
    case ReasonColumn:
        return tr("Why listed");
    case ParentColumn:
        return tr("Parent");
    default:
        return {};
    }
}

QString ExpiringTokenModel::reasonText(const engine::ExpiringToken& expiring)
{
    if (expiring.marked && expiring.staff)
        return tr("marked, staff");
    return expiring.staff ? tr("staff") : tr("marked");
}

int ExpiringTokenModel::rowOf(const QString& accessor, int from) const
{
    for (int row = from; row < m_tokens.size(); ++row) {
        if (m_tokens.at(row).token.accessor == accessor)
            return row;
    }
    return -1;
}

void ExpiringTokenModel::setTokens(const QList<engine::ExpiringToken>& tokens)
{
    QSet<QString> wanted;
    for (const engine::ExpiringToken& expiring : tokens)
        wanted.insert(expiring.token.accessor);
    for (int row = int(m_tokens.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_tokens.at(row).token.accessor))
            continue;
        beginRemoveRows({}, row, row);
        m_tokens.removeAt(row);
        endRemoveRows();
    }
    // Walk both lists: rows before `row` are `tokens` already.
    for (int row = 0; row < tokens.size(); ++row) {
        const engine::ExpiringToken& expiring = tokens.at(row);
        const int shownAt = rowOf(expiring.token.accessor, row);
        if (shownAt == row) {
            if (!sameFacts(m_tokens.at(row), expiring)) {
                m_tokens[row] = expiring;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        if (shownAt > row) {
            // Its place changed (a renewal moved its expiry): move the row up.
            beginMoveRows({}, shownAt, shownAt, {}, row);
            m_tokens.move(shownAt, row);
            endMoveRows();
            if (!sameFacts(m_tokens.at(row), expiring)) {
                m_tokens[row] = expiring;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_tokens.insert(row, expiring);
        endInsertRows();
    }
}

} // namespace tessera::items
