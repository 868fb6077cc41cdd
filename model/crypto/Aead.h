#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::crypto {

// AES-256-GCM with a random 96-bit nonce. Sealed form: nonce(12) | ciphertext | tag(16).
class Aes256Gcm
{
public:
    static constexpr int kKeySize = 32;
    static constexpr int kNonceSize = 12;
    static constexpr int kTagSize = 16;
    static constexpr int kOverhead = kNonceSize + kTagSize;

    static Result<QByteArray> seal(QByteArrayView key, QByteArrayView plaintext,
                                   QByteArrayView associatedData = {});
    // Fails with InvalidArgument for a short blob or a wrong tag (tampered, wrong key).
    static Result<QByteArray> open(QByteArrayView key, QByteArrayView sealed,
                                   QByteArrayView associatedData = {});
};

} // namespace tessera::crypto
