#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tessera::audit {

// One engine operation as the audit log keeps it. Secrets never appear here in
// clear: details carry them as "hmac-sha256:<hex>" (AuditLog::tag).
struct AuditRecord
{
    qint64 sequence = 0; // assigned by AuditLog::append: 1, 2, 3, ... without gaps
    qint64 timeMs = 0;   // UTC, ms since the epoch
    QString operation;   // "token.create", "token.revoke", "login.failed", ...; never empty
    QString actor;       // accessor of the calling token; empty for the store owner
    QStringList targets; // accessors the operation touched; none with a comma
    QString client;      // "console", "cli", "api:127.0.0.1", "expiry"
    QString requestId;
    QString outcome; // "ok", "denied", "error", ...
    QJsonObject details;
    QByteArray mac; // HMAC(chain key, previous mac | canonical form of this record)
    // When the record's personal part was removed (AuditLog::redact), ms since
    // the epoch; 0 while it still has it. A redacted record keeps only the
    // client's kind ("api") and the public details (see PersonalFields).
    qint64 redactedAtMs = 0;

    // Every field above but the MAC and redaction time, in a fixed
    // order and encoding (see CanonicalFields), with the details as canonical JSON
    // (sorted keys, see CanonicalJson), so it depends neither on the order in which
    // details were inserted nor on the Qt version: the bytes chain rule 1 covered.
    // (Rule 2 covers the public fields and a salted digest of the personal part;
    // see CanonicalFields and PersonalFields.)
    QByteArray canonicalForm() const;
};

} // namespace tessera::audit
