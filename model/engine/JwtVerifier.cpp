#include "engine/JwtVerifier.h"

#include "engine/Base64Url.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>

namespace tessera::engine {
namespace {

constexpr qint64 kMaxLeeway = 300;
constexpr qsizetype kSignatureSize = 64; // Ed25519, and ES256 as raw r|s

Error rejected(const char* reason)
{
    return Error::invalid(QString::fromLatin1(reason));
}

std::optional<QJsonObject> parseObject(QByteArrayView segment)
{
    const auto json = base64UrlDecode(segment);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

bool audienceContains(const QJsonValue& aud, const QString& expected)
{
    if (aud.isString())
        return aud.toString() == expected;
    if (!aud.isArray())
        return false;
    const QJsonArray audiences = aud.toArray();
    return std::any_of(audiences.begin(), audiences.end(), [&](const QJsonValue& value) {
        return value.isString() && value.toString() == expected;
    });
}

} // namespace

JwtVerifier::JwtVerifier(QList<VerificationKey> keys, JwtExpectations expectations,
                         const Clock& clock)
    : m_keys(std::move(keys))
    , m_expectations(std::move(expectations))
    , m_clock(clock)
{
    m_expectations.leewaySeconds = std::clamp<qint64>(m_expectations.leewaySeconds, 0, kMaxLeeway);
}

const VerificationKey* JwtVerifier::keyFor(QStringView kid) const
{
    for (const VerificationKey& key : m_keys) {
        if (key.kid == kid)
            return &key;
    }
    return nullptr;
}

Result<QJsonObject> JwtVerifier::verify(QStringView token) const
{
    if (token.size() > kMaxTokenSize)
        return rejected("The token is too large.");
    // Non-Latin-1 characters become '?', which base64url rejects.
    return verify(QByteArrayView(token.toLatin1()));
}

Result<QJsonObject> JwtVerifier::verify(QByteArrayView token) const
{
    if (token.size() > kMaxTokenSize)
        return rejected("The token is too large.");
    const qsizetype firstDot = token.indexOf('.');
    const qsizetype lastDot = token.lastIndexOf('.');
    if (firstDot < 0 || firstDot == lastDot ||
        token.sliced(firstDot + 1, lastDot - firstDot - 1).contains('.'))
        return rejected("The token is not a compact JWS (header.payload.signature).");
    const QByteArrayView headerSegment = token.first(firstDot);
    const QByteArrayView claimsSegment = token.sliced(firstDot + 1, lastDot - firstDot - 1);
    const QByteArrayView signatureSegment = token.sliced(lastDot + 1);

    // --- header: which key, which algorithm --------------------------------
    const auto header = parseObject(headerSegment);
    if (!header)
        return rejected("The token header is not a base64url-encoded JSON object.");
    const QJsonValue alg = header->value(u"alg");
    if (!alg.isString())
        return rejected("The token header names no algorithm.");
    if (alg.toString().compare(u"none", Qt::CaseInsensitive) == 0)
        return rejected("Unsigned tokens (alg \"none\") are not accepted.");
    const auto algorithm = signatureAlgorithmFromJws(alg.toString());
    if (!algorithm)
        return rejected("The token's algorithm is not accepted (only EdDSA and ES256 are).");
    // RFC 7515 §4.1.11: a verifier must reject critical extensions it does not implement.
    if (header->contains(u"crit"))
        return rejected("The token header has critical extensions this verifier does not know.");
    const QJsonValue kid = header->value(u"kid");
    if (!kid.isString() || kid.toString().isEmpty())
        return rejected("The token header names no key id.");
    const VerificationKey* key = keyFor(kid.toString());
    if (!key)
        return rejected("The token's key id is unknown (the key may have been rotated out).");
    // The key decides the algorithm, never the header: this stops algorithm confusion.
    if (key->algorithm() != *algorithm)
        return rejected("The token's algorithm does not match its key.");

    // --- signature, before anything in the claims is believed ----------------
    const auto signature = base64UrlDecode(signatureSegment);
    if (!signature || signature->size() != kSignatureSize)
        return rejected("The token signature is invalid.");
    if (!key->key.verify(token.first(lastDot), *signature))
        return rejected("The token signature is invalid.");

    // --- claims -------------------------------------------------------------
    const auto claims = parseObject(claimsSegment);
    if (!claims)
        return rejected("The token claims are not a base64url-encoded JSON object.");
    const double now = static_cast<double>(m_clock.nowSeconds());
    const auto leeway = static_cast<double>(m_expectations.leewaySeconds);

    const QJsonValue exp = claims->value(u"exp");
    if (!exp.isDouble())
        return rejected("The token has no expiry time.");
    if (now >= exp.toDouble() + leeway)
        return rejected("The token has expired.");
    const QJsonValue nbf = claims->value(u"nbf");
    if (!nbf.isUndefined() && (!nbf.isDouble() || nbf.toDouble() > now + leeway))
        return rejected("The token is not valid yet.");
    const QJsonValue iat = claims->value(u"iat");
    if (!iat.isUndefined() && (!iat.isDouble() || iat.toDouble() > now + leeway))
        return rejected("The token is not valid yet (issued in the future).");

    const QJsonValue iss = claims->value(u"iss");
    if (!iss.isString() || iss.toString() != m_expectations.issuer)
        return rejected("The token's issuer does not match.");
    if (m_expectations.audience &&
        !audienceContains(claims->value(u"aud"), *m_expectations.audience))
        return rejected("The token's audience does not match.");
    return *claims;
}

} // namespace tessera::engine
