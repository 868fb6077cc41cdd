#include "engine/AuditRetention.h"

#include "core/Clock.h"
#include "engine/AdminService.h"

namespace tessera::engine {

AuditRetention::AuditRetention(AdminService& admin, const Clock& clock, Caller caller,
                               std::chrono::milliseconds period, QObject* parent)
    : QObject(parent)
    , m_admin(admin)
    , m_clock(clock)
    , m_caller(std::move(caller))
{
    m_timer.setInterval(period);
    connect(&m_timer, &QTimer::timeout, this, &AuditRetention::applyInBackground);
}

AuditRetention::~AuditRetention()
{
    if (m_run.valid())
        m_run.wait(); // it uses the engine, which goes after this
}

bool AuditRetention::isRunning() const
{
    return m_run.valid() && m_run.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
}

void AuditRetention::applyInBackground()
{
    if (m_days == 0 || isRunning())
        return; // the run in progress covers this one
    m_run = std::async(std::launch::async, [this] { (void)applyNow(); });
}

void AuditRetention::setDays(int days)
{
    m_days = qBound(0, days, kMaxDays);
    if (m_days == 0) {
        m_timer.stop();
        return;
    }
    m_timer.start();
    applyInBackground();
}

Result<audit::Redaction> AuditRetention::applyNow()
{
    if (m_days == 0)
        return audit::Redaction{};
    constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;
    const qint64 beforeMs = m_clock.nowMs() - qint64(m_days) * kDayMs;
    auto redaction = m_admin.redactAudit(m_caller, beforeMs);
    if (!redaction) {
        Q_EMIT failed(redaction.error().message);
        return redaction;
    }
    Q_EMIT applied(redaction->redacted);
    return redaction;
}

} // namespace tessera::engine
