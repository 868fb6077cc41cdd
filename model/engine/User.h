#pragma once

#include "core/Result.h"
#include "engine/SecondFactorRule.h"
#include "engine/Token.h"
#include "engine/TokenSettings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace tessera::engine {

// A patron or member of staff who logs in with a password (Vault's userpass:
// auth/userpass/users/:name) and receives a token with these policies and
// limits. The password is not part of the value: it goes to the engine
// separately and is kept only as a salted hash (PasswordHash).
//
// The token settings (policies, TTLs, period, uses, type) are `settings`
// (TokenSettings::user()); durations are seconds, 0 meaning "not set" (the
// system defaults apply). `secondFactorRequired` says which second factor a
// sign-in must pass (SecondFactorRule); the factors themselves are enrolled
// apart (SecondFactorService, SecurityKeyService).
struct User
{
    QString name; // lower case, as Vault's userpass keeps it
    TokenSettings settings;
    SecondFactorRequired secondFactorRequired = SecondFactorRequired::None;
    // Security keys must verify the user (PIN, fingerprint), not only see a
    // touch: WebAuthn's userVerification "required" instead of "preferred",
    // at registration and at every sign-in (docs/ARCHITECTURE.md, «Second
    // factors»).
    bool keyUserVerification = false;
    // WebAuthn's UserVerificationRequirement for it: "required" or
    // "preferred" (never "discouraged": a key that can verify its user should).
    static QString userVerificationName(bool required);
    // Copied into the meta of every sign-in token ("username" wins). Patrons
    // imported from a file (PatronImportService) have patron_id (the card
    // number), patron_name, email and the file's own keys here.
    Metadata metadata;

    // Read-only state, filled in by reads and ignored by writes.
    int failedLogins = 0;   // failures since the last success (that still count)
    qint64 lockedUntil = 0; // Unix seconds; logins are refused before then

    bool operator==(const User& other) const = default;

    static constexpr qsizetype kMaxPasswordBytes = 1024;

    // Names follow the policy-name rules, [A-Za-z0-9._-]{1,128}, and are case
    // insensitive: normalizedName() lower-cases them, as Vault's userpass does.
    static Status checkName(QStringView name);
    static QString normalizedName(QStringView name);
    // The ACL path of a user, auth/userpass/users/<name>, as Vault names it.
    static QString aclPath(const QString& name);
    // Non-empty and at most kMaxPasswordBytes of UTF-8. The message never
    // repeats the password.
    static Status checkPassword(QStringView password);

    // A valid lower-case name and valid settings (TokenSettings::validate:
    // among others no "root", as login methods cannot create root tokens).
    Status validate() const;

    // Vault's read shape, the settings' fields: token_policies, policies (the
    // same), token_ttl, token_max_ttl, token_explicit_max_ttl, token_period,
    // token_num_uses, token_no_default_policy, token_type; durations as seconds.
    // Tessera's own: second_factor_required ("none", "totp", "webauthn",
    // "either"), webauthn_user_verification ("preferred", "required"), metadata (an object of
    // strings, absent when empty).
    QJsonObject toJson() const;

    // A user from a write request (create or update): the fields present
    // replace those of `existing` (or the defaults), read by
    // TokenSettings::readJson, and second_factor_required (InvalidArgument
    // for anything but one of its four names), webauthn_user_verification
    // ("preferred" or "required"), metadata (an object of
    // strings, replacing the old one); `password` is ignored here
    // (the caller takes it out). The result is validated.
    static Result<User> fromJson(const QString& name, const QJsonObject& fields,
                                 const User* existing = nullptr);
};

} // namespace tessera::engine
