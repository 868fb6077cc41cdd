#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::audit {

// The fields of one audit record as the bytes the chain MAC covers. Both
// AuditRecord::canonicalForm() and the verifier (which reads SQLite's column
// bytes directly, without QString) build the canonical form through this one
// type, so the two can never drift apart.
//
// Layout: "TAR1", sequence and time as 8-byte big-endian integers, then
// operation, actor, targets, client, request id, outcome and details, each as a
// 4-byte big-endian length followed by its UTF-8 bytes. The length prefixes make
// it unambiguous; the version tag keeps it apart from anything else the audit
// key signs (the chain head).
// The "previous MAC" record 1 is chained on.
inline constexpr char kGenesisMac[32] = {};

struct CanonicalFields
{
    qint64 sequence = 0;
    qint64 timeMs = 0;
    QByteArrayView operation;
    QByteArrayView actor;
    QByteArrayView targets; // comma-separated accessors, as stored
    QByteArrayView client;
    QByteArrayView requestId;
    QByteArrayView outcome;
    QByteArrayView details; // canonical JSON (CanonicalJson), as stored

    qsizetype size() const;
    // Appends the canonical form to `out` (one resize, no per-field allocation).
    void appendTo(QByteArray& out) const;
};

} // namespace tessera::audit
