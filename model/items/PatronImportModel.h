#pragma once

#include "engine/PatronImportService.h"

#include <QAbstractTableModel>
#include <QByteArrayView>
#include <QList>

namespace tessera::items {

// The preview of a patron import file as a table (the import dialog's list):
// one row per line of the file that names a patron or has a fault, in file
// order, with the line, card number, name, e-mail, role and what the import
// does with it: a new patron, an update, or why the line is bad. Bad lines
// are tinted and their reason is also the row's tool tip; a fault of the
// whole file (an unreadable header, not UTF-8) is a row without a line.
//
//     PatronImportModel model;
//     model.setPlan(*engine.patronImport().preview(caller, bytes), bytes);
class PatronImportModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        LineColumn,
        CardNumberColumn,
        NameColumn,
        EmailColumn,
        RoleColumn,
        StatusColumn, // "New patron", "Update", or the bad line's reason
        ColumnCount
    };

    enum class Status
    {
        New,
        Update,
        Bad,
    };

    enum Role
    {
        StatusRole = Qt::UserRole + 1, // int: Status
        LineRole,                      // int: the line in the file (0: the whole file)
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The preview of `bytes` (PatronImportService::preview); the file itself
    // (PatronCsv::read) fills in the fields of the bad lines.
    void setPlan(const engine::PatronImportPlan& plan, QByteArrayView bytes);
    void clear();

    int newCount() const { return m_newCount; }
    int updateCount() const { return m_updateCount; }
    int badCount() const { return m_badCount; }
    // Something to import and no bad line: the engine imports all or nothing.
    bool isImportable() const { return m_badCount == 0 && !m_rows.isEmpty(); }

private:
    struct Row
    {
        engine::PatronRow patron; // line and whatever fields could be read
        Status status = Status::New;
        QString reason; // bad lines: every problem of the line, joined
    };

    QList<Row> m_rows;
    int m_newCount = 0;
    int m_updateCount = 0;
    int m_badCount = 0;
};

} // namespace tessera::items
