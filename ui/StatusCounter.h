#pragma once

#include <QObject>
#include <QTimer>

namespace tessera::ui {

class Session;

// The status bar's figures (active tokens, expiring within the hour) counted
// in SQL off the GUI thread: every few seconds, and soon after a change.
class StatusCounter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPeriodMs = 5000;
    static constexpr int kAfterChangeMs = 300;
    static constexpr qint64 kExpiringWindowSeconds = 3600;

    explicit StatusCounter(Session& session, QObject* parent = nullptr);

    // Recount soon (a burst of changes gives one count).
    void refreshSoon();
    void setPaused(bool paused) { m_paused = paused; }

Q_SIGNALS:
    void counted(qint64 active, qint64 expiringSoon);

private:
    void count();

    Session& m_session;
    QTimer m_period;
    QTimer m_soon;
    bool m_running = false;
    bool m_paused = false;
};

} // namespace tessera::ui
