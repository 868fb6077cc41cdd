#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::audit {

// The fields of one audit record as the bytes the chain MAC covers. Both
// AuditRecord::canonicalForm() and the verifier (which reads SQLite's column
// bytes directly, without QString) build the canonical form through this one
// type, so the two can never drift apart.
//
// Chain rule 1 (records written before personal details could be removed):
// "TAR1", sequence and time as 8-byte big-endian integers, then operation,
// actor, targets, client, request id, outcome and details, each as a 4-byte
// big-endian length followed by its UTF-8 bytes.
// Chain rule 2: "TAR2", sequence, time, the same seven texts holding only the
// public parts (client without its address, the public details; see
// PersonalFields), then the personal digest (32 bytes, length-prefixed too).
// The length prefixes make it unambiguous; the version tag keeps the rules
// apart from each other and from anything else the audit key signs (the chain
// head).
// The "previous MAC" record 1 is chained on.
inline constexpr char kGenesisMac[32] = {};
inline constexpr int kChainRule1 = 1;
inline constexpr int kChainRule2 = 2; // what new records are written under

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
    // Rule 2 only: SHA-256(salt | personal part), or 32 zero bytes when the
    // record has no personal part.
    QByteArrayView personalDigest;
    int rule = kChainRule1;

    qsizetype size() const;
    // Appends the canonical form to `out` (one resize, no per-field allocation).
    void appendTo(QByteArray& out) const;
};

} // namespace tessera::audit
