#pragma once

#include <QHash>
#include <QString>
#include <mutex>

namespace tessera::engine {

// Slows password guessing down. The same rule applies per user name and per
// client address:
//
// * the first kFreeFailures consecutive failures cost nothing;
// * failure number kFreeFailures locks for kFirstLockout seconds, and each
//   further failure after a lockout doubles it, up to kMaxLockout
//   (60 s, 2 min, 4 min, ... 1 h);
// * attempts during a lockout are refused without checking the password and
//   do not lengthen it (a patron who keeps trying is not punished further);
// * kForgetAfter seconds without failures, counted from the end of the last
//   lockout, forget the count; a good login forgets the user's count too.
//
// A user's state is persisted in `users` (failed_attempts, last_failed_at,
// locked_until) so that every process sharing the store honours it. Client
// addresses, and names that are not users (so that a lockout does not tell
// which names exist), are tracked in memory by a LoginThrottle object.
class LoginThrottle
{
public:
    static constexpr int kFreeFailures = 5;
    static constexpr qint64 kFirstLockout = 60;
    static constexpr qint64 kMaxLockout = 3600;
    static constexpr qint64 kForgetAfter = 3600;
    // Many patrons may share one library address (NAT, public PCs), so an
    // address gets more room than a single name before it is locked.
    static constexpr int kClientFreeFailures = 20;
    // Bounds the memory an attacker can make us spend on made-up names and addresses.
    static constexpr int kMaxTracked = 10'000;

    struct State
    {
        int failures = 0;
        qint64 lastFailureAt = 0; // Unix seconds
        qint64 lockedUntil = 0;

        bool operator==(const State&) const = default;
    };

    // --- the rule, on values -------------------------------------------------
    static bool isLocked(const State& state, qint64 now) { return now < state.lockedUntil; }
    static qint64 secondsLeft(const State& state, qint64 now);
    static State afterFailure(State state, qint64 now, int freeFailures = kFreeFailures);
    // Whether the count has been forgotten by `now` (what afterFailure starts from).
    static State current(State state, qint64 now);
    static qint64 lockoutFor(int failures, int freeFailures = kFreeFailures);

    // --- in-memory tracking: client addresses and unknown names ------------
    // Seconds until `key` may try again (0: now). Keys: "client:<address>", "name:<name>".
    qint64 lockedFor(const QString& key, qint64 now) const;
    void recordFailure(const QString& key, qint64 now, int freeFailures = kFreeFailures);
    // How many keys are tracked (at most kMaxTracked).
    qsizetype tracked() const;

private:
    void evict(qint64 now);

    mutable std::mutex m_mutex;
    QHash<QString, State> m_states;
};

} // namespace tessera::engine
