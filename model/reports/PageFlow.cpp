#include "PageFlow.h"

#include <QPagedPaintDevice>
#include <QPainter>

namespace tessera::reports {

PageFlow::PageFlow(QPagedPaintDevice& device, QPainter* painter, const QRectF& content,
                   Decorate decorate)
    : m_device(device)
    , m_painter(painter)
    , m_content(content)
    , m_decorate(std::move(decorate))
    , m_y(content.top())
{}

void PageFlow::begin()
{
    if (m_painter && m_decorate)
        m_decorate(*m_painter, m_page);
}

void PageFlow::ensure(qreal height)
{
    if (height > remaining() && !atTop())
        newPage();
}

void PageFlow::newPage()
{
    ++m_page;
    m_y = m_content.top();
    if (!m_painter)
        return;
    m_device.newPage();
    if (m_decorate)
        m_decorate(*m_painter, m_page);
}

} // namespace tessera::reports
