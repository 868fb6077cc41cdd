#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace tessera::engine {

struct Token;

// What a JWT access token minted under this role looks like (Vault's
// identity/oidc/role/:name): the named key that signs it, its audience and
// lifetime, and optional extra claims.
//
// The template is a JSON object whose members become claims. A string member
// that is exactly one of these placeholders takes the calling token's value
// (and is left out when the token has none):
//   {{token.display_name}}  {{token.role}}  {{token.meta.<key>}}
// so a web site can receive, say, {"patron": "{{token.meta.patron_id}}"}.
// The standard claims (iss, sub, aud, iat, nbf, exp, jti, policies) cannot be
// set by a template.
struct OidcRole
{
    static constexpr qint64 kDefaultTtl = 24 * 3600; // Vault's default
    static constexpr qsizetype kMaxTemplateBytes = 8 * 1024;
    static constexpr int kGeneratedClientIdLength = 26;

    QString name;
    QString key;      // the named OIDC key that signs
    QString clientId; // the `aud` claim; generated when a new role names none
    qint64 ttl = kDefaultTtl;
    QString templateText; // empty, or a JSON object as text

    bool operator==(const OidcRole& other) const = default;

    // Names follow the policy-name rules: [A-Za-z0-9._-]{1,128}.
    static Status checkName(QStringView name);
    // A valid name and key name, a printable client id, a positive TTL, and a
    // template that parses as a JSON object without the standard claims.
    Status validate() const;

    // Vault's read shape: key, client_id, ttl (seconds), template.
    QJsonObject toJson() const;
    // A role from a write request: fields present replace those of `existing`
    // (or the defaults). Vault's client_id is read-only; Tessera lets the
    // administrator name the audience a web site expects. The result is validated.
    static Result<OidcRole> fromJson(const QString& name, const QJsonObject& fields,
                                     const OidcRole* existing = nullptr);

    // The template's claims for a token (null: no token information at hand,
    // every placeholder is left out).
    QJsonObject claimsFor(const Token* token) const;
};

} // namespace tessera::engine
