#include "crypto/Kdf.h"

#include <climits>
#include <openssl/err.h>
#include <openssl/evp.h>

namespace tessera::crypto {
namespace {

// scrypt's memory is 128 * r * (N + 2 + p) bytes; the store profile (N = 2^17, r = 8)
// needs 128 MiB. OpenSSL refuses anything above 32 MiB unless told otherwise, so
// the limit is passed explicitly, and parameters asking for more than this cap
// (say, from a tampered user record) are refused before any memory is allocated.
constexpr quint64 kScryptMemoryCap = quint64(1) << 30;
constexpr quint64 kScryptMemoryMargin = quint64(1) << 20;
constexpr int kMaxKeyLength = 1024;

const char kEmpty[1] = {0};

const char* charsOf(QByteArrayView view)
{
    return view.isEmpty() ? kEmpty : view.data();
}

const unsigned char* bytesOf(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(charsOf(view));
}

bool isPowerOfTwo(quint64 value)
{
    return value != 0 && (value & (value - 1)) == 0;
}

// The memory scrypt needs, or 0 when the parameters are not valid scrypt parameters.
quint64 scryptMemory(const ScryptParameters& parameters)
{
    const quint64 n = parameters.n;
    const quint64 r = parameters.r;
    const quint64 p = parameters.p;
    if (n < 2 || !isPowerOfTwo(n) || r == 0 || p == 0)
        return 0;
    if (r * p >= (quint64(1) << 30)) // RFC 7914: p <= (2^32 - 1) * 32 / (128 * r), with margin
        return 0;
    if (16 * r < 64 && n >= (quint64(1) << (16 * r))) // RFC 7914: N < 2^(128 * r / 8)
        return 0;
    if (n > kScryptMemoryCap / (128 * r))
        return 0;
    const quint64 memory = 128 * r * (n + 2) + 128 * r * p;
    return memory <= kScryptMemoryCap ? memory : 0;
}

} // namespace

Result<QByteArray> scrypt(QByteArrayView passphrase, QByteArrayView salt,
                          const ScryptParameters& parameters, int length)
{
    if (length <= 0 || length > kMaxKeyLength)
        return Error::invalid(QStringLiteral("The requested key length is out of range."));
    const quint64 memory = scryptMemory(parameters);
    if (memory == 0)
        return Error::invalid(
            QStringLiteral("The scrypt parameters are invalid or need more than 1 GiB of memory."));

    QByteArray key(length, Qt::Uninitialized);
    if (EVP_PBE_scrypt(charsOf(passphrase), size_t(passphrase.size()), bytesOf(salt),
                       size_t(salt.size()), parameters.n, parameters.r, parameters.p,
                       memory + kScryptMemoryMargin, reinterpret_cast<unsigned char*>(key.data()),
                       size_t(length)) != 1) {
        ERR_clear_error();
        return Error::internal(QStringLiteral("OpenSSL failed to derive a key with scrypt."));
    }
    return key;
}

Result<QByteArray> pbkdf2Sha512(QByteArrayView passphrase, QByteArrayView salt, int iterations,
                                int length)
{
    if (length <= 0 || length > kMaxKeyLength)
        return Error::invalid(QStringLiteral("The requested key length is out of range."));
    if (iterations <= 0)
        return Error::invalid(QStringLiteral("PBKDF2 needs at least one iteration."));
    if (passphrase.size() > INT_MAX || salt.size() > INT_MAX)
        return Error::invalid(QStringLiteral("The passphrase or salt is too long."));

    QByteArray key(length, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(charsOf(passphrase), int(passphrase.size()), bytesOf(salt),
                          int(salt.size()), iterations, EVP_sha512(), length,
                          reinterpret_cast<unsigned char*>(key.data())) != 1) {
        ERR_clear_error();
        return Error::internal(QStringLiteral("OpenSSL failed to derive a key with PBKDF2."));
    }
    return key;
}

} // namespace tessera::crypto
