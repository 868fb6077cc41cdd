#include "engine/CreationBatch.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tessera::engine {
namespace {

// The audit details a token shares with its siblings: type, policies, TTL and
// role. Copying them from the previous token's is several times cheaper than
// building a QJsonObject anew.
class SharedDetails
{
public:
    QJsonObject of(const Token& token)
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

private:
    std::optional<QJsonObject> m_details;
    TokenType m_type = TokenType::Service;
    QStringList m_policies;
    qint64 m_ttl = 0;
    QString m_role;
};

QJsonObject metadataJson(const Metadata& meta)
{
    QJsonObject object;
    for (auto it = meta.cbegin(); it != meta.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

audit::PreparedRecords CreationBatch::prepare(QList<Created> created)
{
    SharedDetails shared;
    QList<audit::AuditRecord> records;
    records.reserve(created.size());
    for (Created& one : created) {
        const Token& token = one.token;
        QJsonObject details = shared.of(token);
        const QJsonObject& issued = one.record.details;
        for (auto it = issued.constBegin(); it != issued.constEnd(); ++it)
            details.insert(it.key(), it.value());
        if (!token.displayName.isEmpty())
            details.insert(QStringLiteral("display_name"), token.displayName);
        if (!token.parentAccessor.isEmpty())
            details.insert(QStringLiteral("parent"), token.parentAccessor);
        // Reports filter by metadata, also of tokens revoked long ago.
        if (!token.meta.isEmpty())
            details.insert(QStringLiteral("meta"), metadataJson(token.meta));
        one.record.details = std::move(details);
        records.append(std::move(one.record));
    }
    return audit::PreparedRecords(std::move(records));
}

} // namespace tessera::engine
