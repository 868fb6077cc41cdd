#include "items/StoreWatcher.h"

#include "engine/TokenEngine.h"

#include <chrono>

namespace tessera::items {

StoreWatcher::StoreWatcher(engine::TokenEngine& engine, QObject* parent)
    : QObject(parent)
    , m_browser(engine.browser())
{
    m_seen = m_browser.lastAuditSequence().valueOr(0);
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StoreWatcher::poll);
    m_timer.start();
}

StoreWatcher::~StoreWatcher()
{
    if (m_reading.valid())
        m_reading.wait();
}

void StoreWatcher::reportFailure(const Error& error)
{
    if (error.code != ErrorCode::StoreReplaced) {
        Q_EMIT watchFailed(error.message);
        return;
    }
    m_timer.stop();
    Q_EMIT storeLost(error.message);
}

void StoreWatcher::poll()
{
    if (m_reading.valid()) {
        if (m_reading.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return;
        auto changes = m_reading.get();
        if (!changes) {
            reportFailure(changes.error());
            return;
        }
        m_seen = changes->lastSequence;
        if (!changes->gone.isEmpty() || !changes->orphanedBelow.isEmpty() ||
            !changes->current.isEmpty())
            Q_EMIT tokensChanged(*changes);
        if (changes->users)
            Q_EMIT usersChanged();
        Q_EMIT auditAppended(m_seen);
    }
    auto last = m_browser.lastAuditSequence();
    if (!last) {
        reportFailure(last.error());
        return;
    }
    if (*last <= m_seen)
        return;
    // The browser only reads through the store's pool: safe on another thread.
    // When done it asks for the next poll at once (queued to this thread; the
    // destructor waits for the read, and Qt drops events of deleted objects).
    m_reading = std::async(std::launch::async, [this, browser = m_browser, from = m_seen] {
        auto changes = browser.changesSince(from);
        QMetaObject::invokeMethod(this, &StoreWatcher::poll, Qt::QueuedConnection);
        return changes;
    });
}

} // namespace tessera::items
