#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::engine {

// What an authenticator returns at registration (WebAuthn §6.5.4): a CBOR map
// of the attestation format, its statement and the authenticator data.
// Tessera asks for "none" attestation (it keeps no list of authenticator
// makers to trust), so "none" with an empty statement is the one form taken;
// browsers send it whenever the relying party asks for none.
struct AttestationObject
{
    static constexpr qsizetype kMaxBytes = 16 * 1024;

    QByteArray authenticatorData; // AuthenticatorData::parse reads it

    static Result<AttestationObject> parse(QByteArrayView cbor);
};

} // namespace tessera::engine
