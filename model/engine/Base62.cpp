#include "engine/Base62.h"

#include <array>

namespace tessera::engine {
namespace {

constexpr quint64 kBase = 62;

// Characters for a block of k bytes: the smallest c with 62^c >= 256^k.
constexpr std::array<int, Base62::kBlockBytes + 1> kCharsForBytes{0, 2, 3, 5, 6, 7, 9, 10, 11};

// Writes `value` as `width` digits into out[0..width), most significant first.
void writeDigits(quint64 value, int width, QChar* out)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = QLatin1Char(Base62::kAlphabet[value % kBase]);
        value /= kBase;
    }
}

// Reads up to 11 digits; nullopt on a bad digit or a value above 2^64 - 1.
std::optional<quint64> readDigits(QStringView digits)
{
    quint64 value = 0;
    for (const QChar c : digits) {
        const int digit = Base62::digitValue(c.unicode());
        if (digit < 0)
            return std::nullopt;
        if (__builtin_mul_overflow(value, kBase, &value) ||
            __builtin_add_overflow(value, quint64(digit), &value))
            return std::nullopt;
    }
    return value;
}

} // namespace

qsizetype Base62::encodedLength(qsizetype byteCount)
{
    return byteCount / kBlockBytes * kBlockChars + kCharsForBytes[byteCount % kBlockBytes];
}

std::optional<qsizetype> Base62::decodedLength(qsizetype charCount)
{
    if (charCount < 0)
        return std::nullopt;
    const qsizetype rest = charCount % kBlockChars;
    for (int bytes = 0; bytes < kBlockBytes; ++bytes) {
        if (kCharsForBytes[bytes] == rest)
            return charCount / kBlockChars * kBlockBytes + bytes;
    }
    return std::nullopt;
}

QString Base62::encode(QByteArrayView bytes)
{
    QString text(encodedLength(bytes.size()), Qt::Uninitialized);
    QChar* out = text.data();
    const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
    qsizetype left = bytes.size();
    while (left > 0) {
        const int blockBytes = left >= kBlockBytes ? kBlockBytes : int(left);
        quint64 value = 0;
        for (int i = 0; i < blockBytes; ++i)
            value = (value << 8) | in[i];
        const int width = kCharsForBytes[blockBytes];
        writeDigits(value, width, out);
        in += blockBytes;
        out += width;
        left -= blockBytes;
    }
    return text;
}

Result<QByteArray> Base62::decode(QStringView text)
{
    const std::optional<qsizetype> length = decodedLength(text.size());
    if (!length)
        return Error::invalid(QStringLiteral("The base62 text has an impossible length."));
    QByteArray bytes(*length, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(bytes.data());
    qsizetype left = *length;
    qsizetype pos = 0;
    while (left > 0) {
        const int blockBytes = left >= kBlockBytes ? kBlockBytes : int(left);
        const int width = kCharsForBytes[blockBytes];
        const std::optional<quint64> value = readDigits(text.sliced(pos, width));
        if (!value)
            return Error::invalid(QStringLiteral(
                "The base62 text has a character outside [0-9A-Za-z] or an overflowing block."));
        // A short block must fit its k bytes, or two texts would decode alike.
        if (blockBytes < kBlockBytes && (*value >> (8 * blockBytes)) != 0)
            return Error::invalid(QStringLiteral("The base62 text has an overflowing block."));
        for (int i = blockBytes - 1; i >= 0; --i)
            out[i] = static_cast<unsigned char>(*value >> (8 * (blockBytes - 1 - i)));
        out += blockBytes;
        pos += width;
        left -= blockBytes;
    }
    return bytes;
}

QString Base62::encodeFixed(quint64 value, int width)
{
    Q_ASSERT(width > 0 && width <= kBlockChars);
    QString text(width, Qt::Uninitialized);
    writeDigits(value, width, text.data());
    return text;
}

std::optional<quint64> Base62::decodeFixed(QStringView text)
{
    if (text.isEmpty() || text.size() > kBlockChars)
        return std::nullopt;
    return readDigits(text);
}

} // namespace tessera::engine
