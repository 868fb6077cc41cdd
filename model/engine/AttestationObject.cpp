#include "engine/AttestationObject.h"

#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>

namespace tessera::engine {

Result<AttestationObject> AttestationObject::parse(QByteArrayView cbor)
{
    const Error malformed =
        Error::invalid(QStringLiteral("the security key's registration answer is malformed"));
    if (cbor.isEmpty() || cbor.size() > kMaxBytes)
        return malformed;
    QCborStreamReader reader(cbor.data(), cbor.size());
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError || reader.currentOffset() != cbor.size() ||
        !value.isMap())
        return malformed;
    const QCborMap map = value.toMap();
    const QCborValue format = map.value(QStringLiteral("fmt"));
    const QCborValue statement = map.value(QStringLiteral("attStmt"));
    const QCborValue data = map.value(QStringLiteral("authData"));
    if (!format.isString() || !statement.isMap() || !data.isByteArray())
        return malformed;
    if (format.toString() != u"none" || !statement.toMap().isEmpty())
        return Error::invalid(
            QStringLiteral("the security key sent \"%1\" attestation; Tessera asks for \"none\"")
                .arg(format.toString().left(32)));
    return AttestationObject{data.toByteArray()};
}

} // namespace tessera::engine
