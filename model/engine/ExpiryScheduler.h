#pragma once

#include <QObject>
#include <QTimer>
#include <atomic>

namespace tessera::engine {

class TokenEngine;

// Wakes at the next expire time in the store (no polling of the whole store),
// revokes what expired with its subtree, and re-arms. Also sweeps once at
// start for what expired while nothing was running. Lives in the thread that
// owns it (the GUI thread or the server's); the sweep itself is one transaction.
class ExpiryScheduler : public QObject
{
    Q_OBJECT

public:
    explicit ExpiryScheduler(TokenEngine& engine, QObject* parent = nullptr);

    void start();
    // The next wake-up in ms from now: 0 when something is due, and at most the
    // longest sleep (a minute) when nothing expires, since another process may
    // add expiring tokens to the same store. The timer is armed with at most that.
    qint64 msUntilNextWake() const;

Q_SIGNALS:
    void swept(int revokedCount);

private:
    void sweepAndRearm();
    void rearm();
    // From any thread: one rearm for however many changes arrive before it runs.
    void rearmSoon();

    TokenEngine& m_engine;
    QTimer m_timer;
    std::atomic<bool> m_rearmPending{false};
};

} // namespace tessera::engine
