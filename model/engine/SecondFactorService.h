#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/SecondFactorRule.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace tessera::engine {

class EngineCore;

// The second factors a user has (docs/ARCHITECTURE.md, «Second factors»).
struct SecondFactors
{
    enum class State
    {
        None,
        Pending, // enrolled, waiting for its first valid code: not asked for at sign-in yet
        Active,  // asked for at every sign-in
    };
    State totp = State::None;
    int securityKeys = 0; // registered WebAuthn credentials (SecurityKeyService)
    SecondFactorRequired requirement = SecondFactorRequired::None; // the user's setting

    Enrolled enrolled() const { return {totp == State::Active, securityKeys > 0}; }
    // The methods a sign-in may pass after the password, any one of them, in
    // Vault's naming ("totp", "webauthn"), as SecondFactorRule offers them;
    // empty: the password alone signs in, or (requirementMet() false) nothing does.
    QStringList required() const;
    // False: the user's requirement asks for a factor they have not enrolled,
    // and sign-ins are refused until they have.
    bool requirementMet() const { return SecondFactorRule::isMet(requirement, enrolled()); }
};

// What an enrolment shows once, and never again: the Base32 secret and the
// otpauth:// URI (a QR code's text) for the user's authenticator app.
struct TotpEnrolment
{
    QString secret;     // unpadded Base32
    QString otpauthUrl; // otpauth://totp/Tessera:<user>?secret=...&issuer=Tessera
    bool confirmed = false;
};

// Enrolling and removing userpass users' second factors. Who may: whoever
// may write the user (update on auth/userpass/users/<name>; reading them needs
// read there); the store owner always. Every change is audited
// ("user.totp.enable", "user.totp.confirm", "user.totp.disable", with the user
// and the method) and never names the secret or a code. Signing in with a
// code is UserpassService's.
class SecondFactorService
{
public:
    explicit SecondFactorService(const EngineCore& core)
        : m_core(core)
    {}

    // A new TOTP key from the CSPRNG for an existing user. `confirmed` false:
    // pending until confirmTotp() sees one valid code (the console shows the
    // QR code and asks for one), and sign-ins do not ask for it meanwhile;
    // true: asked for from the next sign-in on (tessera-cli, like Vault's
    // admin-generate). A pending key is replaced; an active one is Conflict
    // (disable it first, so that a phone is never switched silently).
    Result<TotpEnrolment> enableTotp(const Caller& caller, const QString& name, bool confirmed);
    // One valid code of the pending key switches it on. A wrong code is
    // InvalidArgument and audited as refused; the key stays pending.
    Status confirmTotp(const Caller& caller, const QString& name, const QString& code);
    // Removes the user's TOTP key, pending or active. NotFound when there is none.
    Status disableTotp(const Caller& caller, const QString& name);
    // Which second factors `name` has.
    Result<SecondFactors> factors(const Caller& caller, const QString& name) const;

private:
    std::function<void()> usersChanged() const;

    const EngineCore& m_core;
};

} // namespace tessera::engine
