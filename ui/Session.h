#pragma once

#include "core/DeskIdentity.h"
#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/TokenEngine.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>
#include <utility>

namespace tessera::engine {
class AuditRetention;
class ExpiryScheduler;
} // namespace tessera::engine

namespace tessera::ui {

class SecretClipboard;

// The unlocked store: owns the TokenEngine (and with it every piece of
// decrypted state) between an unlock and the next lock. Everything that holds
// engine data (models, windows) goes away on aboutToLock(), before the engine.
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    bool isUnlocked() const { return m_engine != nullptr; }
    // The store file of the current (or last) unlock.
    QString storePath() const { return m_storePath; }
    // Only while unlocked.
    engine::TokenEngine& engine() { return *m_engine; }
    // The console acts as the store owner: whoever holds the passphrase holds root.
    static engine::Caller caller()
    {
        return engine::Caller::storeOwner(DeskIdentity::client(QStringLiteral("console")));
    }

    SecretClipboard& clipboard() { return *m_clipboard; }

    // Takes an engine opened off the GUI thread (StoreOpener) and starts its
    // expiry scheduler; emits unlocked().
    void adopt(std::unique_ptr<engine::TokenEngine> engine);

    // Destroys the engine and everything holding its data, and clears a token
    // the console put on the clipboard. Harmless when already locked.
    void lock();
    // Locks and leaves a notice for the unlock dialog that follows (why the
    // console locked by itself).
    void lockWithNotice(const QString& notice);
    QString takeLockNotice() { return std::exchange(m_lockNotice, QString()); }

    // Held while work off the GUI thread uses the engine: a lock asked for
    // meanwhile (Ctrl+L, idle timer) happens when the last scope ends. A scope
    // may end while the session is being destroyed (held by a connection to one
    // of its children): then it does nothing.
    class BusyScope
    {
    public:
        explicit BusyScope(Session& session);
        ~BusyScope();
        BusyScope(const BusyScope&) = delete;
        BusyScope& operator=(const BusyScope&) = delete;

    private:
        QPointer<Session> m_session;
    };
    bool isBusy() const { return m_busy > 0; }

    // Work that needs the store to itself (rekey: Store::changePassphrase wants
    // every connection back, and blocks new ones) announces itself, so that
    // pollers pause instead of blocking the GUI thread on a connection.
    void setStoreExclusive(bool exclusive);

    // Personal details leave audit records older than this many days (0:
    // never): at every unlock, when it changes, and daily while unlocked.
    void setAuditRetentionDays(int days);
    int auditRetentionDays() const { return m_auditRetentionDays; }
    // Only while unlocked.
    engine::AuditRetention& auditRetention() { return *m_retention; }

Q_SIGNALS:
    void unlocked();
    // Drop every model, view and dialog holding decrypted data now.
    void aboutToLock();
    void locked();
    void storeExclusiveChanged(bool exclusive);

private:
    QString m_storePath;
    std::unique_ptr<engine::TokenEngine> m_engine;
    std::unique_ptr<engine::ExpiryScheduler> m_expiry;
    std::unique_ptr<engine::AuditRetention> m_retention;
    int m_auditRetentionDays = 0;
    SecretClipboard* m_clipboard;
    int m_busy = 0;
    bool m_lockPending = false;
    QString m_lockNotice;
};

} // namespace tessera::ui
