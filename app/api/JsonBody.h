#pragma once

#include "core/Result.h"
#include "engine/Token.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace tessera::api {

// A request body as a JSON object, read field by field with Vault's lenient
// types (Vault decodes with mapstructure's WeakDecode): numbers may come as
// numeric strings, booleans as "true"/"false", lists as arrays or
// comma-separated strings. Anything else of the wrong type is a 400 naming the
// field. Every getter returns nullopt for an absent (or null) field and
// remembers the name, so unknownFields() can list what the handler ignored.
//
// Unknown fields are ignored with a warning, as Vault's framework does
// ("Endpoint ignored these unrecognized parameters: [...]"): clients written
// for a newer Vault keep working and the caller still learns what was dropped.
class JsonBody
{
public:
    // An empty body is an empty object. Malformed JSON or a document that is
    // not an object: InvalidArgument ("failed to parse JSON input: ...").
    static Result<JsonBody> parse(const QByteArray& body);
    explicit JsonBody(QJsonObject object = {})
        : m_object(std::move(object))
    {}

    const QJsonObject& object() const { return m_object; }
    bool has(const QString& name) const;

    Result<std::optional<QString>> string(const QString& name);
    Result<std::optional<bool>> boolean(const QString& name);
    Result<std::optional<qint64>> integer(const QString& name);
    // Seconds or a duration string ("1h30m"), see engine::parseDuration.
    Result<std::optional<qint64>> duration(const QString& name);
    Result<std::optional<QStringList>> stringList(const QString& name);
    // An object of strings (numbers and booleans are taken as their text).
    Result<std::optional<engine::Metadata>> stringMap(const QString& name);
    // The object's member as it is (handlers that pass JSON through).
    std::optional<QJsonValue> value(const QString& name);
    // Marks fields as read without reading them.
    void accept(const QStringList& names);

    QStringList unknownFields() const;
    // Vault's warning for them, or none.
    QStringList unknownFieldWarnings() const;

private:
    std::optional<QJsonValue> take(const QString& name);
    QJsonObject m_object;
    QSet<QString> m_read;
};

// Propagates a getter's error and stores a present value:
//   TESSERA_TRY(readInto(request.ttl, body.duration(QStringLiteral("ttl"))));
template <typename T, typename U> Status readInto(T& target, Result<std::optional<U>> field)
{
    if (!field.ok())
        return field.error();
    if (field->has_value())
        target = std::move(**field);
    return {};
}

} // namespace tessera::api
