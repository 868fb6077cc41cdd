#include "reports/QrCode.h"

#include <QImage>
#include <QPainter>
#include <memory>
#include <qrencode.h>

namespace tessera::reports {
namespace {

struct QrCodeFree
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

} // namespace

std::optional<QrCode> QrCode::encode(const QByteArray& data)
{
    const std::unique_ptr<QRcode, QrCodeFree> code(QRcode_encodeData(
        int(data.size()), reinterpret_cast<const unsigned char*>(data.constData()), 0,
        QR_ECLEVEL_M));
    if (!code)
        return std::nullopt;
    QrCode result;
    result.m_size = code->width;
    result.m_modules.resize(qsizetype(code->width) * code->width);
    for (qsizetype i = 0; i < result.m_modules.size(); ++i)
        result.m_modules[i] = (code->data[i] & 1) != 0; // bit 0: dark module
    return result;
}

QImage QrCode::toImage() const
{
    const int side = m_size + 2 * kQuietZone;
    // Black at index 0 and white at 1 is the table QPdfWriter keeps as a
    // 1-bit image; any other is written as RGB, even as JPEG.
    QImage image(side, side, QImage::Format_Mono);
    image.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    image.fill(1);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (isDark(x, y))
                image.setPixel(kQuietZone + x, kQuietZone + y, 0);
        }
    }
    return image;
}

void QrCode::paint(QPainter& painter, const QRectF& area) const
{
    const double side = std::min(area.width(), area.height());
    painter.save();
    // Scaled without smoothing, a module stays a sharp square; a PDF stores the
    // code as a 1-bit image of a few hundred bytes instead of a path of several
    // thousand rectangles (docs/ARCHITECTURE.md, «Batches of passes»).
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.setRenderHint(QPainter::LosslessImageRendering, true);
    painter.drawImage(QRectF(area.topLeft(), QSizeF(side, side)), toImage());
    painter.restore();
}

} // namespace tessera::reports
