#pragma once

#include "engine/SecurityKeys.h"

#include <QAbstractTableModel>
#include <QList>

namespace tessera::items {

// One user's security keys as a table (the second-factor dialog's list): name,
// when added, when last used to sign in ("never"), algorithm. The owner reads
// the keys from the engine (SecurityKeyService::keys, which takes a caller)
// and hands them over with setKeys() whenever they may have changed:
//
//     SecurityKeyModel model;
//     model.setKeys(*engine.securityKeys().keys(caller, user));
//
// setKeys() compares by key id: a key gone is a row removed, a new one a row
// inserted, a key used since a dataChanged of its row; never a reset, so the
// selection stays on the key it was on.
class SecurityKeyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        AddedColumn,    // local time
        LastUsedColumn, // local time, or "never"
        AlgorithmColumn,
        ColumnCount
    };

    enum Role
    {
        KeyIdRole = Qt::UserRole + 1, // QString: SecurityKey::id(), what removeKey takes
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // `keys` in the engine's order (oldest first).
    void setKeys(const QList<engine::SecurityKey>& keys);
    engine::SecurityKey key(int row) const { return m_keys.value(row); }

    // "ES256", "EdDSA"; another COSE algorithm by its number.
    static QString algorithmName(qint64 algorithm);

private:
    QList<engine::SecurityKey> m_keys;
};

} // namespace tessera::items
