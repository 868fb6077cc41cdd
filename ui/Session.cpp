#include "ui/Session.h"

#include "engine/AuditRetention.h"
#include "engine/ExpiryScheduler.h"
#include "ui/SecretClipboard.h"

#include <QThreadPool>

namespace tessera::ui {

Session::Session(QObject* parent)
    : QObject(parent)
    , m_clipboard(new SecretClipboard(this))
{}

Session::~Session()
{
    // Work off the GUI thread may still use the engine (runWithEngine).
    QThreadPool::globalInstance()->waitForDone();
    m_busy = 0;
    lock();
}

void Session::adopt(std::unique_ptr<engine::TokenEngine> engine)
{
    lock();
    m_engine = std::move(engine);
    m_storePath = m_engine->storePath();
    m_expiry = std::make_unique<engine::ExpiryScheduler>(*m_engine);
    m_expiry->start();
    m_retention =
        std::make_unique<engine::AuditRetention>(m_engine->admin(), m_engine->clock(), caller());
    connect(m_retention.get(), &engine::AuditRetention::failed, this, [](const QString& message) {
        qWarning("tessera: removing personal details from the audit log failed: %s",
                 qUtf8Printable(message));
    });
    m_retention->setDays(m_auditRetentionDays);
    Q_EMIT unlocked();
}

void Session::lock()
{
    m_clipboard->clear();
    if (!m_engine)
        return;
    if (m_busy > 0) {
        m_lockPending = true;
        return;
    }
    m_lockPending = false;
    Q_EMIT aboutToLock();
    m_retention.reset();
    m_expiry.reset();
    m_engine.reset();
    Q_EMIT locked();
}

void Session::lockWithNotice(const QString& notice)
{
    m_lockNotice = notice;
    lock();
}

void Session::setAuditRetentionDays(int days)
{
    if (days == m_auditRetentionDays)
        return;
    m_auditRetentionDays = days;
    if (m_retention)
        m_retention->setDays(days);
}

void Session::setStoreExclusive(bool exclusive)
{
    Q_EMIT storeExclusiveChanged(exclusive);
}

Session::BusyScope::BusyScope(Session& session)
    : m_session(&session)
{
    ++session.m_busy;
}

Session::BusyScope::~BusyScope()
{
    // Queued: the scope ends inside the code that ran the work, which a lock
    // may destroy (the main window).
    if (!m_session)
        return;
    if (--m_session->m_busy == 0 && m_session->m_lockPending)
        QMetaObject::invokeMethod(m_session.data(), &Session::lock, Qt::QueuedConnection);
}

} // namespace tessera::ui
