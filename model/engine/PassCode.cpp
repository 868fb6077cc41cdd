#include "engine/PassCode.h"

#include "crypto/Random.h"

namespace tessera::engine {
namespace {

// GF(2^5) modulo x^5 + x^2 + 1, whose root α = x (2) is primitive.
constexpr int kField = 32;
constexpr int kModulus = 0b100101;

constexpr int timesAlpha(int x)
{
    x <<= 1;
    return (x & kField) ? x ^ kModulus : x;
}

// Damm's operation: a quasigroup (each row and column a permutation) that is
// weakly totally anti-symmetric because α ≠ 1, so (c∘a)∘b = (c∘b)∘a only when
// a = b.
constexpr int combine(int interim, int value)
{
    return timesAlpha(interim) ^ value;
}

// The value of a typed character, with Crockford's look-alikes; -1: none.
int valueOf(QChar typed)
{
    const QChar c = typed.toUpper();
    switch (c.unicode()) {
    case u'O':
        return 0;
    case u'I':
    case u'L':
        return 1;
    default:
        break;
    }
    for (int value = 0; value < kField; ++value) {
        if (QLatin1Char(PassCode::kAlphabet[value]) == c)
            return value;
    }
    return -1;
}

int checkValue(QStringView data)
{
    int interim = 0;
    for (const QChar c : data) {
        const int value = valueOf(c);
        Q_ASSERT(value >= 0);
        interim = combine(interim, value & (kField - 1));
    }
    // The character that brings the interim back to 0: α·interim ⊕ check = 0.
    return timesAlpha(interim);
}

} // namespace

PassCode PassCode::random()
{
    // 256 is a multiple of 32: the low five bits of a random byte are uniform.
    const QByteArray bytes = crypto::randomBytes(kDataLength);
    QString text;
    text.reserve(kLength);
    for (const char byte : bytes)
        text.append(QLatin1Char(kAlphabet[static_cast<unsigned char>(byte) % kField]));
    text.append(checkCharacter(text));
    return PassCode(std::move(text));
}

Result<PassCode> PassCode::parse(QStringView typed)
{
    QString text;
    text.reserve(kLength);
    for (const QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        // Counted before the characters are judged: a code pasted twice is
        // "too long", not "a typo".
        if (text.size() > kLength)
            break;
        const int value = valueOf(c);
        text.append(value < 0 ? QChar(u'?') : QLatin1Char(kAlphabet[value]));
    }
    if (text.size() != kLength)
        return Error::invalid(
            QStringLiteral("A code has %1 characters (letters and digits).").arg(kLength));
    if (text.contains(u'?'))
        return Error::invalid(QStringLiteral("The code has a character that is not a letter or a "
                                             "digit of pass codes: check it and type it again."));
    if (checkCharacter(QStringView(text).first(kDataLength)) != text.back())
        return Error::invalid(QStringLiteral("The code has a typo: check it and type it again."));
    return PassCode(std::move(text));
}

QChar PassCode::checkCharacter(QStringView data)
{
    return QLatin1Char(kAlphabet[checkValue(data)]);
}

QString PassCode::grouped() const
{
    return QStringLiteral("%1-%2-%3-%4")
        .arg(m_text.mid(0, 4), m_text.mid(4, 4), m_text.mid(8, 4), m_text.mid(12));
}

} // namespace tessera::engine
