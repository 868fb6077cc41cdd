#pragma once

#include "core/KdfProfile.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::store {

// How the passphrase becomes the SQLCipher key. SQLCipher 3.4's own KDF
// (PBKDF2-SHA1, 64k iterations) is too cheap, so we derive a raw 256-bit key
// ourselves and hand SQLCipher "x'<key><salt>'"; it writes the 16-byte salt as
// the file's first bytes, where it can be read back before unlocking.
//
// The salt's first byte names the KdfProfile (core/KdfProfile.h), so a file
// records how its key was derived; the other 15 bytes are random. Secrets such
// as keySpec() are wiped with SecretBytes::wipe.
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
