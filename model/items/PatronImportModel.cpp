#include "items/PatronImportModel.h"

#include "engine/PatronCsv.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <algorithm>

namespace tessera::items {

int PatronImportModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PatronImportModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatronImportModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const bool bad = row.status == Status::Bad;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case LineColumn:
            return row.patron.line > 0 ? QVariant(row.patron.line) : QVariant(tr("file"));
        case CardNumberColumn:
            return row.patron.cardNumber;
        case NameColumn:
            return row.patron.name;
        case EmailColumn:
            return row.patron.email;
        case RoleColumn:
            return row.patron.role;
        case StatusColumn:
            return row.status == Status::New      ? tr("New patron")
                   : row.status == Status::Update ? tr("Update")
                                                  : row.reason;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (!bad)
            return {};
        return row.patron.line > 0 ? tr("Line %1: %2").arg(row.patron.line).arg(row.reason)
                                   : row.reason;
    case Qt::BackgroundRole:
        // A soft red that dark text reads on in any theme (the text is set too).
        return bad ? QVariant(QBrush(QColor(0xfd, 0xe2, 0xe1))) : QVariant();
    case Qt::ForegroundRole:
        return bad ? QVariant(QBrush(QColor(0x7a, 0x12, 0x0c))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == LineColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant();
    case StatusRole:
        return int(row.status);
    case LineRole:
        return row.patron.line;
    default:
        return {};
    }
}

QVariant PatronImportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case LineColumn:
        return tr("Line");
    case CardNumberColumn:
        return tr("Card number");
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("E-mail");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

void PatronImportModel::setPlan(const engine::PatronImportPlan& plan, QByteArrayView bytes)
{
    QList<Row> rows;
    for (const engine::PatronRow& patron : plan.toCreate)
        rows.append({patron, Status::New, {}});
    for (const engine::PatronRow& patron : plan.toUpdate)
        rows.append({patron, Status::Update, {}});

    // Bad lines show what they hold as far as the reader could split them (a
    // line with the wrong number of fields shows its line number only).
    QHash<int, engine::PatronRow> readable;
    if (!plan.problems.isEmpty()) {
        const engine::PatronCsvRead read = engine::PatronCsv::read(bytes);
        for (const engine::PatronRow& patron : read.rows + read.rejected)
            readable.insert(patron.line, patron);
    }
    QHash<int, qsizetype> badRowOfLine;
    for (const engine::PatronProblem& problem : plan.problems) {
        if (const auto known = badRowOfLine.constFind(problem.line);
            known != badRowOfLine.constEnd() && problem.line > 0) {
            rows[*known].reason += QStringLiteral("; ") + problem.reason;
            continue;
        }
        engine::PatronRow patron = readable.value(problem.line);
        patron.line = problem.line;
        badRowOfLine.insert(problem.line, rows.size());
        rows.append({patron, Status::Bad, problem.reason});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.patron.line < b.patron.line; });

    beginResetModel();
    m_rows = std::move(rows);
    m_newCount = int(plan.toCreate.size());
    m_updateCount = int(plan.toUpdate.size());
    m_badCount = int(badRowOfLine.size());
    endResetModel();
}

void PatronImportModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_newCount = m_updateCount = m_badCount = 0;
    endResetModel();
}

} // namespace tessera::items
