#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace tessera::audit {

// JSON text with one spelling per value, so that a MAC over it does not depend on
// how the value was built or which Qt version wrote it: object keys sorted by
// their UTF-8 bytes, no whitespace, strings escaped only where JSON requires it
// (quote, backslash, control characters), integral numbers as plain integers and
// other numbers in the shortest form that reads back to the same double.
// Non-finite numbers (not JSON) become null.
class CanonicalJson
{
public:
    static QByteArray write(const QJsonObject& object);
    static QByteArray write(const QJsonValue& value);
};

} // namespace tessera::audit
