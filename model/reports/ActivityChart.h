#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QStringList>
#include <optional>

class QPainter;

namespace tessera::reports {

struct ChartSeries
{
    QString name;
    QColor colour;
    QList<std::optional<qreal>> values; // one per category; none: no data (future days)
};

// Activity per day: one bar per day, the series stacked, with a legend above.
void drawStackedBars(QPainter& painter, const QRectF& area, const QStringList& categories,
                     const QList<ChartSeries>& series, const QFont& font);

// A quantity over time (active tokens): a line with a light area below it and
// a dot per day when there are few enough days to tell them apart.
void drawTrendLine(QPainter& painter, const QRectF& area, const QStringList& categories,
                   const ChartSeries& series, const QFont& font);

} // namespace tessera::reports
