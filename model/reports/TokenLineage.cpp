#include "TokenLineage.h"

#include "reports/AuditOperations.h"

#include <QJsonArray>

namespace tessera::reports {

using namespace operations;

namespace {

qint64 expiry(qint64 fromMs, const QJsonObject& details)
{
    const qint64 ttl = details.value(QStringLiteral("ttl")).toInteger();
    return ttl > 0 ? fromMs + ttl * 1000 : 0;
}

} // namespace

TokenLineage::Change TokenLineage::apply(const audit::AuditRecord& record)
{
    Change change;
    if (record.outcome != QLatin1String("ok") || record.targets.isEmpty())
        return change;
    const QString& op = record.operation;
    if (op == kCreate || op == kCreateRoot || op == kLogin) {
        change.created = add(record, op == kCreateRoot, op == kLogin);
    } else if (op == kRenew) {
        const int index = find(record.targets.first());
        if (index >= 0)
            m_tokens[size_t(index)].expireMs = expiry(record.timeMs, record.details);
    } else if (op == kRevoke) {
        const int index = find(record.targets.first());
        if (index >= 0)
            removeSubtree(index, record.timeMs, change.removed);
    } else if (op == kRevokeOrphan || op == kExpire || op == kUseLimit) {
        // Expiry and use limits name every token they took, children included.
        for (const QString& accessor : record.targets) {
            const int index = find(accessor);
            if (index >= 0)
                remove(index, record.timeMs, change.removed);
        }
    }
    return change;
}

int TokenLineage::add(const audit::AuditRecord& record, bool rootToken, bool login)
{
    const QString& accessor = record.targets.first();
    if (m_byAccessor.contains(accessor))
        return -1;
    const QJsonObject& details = record.details;
    LineageToken token;
    token.accessor = accessor;
    token.parent = find(details.value(QStringLiteral("parent")).toString());
    token.displayName = details.value(QStringLiteral("display_name")).toString();
    token.role = details.value(QStringLiteral("role")).toString();
    const QJsonArray policies = details.value(QStringLiteral("policies")).toArray();
    for (const QJsonValue& policy : policies)
        token.policies << policy.toString();
    if (rootToken)
        token.policies = {QStringLiteral("root")};
    token.rootToken = rootToken;
    token.login = login;
    token.createdMs = record.timeMs;
    token.expireMs = expiry(record.timeMs, details);
    const int index = int(m_tokens.size());
    if (token.parent >= 0)
        m_tokens[size_t(token.parent)].children << index;
    m_tokens.push_back(std::move(token));
    m_byAccessor.insert(accessor, index);
    return index;
}

void TokenLineage::remove(int index, qint64 ms, QList<int>& removed)
{
    LineageToken& token = m_tokens[size_t(index)];
    if (token.removedMs != 0)
        return;
    token.removedMs = ms;
    removed << index;
}

// Children first, as the engine revokes. Only tokens still standing are
// walked, so no walk reaches the children of a token revoked with
// revoke-orphan: they left its subtree then.
void TokenLineage::removeSubtree(int index, qint64 ms, QList<int>& removed)
{
    if (m_tokens[size_t(index)].removedMs != 0)
        return;
    QList<int> stack{index};
    QList<int> order;
    while (!stack.isEmpty()) {
        const int current = stack.takeLast();
        order << current;
        for (const int child : m_tokens[size_t(current)].children) {
            const LineageToken& token = m_tokens[size_t(child)];
            if (token.removedMs == 0)
                stack << child;
        }
    }
    for (auto it = order.crbegin(); it != order.crend(); ++it)
        remove(*it, ms, removed);
}

int TokenLineage::subtreeHead(int index) const
{
    int current = index;
    while (true) {
        const int parent = at(current).parent;
        if (parent < 0)
            return current;
        if (at(parent).rootToken)
            return current;
        current = parent;
    }
}

} // namespace tessera::reports
