#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

namespace tessera::crypto {

enum class SignatureAlgorithm
{
    Ed25519, // JWS "EdDSA"
    Es256,   // JWS "ES256": ECDSA P-256 with SHA-256
};

QString jwsName(SignatureAlgorithm algorithm); // "EdDSA" / "ES256"

// ES256 signatures between their two forms: DER ECDSA-Sig-Value (what
// WebAuthn authenticators and X.509 write) and JWS's raw 64-byte r|s, which
// VerifyingKey::verify takes. Only the canonical DER of a pair converts, so
// one signature has one spelling; anything else is nullopt (or empty).
std::optional<QByteArray> es256SignatureFromDer(QByteArrayView der);
QByteArray es256SignatureToDer(QByteArrayView raw);

class VerifyingKey;

// A private key. Signatures are in JWS form: Ed25519 64 bytes; ES256 the raw
// 64-byte r|s (not DER). Moved-from keys may only be assigned to or destroyed.
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

    // From a JWK (kty OKP/crv Ed25519 with x, or kty EC/crv P-256 with x, y), each
    // coordinate exactly 32 bytes of unpadded base64url. Anything else, a point off the
    // curve, or an "alg" member that names another algorithm fails with InvalidArgument.
    static Result<VerifyingKey> fromJwk(const QJsonObject& jwk);

    SignatureAlgorithm algorithm() const;
    // False for a wrong signature and for any signature that is not exactly 64 bytes
    // (so a DER-encoded ES256 signature is refused, as JWS requires).
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
