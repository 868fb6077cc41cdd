#pragma once

#include "audit/AuditRecord.h"
#include "audit/CanonicalFields.h"
#include "crypto/Hmac.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <array>

namespace tessera::audit {

// How a record's client and details are stored under chain rule 2: the public
// parts in their columns, the personal part as canonical JSON with its salt and
// digest (PersonalFields). Appending and upgrading a rule 1 log share it.
struct StoredParts
{
    QByteArray publicClient;
    QByteArray publicDetails;
    QByteArray personal; // empty: nothing personal (no salt, no digest)
    QByteArray salt;
    std::array<char, crypto::HmacSha256::kSize> digest{};
    bool readsBackEqual = true;

    StoredParts(const QString& client, const QJsonObject& details);

    QByteArrayView personalDigest() const;
};

// One record's stored fields, as UTF-8; the MAC covers the public ones and the
// personal part's digest. Needs neither the store nor the chain, so it can be
// worked out on any thread (PreparedRecords).
struct StoredRecord
{
    QByteArray operation;
    QByteArray actor;
    QByteArray targets;
    QByteArray client; // the whole client, for reading back
    QByteArray requestId;
    QByteArray outcome;
    StoredParts parts;

    explicit StoredRecord(const AuditRecord& record);

    CanonicalFields canonical(qint64 sequence, qint64 timeMs) const;
    // Makes `record` what reading this row back would give (ill-formed UTF-16
    // replaced, details that do not read back equal reparsed).
    void readBackInto(AuditRecord& record) const;
};

} // namespace tessera::audit
