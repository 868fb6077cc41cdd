#include "engine/Base32.h"

namespace tessera::engine {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

} // namespace

QString base32Encode(QByteArrayView data)
{
    QString text;
    text.reserve((data.size() * 8 + 4) / 5);
    quint32 buffer = 0; // bits not yet written, in its low `bits` bits
    int bits = 0;
    for (const char byte : data) {
        buffer = (buffer << 8) | static_cast<unsigned char>(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            text.append(QLatin1Char(kAlphabet[(buffer >> bits) & 0x1f]));
        }
    }
    if (bits > 0) // the last group, padded with zero bits on the right
        text.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1f]));
    return text;
}

} // namespace tessera::engine
