#include "engine/OidcKey.h"

#include "engine/Duration.h"
#include "engine/Policy.h"
#include "engine/VerificationKey.h"

#include <QJsonArray>
#include <algorithm>

namespace tessera::engine {
namespace {

constexpr qsizetype kMaxClientIdLength = 256;
constexpr qsizetype kMaxAllowedClientIds = 100;

Result<QStringList> readClientIds(const QJsonValue& value)
{
    QStringList ids;
    if (value.isString()) {
        ids = value.toString().split(u',');
    } else if (value.isArray()) {
        for (const QJsonValue& element : value.toArray()) {
            if (!element.isString())
                return Error::invalid(QStringLiteral("allowed_client_ids must be a list of "
                                                     "client ids."));
            ids << element.toString();
        }
    } else if (!value.isNull()) {
        return Error::invalid(QStringLiteral("allowed_client_ids must be a list of client ids."));
    }
    QStringList clean;
    for (const QString& id : std::as_const(ids)) {
        const QString trimmed = id.trimmed();
        if (!trimmed.isEmpty() && !clean.contains(trimmed))
            clean << trimmed;
    }
    return clean;
}

} // namespace

Status OidcKey::checkName(QStringView name)
{
    if (!Policy::isValidName(name))
        return Error::invalid(
            QStringLiteral("An OIDC key name must be %1.").arg(Policy::nameRule()));
    return {};
}

Status OidcKey::validate() const
{
    TESSERA_TRY(checkName(name));
    if (rotationPeriod < kMinRotationPeriod || rotationPeriod > kMaxDurationSeconds)
        return Error::invalid(QStringLiteral("rotation_period must be at least one minute."));
    if (verificationTtl <= 0 || verificationTtl > kMaxDurationSeconds)
        return Error::invalid(QStringLiteral("verification_ttl must be positive."));
    if (allowedClientIds.size() > kMaxAllowedClientIds)
        return Error::invalid(QStringLiteral("allowed_client_ids may list at most %1 client ids.")
                                  .arg(kMaxAllowedClientIds));
    for (const QString& id : allowedClientIds) {
        if (id.isEmpty() || id.size() > kMaxClientIdLength ||
            std::any_of(id.begin(), id.end(), [](QChar c) { return !c.isPrint(); }))
            return Error::invalid(QStringLiteral("A client id must be 1 to %1 printable "
                                                 "characters.")
                                      .arg(kMaxClientIdLength));
    }
    return {};
}

bool OidcKey::allowsClient(const QString& clientId) const
{
    return allowedClientIds.contains(QStringLiteral("*")) || allowedClientIds.contains(clientId);
}

OidcKeySettings OidcKey::settings() const
{
    return OidcKeySettings{name, algorithm, rotationPeriod, verificationTtl};
}

OidcKey OidcKey::from(const OidcKeySettings& settings, const QStringList& allowedClientIds)
{
    return OidcKey{settings.name, settings.algorithm, settings.rotationPeriod,
                   settings.verificationTtl, allowedClientIds};
}

QJsonObject OidcKey::toJson() const
{
    return QJsonObject{
        {QStringLiteral("algorithm"), crypto::jwsName(algorithm)},
        {QStringLiteral("rotation_period"), rotationPeriod},
        {QStringLiteral("verification_ttl"), verificationTtl},
        {QStringLiteral("allowed_client_ids"), QJsonArray::fromStringList(allowedClientIds)},
    };
}

Result<OidcKey> OidcKey::fromJson(const QString& name, const QJsonObject& fields,
                                  const OidcKey* existing)
{
    TESSERA_TRY(checkName(name));
    OidcKey key = existing ? *existing : OidcKey{};
    key.name = name;
    if (fields.contains(u"algorithm")) {
        const auto algorithm = signatureAlgorithmFromJws(fields.value(u"algorithm").toString());
        if (!algorithm)
            return Error::invalid(QStringLiteral("algorithm must be EdDSA or ES256."));
        key.algorithm = *algorithm;
    }
    for (const auto& [field, target] :
         {std::pair{QStringLiteral("rotation_period"), &key.rotationPeriod},
          std::pair{QStringLiteral("verification_ttl"), &key.verificationTtl}}) {
        if (!fields.contains(field))
            continue;
        auto seconds = parseDuration(fields.value(field));
        if (!seconds)
            return Error::invalid(QStringLiteral("%1: %2").arg(field, seconds.error().message));
        // Vault: absent or 0 means the default.
        *target = *seconds > 0 ? *seconds : kDefaultPeriod;
    }
    if (fields.contains(u"allowed_client_ids")) {
        auto ids = readClientIds(fields.value(u"allowed_client_ids"));
        TESSERA_TRY(ids);
        key.allowedClientIds = *ids;
    }
    TESSERA_TRY(key.validate());
    return key;
}

} // namespace tessera::engine
