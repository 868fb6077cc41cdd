#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace tessera::engine {

// Base64url without padding (RFC 7515 §2), as JWS and JWK use it.
//
// Decoding is strict on purpose: only the url alphabet, no '=', no whitespace,
// and the unused low bits of the last character must be zero. A lenient
// decoder would let one signature have several spellings, and a verifier that
// accepts a token in several forms is a verifier whose cache and logs can be fooled.
QByteArray base64UrlEncode(QByteArrayView data);
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace tessera::engine
