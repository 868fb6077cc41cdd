#include "reports/QrCode.h"

#include <QPainter>
#include <QPainterPath>
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

void QrCode::paint(QPainter& painter, const QRectF& area) const
{
    const double side = std::min(area.width(), area.height());
    const double module = side / (m_size + 2 * kQuietZone);
    const QPointF origin = area.topLeft() + QPointF(kQuietZone * module, kQuietZone * module);
    painter.save();
    painter.fillRect(QRectF(area.topLeft(), QSizeF(side, side)), Qt::white);
    QPainterPath dark;
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (isDark(x, y))
                dark.addRect(
                    QRectF(origin.x() + x * module, origin.y() + y * module, module, module));
        }
    }
    dark.setFillRule(Qt::WindingFill);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    painter.drawPath(dark);
    painter.restore();
}

} // namespace tessera::reports
