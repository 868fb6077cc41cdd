#include "ui/StatusCounter.h"

#include "engine/TokenBrowser.h"
#include "ui/EngineTask.h"

namespace tessera::ui {

StatusCounter::StatusCounter(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    m_period.setInterval(kPeriodMs);
    m_soon.setSingleShot(true);
    m_soon.setInterval(kAfterChangeMs);
    connect(&m_period, &QTimer::timeout, this, &StatusCounter::count);
    connect(&m_soon, &QTimer::timeout, this, &StatusCounter::count);
    m_period.start();
    refreshSoon();
}

void StatusCounter::refreshSoon()
{
    if (!m_soon.isActive())
        m_soon.start();
}

void StatusCounter::count()
{
    if (m_running || m_paused || !m_session.isUnlocked())
        return;
    m_running = true;
    const engine::TokenBrowser browser = m_session.engine().browser();
    const qint64 now = m_session.engine().clock().nowSeconds();
    runWithEngine(
        m_session, this,
        [browser, now] { return browser.statusCounts(now, kExpiringWindowSeconds); },
        [this](Result<engine::TokenBrowser::StatusCounts> counts) {
            m_running = false;
            if (counts)
                Q_EMIT counted(counts->active, counts->expiringSoon);
        });
}

} // namespace tessera::ui
