#pragma once

#include "core/Result.h"

#include <QFont>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace tessera::reports {

class PageFlow;

struct TableColumn
{
    QString title;
    qreal weight = 1; // share of the table's width
    Qt::Alignment alignment = Qt::AlignLeft;
};

// A table drawn into a PageFlow: a dark header row repeated on every page it
// spans, zebra rows of one height, cells elided to their width, and an
// optional emphasised last row (totals). Rows come from a callback, so that a
// table of 100,000 records never holds them all as text.
class ReportTable
{
public:
    using RowSource = std::function<QStringList(qsizetype row)>;
    // Called every few hundred rows with the rows done; an error stops drawing.
    using Progress = std::function<Status(qsizetype done)>;

    ReportTable(QList<TableColumn> columns, QFont font);

    void setTotalsRow(bool lastRowIsTotals) { m_totals = lastRowIsTotals; }
    qreal rowHeight() const { return m_rowHeight; }

    // Sizes itself to the flow's device first (rowHeight() is valid after).
    Status draw(PageFlow& flow, qsizetype rowCount, const RowSource& rows,
                const Progress& progress = {});

private:
    void drawHeader(PageFlow& flow) const;
    void drawRow(PageFlow& flow, const QStringList& cells, bool shaded, bool totals) const;

    QList<TableColumn> m_columns;
    QFont m_font;
    QFont m_boldFont;
    qreal m_rowHeight = 0;
    qreal m_wideCharWidth = 0;
    bool m_totals = false;
};

} // namespace tessera::reports
