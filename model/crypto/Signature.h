#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace tessera::crypto {

enum class SignatureAlgorithm
{
    Ed25519, // JWS "EdDSA"
    Es256,   // JWS "ES256": ECDSA P-256 with SHA-256
};

QString jwsName(SignatureAlgorithm algorithm); // "EdDSA" / "ES256"

class VerifyingKey;

// A private key. Signatures are in JWS form: Ed25519 64 bytes; ES256 the raw
// 64-byte r|s (not DER).
class SigningKey
{
public:
    ~SigningKey();
    SigningKey(SigningKey&&) noexcept;
    SigningKey& operator=(SigningKey&&) noexcept;

    static Result<SigningKey> generate(SignatureAlgorithm algorithm);
    // PKCS#8 DER, as stored in the encrypted store.
    static Result<SigningKey> fromPrivateDer(SignatureAlgorithm algorithm, QByteArrayView der);

    SignatureAlgorithm algorithm() const;
    QByteArray privateDer() const;
    Result<QByteArray> sign(QByteArrayView message) const;
    VerifyingKey verifyingKey() const;

private:
    struct Key;
    explicit SigningKey(std::unique_ptr<Key> key);
    std::unique_ptr<Key> m_key;
};

// A public key. Thread-safe: verify() may run on many threads at once.
class VerifyingKey
{
public:
    ~VerifyingKey();
    VerifyingKey(VerifyingKey&&) noexcept;
    VerifyingKey& operator=(VerifyingKey&&) noexcept;
    VerifyingKey(const VerifyingKey&);
    VerifyingKey& operator=(const VerifyingKey&);

    // From a JWK (kty OKP/crv Ed25519 with x, or kty EC/crv P-256 with x, y).
    static Result<VerifyingKey> fromJwk(const QJsonObject& jwk);

    SignatureAlgorithm algorithm() const;
    bool verify(QByteArrayView message, QByteArrayView signature) const;
    // Public JWK members (kty, crv, x[, y]); the caller adds kid, use, alg.
    QJsonObject jwk() const;

private:
    friend class SigningKey;
    struct Key;
    explicit VerifyingKey(std::shared_ptr<Key> key);
    std::shared_ptr<Key> m_key;
};

} // namespace tessera::crypto
