#include "crypto/HmacSha1.h"

#include <QtGlobal>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace tessera::crypto {
namespace {

struct MacDeleter
{
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacContextDeleter
{
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};
using MacContextPtr = std::unique_ptr<EVP_MAC_CTX, MacContextDeleter>;

const unsigned char kEmpty[1] = {0};

const unsigned char* bytesOf(QByteArrayView view)
{
    return view.isEmpty() ? kEmpty : reinterpret_cast<const unsigned char*>(view.data());
}

EVP_MAC* hmac()
{
    // Fetched once; a TOTP check computes three MACs, a fetch per MAC would cost more.
    static const std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac)
        qFatal("OpenSSL has no HMAC implementation.");
    return mac.get();
}

} // namespace

// Through EVP_MAC rather than HmacSha256's precomputed pad states: a TOTP check
// is a handful of MACs per sign-in, so clarity wins over the dispatch cost.
QByteArray HmacSha1::mac(QByteArrayView key, QByteArrayView data)
{
    const MacContextPtr context(EVP_MAC_CTX_new(hmac()));
    if (!context)
        qFatal("OpenSSL could not allocate an HMAC context.");
    char digest[] = "SHA1";
    const OSSL_PARAM parameters[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_END};
    QByteArray out(kSize, Qt::Uninitialized);
    std::size_t written = 0;
    if (EVP_MAC_init(context.get(), bytesOf(key), std::size_t(key.size()), parameters) != 1 ||
        EVP_MAC_update(context.get(), bytesOf(data), std::size_t(data.size())) != 1 ||
        EVP_MAC_final(context.get(), reinterpret_cast<unsigned char*>(out.data()), &written,
                      std::size_t(out.size())) != 1 ||
        written != std::size_t(kSize)) {
        ERR_clear_error();
        qFatal("OpenSSL failed to compute an HMAC-SHA1.");
    }
    return out;
}

} // namespace tessera::crypto
