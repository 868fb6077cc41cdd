#pragma once

#include "core/Result.h"
#include "crypto/Signature.h"
#include "engine/VerificationKey.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <vector>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// An AES-256-GCM key that seals batch tokens.
struct BatchKey
{
    QByteArray kid;    // short ASCII id, written in clear at the front of every blob
    QByteArray secret; // 32 bytes
    qint64 createdAt = 0;
    std::optional<qint64> retiredAt; // no longer seals new tokens
    std::optional<qint64> expiresAt; // every token it sealed has expired by then
};

// Settings of one named OIDC key (Vault's identity/oidc/key/:name).
struct OidcKeySettings
{
    static constexpr qint64 kDefaultPeriod = 24 * 3600; // Vault's defaults: 24h and 24h

    QString name;
    crypto::SignatureAlgorithm algorithm = crypto::SignatureAlgorithm::Ed25519;
    qint64 rotationPeriod = kDefaultPeriod;  // seconds between automatic rotations
    qint64 verificationTtl = kDefaultPeriod; // seconds a rotated-out key stays published

    bool operator==(const OidcKeySettings&) const = default;
};

// One JWT signing key pair of a named OIDC key, current or rotated out.
struct JwtKey
{
    QString kid;
    QString keyName;
    std::shared_ptr<const crypto::SigningKey> signingKey;
    crypto::VerifyingKey verifyingKey;
    qint64 createdAt = 0;
    std::optional<qint64> retiredAt; // nullopt: the key currently signing
    std::optional<qint64> expiresAt; // published for verification until then
};

// The current signing key of a named OIDC key, as JwtIssuer needs it.
struct JwtSigner
{
    QString kid;
    std::shared_ptr<const crypto::SigningKey> key;
};

// The engine's key material: batch-token AES keys and JWT signing keys, kept in
// the store's `signing_keys` table (inside the encrypted file) and mirrored in
// memory as an immutable snapshot.
//
// Threads: readers (token validation on many threads) take the current snapshot
// under a shared lock and keep using it without any lock; writers build a new
// snapshot from the store inside their transaction and publish it only after
// the commit, so a reader never sees a key the store does not have.
//
// Every writing method opens its own transaction on `db`: call it outside any
// open transaction.
class KeyRing
{
public:
    struct Snapshot
    {
        std::vector<BatchKey> batchKeys; // the current one (if any) first
        std::vector<OidcKeySettings> oidcKeys;
        std::vector<JwtKey> jwtKeys;

        const BatchKey* currentBatchKey() const;
        const BatchKey* batchKey(QByteArrayView kid) const;
        const OidcKeySettings* oidcKey(QStringView name) const;
        const JwtKey* currentJwtKey(QStringView keyName) const;
    };

    static constexpr int kBatchKidLength = 6; // base62: ~36 bits, unique within one store

    KeyRing();
    ~KeyRing();
    KeyRing(const KeyRing&) = delete;
    KeyRing& operator=(const KeyRing&) = delete;

    // Reads every key from the store (StoreCorrupt if a key cannot be read).
    Status load(store::Database& db);
    std::shared_ptr<const Snapshot> snapshot() const;

    // --- batch tokens ------------------------------------------------------
    // Creates the first batch key if there is none.
    Status ensureBatchKey(store::Database& db, qint64 now);
    // A new current key; the previous one keeps opening the tokens it sealed
    // until now + maxBatchTtl, the longest any of them can live.
    Status rotateBatchKey(store::Database& db, qint64 now, qint64 maxBatchTtl);
    std::optional<BatchKey> currentBatchKey() const;
    std::optional<BatchKey> batchKey(QByteArrayView kid) const;

    // --- JWT (named OIDC keys) -----------------------------------------------
    // Creates the named key with a first signing key, or updates its settings.
    // A changed algorithm rotates at once (as Vault does), so the new algorithm
    // signs from now on and the old key stays published for verificationTtl.
    Status ensureOidcKey(store::Database& db, const OidcKeySettings& settings, qint64 now);
    // NotFound if there is no such key.
    Status rotateOidcKey(store::Database& db, const QString& name, qint64 now);
    // Removes the key and every signing key it had, published or not.
    Status deleteOidcKey(store::Database& db, const QString& name);
    // Rotates every OIDC key whose current signing key is rotationPeriod old.
    Status rotateDueOidcKeys(store::Database& db, qint64 now);
    // When rotateDueOidcKeys() or purgeExpired() next has work (nullopt: never).
    std::optional<qint64> nextMaintenanceAt() const;

    std::optional<OidcKeySettings> oidcKey(const QString& name) const;
    QStringList oidcKeyNames() const;
    // NotFound if there is no such key.
    Result<JwtSigner> signingKey(const QString& name) const;
    // Every key still published at `now` (current and rotated-out), all OIDC keys.
    QList<VerificationKey> verificationKeys(qint64 now) const;

    // Deletes batch and JWT keys whose expires_at has passed.
    Status purgeExpired(store::Database& db, qint64 now);

private:
    template <typename Change> Status write(store::Database& db, Change&& change);
    void publish(std::shared_ptr<const Snapshot> snapshot);

    mutable std::shared_mutex m_snapshotMutex;
    std::shared_ptr<const Snapshot> m_snapshot;
    std::mutex m_writeMutex; // one writer at a time builds the next snapshot
};

} // namespace tessera::engine
