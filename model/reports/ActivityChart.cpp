#include "ActivityChart.h"

#include "reports/ChartAxes.h"
#include "reports/ReportStyle.h"

#include <QPainter>
#include <QPainterPath>

namespace tessera::reports {
namespace {

QList<std::pair<QString, QColor>> legendOf(const QList<ChartSeries>& series)
{
    QList<std::pair<QString, QColor>> entries;
    for (const ChartSeries& one : series)
        entries.append({one.name, one.colour});
    return entries;
}

} // namespace

void drawStackedBars(QPainter& painter, const QRectF& area, const QStringList& categories,
                     const QList<ChartSeries>& series, const QFont& font)
{
    const qreal legend = drawChartLegend(painter, area.topLeft(), legendOf(series), font);
    qreal highest = 0;
    for (qsizetype i = 0; i < categories.size(); ++i) {
        qreal sum = 0;
        for (const ChartSeries& one : series)
            sum += one.values.value(i).value_or(0);
        highest = std::max(highest, sum);
    }
    const ChartAxes axes(painter, area.adjusted(0, legend + style::pt(6), 0, 0), highest,
                         categories, font);
    axes.drawGrid();
    const qreal barWidth = std::max(style::pt(0.6), axes.slotWidth() * 0.7);
    for (qsizetype i = 0; i < categories.size(); ++i) {
        qreal base = 0;
        for (const ChartSeries& one : series) {
            const qreal value = one.values.value(i).value_or(0);
            if (value <= 0)
                continue;
            const QRectF bar(QPointF(axes.slotCenter(i) - barWidth / 2, axes.yFor(base + value)),
                             QPointF(axes.slotCenter(i) + barWidth / 2, axes.yFor(base)));
            painter.fillRect(bar, one.colour);
            base += value;
        }
    }
    axes.drawLabels();
}

void drawTrendLine(QPainter& painter, const QRectF& area, const QStringList& categories,
                   const ChartSeries& series, const QFont& font)
{
    const qreal legend = drawChartLegend(painter, area.topLeft(), legendOf({series}), font);
    qreal highest = 0;
    for (const auto& value : series.values)
        highest = std::max(highest, value.value_or(0));
    const ChartAxes axes(painter, area.adjusted(0, legend + style::pt(6), 0, 0), highest,
                         categories, font);
    axes.drawGrid();

    QPainterPath line;
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype i = 0; i < series.values.size(); ++i) {
        if (!series.values[i])
            continue;
        const QPointF point(axes.slotCenter(i), axes.yFor(*series.values[i]));
        if (first < 0) {
            line.moveTo(point);
            first = i;
        } else {
            line.lineTo(point);
        }
        last = i;
    }
    if (first >= 0) {
        QPainterPath fill = line;
        fill.lineTo(axes.slotCenter(last), axes.yFor(0));
        fill.lineTo(axes.slotCenter(first), axes.yFor(0));
        fill.closeSubpath();
        QColor light = series.colour;
        light.setAlphaF(0.15f);
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillPath(fill, light);
        painter.setPen(
            QPen(series.colour, style::pt(1.4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(line);
        if (axes.slotWidth() > style::pt(6)) {
            painter.setBrush(series.colour);
            painter.setPen(Qt::NoPen);
            for (qsizetype i = first; i <= last; ++i) {
                if (series.values[i])
                    painter.drawEllipse(QPointF(axes.slotCenter(i), axes.yFor(*series.values[i])),
                                        style::pt(1.6), style::pt(1.6));
            }
        }
        painter.restore();
    }
    axes.drawLabels();
}

} // namespace tessera::reports
