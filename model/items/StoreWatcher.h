#pragma once

#include "engine/TokenBrowser.h"

#include <QObject>
#include <QTimer>
#include <future>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::items {

// Notices what other processes (tessera-cli, the API server, another console)
// commit to the same store file, and tells the models:
//
//     StoreWatcher watcher(engine);
//     connect(&watcher, &StoreWatcher::tokensChanged, &treeModel, &TokenTreeModel::applyChanges);
//     connect(&watcher, &StoreWatcher::auditAppended, &auditModel, &AuditModel::fetchNewRecords);
//
// Four times a second it reads the audit log's last sequence (one b-tree
// descent). Every token operation appends an audit record naming the accessors
// it touched, so the records after the last one seen say exactly what to
// reconcile: the cost follows the size of the change, not the number of rows
// loaded (100k loaded children of one node cost nothing when one token
// elsewhere is renewed). Those records and the tokens they name are read on a
// worker thread; the signals come on the watcher's thread.
//
// Why not PRAGMA data_version: it counts commits of *other* connections as seen
// by one connection, so it needs a connection of its own for good, and a lease
// held for good makes Store::changePassphrase refuse (it needs every connection
// back). The audit sequence answers the same question through the pool, and
// also says where to read from.
//
// Changes made through this process's engine arrive twice (signal, then
// here); applying them is idempotent.
class StoreWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 250;

    explicit StoreWatcher(engine::TokenEngine& engine, QObject* parent = nullptr);
    ~StoreWatcher() override; // waits for a read in progress

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    void stop() { m_timer.stop(); }
    void start() { m_timer.start(); }

public Q_SLOTS:
    // One poll (the timer calls it): delivers a finished read, starts the next.
    void poll();

Q_SIGNALS:
    // Tokens created, changed or gone since the last report.
    void tokensChanged(const tessera::engine::TokenBrowser::Changes& changes);
    // Users, their second factors or their sign-ins changed (a patron added a
    // security key on the gate's page). The console forwards it as the
    // engine's own usersChanged, so views of users listen in one place.
    void usersChanged();
    // The audit log grew (any operation): counts and the audit view may refresh.
    void auditAppended(qint64 lastSequence);
    // Reading the store failed (it stays watched).
    void watchFailed(const QString& message);
    // The store's files were replaced under this process (another program
    // renamed a file over it or deleted its WAL): nothing more can be read or
    // written; the store must be opened again.
    void storeLost(const QString& message);

private:
    void reportFailure(const Error& error);

    engine::TokenBrowser m_browser;
    QTimer m_timer;
    qint64 m_seen = 0; // last audit sequence reported
    std::future<Result<engine::TokenBrowser::Changes>> m_reading;
};

} // namespace tessera::items
