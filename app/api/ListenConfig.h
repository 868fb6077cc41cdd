#pragma once

#include "api/GateConfig.h"
#include "core/Result.h"

#include <QHostAddress>
#include <QString>

namespace tessera::api {

// Where and how the API listens. Plain HTTP on a loopback address by default;
// any other address needs TLS (a PEM certificate and key) unless the
// administrator explicitly accepts plain HTTP with `insecure`.
struct ListenConfig
{
    static constexpr quint16 kDefaultPort = 8200;

    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = kDefaultPort; // 0: an ephemeral port
    // Listen on this Unix-domain socket instead of address and port (for a
    // reverse proxy on the same machine; see UnixListener). Plain HTTP only.
    QString socketPath;
    QString tlsCertificate; // PEM file: the certificate, then its chain
    QString tlsKey;         // PEM file: the private key (RSA or EC, unencrypted)
    bool insecure = false;  // allow plain HTTP on a non-loopback address
    // The `iss` of minted JWTs; empty: <url>/v1/identity/oidc. Set it when
    // clients reach the server through another name (a reverse proxy).
    QString issuer;
    // The patron's sign-in pages and /gate/check.
    GateConfig gate;

    bool tls() const { return !tlsCertificate.isEmpty(); }

    // "HOST:PORT", "[v6]:PORT", "HOST" (port 8200), ":PORT" (127.0.0.1) or
    // "unix:/PATH". HOST is an IP address or "localhost".
    static Result<ListenConfig> parse(const QString& hostPort);
    // Both TLS files or neither; a non-loopback address only with TLS or insecure.
    Status check() const;
    // "http://127.0.0.1:8200", with `actualPort` when listening on port 0;
    // "unix:/PATH" for a Unix socket.
    QString url(quint16 actualPort = 0) const;
};

} // namespace tessera::api
