#include "audit/StoredRecord.h"

#include "audit/PersonalFields.h"
#include "crypto/Random.h"

#include <QJsonDocument>
#include <algorithm>

namespace tessera::audit {
namespace {

// Ill-formed UTF-16 was stored with U+FFFD in place of lone surrogates.
void asStored(QString& field, const QByteArray& utf8)
{
    if (!field.isValidUtf16())
        field = QString::fromUtf8(utf8);
}

} // namespace

StoredParts::StoredParts(const QString& client, const QJsonObject& details)
{
    PersonalFields::Split split = PersonalFields::split(client, details);
    publicClient = split.publicClient.toUtf8();
    publicDetails = std::move(split.publicDetails);
    readsBackEqual = split.readsBackEqual;
    if (split.personal.isEmpty())
        return;
    personal = std::move(split.personal);
    salt = crypto::randomBytes(PersonalFields::kSaltSize);
    PersonalFields::digestInto(salt, personal, digest.data());
}

QByteArrayView StoredParts::personalDigest() const
{
    return personal.isEmpty() ? PersonalFields::noPersonalDigest()
                              : QByteArrayView(digest.data(), qsizetype(digest.size()));
}

StoredRecord::StoredRecord(const AuditRecord& record)
    : operation(record.operation.toUtf8())
    , actor(record.actor.toUtf8())
    , targets(record.targets.join(u',').toUtf8())
    , client(record.client.toUtf8())
    , requestId(record.requestId.toUtf8())
    , outcome(record.outcome.toUtf8())
    , parts(record.client, record.details)
{}

CanonicalFields StoredRecord::canonical(qint64 sequence, qint64 timeMs) const
{
    return {sequence,
            timeMs,
            operation,
            actor,
            targets,
            parts.publicClient,
            requestId,
            outcome,
            parts.publicDetails,
            parts.personalDigest(),
            kChainRule2};
}

void StoredRecord::readBackInto(AuditRecord& record) const
{
    // Only what storing changed: the JSON parse alone cost as much as the MAC.
    asStored(record.operation, operation);
    asStored(record.actor, actor);
    asStored(record.client, client);
    asStored(record.requestId, requestId);
    asStored(record.outcome, outcome);
    if (!std::all_of(record.targets.cbegin(), record.targets.cend(),
                     [](const QString& target) { return target.isValidUtf16(); }))
        record.targets = QString::fromUtf8(targets).split(u',');
    if (!parts.readsBackEqual) {
        QString ignoredClient;
        record.details = QJsonDocument::fromJson(parts.publicDetails).object();
        PersonalFields::merge(QJsonDocument::fromJson(parts.personal).object(), ignoredClient,
                              record.details);
    }
}

} // namespace tessera::audit
