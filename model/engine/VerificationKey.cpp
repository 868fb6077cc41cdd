#include "engine/VerificationKey.h"

namespace tessera::engine {

std::optional<crypto::SignatureAlgorithm> signatureAlgorithmFromJws(QStringView name)
{
    // Exact, case-sensitive match (RFC 7515 §4.1.1): "eddsa" is not "EdDSA".
    if (name == u"EdDSA")
        return crypto::SignatureAlgorithm::Ed25519;
    if (name == u"ES256")
        return crypto::SignatureAlgorithm::Es256;
    return std::nullopt;
}

} // namespace tessera::engine
