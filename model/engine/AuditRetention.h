#pragma once

#include "audit/AuditLog.h"
#include "core/Result.h"
#include "engine/Caller.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <future>

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
// Lives in the thread that owns it (the GUI thread), but the scheduled runs
// (setDays, the daily timer) work on a thread of their own, one at a time: the
// first run on a large store rewrites many records and must not freeze the
// window. applied() and failed() come from that thread (queued to receivers
// in others); the destructor waits for a run in progress. Each run is one
// transaction using the time index.
class AuditRetention : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDaily = std::chrono::hours(24);
    static constexpr int kMaxDays = 3650;

    AuditRetention(AdminService& admin, const Clock& clock, Caller caller,
                   std::chrono::milliseconds period = kDaily, QObject* parent = nullptr);
    ~AuditRetention() override;

    // 0: never (stops the daily run). Otherwise applies at once (in the
    // background) and daily.
    void setDays(int days);
    int days() const { return m_days; }
    bool isScheduled() const { return m_timer.isActive(); }
    std::chrono::milliseconds period() const { return m_timer.intervalAsDuration(); }

    // Removes now, on the calling thread, what is older than the retention
    // (nothing when it is 0): what each run does. Emits applied() or failed().
    Result<audit::Redaction> applyNow();
    // True while a scheduled run is working.
    bool isRunning() const;

Q_SIGNALS:
    void applied(qint64 redactedCount);
    void failed(const QString& message);

private:
    void applyInBackground();

    AdminService& m_admin;
    const Clock& m_clock;
    Caller m_caller;
    QTimer m_timer;
    std::atomic<int> m_days = 0;
    std::future<void> m_run; // the scheduled run, if one was started
};

} // namespace tessera::engine
