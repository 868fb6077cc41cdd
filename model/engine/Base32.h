#pragma once

#include <QByteArrayView>
#include <QString>

namespace tessera::engine {

// Base32 (RFC 4648 §6, upper-case alphabet A-Z 2-7) without '=' padding: the
// form TOTP secrets take in otpauth:// URIs and in authenticator apps' "enter a
// key" fields. A 20-byte secret is 32 characters.
QString base32Encode(QByteArrayView data);

} // namespace tessera::engine
