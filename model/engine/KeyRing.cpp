#include "engine/KeyRing.h"

#include "crypto/Aead.h"
#include "crypto/Random.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <algorithm>

namespace tessera::engine {

using crypto::SignatureAlgorithm;
using store::Database;

namespace {

const QString kBatchPurpose = QStringLiteral("batch");
const QString kJwtPurposePrefix = QStringLiteral("jwt:");
const QString kBatchAlgorithm = QStringLiteral("AES-256-GCM");
// Settings of named OIDC keys live in the `settings` table under this prefix;
// `signing_keys` has no column for them.
const QString kSettingsPrefix = QStringLiteral("oidc-key/");

Error corrupt(const QString& message)
{
    return {ErrorCode::StoreCorrupt, message};
}

QString jwtPurpose(const QString& keyName)
{
    return kJwtPurposePrefix + keyName;
}

std::optional<qint64> optionalInt(const store::Query& row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return row.int64(column);
}

Result<OidcKeySettings> parseSettings(const QString& name, const QByteArray& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const auto algorithm = signatureAlgorithmFromJws(object.value(u"algorithm").toString());
    const qint64 rotationPeriod = object.value(u"rotation_period").toInteger();
    const qint64 verificationTtl = object.value(u"verification_ttl").toInteger();
    if (!algorithm || rotationPeriod <= 0 || verificationTtl <= 0)
        return corrupt(QStringLiteral("The settings of OIDC key \"%1\" cannot be read.").arg(name));
    return OidcKeySettings{name, *algorithm, rotationPeriod, verificationTtl};
}

QByteArray serializeSettings(const OidcKeySettings& settings)
{
    const QJsonObject object{
        {QStringLiteral("algorithm"), crypto::jwsName(settings.algorithm)},
        {QStringLiteral("rotation_period"), settings.rotationPeriod},
        {QStringLiteral("verification_ttl"), settings.verificationTtl},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Status readSettings(Database& db, KeyRing::Snapshot& snapshot)
{
    auto query = db.query("SELECT key, value FROM settings WHERE substr(key, 1, 9) = 'oidc-key/'");
    if (!query.ok())
        return query.error();
    while (true) {
        const auto more = query->next();
        if (!more.ok())
            return more.error();
        if (!*more)
            break;
        const QString name = query->text(0).mid(kSettingsPrefix.size());
        auto settings = parseSettings(name, query->blob(1));
        if (!settings.ok())
            return settings.error();
        snapshot.oidcKeys.push_back(std::move(settings.value()));
    }
    return {};
}

Status readKeys(Database& db, KeyRing::Snapshot& snapshot)
{
    auto query = db.query("SELECT kid, purpose, algorithm, material, created_at, retired_at, "
                          "expires_at FROM signing_keys ORDER BY created_at DESC, kid");
    if (!query.ok())
        return query.error();
    while (true) {
        const auto more = query->next();
        if (!more.ok())
            return more.error();
        if (!*more)
            break;
        const QString kid = query->text(0);
        const QString purpose = query->text(1);
        const QString unreadable =
            QStringLiteral("Signing key \"%1\" in the store cannot be read.");
        if (purpose == kBatchPurpose) {
            BatchKey key{kid.toLatin1(), query->blob(3), query->int64(4), optionalInt(*query, 5),
                         optionalInt(*query, 6)};
            if (key.secret.size() != crypto::Aes256Gcm::kKeySize)
                return corrupt(unreadable.arg(kid));
            snapshot.batchKeys.push_back(std::move(key));
        } else if (purpose.startsWith(kJwtPurposePrefix)) {
            const auto algorithm = signatureAlgorithmFromJws(query->text(2));
            if (!algorithm)
                return corrupt(unreadable.arg(kid));
            auto signingKey = crypto::SigningKey::fromPrivateDer(*algorithm, query->blob(3));
            if (!signingKey.ok())
                return corrupt(unreadable.arg(kid));
            auto shared = std::make_shared<const crypto::SigningKey>(std::move(signingKey.value()));
            snapshot.jwtKeys.push_back(JwtKey{kid, purpose.mid(kJwtPurposePrefix.size()), shared,
                                              shared->verifyingKey(), query->int64(4),
                                              optionalInt(*query, 5), optionalInt(*query, 6)});
        }
        // Other purposes belong to other parts of the engine: not ours to judge.
    }
    // The current batch key first; the rest newest first (the query's order).
    std::stable_partition(snapshot.batchKeys.begin(), snapshot.batchKeys.end(),
                          [](const BatchKey& key) { return !key.retiredAt; });
    return {};
}

Result<std::shared_ptr<const KeyRing::Snapshot>> readSnapshot(Database& db)
{
    auto snapshot = std::make_shared<KeyRing::Snapshot>();
    TESSERA_TRY(readSettings(db, *snapshot));
    TESSERA_TRY(readKeys(db, *snapshot));
    return std::shared_ptr<const KeyRing::Snapshot>(std::move(snapshot));
}

bool kidInUse(const KeyRing::Snapshot& snapshot, QByteArrayView kid)
{
    return std::any_of(snapshot.batchKeys.begin(), snapshot.batchKeys.end(),
                       [&](const BatchKey& key) { return key.kid == kid; }) ||
           std::any_of(snapshot.jwtKeys.begin(), snapshot.jwtKeys.end(),
                       [&](const JwtKey& key) { return key.kid.toLatin1() == kid; });
}

// JWT kids look like Vault's: random (version 4) UUIDs.
QString newJwtKid()
{
    QByteArray bytes = crypto::randomBytes(16);
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

Status insertKey(Database& db, const QString& kid, const QString& purpose, const QString& algorithm,
                 const QByteArray& material, qint64 now)
{
    auto query = db.query("INSERT INTO signing_keys(kid, purpose, algorithm, material, created_at) "
                          "VALUES(?, ?, ?, ?, ?)");
    if (!query.ok())
        return query.error();
    query->bind(1, kid).bind(2, purpose).bind(3, algorithm).bind(4, material).bind(5, now);
    return query->run();
}

Status retireCurrent(Database& db, const QString& purpose, qint64 now, qint64 expiresAt)
{
    auto query = db.query("UPDATE signing_keys SET retired_at = ?, expires_at = ? "
                          "WHERE purpose = ? AND retired_at IS NULL");
    if (!query.ok())
        return query.error();
    query->bind(1, now).bind(2, expiresAt).bind(3, purpose);
    return query->run();
}

Status insertBatchKey(Database& db, const KeyRing::Snapshot& before, qint64 now)
{
    QByteArray kid;
    do {
        kid = crypto::randomBase62(KeyRing::kBatchKidLength).toLatin1();
    } while (kidInUse(before, kid));
    return insertKey(db, QString::fromLatin1(kid), kBatchPurpose, kBatchAlgorithm,
                     crypto::randomBytes(crypto::Aes256Gcm::kKeySize), now);
}

Status insertJwtKey(Database& db, const OidcKeySettings& settings, qint64 now)
{
    auto key = crypto::SigningKey::generate(settings.algorithm);
    if (!key.ok())
        return key.error();
    return insertKey(db, newJwtKid(), jwtPurpose(settings.name),
                     crypto::jwsName(settings.algorithm), key->privateDer(), now);
}

Status rotateJwtKey(Database& db, const OidcKeySettings& settings, qint64 now)
{
    TESSERA_TRY(retireCurrent(db, jwtPurpose(settings.name), now, now + settings.verificationTtl));
    return insertJwtKey(db, settings, now);
}

Status writeSettings(Database& db, const OidcKeySettings& settings)
{
    // SQLite 3.15 has no UPSERT; the settings row carries nothing else worth keeping.
    auto query = db.query("INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)");
    if (!query.ok())
        return query.error();
    query->bind(1, kSettingsPrefix + settings.name).bind(2, serializeSettings(settings));
    return query->run();
}

Status validate(const OidcKeySettings& settings)
{
    if (settings.name.isEmpty())
        return Error::invalid(QStringLiteral("An OIDC key needs a name."));
    if (settings.rotationPeriod <= 0)
        return Error::invalid(QStringLiteral("The rotation period must be positive."));
    if (settings.verificationTtl <= 0)
        return Error::invalid(QStringLiteral("The verification TTL must be positive."));
    return {};
}

Error noSuchKey(const QString& name)
{
    return Error::notFound(QStringLiteral("There is no OIDC key named \"%1\".").arg(name));
}

} // namespace

const BatchKey* KeyRing::Snapshot::currentBatchKey() const
{
    if (batchKeys.empty() || batchKeys.front().retiredAt)
        return nullptr;
    return &batchKeys.front();
}

const BatchKey* KeyRing::Snapshot::batchKey(QByteArrayView kid) const
{
    for (const BatchKey& key : batchKeys) {
        if (key.kid == kid)
            return &key;
    }
    return nullptr;
}

const OidcKeySettings* KeyRing::Snapshot::oidcKey(QStringView name) const
{
    for (const OidcKeySettings& settings : oidcKeys) {
        if (settings.name == name)
            return &settings;
    }
    return nullptr;
}

const JwtKey* KeyRing::Snapshot::currentJwtKey(QStringView keyName) const
{
    for (const JwtKey& key : jwtKeys) {
        if (!key.retiredAt && key.keyName == keyName)
            return &key;
    }
    return nullptr;
}

KeyRing::KeyRing()
    : m_snapshot(std::make_shared<const Snapshot>())
{}

KeyRing::~KeyRing() = default;

std::shared_ptr<const KeyRing::Snapshot> KeyRing::snapshot() const
{
    std::shared_lock lock(m_snapshotMutex);
    return m_snapshot;
}

void KeyRing::publish(std::shared_ptr<const Snapshot> snapshot)
{
    std::unique_lock lock(m_snapshotMutex);
    // The previous snapshot ends up in the parameter and is freed after the lock
    // is released; readers still holding it keep it alive.
    m_snapshot.swap(snapshot);
}

Status KeyRing::load(Database& db)
{
    std::lock_guard writeLock(m_writeMutex);
    auto snapshot = readSnapshot(db);
    if (!snapshot.ok())
        return snapshot.error();
    publish(std::move(snapshot.value()));
    return {};
}

template <typename Change> Status KeyRing::write(Database& db, Change&& change)
{
    std::lock_guard writeLock(m_writeMutex);
    store::Transaction transaction(db);
    TESSERA_TRY(transaction.begun());
    // Decide from the store inside the transaction, not from memory, so another
    // connection's committed rotation is seen.
    auto before = readSnapshot(db);
    if (!before.ok())
        return before.error();
    TESSERA_TRY(change(**before));
    auto after = readSnapshot(db);
    if (!after.ok())
        return after.error();
    TESSERA_TRY(transaction.commit());
    publish(std::move(after.value()));
    return {};
}

Status KeyRing::ensureBatchKey(Database& db, qint64 now)
{
    return write(db, [&](const Snapshot& before) -> Status {
        if (before.currentBatchKey())
            return {};
        return insertBatchKey(db, before, now);
    });
}

Status KeyRing::rotateBatchKey(Database& db, qint64 now, qint64 maxBatchTtl)
{
    if (maxBatchTtl < 0)
        return Error::invalid(QStringLiteral("The maximum batch token TTL cannot be negative."));
    return write(db, [&](const Snapshot& before) -> Status {
        // Tokens sealed just before now live at most maxBatchTtl more. (If the
        // max TTL was lowered since they were issued, they may die early: the
        // safe direction.)
        TESSERA_TRY(retireCurrent(db, kBatchPurpose, now, now + maxBatchTtl));
        return insertBatchKey(db, before, now);
    });
}

std::optional<BatchKey> KeyRing::currentBatchKey() const
{
    const auto current = snapshot();
    if (const BatchKey* key = current->currentBatchKey())
        return *key;
    return std::nullopt;
}

std::optional<BatchKey> KeyRing::batchKey(QByteArrayView kid) const
{
    const auto current = snapshot();
    if (const BatchKey* key = current->batchKey(kid))
        return *key;
    return std::nullopt;
}

Status KeyRing::ensureOidcKey(Database& db, const OidcKeySettings& settings, qint64 now)
{
    TESSERA_TRY(validate(settings));
    return write(db, [&](const Snapshot& before) -> Status {
        const OidcKeySettings* existing = before.oidcKey(settings.name);
        if (!existing || *existing != settings)
            TESSERA_TRY(writeSettings(db, settings));
        if (!existing || !before.currentJwtKey(settings.name))
            return insertJwtKey(db, settings, now);
        if (existing->algorithm != settings.algorithm)
            return rotateJwtKey(db, settings, now);
        return {};
    });
}

Status KeyRing::rotateOidcKey(Database& db, const QString& name, qint64 now)
{
    return write(db, [&](const Snapshot& before) -> Status {
        const OidcKeySettings* settings = before.oidcKey(name);
        if (!settings)
            return noSuchKey(name);
        return rotateJwtKey(db, *settings, now);
    });
}

Status KeyRing::deleteOidcKey(Database& db, const QString& name)
{
    return write(db, [&](const Snapshot& before) -> Status {
        if (!before.oidcKey(name))
            return noSuchKey(name);
        auto keys = db.query("DELETE FROM signing_keys WHERE purpose = ?");
        if (!keys.ok())
            return keys.error();
        TESSERA_TRY(keys->bind(1, jwtPurpose(name)).run());
        auto settings = db.query("DELETE FROM settings WHERE key = ?");
        if (!settings.ok())
            return settings.error();
        return settings->bind(1, kSettingsPrefix + name).run();
    });
}

Status KeyRing::rotateDueOidcKeys(Database& db, qint64 now)
{
    return write(db, [&](const Snapshot& before) -> Status {
        for (const OidcKeySettings& settings : before.oidcKeys) {
            const JwtKey* current = before.currentJwtKey(settings.name);
            if (!current)
                TESSERA_TRY(insertJwtKey(db, settings, now));
            else if (current->createdAt + settings.rotationPeriod <= now)
                TESSERA_TRY(rotateJwtKey(db, settings, now));
        }
        return {};
    });
}

std::optional<qint64> KeyRing::nextMaintenanceAt() const
{
    const auto current = snapshot();
    std::optional<qint64> next;
    const auto consider = [&](qint64 at) { next = next ? std::min(*next, at) : at; };
    for (const OidcKeySettings& settings : current->oidcKeys) {
        if (const JwtKey* key = current->currentJwtKey(settings.name))
            consider(key->createdAt + settings.rotationPeriod);
    }
    for (const JwtKey& key : current->jwtKeys) {
        if (key.expiresAt)
            consider(*key.expiresAt);
    }
    for (const BatchKey& key : current->batchKeys) {
        if (key.expiresAt)
            consider(*key.expiresAt);
    }
    return next;
}

std::optional<OidcKeySettings> KeyRing::oidcKey(const QString& name) const
{
    const auto current = snapshot();
    if (const OidcKeySettings* settings = current->oidcKey(name))
        return *settings;
    return std::nullopt;
}

QStringList KeyRing::oidcKeyNames() const
{
    const auto current = snapshot();
    QStringList names;
    for (const OidcKeySettings& settings : current->oidcKeys)
        names.append(settings.name);
    names.sort();
    return names;
}

Result<JwtSigner> KeyRing::signingKey(const QString& name) const
{
    const auto current = snapshot();
    const JwtKey* key = current->currentJwtKey(name);
    if (!key)
        return noSuchKey(name);
    return JwtSigner{key->kid, key->signingKey};
}

QList<VerificationKey> KeyRing::verificationKeys(qint64 now) const
{
    const auto current = snapshot();
    QList<VerificationKey> keys;
    for (const JwtKey& key : current->jwtKeys) {
        if (!key.expiresAt || *key.expiresAt > now)
            keys.append(VerificationKey{key.kid, key.keyName, key.verifyingKey, key.expiresAt});
    }
    return keys;
}

Status KeyRing::purgeExpired(Database& db, qint64 now)
{
    return write(db, [&](const Snapshot&) -> Status {
        auto query = db.query("DELETE FROM signing_keys WHERE expires_at IS NOT NULL "
                              "AND expires_at <= ?");
        if (!query.ok())
            return query.error();
        return query->bind(1, now).run();
    });
}

} // namespace tessera::engine
