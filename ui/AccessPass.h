#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

class QPainter;
class QPrinter;
class QRectF;

namespace tessera::ui {

// The printable slip handed to a patron: the library's name, a title, the
// token's display name, the token as a QR code and as text, when it expires
// and how many uses it has.
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

    // Lines of text under the QR code ("Valid until …", "One use").
    QString validityText() const;
    QString usesText() const;

    // One pass at the top of the printer's page. False when nothing could be printed.
    bool print(QPrinter& printer) const;
    // The pass inside `card`, sized for `pixelsPerMm`.
    void paint(QPainter& painter, const QRectF& card, double pixelsPerMm) const;
};

} // namespace tessera::ui
