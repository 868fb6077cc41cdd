#include "engine/AuthenticatorData.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QtEndian>

namespace tessera::engine {
namespace {

Error malformed(const QString& why)
{
    return Error::invalid(QStringLiteral("the authenticator data is malformed: %1").arg(why));
}

// Reads one CBOR map at the start of `bytes`; its length in bytes, or nullopt.
std::optional<qsizetype> cborMapLength(QByteArrayView bytes)
{
    QCborStreamReader reader(bytes.data(), bytes.size());
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError || !value.isMap())
        return std::nullopt;
    return reader.currentOffset();
}

} // namespace

Result<AuthenticatorData> AuthenticatorData::parse(QByteArrayView bytes)
{
    if (bytes.size() < kMinimumBytes)
        return malformed(QStringLiteral("shorter than %1 bytes").arg(kMinimumBytes));
    AuthenticatorData data;
    data.rpIdHash = bytes.first(32).toByteArray();
    data.flags = quint8(bytes[32]);
    data.signCount = qFromBigEndian<quint32>(bytes.data() + 33);
    QByteArrayView rest = bytes.sliced(kMinimumBytes);

    if (data.flags & kAttestedCredential) {
        if (rest.size() < 18)
            return malformed(QStringLiteral("the attested credential is cut short"));
        AttestedCredential credential;
        credential.aaguid = rest.first(16).toByteArray();
        const int idLength = qFromBigEndian<quint16>(rest.data() + 16);
        rest = rest.sliced(18);
        if (idLength == 0 || idLength > kMaxCredentialIdBytes || idLength > rest.size())
            return malformed(QStringLiteral("the credential id's length is wrong"));
        credential.credentialId = rest.first(idLength).toByteArray();
        rest = rest.sliced(idLength);
        const auto keyLength = cborMapLength(rest);
        if (!keyLength)
            return malformed(QStringLiteral("the credential's public key is not a CBOR map"));
        credential.publicKey = rest.first(*keyLength).toByteArray();
        rest = rest.sliced(*keyLength);
        data.credential = std::move(credential);
    }
    if (data.flags & kExtensions) {
        const auto extensionsLength = cborMapLength(rest);
        if (!extensionsLength)
            return malformed(QStringLiteral("the extensions are not a CBOR map"));
        rest = rest.sliced(*extensionsLength);
    }
    if (!rest.isEmpty())
        return malformed(QStringLiteral("%1 bytes follow its end").arg(rest.size()));
    return data;
}

} // namespace tessera::engine
