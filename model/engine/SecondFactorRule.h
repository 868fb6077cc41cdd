#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// Which second factor a user's sign-in must pass after the password: the
// user's setting "second_factor_required" (docs/ARCHITECTURE.md, «Second
// factors»).
enum class SecondFactorRequired
{
    None,     // "none": whatever the user has enrolled, any one of it
    Totp,     // "totp": a code from the authenticator app, nothing else
    WebAuthn, // "webauthn": a security key, nothing else
    Either,   // "either": any one of those enrolled, and at least one
};

// What a user has enrolled, as far as a sign-in is concerned.
struct Enrolled
{
    bool totp = false;        // an active TOTP key (one waiting for its first code is not)
    bool securityKey = false; // at least one security key
};

// The rule, pure, for the sign-in (UserpassService), the console's warnings
// and the CLI alike:
// - "none" offers every factor enrolled, any one of them; with nothing
//   enrolled the password alone signs in.
// - "totp" offers only TOTP, "webauthn" only security keys, whatever else the
//   user has; "either" offers every factor enrolled.
// - A requirement the user has nothing enrolled for is not met: the sign-in
//   is refused after the right password (the user cannot add the factor by
//   signing in, so an administrator sets the requirement once it is there).
// Methods are named as Vault names them: "totp", "webauthn".
struct SecondFactorRule
{
    // The methods a sign-in offers after the password, any one of them; empty
    // when none is asked for or the requirement is not met.
    static QStringList offered(SecondFactorRequired required, const Enrolled& enrolled);
    // Whether the user has what the requirement asks for ("none": always).
    static bool isMet(SecondFactorRequired required, const Enrolled& enrolled);

    // "none", "totp", "webauthn", "either".
    static QString name(SecondFactorRequired required);
    static std::optional<SecondFactorRequired> fromName(QStringView name);
    static QStringList names();
};

} // namespace tessera::engine
