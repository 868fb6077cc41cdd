#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::crypto {

// HMAC-SHA1 (RFC 2104), for the one place that must speak it: TOTP codes
// (RFC 4226/6238), whose authenticator apps compute SHA-1 HMACs. SHA-1's
// collision weakness does not reach HMAC; nothing else in Tessera should use it
// (HmacSha256 is the project's MAC).
class HmacSha1
{
public:
    static constexpr int kSize = 20;

    static QByteArray mac(QByteArrayView key, QByteArrayView data);
};

} // namespace tessera::crypto
