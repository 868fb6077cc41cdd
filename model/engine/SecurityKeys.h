#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// A user's security key (a WebAuthn credential) as the `security_keys` table
// holds it.
struct SecurityKey
{
    QByteArray credentialId;
    QString user;
    QString label;        // the name its owner gave it
    QByteArray publicKey; // COSE_Key CBOR
    qint64 algorithm = 0; // CoseKey::kEs256 or kEdDsa
    quint32 signCount = 0;
    qint64 createdAt = 0;  // Unix seconds
    qint64 lastUsedAt = 0; // 0: never used to sign in

    // How the console, the CLI and the API name a key: its credential id in
    // base64url (not secret: the browser is told it at every sign-in).
    QString id() const;
};

// The `security_keys` table: no rules about who may do what, nor about
// ceremonies (WebAuthnCeremony and SecurityKeyService decide). Runs on the
// connection it is given, inside the caller's transaction.
class SecurityKeys
{
public:
    static constexpr int kMaxPerUser = 20;
    static constexpr int kMaxLabelLength = 64;

    explicit SecurityKeys(store::Database& db)
        : m_db(db)
    {}

    Result<std::optional<SecurityKey>> find(const QByteArray& credentialId);
    // The user's keys, oldest first.
    Result<QList<SecurityKey>> ofUser(const QString& user);
    Status insert(const SecurityKey& key);
    // A sign-in with the key: its new counter and the time.
    Status used(const QByteArray& credentialId, quint32 signCount, qint64 now);
    // Whether the user had the key.
    Result<bool> remove(const QString& user, const QByteArray& credentialId);
    Status removeAll(const QString& user);

private:
    store::Database& m_db;
};

} // namespace tessera::engine
