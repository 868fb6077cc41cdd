#pragma once

#include "audit/AuditRecord.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace tessera::reports {

// One service token as the audit log tells its life: created (with its parent,
// role, policies), renewed, and revoked or expired. Tokens are deleted from the
// store when they go; their records stay, so reports rebuild them from here.
struct LineageToken
{
    QString accessor;
    int parent = -1; // index of the parent at creation; -1: top level
    QString displayName;
    QString role;
    QStringList policies;
    bool rootToken = false; // token.create-root
    bool login = false;     // issued by a userpass login
    qint64 createdMs = 0;
    qint64 expireMs = 0;  // 0: never; moves with each renewal
    qint64 removedMs = 0; // 0: not revoked or expired (as far as the log tells)
    QList<int> children;

    bool activeAt(qint64 ms) const
    {
        return createdMs <= ms && (removedMs == 0 || ms < removedMs) &&
               (expireMs == 0 || ms < expireMs);
    }
};

// Every service token the audit log has seen, indexed by accessor; fed record
// by record, oldest first. Batch tokens have no accessor and are not stored,
// so they appear in records but not here.
class TokenLineage
{
public:
    struct Change
    {
        int created = -1;   // the token this record created, if any
        QList<int> removed; // tokens it revoked or expired (a revoked subtree whole)
    };

    // Applies one record (only "ok" ones change anything).
    Change apply(const audit::AuditRecord& record);

    int find(const QString& accessor) const { return m_byAccessor.value(accessor, -1); }
    const LineageToken& at(int index) const { return m_tokens[size_t(index)]; }
    int size() const { return int(m_tokens.size()); }

    // The branch a token belongs to: the ancestor just below a root token, or
    // the token's top-level ancestor when that is not a root token (orphans,
    // login tokens). A root token is its own head.
    int subtreeHead(int index) const;

private:
    int add(const audit::AuditRecord& record, bool rootToken, bool login);
    void removeSubtree(int index, qint64 ms, QList<int>& removed);
    void remove(int index, qint64 ms, QList<int>& removed);

    std::vector<LineageToken> m_tokens;
    QHash<QString, int> m_byAccessor;
};

} // namespace tessera::reports
