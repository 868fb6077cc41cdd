#include "ui/AccessPass.h"

#include "ui/QrCode.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QLocale>
#include <QPainter>
#include <QPrinter>

namespace tessera::ui {
namespace {

// A card of 90 x 140 mm: fits a pocket, and several fit a page when cut.
constexpr double kCardWidthMm = 90;
constexpr double kCardHeightMm = 128;
constexpr double kMarginMm = 6;

QFont sized(QFont font, double pixels, bool bold = false)
{
    font.setPixelSize(std::max(1, int(pixels)));
    font.setBold(bold);
    return font;
}

} // namespace

QString AccessPass::validityText() const
{
    if (!expireAt)
        return tr("Does not expire");
    const QDateTime expiry = QDateTime::fromSecsSinceEpoch(*expireAt).toLocalTime();
    const QLocale locale;
    return tr("Valid until %1, %2")
        .arg(locale.toString(expiry.date(), QLocale::ShortFormat),
             locale.toString(expiry.time(), QLocale::ShortFormat));
}

QString AccessPass::usesText() const
{
    if (numUses == 0)
        return tr("Unlimited uses");
    if (numUses == 1)
        return tr("One use only");
    return tr("%1 uses").arg(QLocale().toString(numUses));
}

bool AccessPass::print(QPrinter& printer) const
{
    QPainter painter;
    if (!painter.begin(&printer))
        return false;
    const double pixelsPerMm = printer.resolution() / 25.4;
    const QRectF page = printer.pageLayout().paintRectPixels(printer.resolution());
    const QRectF card((page.width() - kCardWidthMm * pixelsPerMm) / 2, 0,
                      kCardWidthMm * pixelsPerMm, kCardHeightMm * pixelsPerMm);
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

    const double qrSide = 58 * mm;
    if (const auto code = QrCode::encode(token.toUtf8())) {
        code->paint(painter, QRectF(inner.center().x() - qrSide / 2, y, qrSide, qrSide));
        y += qrSide + 2 * mm;
    }
    // The token as text too, for typing it where a camera is not at hand.
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    line(token, sized(mono, 2.6 * mm), ink, token.size() > 48 ? 14 : 6);
    line(validityText(), sized(base, 3.6 * mm, true), ink, 7);
    line(usesText(), sized(base, 3.6 * mm), ink, 6);

    painter.setFont(sized(base, 2.6 * mm));
    painter.setPen(muted);
    painter.drawText(QRectF(inner.left(), inner.bottom() - 10 * mm, inner.width(), 10 * mm),
                     Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap,
                     tr("Keep this pass private: whoever holds it has its access."));
    painter.restore();
}

} // namespace tessera::ui
