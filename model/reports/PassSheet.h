#pragma once

#include "core/Result.h"
#include "reports/AccessPass.h"

#include <QCoreApplication>
#include <QList>
#include <QPageLayout>
#include <optional>

class QIODevice;
class QPagedPaintDevice;
class QPainter;

namespace tessera::engine {
struct PassBatch;
} // namespace tessera::engine

namespace tessera::reports {

// Where a batch of passes is printed: a grid on office paper, or one pass per
// piece of an 80 mm thermal receipt roll.
enum class PassPaper
{
    A4,
    Letter,
    Receipt,
};

// The printable form of a batch of passes (docs/ARCHITECTURE.md, «Batches of
// passes»): each pass is an AccessPass, painted at a smaller scale on sheets
// (a grid of cards to cut apart) and on receipts (one card per 80 mm page).
// Paints on any paged device: QPdfWriter for files, QPrinter in the console.
class PassSheet
{
    Q_DECLARE_TR_FUNCTIONS(PassSheet)

public:
    QList<AccessPass> passes;
    PassPaper paper = PassPaper::A4;

    // The passes of `batch` with the library's name and the desk's instruction.
    static PassSheet forBatch(const engine::PassBatch& batch, const QString& library,
                              PassPaper paper);
    // "a4", "letter", "receipt".
    static std::optional<PassPaper> paperFromName(QStringView name);

    QPageLayout pageLayout() const;
    int passesPerPage() const;
    int pageCount() const;
    // Page `page` (from 0) on a painter whose device has `pixelsPerMm`.
    void paintPage(QPainter& painter, int page, double pixelsPerMm) const;
    // Every page; the device's page layout is set first. False when the
    // device could not be painted on.
    bool print(QPagedPaintDevice& device) const;
    // A PDF of every page; the number of pages.
    Result<int> writePdf(QIODevice& device, const QString& title) const;

private:
    double scale() const;
    QSizeF cardSizeMm() const;
    int columns() const;
    int rows() const;
};

} // namespace tessera::reports
