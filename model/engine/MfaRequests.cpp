#include "engine/MfaRequests.h"

#include "crypto/Random.h"

#include <QUuid>
#include <algorithm>

namespace tessera::engine {

QString MfaRequests::add(const QString& user, const QByteArray& passwordHash, qint64 now)
{
    // An id and a valid code are all a caller needs for the token: it comes
    // from the CSPRNG, not from QUuid::createUuid's seeded generator.
    QByteArray bytes = crypto::randomBytes(16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    const QString id = QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    const std::lock_guard lock(m_mutex);
    if (m_pending.size() >= kMaxPending)
        evict(now);
    m_pending.insert(id, Pending{user, passwordHash, now + kLifetimeSeconds});
    return id;
}

std::optional<MfaRequests::Pending> MfaRequests::take(const QString& id, qint64 now)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return std::nullopt;
    Pending pending = std::move(*it);
    m_pending.erase(it);
    if (now >= pending.expiresAt)
        return std::nullopt;
    return pending;
}

qsizetype MfaRequests::pending() const
{
    const std::lock_guard lock(m_mutex);
    return m_pending.size();
}

void MfaRequests::evict(qint64 now)
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (now >= it->expiresAt)
            it = m_pending.erase(it);
        else
            ++it;
    }
    if (m_pending.size() >= kMaxPending) {
        const auto oldest = std::min_element(
            m_pending.begin(), m_pending.end(),
            [](const Pending& a, const Pending& b) { return a.expiresAt < b.expiresAt; });
        m_pending.erase(oldest);
    }
}

} // namespace tessera::engine
