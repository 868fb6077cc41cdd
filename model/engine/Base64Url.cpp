#include "engine/Base64Url.h"

#include <array>

namespace tessera::engine {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<qint8, 256> makeDecodeTable()
{
    std::array<qint8, 256> table{};
    for (auto& entry : table)
        entry = -1;
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<qint8>(i);
    return table;
}

constexpr auto kDecode = makeDecodeTable();

} // namespace

QByteArray base64UrlEncode(QByteArrayView data)
{
    return QByteArray::fromRawData(data.data(), data.size())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    const qsizetype length = text.size();
    // A single character left over encodes 6 bits: not a whole byte.
    if (length % 4 == 1)
        return std::nullopt;

    QByteArray out;
    out.resize(length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1));
    char* dst = out.data();
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const qint8 value = kDecode[static_cast<unsigned char>(c)];
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<quint32>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *dst++ = static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    // Leftover bits (2 or 4) must be zero, or the text is a non-canonical spelling.
    if ((buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

} // namespace tessera::engine
