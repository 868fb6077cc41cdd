#pragma once

#include "audit/AuditLog.h"
#include "core/Result.h"
#include "engine/Caller.h"

#include <QObject>
#include <QTimer>
#include <chrono>

namespace tessera {
class Clock;
}

namespace tessera::engine {

class AdminService;

// The console's retention of personal details in the audit log: records older
// than a number of days lose their personal part (AdminService::redactAudit),
// once when the number is set (at unlock, and when the preference changes) and
// then every day while the store stays open. 0 days keeps everything. The
// cut-off comes from the engine's clock, so tests move time instead of waiting.
// Lives in the thread that owns it (the GUI thread); each run is one
// transaction using the time index.
class AuditRetention : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDaily = std::chrono::hours(24);
    static constexpr int kMaxDays = 3650;

    AuditRetention(AdminService& admin, const Clock& clock, Caller caller,
                   std::chrono::milliseconds period = kDaily, QObject* parent = nullptr);

    // 0: never (stops the daily run). Otherwise applies at once and daily.
    void setDays(int days);
    int days() const { return m_days; }
    bool isScheduled() const { return m_timer.isActive(); }
    std::chrono::milliseconds period() const { return m_timer.intervalAsDuration(); }

    // Removes now what is older than the retention (nothing when it is 0):
    // what the daily run does. Emits applied() or failed().
    Result<audit::Redaction> applyNow();

Q_SIGNALS:
    void applied(qint64 redactedCount);
    void failed(const QString& message);

private:
    AdminService& m_admin;
    const Clock& m_clock;
    Caller m_caller;
    QTimer m_timer;
    int m_days = 0;
};

} // namespace tessera::engine
