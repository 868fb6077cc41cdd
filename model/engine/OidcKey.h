#pragma once

#include "core/Result.h"
#include "crypto/Signature.h"
#include "engine/KeyRing.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace tessera::engine {

// A named key that signs JWT access tokens (Vault's identity/oidc/key/:name):
// its signing settings (kept by KeyRing) and the client ids it may sign for.
struct OidcKey
{
    static constexpr qint64 kDefaultPeriod = OidcKeySettings::kDefaultPeriod; // 24h, as Vault
    static constexpr qint64 kMinRotationPeriod = 60;

    QString name;
    crypto::SignatureAlgorithm algorithm = crypto::SignatureAlgorithm::Ed25519;
    qint64 rotationPeriod = kDefaultPeriod;
    qint64 verificationTtl = kDefaultPeriod;
    // As in Vault: empty lets no role use the key, "*" lets every role use it.
    QStringList allowedClientIds;

    bool operator==(const OidcKey& other) const = default;

    // Names follow the policy-name rules: [A-Za-z0-9._-]{1,128}.
    static Status checkName(QStringView name);
    Status validate() const;
    bool allowsClient(const QString& clientId) const;

    OidcKeySettings settings() const;
    static OidcKey from(const OidcKeySettings& settings, const QStringList& allowedClientIds);

    // Vault's read shape: algorithm, rotation_period, verification_ttl,
    // allowed_client_ids; durations as seconds.
    QJsonObject toJson() const;
    // A key from a write request: fields present replace those of `existing`
    // (or the defaults). algorithm "EdDSA" or "ES256"; durations as seconds or
    // strings; allowed_client_ids an array or a comma-separated string.
    static Result<OidcKey> fromJson(const QString& name, const QJsonObject& fields,
                                    const OidcKey* existing = nullptr);
};

} // namespace tessera::engine
