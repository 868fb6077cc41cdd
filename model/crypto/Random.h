#pragma once

#include <QByteArray>
#include <QString>

namespace tessera::crypto {

// OpenSSL's CSPRNG. A CSPRNG that cannot produce bytes is unrecoverable, so
// these abort (qFatal) rather than return an error nobody could handle.
QByteArray randomBytes(int count);

// `length` characters from [0-9A-Za-z], uniformly distributed (rejection sampling).
// Drawn from a per-thread pool of CSPRNG bytes (refilled 4 KiB at a time,
// wiped as used, discarded in a forked child), not one RAND_bytes call each.
QString randomBase62(int length);

} // namespace tessera::crypto
