#include "crypto/Sha256.h"

#include <QtGlobal>
#include <memory>
#include <openssl/evp.h>

namespace tessera::crypto {
namespace {

struct MdDeleter
{
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};
struct MdContextDeleter
{
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

const EVP_MD* sha256Algorithm()
{
    // Fetching is a locked lookup in the provider store: once per process.
    static const std::unique_ptr<EVP_MD, MdDeleter> md(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    if (!md)
        qFatal("OpenSSL has no SHA-256 implementation.");
    return md.get();
}

EVP_MD_CTX* threadContext()
{
    thread_local const std::unique_ptr<EVP_MD_CTX, MdContextDeleter> context(EVP_MD_CTX_new());
    if (!context)
        qFatal("OpenSSL could not create a digest context.");
    return context.get();
}

} // namespace

QByteArray Sha256::digest(std::initializer_list<QByteArrayView> parts)
{
    QByteArray out(kSize, Qt::Uninitialized);
    digestInto(parts, out.data());
    return out;
}

void Sha256::digestInto(std::initializer_list<QByteArrayView> parts, char* out)
{
    EVP_MD_CTX* context = threadContext();
    if (EVP_DigestInit_ex2(context, sha256Algorithm(), nullptr) != 1)
        qFatal("OpenSSL could not start a SHA-256 digest.");
    for (const QByteArrayView part : parts) {
        if (!part.isEmpty() && EVP_DigestUpdate(context, part.data(), size_t(part.size())) != 1)
            qFatal("OpenSSL failed to compute a SHA-256 digest.");
    }
    unsigned int written = 0;
    if (EVP_DigestFinal_ex(context, reinterpret_cast<unsigned char*>(out), &written) != 1 ||
        written != unsigned(kSize))
        qFatal("OpenSSL failed to compute a SHA-256 digest.");
}

} // namespace tessera::crypto
