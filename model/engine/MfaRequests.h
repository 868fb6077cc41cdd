#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <mutex>
#include <optional>

namespace tessera::engine {

// Sign-ins waiting for their second factor (Vault's login MFA
// "mfa_request_id"): the password was right, the token waits for a code.
// Held in memory only, by the process that checked the password:
//
// * an id is 128 random bits from the CSPRNG, written as a UUID;
// * it lives kLifetimeSeconds (5 minutes) and is used once: take() removes
//   it whether the code that comes with it is right or wrong;
// * at most kMaxPending wait at once; beyond that the expired go first, then
//   the oldest (a flood of password checks cannot grow memory without bound).
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
    };

    // Registers a pending sign-in and returns its id.
    QString add(const QString& user, const QByteArray& passwordHash, qint64 now);
    // The pending sign-in of `id`, removed; nullopt when unknown, used or expired.
    std::optional<Pending> take(const QString& id, qint64 now);
    qsizetype pending() const;

private:
    void evict(qint64 now);

    mutable std::mutex m_mutex;
    QHash<QString, Pending> m_pending;
};

} // namespace tessera::engine
