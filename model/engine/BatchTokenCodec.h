#pragma once

#include "core/Result.h"
#include "engine/KeyRing.h"
#include "engine/TokenFormat.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMap>
#include <QString>
#include <QStringList>

namespace tessera::engine {

// What a batch token carries: the token itself is this, sealed. Nothing of it
// is stored, so everything the engine needs to validate it must be here.
struct BatchTokenPayload
{
    quint8 version = 1;     // format of the blob it came from
    QByteArray keyId;       // the batch key that sealed it (set by encode/decode)
    QString parentAccessor; // empty: orphan
    QStringList policies;
    QMap<QString, QString> meta;
    QString displayName;
    QString role;
    qint64 createdAt = 0; // Unix seconds
    qint64 ttl = 0;       // seconds, > 0: batch tokens always expire

    qint64 expireAt() const { return createdAt + ttl; }
    // Like service tokens, a batch token is dead from its expire time on.
    bool expired(qint64 nowSeconds) const { return nowSeconds >= expireAt(); }

    bool operator==(const BatchTokenPayload&) const = default;
};

// Seals batch-token payloads into blobs and opens them again (TokenFormat turns
// a blob into `tsb.<base62><checksum>`).
//
// Blob: version (1 byte) | key id length (1) | key id | AES-256-GCM sealed
// payload (nonce | ciphertext | tag). The version and key id travel in clear so
// the right key can be found, and are the associated data, so changing either
// breaks the tag. The payload is a compact length-prefixed encoding that owes
// nothing to Qt's serialization formats, so tokens outlive Qt upgrades.
//
// Expiry and the parent's liveness are the engine's checks, not the codec's.
class BatchTokenCodec
{
public:
    static constexpr quint8 kVersion = 1;
    // What still fits in a `tsb.` token (TokenFormat); also bounds the work done
    // on hostile input.
    static constexpr qsizetype kMaxBlobSize = TokenFormat::kMaxBatchBlobSize;

    explicit BatchTokenCodec(const KeyRing& keys)
        : m_keys(keys)
    {}

    // Seals under the current batch key. InvalidArgument for a payload that
    // cannot be a batch token (no TTL, negative times, too large); Internal if
    // the ring has no current batch key.
    Result<QByteArray> encode(const BatchTokenPayload& payload) const;
    // InvalidArgument for anything that is not a blob this engine sealed with a
    // key it still has: truncated, tampered, unknown key id, unknown version.
    Result<BatchTokenPayload> decode(QByteArrayView blob) const;

    // The same, with explicit keys (the ring's snapshot, tests, fuzzing).
    static Result<QByteArray> encode(const BatchKey& key, const BatchTokenPayload& payload);
    static Result<BatchTokenPayload> decode(const KeyRing::Snapshot& keys, QByteArrayView blob);

private:
    const KeyRing& m_keys;
};

} // namespace tessera::engine
