#pragma once

#include <QByteArrayView>

namespace tessera::crypto {

// Compares without leaking where the first difference is (CRYPTO_memcmp).
// Different lengths compare unequal; length is not treated as secret.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace tessera::crypto
