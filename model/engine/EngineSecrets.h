#pragma once

#include "audit/AuditLog.h"
#include "core/Result.h"
#include "crypto/Hmac.h"

#include <memory>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// The keys that live inside the encrypted store: the token hash key (token ids
// are stored only as HMAC-SHA256 under it) and the audit chain key. Created
// the first time an engine opens a store, loaded on every later open.
class EngineSecrets
{
public:
    static Result<std::unique_ptr<EngineSecrets>> loadOrCreate(store::Database& db);

    // The HMAC-SHA256 of a token under the token hash key.
    QByteArray tokenHash(QStringView rawToken) const;
    // The only form in which a service token reaches the store: the time
    // digits at the start of its body (TokenFormat), then its tokenHash().
    // Tokens made together sort together, so creating many appends to the
    // index instead of dirtying a random page of it for each. Tokens made
    // before 2026-12-07 are stored under their tokenHash() alone.
    // `rawToken` must have parsed as a service token; `hash` is its tokenHash().
    static QByteArray tokenKey(QStringView rawToken, const QByteArray& hash);
    // The only form in which a pass code reaches the store (PassCodeService):
    // HMAC-SHA256 of the normalised code under a key derived from the token
    // hash key, so that a lookup is useless without the store's secrets.
    QByteArray passCodeLookup(QStringView normalisedCode) const;
    const audit::AuditLog& auditLog() const { return m_auditLog; }

private:
    EngineSecrets(QByteArrayView tokenKey, QByteArrayView auditKey);
    crypto::HmacSha256 m_tokenHasher;
    crypto::HmacSha256 m_passCodeHasher;
    audit::AuditLog m_auditLog;
};

} // namespace tessera::engine
