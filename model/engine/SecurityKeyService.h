#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/Capability.h"
#include "engine/SecurityKeys.h"
#include "engine/SingleUseMap.h"
#include "engine/WebAuthnCeremony.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

class EngineCore;

// Users' security keys and rings (WebAuthn credentials; docs/ARCHITECTURE.md,
// «Second factors»): registering one in two steps (options for the browser,
// then its answer), listing and removing them, and checking one at sign-in
// for UserpassService.
//
// Who may: whoever may update the user (auth/userpass/users/<name>; reading
// the list needs read there), the store owner, and the user's own sign-in
// token (issued by "login:<name>"), so that patrons add and remove their own
// keys on the gate's self-service page. Every change is audited
// ("user.webauthn.register", "user.webauthn.remove": the user, the method
// "webauthn", the key's name and a short id), never key material.
class SecurityKeyService
{
public:
    static constexpr qint64 kChallengeLifetimeSeconds = 300;
    static constexpr int kMaxPendingRegistrations = 10'000;
    static constexpr int kChallengeBytes = 32;

    explicit SecurityKeyService(const EngineCore& core)
        : m_core(core)
    {}

    // The PublicKeyCredentialCreationOptions for navigator.credentials.create(),
    // binary members in base64url: a new single-use challenge (5 minutes), the
    // relying party, the user, ES256 and EdDSA, "none" attestation, and the
    // user's keys excluded so one key is not registered twice.
    Result<QJsonObject> registrationOptions(const Caller& caller, const QString& user,
                                            const RelyingParty& rp);
    // The browser's answer: the ceremony's checks (WebAuthnCeremony), the
    // challenge issued to `user` and used up now, a label of 1 to
    // SecurityKeys::kMaxLabelLength characters not used by another of the
    // user's keys, at most SecurityKeys::kMaxPerUser keys, a credential id no
    // user has yet.
    Result<SecurityKey> registerKey(const Caller& caller, const QString& user, const QString& label,
                                    const RelyingParty& rp, const RegistrationResponse& response);
    Result<QList<SecurityKey>> keys(const Caller& caller, const QString& user) const;
    // `id` as SecurityKey::id(). NotFound when the user has no such key.
    Status removeKey(const Caller& caller, const QString& user, const QString& id);

    // --- for the sign-in
    // The PublicKeyCredentialRequestOptions for navigator.credentials.get()
    // with `challenge` and `keys` allowed; user verification "required" when
    // the user's keyUserVerification asks for it, else "preferred".
    static QJsonObject assertionOptions(const QList<SecurityKey>& keys, const RelyingParty& rp,
                                        const QByteArray& challenge, bool requireUserVerification);
    // Checks a sign-in assertion of `user` in the caller's transaction and
    // records the key's new counter and time. PermissionDenied for a key
    // that is not the user's, any failed check, and a signature counter that
    // did not move forward (a cloned key: the message says so, and the caller
    // audits it), and an assertion without user verification when
    // `requireUserVerification`.
    static Result<SecurityKey> verifySignIn(store::Database& db, const QString& user,
                                            const RelyingParty& rp, const QByteArray& challenge,
                                            const AssertionResponse& response, qint64 now,
                                            bool requireUserVerification);
    static QByteArray newChallenge();

private:
    struct PendingRegistration
    {
        QString user;
        qint64 expiresAt = 0;
        bool requireUserVerification = false; // as the options told the browser
    };

    // Authorises `caller` for the user's keys (see the class comment) on `db`.
    Status authorize(store::Database& db, const Caller& caller, const QString& user,
                     Capability needed, const QString& operation) const;
    std::function<void()> usersChanged() const;

    const EngineCore& m_core;
    SingleUseMap<PendingRegistration> m_registrations{kMaxPendingRegistrations};
};

} // namespace tessera::engine
