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

    // The only form in which a token id reaches the store.
    QByteArray tokenHash(QStringView rawToken) const;
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
