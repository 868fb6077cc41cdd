#include "engine/EngineSecrets.h"

#include "crypto/Random.h"
#include "engine/TokenFormat.h"
#include "store/Database.h"
#include "store/Transaction.h"

namespace tessera::engine {
namespace {

constexpr int kKeySize = 32;

Result<QByteArray> loadOrCreateKey(store::Database& db, const QString& name)
{
    {
        auto select = db.query("SELECT value FROM settings WHERE key = ?");
        TESSERA_TRY(select);
        select->bind(1, name);
        auto row = select->next();
        TESSERA_TRY(row);
        if (*row) {
            QByteArray key = select->blob(0);
            if (key.size() != kKeySize)
                return Error{ErrorCode::StoreCorrupt,
                             QStringLiteral("The store's %1 has the wrong size.").arg(name)};
            return key;
        }
    }
    QByteArray key = crypto::randomBytes(kKeySize);
    auto insert = db.query("INSERT INTO settings(key, value) VALUES(?, ?)");
    TESSERA_TRY(insert);
    insert->bind(1, name).bind(2, key);
    TESSERA_TRY(insert->run());
    return key;
}

} // namespace

EngineSecrets::EngineSecrets(QByteArrayView tokenKey, QByteArrayView auditKey)
    : m_tokenHasher(tokenKey)
    // A key of its own for each purpose: a code's lookup can never equal a
    // token's hash.
    , m_passCodeHasher(crypto::HmacSha256(tokenKey).mac("tessera pass code lookup v1"))
    , m_auditLog(auditKey)
{}

Result<std::unique_ptr<EngineSecrets>> EngineSecrets::loadOrCreate(store::Database& db)
{
    store::Transaction tx(db);
    TESSERA_TRY(tx.begun());
    auto tokenKey = loadOrCreateKey(db, QStringLiteral("token_hash_key"));
    TESSERA_TRY(tokenKey);
    auto auditKey = loadOrCreateKey(db, QStringLiteral("audit_key"));
    TESSERA_TRY(auditKey);
    TESSERA_TRY(tx.commit());
    return std::unique_ptr<EngineSecrets>(new EngineSecrets(*tokenKey, *auditKey));
}

QByteArray EngineSecrets::tokenHash(QStringView rawToken) const
{
    // Tokens are ASCII by construction (TokenFormat rejects anything else first).
    return m_tokenHasher.mac(rawToken.toLatin1());
}

QByteArray EngineSecrets::tokenKey(QStringView rawToken, const QByteArray& hash)
{
    QByteArray key =
        rawToken.sliced(TokenFormat::kPrefixLength, TokenFormat::kTimeDigits).toLatin1();
    key += hash;
    return key;
}

QByteArray EngineSecrets::passCodeLookup(QStringView normalisedCode) const
{
    return m_passCodeHasher.mac(normalisedCode.toLatin1());
}

} // namespace tessera::engine
