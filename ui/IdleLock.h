#pragma once

#include <QObject>
#include <QTimer>

namespace tessera::ui {

class Session;

// Locks the session after a stretch without keyboard or mouse input anywhere
// in the application (an event filter on qApp). Runs only while unlocked.
class IdleLock : public QObject
{
    Q_OBJECT

public:
    explicit IdleLock(Session& session, QObject* parent = nullptr);
    ~IdleLock() override;

    // 0 turns auto-lock off.
    void setTimeout(int ms);
    int timeout() const { return m_timeoutMs; }
    bool isArmed() const { return m_timer.isActive(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void arm();

    Session& m_session;
    QTimer m_timer;
    int m_timeoutMs = 0;
};

} // namespace tessera::ui
