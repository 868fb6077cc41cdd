#pragma once

#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::items {

// The audit view's table: the engine's audit records, newest first, a page at
// a time (canFetchMore/fetchMore by sequence), narrowed in SQL by an AuditFilter
// (time range, operations, actor, target).
//
//     AuditModel model(engine);
//     audit::AuditFilter filter;
//     filter.operations = {QStringLiteral("token.revoke")};
//     model.setFilter(filter);                 // a reset: a new question
//     connect(&watcher, &StoreWatcher::auditAppended, &model, &AuditModel::fetchNewRecords);
//
// New records (of any process) go in at the top with rowsInserted when
// fetchNewRecords() runs; the StoreWatcher calls it within a second with the
// log's last sequence, so records the filter passes over are looked at once.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn, // local time
        OperationColumn,
        ActorColumn,
        TargetsColumn, // the first accessor and how many more
        ClientColumn,
        OutcomeColumn,
        DetailsColumn, // "key=value, ..." of the details
        ColumnCount
    };

    enum Role
    {
        SequenceRole = Qt::UserRole + 1, // qint64
        RecordRole,                      // audit::AuditRecord
        TimeMsRole,                      // qint64 UTC ms
        RedactedRole,                    // bool: the personal details were removed
    };

    explicit AuditModel(engine::TokenEngine& engine, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Time range, operations, actor and target of `filter` apply; its paging
    // fields (afterSequence, beforeSequence, limit, newestFirst) are the model's.
    void setFilter(const audit::AuditFilter& filter);
    audit::AuditFilter filter() const { return m_filter; }
    audit::AuditRecord record(int row) const { return m_records.value(row); }
    void setPageSize(int rows) { m_pageSize = rows; }

public Q_SLOTS:
    // Inserts at the top the matching records appended since the last look, up
    // to sequence `upTo` (0: all there are).
    void fetchNewRecords(qint64 upTo = 0);

Q_SIGNALS:
    void queryFailed(const QString& message);

private:
    QString displayText(const audit::AuditRecord& record, int column) const;

    engine::TokenEngine& m_engine;
    audit::AuditFilter m_filter;
    QList<audit::AuditRecord> m_records; // newest first
    qint64 m_newest = 0;                 // highest sequence looked at
    bool m_more = true;
    bool m_started = false; // newest sequence read
    int m_pageSize = 500;
    bool m_changing = false; // between a begin...() and its end...()
};

} // namespace tessera::items
