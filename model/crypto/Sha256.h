#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <initializer_list>

namespace tessera::crypto {

// SHA-256 of the concatenation of `parts`. Cheap for short messages (no EVP
// dispatch): the audit verifier hashes one record's personal part with it on its
// hot path.
class Sha256
{
public:
    static constexpr int kSize = 32;

    static QByteArray digest(std::initializer_list<QByteArrayView> parts);
    // Writes the kSize bytes to `out`, without allocating.
    static void digestInto(std::initializer_list<QByteArrayView> parts, char* out);
};

} // namespace tessera::crypto
