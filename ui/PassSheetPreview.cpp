#include "ui/PassSheetPreview.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPalette>
#include <algorithm>

namespace tessera::ui {
namespace {
constexpr double kMarginPx = 8;
} // namespace

PassSheetPreview::PassSheetPreview(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Preview of the first page"));
}

void PassSheetPreview::setSheet(reports::PassSheet sheet)
{
    m_sheet = std::move(sheet);
    setAccessibleDescription(tr("%n sample pass(es) on the first page", nullptr, shownPasses()));
    update();
}

int PassSheetPreview::shownPasses() const
{
    return std::min<int>(int(m_sheet.passes.size()), m_sheet.passesPerPage());
}

QSize PassSheetPreview::sizeHint() const
{
    return {360, 480};
}

QSize PassSheetPreview::minimumSizeHint() const
{
    return {200, 260};
}

QRectF PassSheetPreview::pageRect() const
{
    const QSizeF page = m_sheet.pageLayout().fullRect(QPageLayout::Millimeter).size();
    const QRectF area = QRectF(rect()).adjusted(kMarginPx, kMarginPx, -kMarginPx, -kMarginPx);
    if (page.isEmpty() || area.isEmpty())
        return {};
    const QSizeF fitted = page.scaled(area.size(), Qt::KeepAspectRatio);
    return {area.left() + (area.width() - fitted.width()) / 2,
            area.top() + (area.height() - fitted.height()) / 2, fitted.width(), fitted.height()};
}

void PassSheetPreview::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Mid));
    const QRectF page = pageRect();
    if (page.isEmpty())
        return;
    // Paper on a grey desk, with a thin shadow, as print previews show it.
    painter.fillRect(page.translated(2, 2), QColor(0, 0, 0, 60));
    painter.fillRect(page, Qt::white);
    const double pixelsPerMm =
        page.width() / m_sheet.pageLayout().fullRect(QPageLayout::Millimeter).width();
    painter.save();
    painter.setClipRect(page);
    painter.translate(page.topLeft());
    m_sheet.paintPage(painter, 0, pixelsPerMm);
    painter.restore();
}

} // namespace tessera::ui
