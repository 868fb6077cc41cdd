#include "reports/PassSheet.h"

#include "engine/PassBatchService.h"

#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>

namespace tessera::reports {
namespace {

constexpr double kSheetMarginMm = 6;
// Sheets: cards at 68 %, three by three on A4 and on Letter; big enough for a
// QR code of 34 mm, which phones read from arm's length.
constexpr double kSheetScale = 0.68;
// Receipts: 80 mm paper with about 72 mm a thermal head reaches.
constexpr double kReceiptWidthMm = 80;
constexpr double kReceiptScale = 0.8;
constexpr double kReceiptMarginMm = 4;

} // namespace

PassSheet PassSheet::forBatch(const engine::PassBatch& batch, const QString& library,
                              PassPaper paper)
{
    PassSheet sheet;
    sheet.paper = paper;
    sheet.passes.reserve(batch.passes.size());
    for (const engine::CreatedToken& created : batch.passes) {
        AccessPass pass;
        pass.library = library;
        pass.title = batch.groupName;
        pass.displayName =
            tr("Pass %1 of %2").arg(sheet.passes.size() + 1).arg(batch.passes.size());
        pass.token = created.token;
        pass.setValidity(created.info);
        pass.instruction = tr("Scan the code or type it where you sign in. Keep this pass to "
                              "yourself: whoever holds it has its access.");
        pass.typeableCodePlace = true;
        pass.typeableCode = batch.codeOf(sheet.passes.size());
        sheet.passes.append(std::move(pass));
    }
    return sheet;
}

std::optional<PassPaper> PassSheet::paperFromName(QStringView name)
{
    if (name.compare(u"a4", Qt::CaseInsensitive) == 0)
        return PassPaper::A4;
    if (name.compare(u"letter", Qt::CaseInsensitive) == 0)
        return PassPaper::Letter;
    if (name.compare(u"receipt", Qt::CaseInsensitive) == 0)
        return PassPaper::Receipt;
    return std::nullopt;
}

double PassSheet::scale() const
{
    return paper == PassPaper::Receipt ? kReceiptScale : kSheetScale;
}

QSizeF PassSheet::cardSizeMm() const
{
    return QSizeF(AccessPass::kWidthMm, AccessPass::kHeightMm) * scale();
}

QPageLayout PassSheet::pageLayout() const
{
    switch (paper) {
    case PassPaper::A4:
        return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, {});
    case PassPaper::Letter:
        return QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, {});
    case PassPaper::Receipt:
        break;
    }
    // One card per page: the printer's cutter separates them.
    const QSizeF page(kReceiptWidthMm, cardSizeMm().height() + 2 * kReceiptMarginMm);
    return QPageLayout(QPageSize(page, QPageSize::Millimeter, QStringLiteral("Receipt 80 mm"),
                                 QPageSize::ExactMatch),
                       QPageLayout::Portrait, {});
}

int PassSheet::columns() const
{
    if (paper == PassPaper::Receipt)
        return 1;
    const double width = pageLayout().fullRect(QPageLayout::Millimeter).width();
    return std::max(1, int((width - 2 * kSheetMarginMm) / cardSizeMm().width()));
}

int PassSheet::rows() const
{
    if (paper == PassPaper::Receipt)
        return 1;
    const double height = pageLayout().fullRect(QPageLayout::Millimeter).height();
    return std::max(1, int((height - 2 * kSheetMarginMm) / cardSizeMm().height()));
}

int PassSheet::passesPerPage() const
{
    return columns() * rows();
}

int PassSheet::pageCount() const
{
    const int perPage = passesPerPage();
    return int((passes.size() + perPage - 1) / perPage);
}

void PassSheet::paintPage(QPainter& painter, int page, double pixelsPerMm) const
{
    const QRectF full = pageLayout().fullRect(QPageLayout::Millimeter);
    const QSizeF card = cardSizeMm();
    // The grid centred on the page, so that cutting lines leave even margins.
    const double left = (full.width() - columns() * card.width()) / 2;
    const double top = (full.height() - rows() * card.height()) / 2;
    const int perPage = passesPerPage();
    const qsizetype first = qsizetype(page) * perPage;
    const qsizetype last = std::min<qsizetype>(first + perPage, passes.size());
    for (qsizetype i = first; i < last; ++i) {
        const int cell = int(i - first);
        const QRectF area((left + (cell % columns()) * card.width()) * pixelsPerMm,
                          (top + (cell / columns()) * card.height()) * pixelsPerMm,
                          card.width() * pixelsPerMm, card.height() * pixelsPerMm);
        passes.at(i).paint(painter, area, pixelsPerMm * scale());
    }
}

bool PassSheet::print(QPagedPaintDevice& device) const
{
    if (!device.setPageLayout(pageLayout()))
        return false;
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    // The painter's origin is the printable area's corner; pages are laid out
    // from the paper's corner.
    const double pixelsPerMm = device.logicalDpiX() / 25.4;
    const QPointF margin = device.pageLayout().paintRect(QPageLayout::Millimeter).topLeft();
    painter.translate(-margin * pixelsPerMm);
    for (int page = 0; page < pageCount(); ++page) {
        if (page > 0 && !device.newPage())
            return false;
        paintPage(painter, page, pixelsPerMm);
    }
    return painter.end();
}

Result<int> PassSheet::writePdf(QIODevice& device, const QString& title) const
{
    if (passes.isEmpty())
        return Error::invalid(QStringLiteral("a sheet of passes needs at least one pass"));
    QPdfWriter writer(&device);
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Tessera"));
    if (!print(writer))
        return Error::internal(QStringLiteral("the PDF of the passes could not be written"));
    return pageCount();
}

} // namespace tessera::reports
