#pragma once

#include "audit/AuditRecord.h"

#include <QStringList>

namespace tessera::reports {

// The fields CSV and JSON Lines exports carry for each record, in order, so
// that both formats hold the same data. Secrets are already HMAC tags
// ("hmac-sha256:<hex>") inside `details`; nothing here adds any.
class RecordFields
{
public:
    // sequence, time, operation, actor, targets, client, request_id, outcome,
    // details, mac, redacted_at (when the personal details were removed; empty
    // while the record has them: a redacted record is still in every count).
    static const QStringList& names();
    // ISO 8601 in UTC with milliseconds: "2026-11-22T14:35:02.123Z".
    static QString timeText(qint64 ms);
    static QString macText(const audit::AuditRecord& record);
    // timeText() of the redaction, or an empty string.
    static QString redactedText(const audit::AuditRecord& record);
};

} // namespace tessera::reports
