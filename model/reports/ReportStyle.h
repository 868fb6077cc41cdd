#pragma once

#include <QColor>
#include <QFont>

namespace tessera::reports {

// The look of PDF reports in one place: units, fonts and colours. Lengths are
// in device pixels of a QPdfWriter at kDpi.
namespace style {

inline constexpr int kDpi = 300;
inline constexpr qreal mm(qreal millimetres)
{
    return millimetres * kDpi / 25.4;
}
inline constexpr qreal pt(qreal points)
{
    return points * kDpi / 72.0;
}

// No shaping where a script does not need it: no "fi" ligatures, which would
// reach copied text and searches as one character, and faster text.
inline QFont font(qreal pointSize, QFont::Weight weight = QFont::Normal)
{
    QFont font;
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("Sans Serif")});
    font.setPointSizeF(pointSize);
    font.setWeight(weight);
    return font;
}

inline QFont monoFont(qreal pointSize)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"),
                      QStringLiteral("Monospace")});
    font.setStyleHint(QFont::Monospace);
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(pointSize);
    return font;
}

inline const QColor kInk{0x1b, 0x24, 0x30};
inline const QColor kMuted{0x5f, 0x6b, 0x7a};
inline const QColor kBrand{0x1f, 0x3a, 0x5f};
inline const QColor kBrandLight{0xe8, 0xee, 0xf5};
inline const QColor kRule{0xc8, 0xd0, 0xda};
inline const QColor kZebra{0xf4, 0xf6, 0xf9};
inline const QColor kGood{0x2e, 0x7d, 0x32};
inline const QColor kBad{0xb3, 0x26, 0x1e};

// One colour per activity, the same in tables and charts.
inline const QColor kIssued{0x2f, 0x6d, 0xb5};
inline const QColor kRenewed{0x4c, 0x9f, 0x70};
inline const QColor kRevoked{0xd1, 0x49, 0x5b};
inline const QColor kExpired{0xe8, 0xa3, 0x3d};
inline const QColor kLogins{0x5b, 0xa4, 0xb0};
inline const QColor kFailedLogins{0x8d, 0x6a, 0x9f};

} // namespace style
} // namespace tessera::reports
