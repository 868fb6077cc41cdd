#pragma once

#include <QByteArray>
#include <QRectF>
#include <QVector>
#include <optional>

class QImage;
class QPainter;

namespace tessera::reports {

// A QR code (libqrencode, error correction level M) as a square of modules,
// painted as a 1-bit image scaled without smoothing: sharp on paper, on screen
// and in PDFs, where it takes a few hundred bytes.
class QrCode
{
public:
    // Light modules around the code that scanners need (ISO/IEC 18004).
    static constexpr int kQuietZone = 4;

    // nullopt when the data does not fit in a QR code.
    static std::optional<QrCode> encode(const QByteArray& data);

    int size() const { return m_size; } // modules per side, without the quiet zone
    bool isDark(int x, int y) const { return m_modules.at(y * m_size + x); }
    // One pixel per module, quiet zone included; white light modules, black dark.
    QImage toImage() const;
    // Paints the code with its quiet zone into the square `area`.
    void paint(QPainter& painter, const QRectF& area) const;

    bool operator==(const QrCode& other) const = default;

private:
    int m_size = 0;
    QVector<bool> m_modules;
};

} // namespace tessera::reports
