#include "engine/MfaRequests.h"

#include "crypto/Random.h"

#include <QUuid>

namespace tessera::engine {

QString MfaRequests::add(const QString& user, const QByteArray& passwordHash, qint64 now)
{
    // An id and a valid code are all a caller needs for the token: it comes
    // from the CSPRNG, not from QUuid::createUuid's seeded generator.
    QByteArray bytes = crypto::randomBytes(16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    const QString id = QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    m_pending.insert(id, Pending{user, passwordHash, now + kLifetimeSeconds, {}}, now);
    return id;
}

std::optional<MfaRequests::Pending> MfaRequests::take(const QString& id, qint64 now)
{
    return m_pending.take(id, now);
}

std::optional<QString> MfaRequests::challenge(const QString& id, const QByteArray& challenge,
                                              qint64 now)
{
    QString user;
    const bool live = m_pending.update(id, now, [&](Pending& pending) {
        pending.challenge = challenge;
        user = pending.user;
    });
    return live ? std::optional(user) : std::nullopt;
}

} // namespace tessera::engine
