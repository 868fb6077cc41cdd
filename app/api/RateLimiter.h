#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <mutex>

namespace tessera::api {

// A token bucket per key (a client address): `burst` requests at once, then
// `perSecond` on average. Thread-safe (the server's worker threads share it).
class RateLimiter
{
public:
    RateLimiter(int burst, double perSecond);

    // Takes one token; false (429) when the bucket is empty.
    bool take(const QString& key);
    // Whether take() would succeed, without taking.
    bool available(const QString& key);
    // Whole seconds until take() can succeed (a 429's Retry-After): 0 when it
    // can now; kNoRefillSeconds when the bucket is never refilled.
    qint64 secondsUntilAvailable(const QString& key);
    static constexpr qint64 kNoRefillSeconds = 3600;

    // Tests: how much time has passed for the buckets.
    void advance(qint64 ms)
    {
        const std::lock_guard lock(m_mutex);
        m_offsetMs += ms;
    }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    Bucket& refilled(const QString& key);
    qint64 nowMs() const { return m_clock.elapsed() + m_offsetMs; }

    // Bounds the memory a flood of addresses can take: full buckets are
    // forgotten first (they hold no information).
    static constexpr qsizetype kMaxKeys = 10'000;

    const double m_burst;
    const double m_perMs;
    QElapsedTimer m_clock;
    qint64 m_offsetMs = 0;
    QHash<QString, Bucket> m_buckets;
    std::mutex m_mutex;
};

} // namespace tessera::api
