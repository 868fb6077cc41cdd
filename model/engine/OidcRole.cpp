#include "engine/OidcRole.h"

#include "crypto/Random.h"
#include "engine/Duration.h"
#include "engine/JwtIssuer.h"
#include "engine/Policy.h"
#include "engine/Token.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>
#include <optional>

namespace tessera::engine {
namespace {

constexpr qsizetype kMaxClientIdLength = 256;

std::optional<QJsonObject> parseTemplate(const QString& text)
{
    if (text.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A placeholder's value for the token, or nullopt to leave the claim out.
std::optional<QString> placeholderValue(const QString& text, const Token* token)
{
    if (!text.startsWith(u"{{") || !text.endsWith(u"}}"))
        return text;
    const QString name = text.mid(2, text.size() - 4).trimmed();
    if (!token)
        return std::nullopt;
    QString value;
    if (name == u"token.display_name")
        value = token->displayName;
    else if (name == u"token.role")
        value = token->role;
    else if (name.startsWith(u"token.meta."))
        value = token->meta.value(name.mid(11));
    else
        return text; // not a placeholder we know: literal text
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

QJsonValue expand(const QJsonValue& value, const Token* token, bool& keep)
{
    keep = true;
    if (value.isString()) {
        const auto expanded = placeholderValue(value.toString(), token);
        keep = expanded.has_value();
        return expanded ? QJsonValue(*expanded) : QJsonValue();
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            bool keepMember = true;
            const QJsonValue member = expand(it.value(), token, keepMember);
            if (keepMember)
                out.insert(it.key(), member);
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& element : value.toArray()) {
            bool keepElement = true;
            const QJsonValue expanded = expand(element, token, keepElement);
            if (keepElement)
                out.append(expanded);
        }
        return out;
    }
    return value;
}

} // namespace

Status OidcRole::checkName(QStringView name)
{
    if (!Policy::isValidName(name))
        return Error::invalid(
            QStringLiteral("An OIDC role name must be %1.").arg(Policy::nameRule()));
    return {};
}

Status OidcRole::validate() const
{
    TESSERA_TRY(checkName(name));
    if (!Policy::isValidName(key))
        return Error::invalid(QStringLiteral("An OIDC role needs the name of a key."));
    if (clientId.isEmpty() || clientId.size() > kMaxClientIdLength || clientId == u"*" ||
        std::any_of(clientId.begin(), clientId.end(), [](QChar c) { return !c.isPrint(); }))
        return Error::invalid(QStringLiteral("client_id must be 1 to %1 printable characters "
                                             "(and not \"*\").")
                                  .arg(kMaxClientIdLength));
    if (ttl <= 0 || ttl > kMaxDurationSeconds)
        return Error::invalid(QStringLiteral("ttl must be positive."));
    if (templateText.toUtf8().size() > kMaxTemplateBytes)
        return Error::invalid(
            QStringLiteral("template must be at most %1 KiB.").arg(kMaxTemplateBytes / 1024));
    const auto claims = parseTemplate(templateText);
    if (!claims)
        return Error::invalid(QStringLiteral("template must be a JSON object."));
    for (const QString& reserved : JwtIssuer::reservedClaims()) {
        if (claims->contains(reserved))
            return Error::invalid(
                QStringLiteral("template cannot set the standard claim \"%1\".").arg(reserved));
    }
    return {};
}

QJsonObject OidcRole::toJson() const
{
    return QJsonObject{
        {QStringLiteral("key"), key},
        {QStringLiteral("client_id"), clientId},
        {QStringLiteral("ttl"), ttl},
        {QStringLiteral("template"), templateText},
    };
}

Result<OidcRole> OidcRole::fromJson(const QString& name, const QJsonObject& fields,
                                    const OidcRole* existing)
{
    TESSERA_TRY(checkName(name));
    OidcRole role = existing ? *existing : OidcRole{};
    role.name = name;
    for (const auto& [field, target] : {std::pair{QStringLiteral("key"), &role.key},
                                        std::pair{QStringLiteral("client_id"), &role.clientId}}) {
        if (!fields.contains(field))
            continue;
        const QJsonValue value = fields.value(field);
        if (!value.isString())
            return Error::invalid(QStringLiteral("%1 must be a string.").arg(field));
        *target = value.toString().trimmed();
    }
    if (fields.contains(u"ttl")) {
        auto seconds = parseDuration(fields.value(u"ttl"));
        if (!seconds)
            return Error::invalid(QStringLiteral("ttl: %1").arg(seconds.error().message));
        role.ttl = *seconds > 0 ? *seconds : kDefaultTtl;
    }
    if (fields.contains(u"template")) {
        const QJsonValue value = fields.value(u"template");
        // Vault takes the template as a string; an object is accepted too.
        if (value.isObject())
            role.templateText =
                QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        else if (value.isString() || value.isNull())
            role.templateText = value.toString();
        else
            return Error::invalid(QStringLiteral("template must be a JSON object."));
    }
    if (role.clientId.isEmpty())
        role.clientId = crypto::randomBase62(kGeneratedClientIdLength);
    TESSERA_TRY(role.validate());
    return role;
}

QJsonObject OidcRole::claimsFor(const Token* token) const
{
    const auto claims = parseTemplate(templateText);
    if (!claims)
        return {};
    bool keep = true;
    return expand(*claims, token, keep).toObject();
}

} // namespace tessera::engine
