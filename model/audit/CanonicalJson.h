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
    // `readsBackEqual`, when given, tells whether QJsonDocument::fromJson() of the
    // text gives back an object equal to `object` in every value and type. It is
    // false, conservatively, when there is an undefined value, a number stored
    // as a double (it may read back as an integer or null) or ill-formed UTF-16.
    static QByteArray write(const QJsonObject& object, bool* readsBackEqual = nullptr);
    static QByteArray write(const QJsonValue& value);
    // The members whose keys `keep` accepts, and the others, each spelt as
    // write() would spell an object of just those members (readsBackEqual as
    // there): one pass over `object`, no object built in between.
    using KeyFilter = bool (*)(const QString& key);
    struct Parts
    {
        QByteArray kept;
        QByteArray rest;
        bool keptExact = true;
        bool restExact = true;
    };
    static Parts split(const QJsonObject& object, KeyFilter keep);
};

} // namespace tessera::audit
