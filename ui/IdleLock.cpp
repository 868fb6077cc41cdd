#include "ui/IdleLock.h"

#include "ui/Session.h"

#include <QCoreApplication>
#include <QEvent>

namespace tessera::ui {

IdleLock::IdleLock(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, &m_session, &Session::lock);
    connect(&m_session, &Session::unlocked, this, &IdleLock::arm);
    connect(&m_session, &Session::locked, &m_timer, &QTimer::stop);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

void IdleLock::setTimeout(int ms)
{
    m_timeoutMs = ms;
    arm();
}

void IdleLock::arm()
{
    if (m_timeoutMs > 0 && m_session.isUnlocked())
        m_timer.start(m_timeoutMs);
    else
        m_timer.stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        if (m_timer.isActive())
            m_timer.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tessera::ui
