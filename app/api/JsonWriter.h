#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

namespace tessera::api {

// Compact JSON written straight into bytes, for the answers every request
// gives (token lookups, the envelope): building a QJsonObject and serialising
// it cost more than the engine's own work for a lookup.
//
//     JsonWriter json;
//     json.beginObject().field("ttl", 3600).field("policies", policies).endObject();
//     return json.take();
//
// Literal keys are the caller's ASCII; other keys and strings are escaped (RFC 8259).
class JsonWriter
{
public:
    JsonWriter();

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& key(const char* name);
    JsonWriter& key(const QString& name); // any text (metadata keys)

    JsonWriter& value(const QString& text);
    JsonWriter& value(qint64 number);
    JsonWriter& value(bool flag);
    JsonWriter& value(const QStringList& texts); // an array of strings
    JsonWriter& null();
    // Already-written JSON (a nested document).
    JsonWriter& raw(const QByteArray& json);

    template <typename T> JsonWriter& field(const char* name, const T& v)
    {
        return key(name).value(v);
    }
    // An int is a number, not a bool.
    JsonWriter& field(const char* name, int number) { return key(name).value(qint64(number)); }

    QByteArray take() { return std::move(m_out); }

private:
    void separate(); // the comma before a member or element
    void string(QStringView text);

    // A token lookup's answer fits: it is written without growing.
    static constexpr qsizetype kInitialCapacity = 1024;

    QByteArray m_out;
    QVarLengthArray<bool, 8> m_first; // per open object: no member written yet
    bool m_afterKey = false;
};

} // namespace tessera::api
