#include "ui/PassphraseStrength.h"

#include <QCoreApplication>
#include <QSet>
#include <cmath>

namespace tessera::ui {

double PassphraseStrength::estimatedBits(const QString& passphrase)
{
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    QSet<QChar> distinct;
    for (const QChar c : passphrase) {
        distinct.insert(c);
        if (c.unicode() >= 128)
            other = true;
        else if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            symbol = true;
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) +
                     (other ? 100 : 0);
    if (pool == 0)
        return 0;
    // Repeated characters add little: count distinct ones fully, the rest at a quarter.
    const double effectiveLength =
        distinct.size() + 0.25 * static_cast<double>(passphrase.size() - distinct.size());
    return effectiveLength * std::log2(static_cast<double>(pool));
}

PassphraseStrength::Level PassphraseStrength::level(const QString& passphrase)
{
    if (passphrase.size() < kMinimumLength)
        return Level::TooShort;
    const double bits = estimatedBits(passphrase);
    if (bits < 45)
        return Level::Weak;
    if (bits < 65)
        return Level::Fair;
    if (bits < 90)
        return Level::Good;
    return Level::Strong;
}

QString PassphraseStrength::describe(Level level)
{
    switch (level) {
    case Level::TooShort:
        return QCoreApplication::translate("PassphraseStrength",
                                           "Too short: use at least %n characters.", nullptr,
                                           kMinimumLength);
    case Level::Weak:
        return QCoreApplication::translate("PassphraseStrength",
                                           "Weak: easy to guess. Add words, digits or symbols.");
    case Level::Fair:
        return QCoreApplication::translate("PassphraseStrength",
                                           "Fair: a few more words would help.");
    case Level::Good:
        return QCoreApplication::translate("PassphraseStrength", "Good.");
    case Level::Strong:
        return QCoreApplication::translate("PassphraseStrength", "Strong.");
    }
    return {};
}

} // namespace tessera::ui
