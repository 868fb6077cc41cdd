#include "engine/ExpiryScheduler.h"

#include "engine/TokenEngine.h"

#include <algorithm>

namespace tessera::engine {
namespace {

// QTimer intervals are ints; far expiries are reached in steps. Re-checking at
// least this often also picks up expiries written by another process.
constexpr qint64 kMaxSleepMs = 60'000;
// After a failed sweep (full disk, a store busy elsewhere) the due token is
// still due: retrying at once would spin the thread at full speed.
constexpr int kRetryAfterFailureMs = 5'000;

} // namespace

ExpiryScheduler::ExpiryScheduler(TokenEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ExpiryScheduler::sweepAndRearm);
    // Creation and renewal can bring the next expiry forward. A busy API
    // creates thousands of tokens a second: they share one look at the store.
    connect(&m_engine, &TokenEngine::expiryScheduleChanged, this, &ExpiryScheduler::rearmSoon,
            Qt::DirectConnection);
}

void ExpiryScheduler::rearmSoon()
{
    if (m_rearmPending.exchange(true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_rearmPending = false;
            rearm();
        },
        Qt::QueuedConnection);
}

void ExpiryScheduler::start()
{
    sweepAndRearm();
}

void ExpiryScheduler::sweepAndRearm()
{
    const auto revoked = m_engine.tokens().sweepExpired();
    if (!revoked.ok()) {
        m_timer.start(kRetryAfterFailureMs);
        return;
    }
    if (!revoked->isEmpty())
        Q_EMIT swept(int(revoked->size()));
    rearm();
}

void ExpiryScheduler::rearm()
{
    const qint64 wait = msUntilNextWake();
    if (wait < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::min(wait, kMaxSleepMs)));
}

qint64 ExpiryScheduler::msUntilNextWake() const
{
    const auto next = m_engine.tokens().nextExpiry();
    if (!next.ok() || !next->has_value())
        return kMaxSleepMs;
    // Expire times are whole seconds: a token expires once that second has begun.
    const qint64 dueMs = **next * 1000;
    return std::max<qint64>(0, dueMs - m_engine.clock().nowMs());
}

} // namespace tessera::engine
