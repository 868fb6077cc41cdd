#include "ReportTable.h"

#include "reports/PageFlow.h"
#include "reports/ReportStyle.h"

#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>

namespace tessera::reports {
namespace {

constexpr qsizetype kProgressEvery = 500;

// Latin letters are never wider than a 'W' (CJK and some symbols are).
bool latin(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x024f)
            return false;
    }
    return true;
}

} // namespace

ReportTable::ReportTable(QList<TableColumn> columns, QFont font)
    : m_columns(std::move(columns))
    , m_font(std::move(font))
    , m_boldFont(m_font)
{
    m_boldFont.setWeight(QFont::DemiBold);
}

Status ReportTable::draw(PageFlow& flow, qsizetype rowCount, const RowSource& rows,
                         const Progress& progress)
{
    // Metrics of the PDF device itself: the dry run must break pages exactly
    // where the drawing run will.
    const QFontMetricsF metrics(m_boldFont, &flow.device());
    m_rowHeight = metrics.height() * 1.6;
    m_wideCharWidth = metrics.horizontalAdvance(QLatin1Char('W'));

    // The header and the first rows stay together.
    flow.ensure(m_rowHeight * qreal(std::min<qsizetype>(rowCount, 3) + 1));
    drawHeader(flow);
    for (qsizetype row = 0; row < rowCount; ++row) {
        if (flow.remaining() < m_rowHeight) {
            flow.newPage();
            drawHeader(flow);
        }
        const bool totals = m_totals && row == rowCount - 1;
        if (flow.painter())
            drawRow(flow, rows(row), row % 2 == 1, totals);
        flow.advance(m_rowHeight);
        if (progress && row % kProgressEvery == kProgressEvery - 1)
            TESSERA_TRY(progress(row + 1));
    }
    return {};
}

void ReportTable::drawHeader(PageFlow& flow) const
{
    if (QPainter* painter = flow.painter()) {
        const QRectF band(flow.left(), flow.y(), flow.width(), m_rowHeight);
        painter->fillRect(band, style::kBrand);
        painter->setFont(m_boldFont);
        painter->setPen(Qt::white);
        qreal total = 0;
        for (const TableColumn& column : m_columns)
            total += column.weight;
        qreal x = flow.left();
        const qreal padding = style::pt(3);
        for (const TableColumn& column : m_columns) {
            const qreal width = flow.width() * column.weight / total;
            const QRectF cell(x + padding, flow.y(), width - 2 * padding, m_rowHeight);
            const QFontMetricsF metrics(m_boldFont, painter->device());
            painter->drawText(cell, int(column.alignment | Qt::AlignVCenter),
                              metrics.elidedText(column.title, Qt::ElideRight, cell.width()));
            x += width;
        }
    }
    flow.advance(m_rowHeight);
}

void ReportTable::drawRow(PageFlow& flow, const QStringList& cells, bool shaded, bool totals) const
{
    QPainter& painter = *flow.painter();
    const QRectF band(flow.left(), flow.y(), flow.width(), m_rowHeight);
    if (totals) {
        painter.fillRect(band, style::kBrandLight);
        painter.setPen(style::kBrand);
        painter.drawLine(band.topLeft(), band.topRight());
    } else if (shaded) {
        painter.fillRect(band, style::kZebra);
    }
    const QFont& font = totals ? m_boldFont : m_font;
    painter.setFont(font);
    painter.setPen(style::kInk);
    qreal total = 0;
    for (const TableColumn& column : m_columns)
        total += column.weight;
    const QFontMetricsF metrics(font, painter.device());
    const qreal padding = style::pt(3);
    qreal x = flow.left();
    for (qsizetype i = 0; i < m_columns.size() && i < cells.size(); ++i) {
        const TableColumn& column = m_columns[i];
        const qreal width = flow.width() * column.weight / total;
        const QRectF cell(x + padding, flow.y(), width - 2 * padding, m_rowHeight);
        const QString& text = cells[i];
        // Most cells fit for sure; only measure (and elide) the others.
        const bool fits = qreal(text.size()) * m_wideCharWidth <= cell.width() && latin(text);
        painter.drawText(cell, int(column.alignment | Qt::AlignVCenter),
                         fits ? text : metrics.elidedText(text, Qt::ElideRight, cell.width()));
        x += width;
    }
}

} // namespace tessera::reports
