#include "crypto/Random.h"

#include <QtGlobal>
#include <array>
#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace tessera::crypto {
namespace {

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kAlphabetSize = 62;
// 248 = 4 * 62: bytes at or above it are discarded, so `byte % 62` is unbiased.
constexpr int kRejectionLimit = 256 - 256 % kAlphabetSize;

void fillRandom(unsigned char* buffer, int count)
{
    if (RAND_bytes(buffer, count) != 1)
        qFatal("The OpenSSL random generator failed; refusing to continue without randomness.");
}

} // namespace

QByteArray randomBytes(int count)
{
    if (count <= 0)
        return {};
    QByteArray bytes(count, Qt::Uninitialized);
    fillRandom(reinterpret_cast<unsigned char*>(bytes.data()), count);
    return bytes;
}

QString randomBase62(int length)
{
    if (length <= 0)
        return {};
    QString text;
    text.reserve(length);
    std::array<unsigned char, 64> pool{};
    while (text.size() < length) {
        fillRandom(pool.data(), int(pool.size()));
        for (const unsigned char byte : pool) {
            if (byte >= kRejectionLimit)
                continue;
            text.append(QLatin1Char(kBase62[byte % kAlphabetSize]));
            if (text.size() == length)
                break;
        }
    }
    // The pool held the bytes the characters came from; do not leave them on the stack.
    OPENSSL_cleanse(pool.data(), pool.size());
    return text;
}

} // namespace tessera::crypto
