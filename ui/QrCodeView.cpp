#include "ui/QrCodeView.h"

#include <QPainter>

namespace tessera::ui {
namespace {

// Pixels per module: a version 5 code (an otpauth:// URI) comes to 225 pixels
// with its quiet zone, easy for a phone held at arm's length.
constexpr int kModulePixels = 5;

int modulesWithQuietZone(const reports::QrCode& code)
{
    return code.size() + 2 * reports::QrCode::kQuietZone;
}

} // namespace

QrCodeView::QrCodeView(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

bool QrCodeView::setData(const QByteArray& text)
{
    m_code = reports::QrCode::encode(text);
    updateGeometry();
    update();
    return m_code.has_value();
}

void QrCodeView::clear()
{
    m_code.reset();
    updateGeometry();
    update();
}

QSize QrCodeView::sizeHint() const
{
    const int side = m_code ? modulesWithQuietZone(*m_code) * kModulePixels : 0;
    return {side, side};
}

void QrCodeView::paintEvent(QPaintEvent* /*event*/)
{
    if (!m_code)
        return;
    const int modules = modulesWithQuietZone(*m_code);
    const int side = std::min(width(), height()) / modules * modules;
    QPainter painter(this);
    m_code->paint(painter, QRectF((width() - side) / 2, (height() - side) / 2, side, side));
}

} // namespace tessera::ui
