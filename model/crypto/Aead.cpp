#include "crypto/Aead.h"

#include <QtGlobal>
#include <climits>
#include <cstring>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace tessera::crypto {
namespace {

struct CipherDeleter
{
    void operator()(EVP_CIPHER* cipher) const { EVP_CIPHER_free(cipher); }
};
struct CipherContextDeleter
{
    void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContextPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

constexpr int kEncrypt = 1;
constexpr int kDecrypt = 0;

const unsigned char* bytesOf(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(view.data());
}

unsigned char* bytesOf(QByteArray& bytes)
{
    return reinterpret_cast<unsigned char*>(bytes.data());
}

EVP_CIPHER* aes256Gcm()
{
    // An explicit fetch, once: EVP_aes_256_gcm() would be looked up again on every init.
    static const std::unique_ptr<EVP_CIPHER, CipherDeleter> cipher(
        EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr));
    if (!cipher)
        qFatal("OpenSSL has no AES-256-GCM implementation.");
    return cipher.get();
}

// Batch-token validation opens hundreds of thousands of blobs per second, so each
// thread keeps one context bound to AES-256-GCM and every call only sets key and
// nonce (EVP_CipherInit_ex2 with a null cipher), instead of allocating a context
// and its provider state per call.
thread_local bool t_contextDestroyed = false; // trivially destructible: valid at thread exit

class ThreadCipherContext
{
public:
    ThreadCipherContext()
        : m_context(newBoundContext())
    {}
    ~ThreadCipherContext() { t_contextDestroyed = true; }
    ThreadCipherContext(const ThreadCipherContext&) = delete;
    ThreadCipherContext& operator=(const ThreadCipherContext&) = delete;

    EVP_CIPHER_CTX* get() const { return m_context.get(); }

    static CipherContextPtr newBoundContext()
    {
        CipherContextPtr context(EVP_CIPHER_CTX_new());
        if (!context || EVP_CipherInit_ex2(context.get(), aes256Gcm(), nullptr, nullptr, kEncrypt,
                                           nullptr) != 1)
            qFatal("OpenSSL could not create an AES-256-GCM context.");
        return context;
    }

private:
    CipherContextPtr m_context;
};

// The thread's context, or (only while the thread is exiting) a fresh one in `oneOff`.
EVP_CIPHER_CTX* cipherContext(CipherContextPtr& oneOff)
{
    if (!t_contextDestroyed) {
        thread_local ThreadCipherContext context;
        return context.get();
    }
    oneOff = ThreadCipherContext::newBoundContext();
    return oneOff.get();
}

Error failure()
{
    ERR_clear_error();
    return Error::internal(QStringLiteral("AES-256-GCM encryption failed inside OpenSSL."));
}

Error cannotOpen()
{
    // One message for every cause, so a caller learns nothing about which check failed.
    ERR_clear_error();
    return Error::invalid(
        QStringLiteral("The sealed data is damaged or was sealed with another key."));
}

bool addAssociatedData(EVP_CIPHER_CTX* context, QByteArrayView associatedData)
{
    int ignored = 0;
    return associatedData.isEmpty() ||
           EVP_CipherUpdate(context, nullptr, &ignored, bytesOf(associatedData),
                            int(associatedData.size())) == 1;
}

bool fitsInInt(QByteArrayView a, QByteArrayView b)
{
    return a.size() <= INT_MAX - Aes256Gcm::kOverhead && b.size() <= INT_MAX;
}

} // namespace

Result<QByteArray> Aes256Gcm::seal(QByteArrayView key, QByteArrayView plaintext,
                                   QByteArrayView associatedData)
{
    if (key.size() != kKeySize)
        return Error::invalid(QStringLiteral("An AES-256-GCM key must be 32 bytes long."));
    if (!fitsInInt(plaintext, associatedData))
        return Error::invalid(QStringLiteral("The data is too large to seal in one piece."));

    const int plaintextSize = int(plaintext.size());
    QByteArray sealed(kOverhead + plaintextSize, Qt::Uninitialized);
    unsigned char* const nonce = bytesOf(sealed);
    unsigned char* const ciphertext = nonce + kNonceSize;
    unsigned char* const tag = ciphertext + plaintextSize;
    if (RAND_bytes(nonce, kNonceSize) != 1)
        qFatal("The OpenSSL random generator failed; refusing to continue without randomness.");

    CipherContextPtr oneOff;
    EVP_CIPHER_CTX* const context = cipherContext(oneOff);
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherInit_ex2(context, nullptr, bytesOf(key), nonce, kEncrypt, nullptr) != 1 ||
        !addAssociatedData(context, associatedData) ||
        (plaintextSize > 0 &&
         EVP_CipherUpdate(context, ciphertext, &written, bytesOf(plaintext), plaintextSize) != 1) ||
        EVP_CipherFinal_ex(context, ciphertext + written, &finalWritten) != 1 ||
        written + finalWritten != plaintextSize ||
        EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_GET_TAG, kTagSize, tag) != 1)
        return failure();
    return sealed;
}

Result<QByteArray> Aes256Gcm::open(QByteArrayView key, QByteArrayView sealed,
                                   QByteArrayView associatedData)
{
    if (key.size() != kKeySize)
        return Error::invalid(QStringLiteral("An AES-256-GCM key must be 32 bytes long."));
    if (sealed.size() < kOverhead || !fitsInInt(sealed, associatedData))
        return cannotOpen();

    const int ciphertextSize = int(sealed.size()) - kOverhead;
    const unsigned char* const nonce = bytesOf(sealed);
    const unsigned char* const ciphertext = nonce + kNonceSize;
    // The ctrl takes a non-const pointer, so hand it a copy rather than cast const away.
    unsigned char tag[kTagSize];
    memcpy(tag, ciphertext + ciphertextSize, kTagSize);

    QByteArray plaintext(ciphertextSize, Qt::Uninitialized);
    CipherContextPtr oneOff;
    EVP_CIPHER_CTX* const context = cipherContext(oneOff);
    int written = 0;
    int finalWritten = 0;
    const bool opened =
        EVP_CipherInit_ex2(context, nullptr, bytesOf(key), nonce, kDecrypt, nullptr) == 1 &&
        addAssociatedData(context, associatedData) &&
        (ciphertextSize == 0 || EVP_CipherUpdate(context, bytesOf(plaintext), &written, ciphertext,
                                                 ciphertextSize) == 1) &&
        EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, kTagSize, tag) == 1 &&
        EVP_CipherFinal_ex(context, bytesOf(plaintext) + written, &finalWritten) == 1 &&
        written + finalWritten == ciphertextSize;
    if (!opened) {
        // What was decrypted is unauthenticated: do not leave it lying in freed memory.
        OPENSSL_cleanse(plaintext.data(), size_t(plaintext.size()));
        return cannotOpen();
    }
    return plaintext;
}

} // namespace tessera::crypto
