#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// How a password becomes a hash, written next to the hash ("scrypt:32768:8:1",
// "pbkdf2-sha512:210000") so that the cost can be raised later: old hashes keep
// verifying under their own parameters and are re-hashed at the next good login.
struct PasswordKdf
{
    enum class Algorithm
    {
        Scrypt,
        Pbkdf2Sha512,
    };

    Algorithm algorithm = Algorithm::Scrypt;
    quint64 n = 1u << 15; // scrypt: 32 MiB with r = 8, ~0.1 s here
    quint32 r = 8;
    quint32 p = 1;
    int iterations = 0; // PBKDF2

    bool operator==(const PasswordKdf&) const = default;

    // What new passwords get: scrypt N=2^15, r=8, p=1, 32 MiB and ~0.1 s per
    // login on this project's reference machine. A login must answer while the
    // user waits; the store passphrase (N=2^17) can afford more.
    static PasswordKdf interactive();
    // scrypt N=2^4: for stores created with the test-only cheap store KDF, so
    // that tests log in quickly. Never chosen for a production store.
    static PasswordKdf testOnlyCheap();
    static PasswordKdf pbkdf2(int iterations = 210'000);

    QString toString() const;
    // nullopt for anything this build does not know or would not run (zero or
    // absurd costs from a damaged record).
    static std::optional<PasswordKdf> fromString(QStringView text);

    // Whether a hash made with these parameters should be re-made with `target`.
    bool isWeakerThan(const PasswordKdf& target) const;

    Result<QByteArray> derive(QByteArrayView password, QByteArrayView salt) const;
};

// A salted password hash as the `users` table keeps it.
struct PasswordHash
{
    static constexpr int kSaltSize = 16;
    static constexpr int kHashSize = 32;

    QByteArray hash;
    QByteArray salt;
    PasswordKdf kdf;

    // A fresh random salt and the hash of `password` under `kdf`.
    static Result<PasswordHash> create(QByteArrayView password, const PasswordKdf& kdf);
    // Compares in constant time. Errors only when the KDF itself fails.
    Result<bool> matches(QByteArrayView password) const;
    // Does the same work as matches() for a user that does not exist, so that
    // an unknown name and a wrong password take the same time.
    static void burnTime(QByteArrayView password, const PasswordKdf& kdf);
};

} // namespace tessera::engine
