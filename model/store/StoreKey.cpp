#include "store/StoreKey.h"

#include "core/SecretBytes.h"
#include "crypto/Kdf.h"
#include "crypto/Random.h"

namespace tessera::store {
namespace {

constexpr int kKeySize = 32;

// Production cost measured on the reference machine (Debian 12, OpenSSL 3.0):
// scrypt 2^17/8/1 ~0.42 s and 128 MiB against ~0.14 s for PBKDF2-HMAC-SHA512 x
// 256,000, so it meets the design's floor with room to spare, and is memory-hard.
crypto::ScryptParameters parametersFor(KdfProfile profile)
{
    switch (profile) {
    case KdfProfile::Scrypt:
        return {1u << 17, 8, 1};
    case KdfProfile::TestOnlyCheap:
        return {1u << 4, 8, 1};
    }
    return {};
}

void appendHex(QByteArray& out, const QByteArray& bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        out.append(kDigits[value >> 4]);
        out.append(kDigits[value & 0x0f]);
    }
}

} // namespace

StoreKey::StoreKey(QByteArray key, QByteArray salt)
    : m_key(std::move(key))
    , m_salt(std::move(salt))
{}

StoreKey::~StoreKey()
{
    SecretBytes::wipe(m_key);
}

Result<KdfProfile> StoreKey::profileOfSalt(QByteArrayView salt)
{
    if (salt.size() != kSaltSize)
        return Error{ErrorCode::NotAStore,
                     QStringLiteral("The file is too short to be a Tessera store.")};
    switch (static_cast<quint8>(salt.at(0))) {
    case static_cast<quint8>(KdfProfile::Scrypt):
        return KdfProfile::Scrypt;
    case static_cast<quint8>(KdfProfile::TestOnlyCheap):
        return KdfProfile::TestOnlyCheap;
    default:
        return Error{ErrorCode::NotAStore,
                     QStringLiteral("The file is not a Tessera store, or was written by a newer "
                                    "Tessera with an unknown key derivation.")};
    }
}

Result<StoreKey> StoreKey::derive(QByteArrayView passphrase, KdfProfile profile)
{
    QByteArray salt = crypto::randomBytes(kSaltSize - 1);
    salt.prepend(static_cast<char>(profile));
    return deriveForSalt(passphrase, salt);
}

Result<StoreKey> StoreKey::deriveForSalt(QByteArrayView passphrase, QByteArrayView salt)
{
    const auto profile = profileOfSalt(salt);
    if (!profile)
        return profile.error();
    auto key = crypto::scrypt(passphrase, salt, parametersFor(*profile), kKeySize);
    if (!key)
        return key.error();
    return StoreKey(std::move(*key), salt.toByteArray());
}

KdfProfile StoreKey::profile() const
{
    return static_cast<KdfProfile>(m_salt.at(0));
}

QByteArray StoreKey::keySpec() const
{
    QByteArray spec;
    spec.reserve(2 * (m_key.size() + m_salt.size()) + 3);
    spec.append("x'");
    appendHex(spec, m_key);
    appendHex(spec, m_salt);
    spec.append('\'');
    return spec;
}

} // namespace tessera::store
