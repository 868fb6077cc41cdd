#pragma once

#include "engine/SingleUseMap.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace tessera::engine {

// Sign-ins waiting for their second factor (Vault's login MFA
// "mfa_request_id"): the password was right, the token waits for a code or a
// security key. Held in memory only, by the process that checked the password:
//
// * an id is 128 random bits from the CSPRNG, written as a UUID;
// * it lives kLifetimeSeconds (5 minutes) and is used once: take() removes
//   it whether the answer that comes with it is right or wrong;
// * at most kMaxPending wait at once (SingleUseMap).
class MfaRequests
{
public:
    static constexpr qint64 kLifetimeSeconds = 300;
    static constexpr int kMaxPending = 10'000;

    struct Pending
    {
        QString user;            // the normalised user name
        QByteArray passwordHash; // the hash the password matched: a change meanwhile voids it
        qint64 expiresAt = 0;    // Unix seconds
        QByteArray challenge;    // the last WebAuthn challenge issued for it; empty: none
    };

    // Registers a pending sign-in and returns its id.
    QString add(const QString& user, const QByteArray& passwordHash, qint64 now);
    // The pending sign-in of `id`, removed; nullopt when unknown, used or expired.
    std::optional<Pending> take(const QString& id, qint64 now);
    // A new security-key challenge for the pending sign-in (replacing any
    // earlier one); its user, or nullopt when the id is unknown or expired.
    std::optional<QString> challenge(const QString& id, const QByteArray& challenge, qint64 now);
    qsizetype pending() const { return m_pending.size(); }

private:
    SingleUseMap<Pending> m_pending{kMaxPending};
};

} // namespace tessera::engine
