#include "ChartAxes.h"

#include "reports/ReportStyle.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <cmath>

namespace tessera::reports {

qreal ChartAxes::niceStep(qreal maxValue, int ticks)
{
    if (maxValue <= 0)
        return 1;
    const qreal raw = maxValue / ticks;
    const qreal magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const qreal factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * magnitude >= raw)
            return std::max<qreal>(1, factor * magnitude);
    }
    return std::max<qreal>(1, 10 * magnitude);
}

ChartAxes::ChartAxes(QPainter& painter, const QRectF& area, qreal maxValue, QStringList categories,
                     const QFont& font)
    : m_painter(painter)
    , m_categories(std::move(categories))
    , m_font(font)
{
    m_step = niceStep(maxValue, 5);
    m_top = std::max<qreal>(m_step, std::ceil(maxValue / m_step) * m_step);
    const QFontMetricsF metrics(m_font, painter.device());
    const QLocale locale;
    const qreal labelWidth = metrics.horizontalAdvance(locale.toString(qint64(m_top)));
    const qreal left = labelWidth + style::pt(6);
    const qreal bottom = metrics.height() * 1.8;
    m_plot = QRectF(area.left() + left, area.top() + metrics.height() / 2, area.width() - left,
                    area.height() - bottom - metrics.height() / 2);
}

qreal ChartAxes::slotWidth() const
{
    return m_categories.isEmpty() ? m_plot.width() : m_plot.width() / qreal(m_categories.size());
}

qreal ChartAxes::slotCenter(qsizetype index) const
{
    return m_plot.left() + slotWidth() * (qreal(index) + 0.5);
}

qreal ChartAxes::yFor(qreal value) const
{
    return m_plot.bottom() - m_plot.height() * value / m_top;
}

void ChartAxes::drawGrid() const
{
    m_painter.save();
    m_painter.setPen(QPen(style::kRule, style::pt(0.4)));
    for (qreal value = m_step; value <= m_top + m_step / 2; value += m_step)
        m_painter.drawLine(QPointF(m_plot.left(), yFor(value)),
                           QPointF(m_plot.right(), yFor(value)));
    m_painter.restore();
}

void ChartAxes::drawLabels() const
{
    m_painter.save();
    m_painter.setFont(m_font);
    m_painter.setPen(style::kMuted);
    const QFontMetricsF metrics(m_font, m_painter.device());
    const QLocale locale;
    for (qreal value = 0; value <= m_top + m_step / 2; value += m_step) {
        const QRectF label(m_plot.left() - style::pt(60), yFor(value) - metrics.height() / 2,
                           style::pt(60) - style::pt(4), metrics.height());
        m_painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                           locale.toString(qint64(value)));
    }
    // Label every n-th slot so that labels keep a gap between them.
    qreal widest = 0;
    for (const QString& category : m_categories)
        widest = std::max(widest, metrics.horizontalAdvance(category));
    const qsizetype every =
        std::max<qsizetype>(1, qsizetype(std::ceil((widest + style::pt(6)) / slotWidth())));
    for (qsizetype i = 0; i < m_categories.size(); i += every) {
        const QRectF label(slotCenter(i) - widest, m_plot.bottom() + style::pt(3), 2 * widest,
                           metrics.height());
        m_painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop, m_categories[i]);
        m_painter.setPen(QPen(style::kMuted, style::pt(0.5)));
        m_painter.drawLine(QPointF(slotCenter(i), m_plot.bottom()),
                           QPointF(slotCenter(i), m_plot.bottom() + style::pt(2)));
        m_painter.setPen(style::kMuted);
    }
    m_painter.setPen(QPen(style::kInk, style::pt(0.8)));
    m_painter.drawLine(m_plot.bottomLeft(), m_plot.bottomRight());
    m_painter.restore();
}

qreal drawChartLegend(QPainter& painter, const QPointF& topLeft,
                      const QList<std::pair<QString, QColor>>& entries, const QFont& font)
{
    painter.save();
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());
    const qreal swatch = metrics.height() * 0.7;
    qreal x = topLeft.x();
    for (const auto& [name, colour] : entries) {
        painter.fillRect(QRectF(x, topLeft.y() + (metrics.height() - swatch) / 2, swatch, swatch),
                         colour);
        x += swatch + style::pt(3);
        painter.setPen(style::kInk);
        painter.drawText(QPointF(x, topLeft.y() + metrics.ascent()), name);
        x += metrics.horizontalAdvance(name) + style::pt(12);
    }
    painter.restore();
    return metrics.height();
}

} // namespace tessera::reports
