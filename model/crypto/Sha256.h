#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <initializer_list>

namespace tessera::crypto {

// SHA-256 of the concatenation of `parts`. Each thread reuses one digest
// context (the algorithm is fetched once per process), so a short message
// costs about one compression, not an OpenSSL fetch: the audit verifier hashes
// one record's personal details with it on its hot path.
class Sha256
{
public:
    static constexpr int kSize = 32;

    static QByteArray digest(std::initializer_list<QByteArrayView> parts);
    // Writes the kSize bytes to `out`, without allocating.
    static void digestInto(std::initializer_list<QByteArrayView> parts, char* out);
};

} // namespace tessera::crypto
