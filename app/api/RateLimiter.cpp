#include "api/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace tessera::api {

RateLimiter::RateLimiter(int burst, double perSecond)
    : m_burst(std::max(1, burst))
    , m_perMs(std::max(0.0, perSecond) / 1000.0)
{
    m_clock.start();
}

RateLimiter::Bucket& RateLimiter::refilled(const QString& key)
{
    const qint64 now = nowMs();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= kMaxKeys) {
            for (auto old = m_buckets.begin(); old != m_buckets.end();) {
                const double tokens =
                    old->tokens + static_cast<double>(now - old->updatedMs) * m_perMs;
                old = tokens >= m_burst ? m_buckets.erase(old) : std::next(old);
            }
            if (m_buckets.size() >= kMaxKeys)
                m_buckets.clear();
        }
        it = m_buckets.insert(key, {m_burst, now});
    }
    it->tokens = std::min(m_burst, it->tokens + static_cast<double>(now - it->updatedMs) * m_perMs);
    it->updatedMs = now;
    return *it;
}

bool RateLimiter::take(const QString& key)
{
    const std::lock_guard lock(m_mutex);
    Bucket& bucket = refilled(key);
    if (bucket.tokens < 1.0)
        return false;
    bucket.tokens -= 1.0;
    return true;
}

bool RateLimiter::available(const QString& key)
{
    const std::lock_guard lock(m_mutex);
    return refilled(key).tokens >= 1.0;
}

qint64 RateLimiter::secondsUntilAvailable(const QString& key)
{
    const std::lock_guard lock(m_mutex);
    const double missing = 1.0 - refilled(key).tokens;
    if (missing <= 0)
        return 0;
    if (m_perMs <= 0)
        return kNoRefillSeconds;
    return std::min(kNoRefillSeconds, qint64(std::ceil(missing / m_perMs / 1000.0)));
}

} // namespace tessera::api
