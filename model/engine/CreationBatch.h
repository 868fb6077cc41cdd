#pragma once

#include "audit/AuditRecord.h"
#include "audit/PreparedRecords.h"
#include "engine/EngineConfig.h"
#include "engine/Token.h"

#include <QHash>
#include <QList>
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

    // A created token's audit record, its details still to be filled in from
    // the token when the flush is prepared: on another thread for a full flush
    // (building the details is a tenth of a bulk creation's CPU).
    struct Created
    {
        audit::AuditRecord record; // details: only what TokenService::issue() added
        Token token;
    };

    EngineConfig config;           // read once, not per token
    QHash<QString, Token> parents; // by accessor, as read from the store
    bool callerRead = false;
    std::optional<Token> callerRow;
    QList<Created> created; // since the last flush

    // The audit records of `created`, details filled in, prepared for the log.
    // Needs nothing but its argument: runs on any thread.
    static audit::PreparedRecords prepare(QList<Created> created);
};

} // namespace tessera::engine
