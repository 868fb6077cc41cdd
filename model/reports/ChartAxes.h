#pragma once

#include <QFont>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace tessera::reports {

// The frame every report chart shares: a value axis from 0 to a round maximum
// with 4-6 labelled grid lines (steps of 1, 2 or 5 times a power of ten),
// and one slot per category along the bottom, labelled as often as the labels
// fit. `area` holds everything; the plot is what is left inside the labels.
class ChartAxes
{
public:
    ChartAxes(QPainter& painter, const QRectF& area, qreal maxValue, QStringList categories,
              const QFont& font);

    const QRectF& plot() const { return m_plot; }
    qreal slotWidth() const;
    qreal slotCenter(qsizetype index) const;
    qreal yFor(qreal value) const;

    void drawGrid() const;   // behind the data
    void drawLabels() const; // value labels, category labels, base line

    // A step of 1, 2 or 5 times a power of ten giving about `ticks` steps.
    static qreal niceStep(qreal maxValue, int ticks);

private:
    QPainter& m_painter;
    QStringList m_categories;
    QFont m_font;
    qreal m_step = 1;
    qreal m_top = 1;
    QRectF m_plot;
};

// A row of colour swatches with their names, from `topLeft`; returns its height.
qreal drawChartLegend(QPainter& painter, const QPointF& topLeft,
                      const QList<std::pair<QString, QColor>>& entries, const QFont& font);

} // namespace tessera::reports
