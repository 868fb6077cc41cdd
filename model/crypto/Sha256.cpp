#include "crypto/Sha256.h"

#include <QtGlobal>

// SHA256_* rather than EVP: see Hmac.cpp (a short digest through EVP pays more
// for dispatch than for hashing).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace tessera::crypto {

QByteArray Sha256::digest(std::initializer_list<QByteArrayView> parts)
{
    QByteArray out(kSize, Qt::Uninitialized);
    digestInto(parts, out.data());
    return out;
}

void Sha256::digestInto(std::initializer_list<QByteArrayView> parts, char* out)
{
    SHA256_CTX context;
    if (SHA256_Init(&context) != 1)
        qFatal("OpenSSL could not start a SHA-256 digest.");
    for (const QByteArrayView part : parts) {
        if (!part.isEmpty() && SHA256_Update(&context, part.data(), std::size_t(part.size())) != 1)
            qFatal("OpenSSL failed to compute a SHA-256 digest.");
    }
    if (SHA256_Final(reinterpret_cast<unsigned char*>(out), &context) != 1)
        qFatal("OpenSSL failed to compute a SHA-256 digest.");
}

} // namespace tessera::crypto
