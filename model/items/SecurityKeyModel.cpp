#include "items/SecurityKeyModel.h"

#include "engine/CoseKey.h"
#include "items/TokenText.h"

#include <QSet>

namespace tessera::items {

int SecurityKeyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int SecurityKeyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SecurityKeyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::SecurityKey& key = m_keys.at(index.row());
    if (role == KeyIdRole)
        return key.id();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return key.label;
    case AddedColumn:
        return TokenText::localTime(key.createdAt);
    case LastUsedColumn:
        return key.lastUsedAt > 0 ? TokenText::localTime(key.lastUsedAt) : tr("never");
    case AlgorithmColumn:
        return algorithmName(key.algorithm);
    default:
        return {};
    }
}

QVariant SecurityKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AddedColumn:
        return tr("Added");
    case LastUsedColumn:
        return tr("Last used");
    case AlgorithmColumn:
        return tr("Algorithm");
    default:
        return {};
    }
}

void SecurityKeyModel::setKeys(const QList<engine::SecurityKey>& keys)
{
    QSet<QString> wanted;
    for (const engine::SecurityKey& key : keys)
        wanted.insert(key.id());
    for (int row = int(m_keys.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_keys.at(row).id()))
            continue;
        beginRemoveRows({}, row, row);
        m_keys.removeAt(row);
        endRemoveRows();
    }
    // What is left is in the engine's order too: walk both lists together,
    // inserting what is new where it stands.
    for (int row = 0; row < keys.size(); ++row) {
        const engine::SecurityKey& key = keys.at(row);
        if (row < m_keys.size() && m_keys.at(row).id() == key.id()) {
            engine::SecurityKey& shown = m_keys[row];
            if (shown.label != key.label || shown.lastUsedAt != key.lastUsedAt ||
                shown.signCount != key.signCount) {
                shown = key;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_keys.insert(row, key);
        endInsertRows();
    }
    // Rows 0..n-1 are `keys` now; anything after them was shown in another
    // order (the engine's order does not change, but the model need not rely on it).
    if (m_keys.size() > keys.size()) {
        beginRemoveRows({}, int(keys.size()), int(m_keys.size()) - 1);
        m_keys.resize(keys.size());
        endRemoveRows();
    }
}

QString SecurityKeyModel::algorithmName(qint64 algorithm)
{
    switch (algorithm) {
    case engine::CoseKey::kEs256:
        return QStringLiteral("ES256");
    case engine::CoseKey::kEdDsa:
        return QStringLiteral("EdDSA");
    default:
        return QStringLiteral("COSE %1").arg(algorithm);
    }
}

} // namespace tessera::items
