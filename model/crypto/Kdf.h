#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::crypto {

struct ScryptParameters
{
    quint64 n = 1u << 17; // cost: 128 MiB with r = 8
    quint32 r = 8;
    quint32 p = 1;
};

// Both return `length` bytes of key material.
Result<QByteArray> scrypt(QByteArrayView passphrase, QByteArrayView salt,
                          const ScryptParameters& parameters, int length = 32);
Result<QByteArray> pbkdf2Sha512(QByteArrayView passphrase, QByteArrayView salt, int iterations,
                                int length = 32);

} // namespace tessera::crypto
