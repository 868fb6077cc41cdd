#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <array>
#include <optional>

namespace tessera::engine {

namespace detail {
inline constexpr char kBase62Alphabet[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

constexpr std::array<signed char, 128> makeBase62DigitValues()
{
    std::array<signed char, 128> values{};
    for (auto& value : values)
        value = -1;
    for (int i = 0; i < 62; ++i)
        values[static_cast<unsigned char>(kBase62Alphabet[i])] = static_cast<signed char>(i);
    return values;
}
inline constexpr std::array<signed char, 128> kBase62DigitValues = makeBase62DigitValues();
} // namespace detail

// Base62 ([0-9A-Za-z]) for token bodies: URL-, shell- and double-click-safe.
//
// Bytes are cut into 8-byte blocks, each written as exactly 11 characters
// (62^11 > 2^64), most significant first; a final block of k < 8 bytes takes
// the fewest characters that can hold 256^k values. That keeps encoding O(n)
// (a big-number base conversion would be O(n^2)) and makes the encoding
// canonical: every byte string has exactly one text, and decode() rejects
// any text that is not the encoding of some byte string.
class Base62
{
public:
    static constexpr int kBlockBytes = 8;
    static constexpr int kBlockChars = 11;
    static constexpr const char* kAlphabet = detail::kBase62Alphabet;

    static QString encode(QByteArrayView bytes);
    static Result<QByteArray> decode(QStringView text);

    // Characters needed for `byteCount` bytes.
    static qsizetype encodedLength(qsizetype byteCount);
    // Bytes encoded by `charCount` characters; nullopt when no byte string has
    // an encoding of that length (a remainder of 1, 4 or 8 characters).
    static std::optional<qsizetype> decodedLength(qsizetype charCount);

    // `value` as exactly `width` digits (1..11), left-padded with '0'
    // (checksums). `value` must be below 62^width.
    static QString encodeFixed(quint64 value, int width);
    // The inverse; nullopt on a bad character, more than 11 characters or a
    // value above 2^64 - 1.
    static std::optional<quint64> decodeFixed(QStringView text);

    // The digit's value, or -1 for a character outside the alphabet. Inline
    // and table-driven: token parsing calls it for every character.
    static constexpr int digitValue(char16_t c)
    {
        return c < 128 ? detail::kBase62DigitValues[c] : -1;
    }
};

} // namespace tessera::engine
