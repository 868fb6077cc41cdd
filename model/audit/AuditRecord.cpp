#include "audit/AuditRecord.h"

#include "audit/CanonicalFields.h"
#include "audit/CanonicalJson.h"

namespace tessera::audit {

QByteArray AuditRecord::canonicalForm() const
{
    const QByteArray operationUtf8 = operation.toUtf8();
    const QByteArray actorUtf8 = actor.toUtf8();
    const QByteArray targetsUtf8 = targets.join(u',').toUtf8();
    const QByteArray clientUtf8 = client.toUtf8();
    const QByteArray requestIdUtf8 = requestId.toUtf8();
    const QByteArray outcomeUtf8 = outcome.toUtf8();
    const QByteArray detailsJson = CanonicalJson::write(details);
    const CanonicalFields fields{sequence,    timeMs,     operationUtf8, actorUtf8,
                                 targetsUtf8, clientUtf8, requestIdUtf8, outcomeUtf8,
                                 detailsJson, {},         kChainRule1};
    QByteArray out;
    fields.appendTo(out);
    return out;
}

} // namespace tessera::audit
