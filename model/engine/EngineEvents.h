#pragma once

#include "engine/Token.h"

#include <QObject>
#include <QStringList>

namespace tessera::engine {

// What the engine's services announce, after their transaction has committed,
// from the calling thread (receivers in other threads get them queued). The
// console's models listen here; see docs/ARCHITECTURE.md, «Threads and signals».
class EngineEvents : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void tokenCreated(const tessera::engine::Token& token);
    void tokenRenewed(const tessera::engine::Token& token);
    void tokenUsed(const QString& accessor, int usesLeft);
    // The tops of the revoked branches (a revoke names one; expiry one per
    // expired token not below another) and how many tokens went, those below
    // included. A view removes each top with its branch, so a million revoked
    // tokens cost it one row, not a million lookups. `reason` is "revoke",
    // "expire" or "use-limit".
    void tokensRevoked(const QStringList& tops, qint64 count, const QString& reason);
    // revoke-orphan: these tokens lost their parent and are now top level.
    void tokensOrphaned(const QStringList& accessors);
    void policiesChanged();
    void rolesChanged();
    // The next expire time may have moved (ExpiryScheduler re-arms its timer).
    void expiryScheduleChanged();
    // Users, their second factors or their sign-in state. The console also
    // forwards other processes' user changes here (StoreWatcher::usersChanged).
    void usersChanged();
    void oidcChanged(); // keys (settings or rotation) or roles
};

} // namespace tessera::engine
