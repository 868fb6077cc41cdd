#pragma once

#include <QRectF>
#include <functional>

class QPainter;
class QPagedPaintDevice;

namespace tessera::reports {

// Lays content out top to bottom over pages and breaks pages when a block
// does not fit. Without a painter it only counts pages (the dry run that
// tells "Page 3 of N" before anything is drawn); with one it also draws,
// calling `decorate` (header and footer) on each new page.
class PageFlow
{
public:
    using Decorate = std::function<void(QPainter& painter, int page)>;

    PageFlow(QPagedPaintDevice& device, QPainter* painter, const QRectF& content,
             Decorate decorate);

    QPainter* painter() const { return m_painter; } // null in the dry run
    QPagedPaintDevice& device() const { return m_device; }
    const QRectF& content() const { return m_content; }
    int page() const { return m_page; }

    qreal y() const { return m_y; }
    qreal left() const { return m_content.left(); }
    qreal width() const { return m_content.width(); }
    qreal remaining() const { return m_content.bottom() - m_y; }
    bool atTop() const { return m_y == m_content.top(); }

    void begin(); // decorates the first page
    void advance(qreal height) { m_y += height; }
    // Breaks the page unless `height` fits below the cursor (or the cursor is
    // at the top already, where nothing more would fit anyway).
    void ensure(qreal height);
    void newPage();

private:
    QPagedPaintDevice& m_device;
    QPainter* m_painter;
    QRectF m_content;
    Decorate m_decorate;
    int m_page = 1;
    qreal m_y = 0;
};

} // namespace tessera::reports
