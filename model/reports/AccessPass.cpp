#include "reports/AccessPass.h"

#include "reports/QrCode.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>

namespace tessera::reports {
namespace {

constexpr double kMarginMm = 6;

QFont sized(QFont font, double pixels, bool bold = false)
{
    font.setPixelSize(std::max(1, int(pixels)));
    font.setBold(bold);
    return font;
}

} // namespace

void AccessPass::setValidity(const engine::Token& issued)
{
    expireAt = issued.expireAt;
    numUses = issued.numUses;
    ttlFromFirstUse = issued.awaitsFirstUse() ? issued.creationTtl : 0;
}

QString AccessPass::validityText() const
{
    if (!expireAt)
        return tr("Does not expire");
    const QDateTime expiry = QDateTime::fromSecsSinceEpoch(*expireAt).toLocalTime();
    const QLocale locale;
    const QString date = locale.toString(expiry.date(), QLocale::ShortFormat);
    const QString time = locale.toString(expiry.time(), QLocale::ShortFormat);
    if (ttlFromFirstUse > 0) {
        const qint64 days = ttlFromFirstUse / 86'400;
        const qint64 hours = ttlFromFirstUse / 3'600;
        const QString period = ttlFromFirstUse % 86'400 == 0 ? tr("%n day(s)", nullptr, int(days))
                               : ttlFromFirstUse % 3'600 == 0
                                   ? tr("%n hour(s)", nullptr, int(hours))
                                   : tr("%n minute(s)", nullptr, int(ttlFromFirstUse / 60));
        return tr("Valid for %1 from its first use; first use by %2, %3").arg(period, date, time);
    }
    return tr("Valid until %1, %2").arg(date, time);
}

QString AccessPass::usesText() const
{
    if (numUses == 0)
        return tr("Unlimited uses");
    if (numUses == 1)
        return tr("One use only");
    return tr("%1 uses").arg(QLocale().toString(numUses));
}

bool AccessPass::print(QPagedPaintDevice& device) const
{
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    const int resolution = device.logicalDpiX();
    const double pixelsPerMm = resolution / 25.4;
    const QRectF page = device.pageLayout().paintRectPixels(resolution);
    const QRectF card((page.width() - kWidthMm * pixelsPerMm) / 2, 0, kWidthMm * pixelsPerMm,
                      kHeightMm * pixelsPerMm);
    paint(painter, card, pixelsPerMm);
    return painter.end();
}

void AccessPass::paint(QPainter& painter, const QRectF& card, double mm) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0x5e, 0x5c, 0x64), 0.3 * mm, Qt::DashLine));
    painter.drawRoundedRect(card, 3 * mm, 3 * mm);

    const QRectF inner =
        card.adjusted(kMarginMm * mm, kMarginMm * mm, -kMarginMm * mm, -kMarginMm * mm);
    const QFont base = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    double y = inner.top();
    const auto line = [&](const QString& text, const QFont& font, const QColor& colour,
                          double heightMm) {
        painter.setFont(font);
        painter.setPen(colour);
        const QRectF box(inner.left(), y, inner.width(), heightMm * mm);
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap, text);
        y += heightMm * mm;
    };

    const QColor ink(0x24, 0x1f, 0x31);
    const QColor muted(0x5e, 0x5c, 0x64);
    line(library, sized(base, 5.5 * mm, true), ink, 9);
    line(title, sized(base, 4 * mm), muted, 7);
    line(displayName, sized(base, 4.5 * mm, true), ink, 8);

    // The place for a typeable code takes its room from the QR code.
    const double qrSide = (typeableCodePlace ? 50 : 58) * mm;
    if (const auto code = QrCode::encode(token.toUtf8())) {
        code->paint(painter, QRectF(inner.center().x() - qrSide / 2, y, qrSide, qrSide));
        y += qrSide + 2 * mm;
    }
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Right under the QR code, the short code a patron types where no camera
    // is at hand (docs/ARCHITECTURE.md, «Pass codes»).
    if (typeableCodePlace) {
        const QRectF box(inner.left() + 8 * mm, y, inner.width() - 16 * mm, 7 * mm);
        painter.setPen(QPen(muted, 0.25 * mm));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(box);
        painter.setFont(sized(base, 2.4 * mm));
        painter.drawText(box.adjusted(1.5 * mm, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("Typeable code:"));
        painter.setPen(ink);
        painter.setFont(sized(mono, 3.4 * mm, true));
        painter.drawText(box.adjusted(0, 0, -1.5 * mm, 0), Qt::AlignRight | Qt::AlignVCenter,
                         typeableCode);
        y += 8 * mm;
    }
    // The token as text too, for copying it exactly.
    line(token, sized(mono, 2.6 * mm), ink, token.size() > 48 ? 14 : 6);
    line(validityText(), sized(base, 3.6 * mm, true), ink, 7);
    line(usesText(), sized(base, 3.6 * mm), ink, 6);

    painter.setFont(sized(base, 2.6 * mm));
    painter.setPen(muted);
    painter.drawText(QRectF(inner.left(), inner.bottom() - 10 * mm, inner.width(), 10 * mm),
                     Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap,
                     instruction.isEmpty()
                         ? tr("Keep this pass private: whoever holds it has its access.")
                         : instruction);
    painter.restore();
}

} // namespace tessera::reports
