#include "engine/LoginThrottle.h"

#include <algorithm>

namespace tessera::engine {

qint64 LoginThrottle::secondsLeft(const State& state, qint64 now)
{
    return isLocked(state, now) ? state.lockedUntil - now : 0;
}

qint64 LoginThrottle::lockoutFor(int failures, int freeFailures)
{
    if (failures < freeFailures)
        return 0;
    const int doublings = failures - freeFailures;
    // 60 << 6 is already past the cap; stop before the shift can overflow.
    if (doublings >= 16)
        return kMaxLockout;
    return std::min(kFirstLockout << doublings, kMaxLockout);
}

LoginThrottle::State LoginThrottle::current(State state, qint64 now)
{
    const qint64 quietSince = std::max(state.lastFailureAt, state.lockedUntil);
    if (state.failures > 0 && now - quietSince >= kForgetAfter)
        return State{};
    return state;
}

LoginThrottle::State LoginThrottle::afterFailure(State state, qint64 now, int freeFailures)
{
    // A refused attempt during a lockout never gets here: the caller checks isLocked() first.
    state = current(state, now);
    ++state.failures;
    state.lastFailureAt = now;
    const qint64 lockout = lockoutFor(state.failures, freeFailures);
    if (lockout > 0)
        state.lockedUntil = now + lockout;
    return state;
}

qint64 LoginThrottle::lockedFor(const QString& key, qint64 now) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_states.constFind(key);
    return it == m_states.cend() ? 0 : secondsLeft(*it, now);
}

void LoginThrottle::recordFailure(const QString& key, qint64 now, int freeFailures)
{
    const std::lock_guard lock(m_mutex);
    if (m_states.size() >= kMaxTracked && !m_states.contains(key))
        evict(now);
    m_states[key] = afterFailure(m_states.value(key), now, freeFailures);
}

qsizetype LoginThrottle::tracked() const
{
    const std::lock_guard lock(m_mutex);
    return m_states.size();
}

void LoginThrottle::evict(qint64 now)
{
    for (auto it = m_states.begin(); it != m_states.end();) {
        if (current(*it, now) == State{})
            it = m_states.erase(it);
        else
            ++it;
    }
    // Still full of live entries (a flood of made-up names): drop the ones that
    // are not locked, which only costs their holders their free-failure count.
    if (m_states.size() >= kMaxTracked) {
        for (auto it = m_states.begin(); it != m_states.end();) {
            if (!isLocked(*it, now))
                it = m_states.erase(it);
            else
                ++it;
        }
    }
    // Everything locked: forget the oldest lock rather than grow without bound.
    if (m_states.size() >= kMaxTracked) {
        auto oldest =
            std::min_element(m_states.begin(), m_states.end(), [](const State& a, const State& b) {
                return a.lockedUntil < b.lockedUntil;
            });
        m_states.erase(oldest);
    }
}

} // namespace tessera::engine
