#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace tessera::engine {

// The browser's account of a WebAuthn ceremony (CollectedClientData,
// WebAuthn §5.8.1): which ceremony, for which challenge, on which page. The
// authenticator signs its hash, so what it says here is what the browser saw.
struct ClientData
{
    static constexpr qsizetype kMaxBytes = 4096;

    QString type;         // "webauthn.create" or "webauthn.get"
    QByteArray challenge; // decoded from base64url
    QString origin;       // "https://library.example.org"
    bool crossOrigin = false;

    // The JSON object with a string "type", a base64url "challenge" and a
    // string "origin" (other members are ignored, as the specification asks);
    // InvalidArgument otherwise.
    static Result<ClientData> parse(QByteArrayView json);
};

} // namespace tessera::engine
