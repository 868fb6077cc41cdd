#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::store {

// How the passphrase becomes the SQLCipher key. SQLCipher 3.4's own KDF
// (PBKDF2-SHA1, 64k iterations) is too cheap, so we derive a raw 256-bit key
// ourselves and hand SQLCipher "x'<key><salt>'"; it writes the 16-byte salt as
// the file's first bytes, where it can be read back before unlocking.
//
// The salt's first byte names the KDF profile, so a file records how its key was
// derived and stronger profiles can be added later; the other 15 bytes are random.
enum class KdfProfile : quint8
{
    Scrypt = 0x01,        // scrypt N=2^17, r=8, p=1: above SQLCipher 4's PBKDF2-SHA512 x256k
    TestOnlyCheap = 0x7f, // scrypt N=2^4: only tests/support selects it, for speed
};

class StoreKey
{
public:
    static constexpr int kSaltSize = 16;

    // A new random salt for the profile, and the key derived with it.
    static Result<StoreKey> derive(QByteArrayView passphrase, KdfProfile profile);
    // Re-derives for an existing file from the salt read off its first 16 bytes.
    // NotAStore when the salt names no profile this build knows.
    static Result<StoreKey> deriveForSalt(QByteArrayView passphrase, QByteArrayView salt);
    // The profile a file's first 16 bytes name; NotAStore when unknown.
    static Result<KdfProfile> profileOfSalt(QByteArrayView salt);

    KdfProfile profile() const;
    const QByteArray& salt() const { return m_salt; }
    // "x'<64 hex key><32 hex salt>'", for PRAGMA key / sqlite3_key. Holds the key:
    // keep it short-lived and never log it.
    QByteArray keySpec() const;

    // Zeroes a secret (such as a keySpec()) unless another QByteArray still shares
    // its buffer; the last owner wipes.
    static void wipe(QByteArray& secret);

    // Wipes the key bytes when the last copy goes away.
    ~StoreKey();
    StoreKey(StoreKey&&) noexcept = default;
    StoreKey& operator=(StoreKey&&) noexcept = default;
    StoreKey(const StoreKey&) = default;
    StoreKey& operator=(const StoreKey&) = default;

private:
    StoreKey(QByteArray key, QByteArray salt);
    QByteArray m_key;
    QByteArray m_salt;
};

} // namespace tessera::store
