#pragma once

#include "engine/Token.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

class QPagedPaintDevice;
class QPainter;
class QRectF;

namespace tessera::reports {

// The printable slip handed to a patron: the library's name, a title, the
// token's display name, the token as a QR code and as text, when it expires
// and how many uses it has. The console prints one (NewTokenDialog); a
// PassSheet lays out many, scaled, on sheets or receipts.
class AccessPass
{
    Q_DECLARE_TR_FUNCTIONS(AccessPass)

public:
    QString library;
    QString title;
    QString displayName;
    QString token;
    std::optional<qint64> expireAt; // Unix seconds; nullopt: never expires
    int numUses = 0;                // 0: unlimited
    // > 0: a pass valid from its first use: valid this many seconds from then,
    // and the first use must come by expireAt.
    qint64 ttlFromFirstUse = 0;
    // The line at the foot; empty: the default advice to keep the pass private.
    QString instruction;
    // Passes of a batch show, under the QR code, the short code a patron can
    // type instead (docs/ARCHITECTURE.md, «Pass codes»); a pass without one
    // keeps the labelled place empty.
    bool typeableCodePlace = false;
    QString typeableCode;

    // A card of 90 x 128 mm: fits a pocket, and several fit a page when cut.
    static constexpr double kWidthMm = 90;
    static constexpr double kHeightMm = 128;

    // expireAt, numUses and ttlFromFirstUse as the token says.
    void setValidity(const engine::Token& issued);

    // Lines of text under the QR code ("Valid until …", "One use").
    QString validityText() const;
    QString usesText() const;

    // One pass at the top of the printer's (or PDF's) page. False when nothing
    // could be printed.
    bool print(QPagedPaintDevice& device) const;
    // The pass inside `card`, sized for `pixelsPerMm` (smaller for a scaled pass).
    void paint(QPainter& painter, const QRectF& card, double pixelsPerMm) const;
};

} // namespace tessera::reports
