#include "engine/CreationBatch.h"

#include <QJsonArray>

namespace tessera::engine {

QJsonObject CreationBatch::sharedDetails(const Token& token)
{
    if (!m_details || token.type != m_type || token.policies != m_policies ||
        token.creationTtl != m_ttl || token.role != m_role) {
        m_type = token.type;
        m_policies = token.policies;
        m_ttl = token.creationTtl;
        m_role = token.role;
        m_details =
            QJsonObject{{QStringLiteral("type"), tokenTypeName(m_type)},
                        {QStringLiteral("policies"), QJsonArray::fromStringList(m_policies)},
                        {QStringLiteral("ttl"), m_ttl}};
        if (!m_role.isEmpty())
            m_details->insert(QStringLiteral("role"), m_role);
    }
    return *m_details;
}

} // namespace tessera::engine
