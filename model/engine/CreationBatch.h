#pragma once

#include "audit/AuditRecord.h"
#include "engine/EngineConfig.h"
#include "engine/Token.h"

#include <QHash>
#include <QJsonObject>
#include <optional>

namespace tessera::engine {

// What the tokens created in one transaction share. Bulk creation puts
// thousands of children under a few parents: each parent's row (and the
// caller's own) is read once per transaction, which keeps other writers out,
// and creating a child changes nothing in it. The audit records are appended
// together, so that the chain's predecessor and head are read and written once
// per flush.
class CreationBatch
{
public:
    // A bounded number of records waits for the flush.
    static constexpr qsizetype kAuditFlush = 1024;

    EngineConfig config;           // read once, not per token
    QHash<QString, Token> parents; // by accessor, as read from the store
    bool callerRead = false;
    std::optional<Token> callerRow;
    QList<audit::AuditRecord> records;

    // The audit details a token shares with its siblings: type, policies, TTL
    // and role. Copying them from the previous token's is several times cheaper
    // than building a QJsonObject anew.
    QJsonObject sharedDetails(const Token& token);

private:
    std::optional<QJsonObject> m_details;
    TokenType m_type = TokenType::Service;
    QStringList m_policies;
    qint64 m_ttl = 0;
    QString m_role;
};

} // namespace tessera::engine
