#pragma once

#include <QString>

namespace tessera::ui {

// A rough strength estimate for the hint under a new passphrase: bits from
// the length and the kinds of characters used, distinct characters only (so
// "aaaaaaaaaaaa" is weak). Advice, not a rule: only kMinimumLength is enforced.
class PassphraseStrength
{
public:
    enum class Level
    {
        TooShort,
        Weak,
        Fair,
        Good,
        Strong
    };

    static constexpr int kMinimumLength = 8;

    static double estimatedBits(const QString& passphrase);
    static Level level(const QString& passphrase);
    static QString describe(Level level); // translated, for the hint label
};

} // namespace tessera::ui
