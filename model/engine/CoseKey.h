#pragma once

#include "core/Result.h"
#include "crypto/Signature.h"

#include <QByteArrayView>
#include <QCborMap>

namespace tessera::engine {

// A credential public key as authenticators send it: a COSE_Key (RFC 9052
// §7, RFC 9053) in CBOR. Two kinds are taken, the ones Tessera offers at
// registration: ES256 (kty EC2, crv P-256, alg -7) and EdDSA (kty OKP, crv
// Ed25519, alg -8). The key becomes a crypto::VerifyingKey through the same
// checks as a JWK (exact coordinate sizes, the point on its curve).
class CoseKey
{
public:
    static constexpr qint64 kEs256 = -7;
    static constexpr qint64 kEdDsa = -8;

    // InvalidArgument for another key type, curve or algorithm, a missing or
    // odd-sized coordinate, or a point that is not on the curve.
    static Result<crypto::VerifyingKey> parse(const QCborMap& key);
    // The same from the key's CBOR bytes, which must hold exactly one map.
    static Result<crypto::VerifyingKey> parse(QByteArrayView cbor);
    // The key's COSE_Key CBOR, as an authenticator writes it (parse() reads it
    // back): for software keys, which make the screenshots' demo keys and the
    // tests' ones.
    static QByteArray encode(const crypto::VerifyingKey& key);
};

} // namespace tessera::engine
