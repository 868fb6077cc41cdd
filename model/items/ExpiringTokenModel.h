#pragma once

#include "engine/ExpiryWarningService.h"

#include <QAbstractTableModel>
#include <QList>

namespace tessera::items {

// The tokens that expire soon (ExpiryWarningService) as a table, soonest
// first: name, accessor, expiry, why listed (marked, staff), parent. The owner
// asks the engine and hands the list over with setTokens() whenever it may have
// changed:
//
//     ExpiringTokenModel model;
//     model.setTokens(*engine.expiryWarnings().expiring(caller, 7 * 86400));
//
// setTokens() compares by accessor: a token gone is a row removed, a new one a
// row inserted, a renewed one a dataChanged of its row (moved if its place
// changed); never a reset, so the selection stays on the tokens it was on.
class ExpiringTokenModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        AccessorColumn,
        ExpiresColumn, // local time
        ReasonColumn,  // "marked", "staff", "marked, staff"
        ParentColumn,  // accessor, or "none"
        ColumnCount
    };

    enum Role
    {
        AccessorRole = Qt::UserRole + 1, // QString
        ExpireAtRole,                    // qint64 Unix seconds
        MarkedRole,                      // bool
        StaffRole,                       // bool
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTokens(const QList<engine::ExpiringToken>& tokens);
    engine::ExpiringToken expiring(int row) const { return m_tokens.value(row); }

    // Why a token is listed, as the Reason column reads.
    static QString reasonText(const engine::ExpiringToken& expiring);

private:
    int rowOf(const QString& accessor, int from) const;

    QList<engine::ExpiringToken> m_tokens;
};

} // namespace tessera::items
