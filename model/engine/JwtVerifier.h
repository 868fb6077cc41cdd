#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "engine/VerificationKey.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// What a verifier insists on besides a good signature.
struct JwtExpectations
{
    QString issuer; // `iss` must equal it
    // `aud` (a string or an array) must contain it. nullopt skips the check:
    // only for a caller that checks the audience itself.
    std::optional<QString> audience;
    // Clock skew tolerated on exp, nbf and iat, in seconds; clamped to [0, 300].
    qint64 leewaySeconds = 30;
};

// Verifies compact JWS access tokens the way a careful relying party must:
// only EdDSA and ES256, the algorithm must be the one of the key named by
// `kid` (no `alg: none`, no HS256-with-the-public-key, no ES256 header on an
// Ed25519 key), the signature is checked before any claim is trusted, then
// exp / nbf / iat (with leeway), iss and aud.
//
// Every failure is an InvalidArgument Error with a reason a human can act on.
// Input is hostile by assumption (it is fuzzed): bounded to kMaxTokenSize,
// decoded strictly, never crashes. Thread-safe: verify() is const and the keys
// are immutable.
class JwtVerifier
{
public:
    static constexpr int kMaxTokenSize = 8192;

    JwtVerifier(QList<VerificationKey> keys, JwtExpectations expectations,
                const Clock& clock = Clock::system());

    // The verified claims.
    Result<QJsonObject> verify(QByteArrayView token) const;
    Result<QJsonObject> verify(QStringView token) const;

private:
    const VerificationKey* keyFor(QStringView kid) const;

    QList<VerificationKey> m_keys;
    JwtExpectations m_expectations;
    const Clock& m_clock;
};

} // namespace tessera::engine
