#include "engine/PassCodeService.h"

#include "crypto/Aead.h"
#include "crypto/Hmac.h"
#include "engine/EngineCore.h"
#include "engine/EngineSecrets.h"
#include "engine/PassCode.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QJsonObject>

namespace tessera::engine {
namespace {

const QString kRedeem = QStringLiteral("pass.redeem");

// A dead pass and a code that never existed get the same answer, so that a
// guess tells nothing.
Error wrongCode()
{
    return Error{ErrorCode::InvalidCredentials,
                 QStringLiteral("This code does not open a pass: check it, or ask the library "
                                "for a new pass.")};
}

Error throttled(qint64 seconds)
{
    Error error{ErrorCode::RateLimited,
                QStringLiteral("Too many wrong codes; try again in %1 seconds.").arg(seconds)};
    error.retryAfterSeconds = seconds;
    return error;
}

// The code is the only secret the key comes from: whoever holds the store
// but not the code cannot open the token. 60 random bits make a search of
// every code too costly; the lookup, bound in as associated data, ties the
// sealed token to its row.
QByteArray sealingKey(const PassCode& code)
{
    return crypto::HmacSha256(code.normalised().toLatin1()).mac("tessera pass code seal v1");
}

QString clientKeyOf(const QString& client)
{
    return QStringLiteral("client:") + client;
}

} // namespace

Result<QStringList> PassCodeService::issueCodes(store::Database& db,
                                                const QList<CreatedToken>& passes) const
{
    QStringList codes;
    codes.reserve(passes.size());
    const qint64 now = m_core.now();
    for (const CreatedToken& pass : passes) {
        if (pass.info.type != TokenType::Service || pass.info.id <= 0) {
            codes.append(QString());
            continue;
        }
        // 60 random bits: a collision is as good as impossible, and would fail
        // the primary key and roll the batch back rather than mix two passes.
        const PassCode code = PassCode::random();
        const QByteArray lookup = m_core.secrets().passCodeLookup(code.normalised());
        auto sealed = crypto::Aes256Gcm::seal(sealingKey(code), pass.token.toLatin1(), lookup);
        TESSERA_TRY(sealed);
        auto insert = db.query(
            "INSERT INTO pass_codes(lookup, token_id, sealed, created_at) VALUES(?, ?, ?, ?)");
        TESSERA_TRY(insert);
        insert->bind(1, lookup).bind(2, pass.info.id).bind(3, *sealed).bind(4, now);
        TESSERA_TRY(insert->run());
        codes.append(code.grouped());
    }
    return codes;
}

Status PassCodeService::recordRefusal(const Caller& caller, const QString& reason) const
{
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    store::Transaction tx(lease->db());
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(m_core.record(lease->db(), caller, kRedeem, {},
                              QJsonObject{{QStringLiteral("reason"), reason}},
                              QStringLiteral("denied")));
    return tx.commit();
}

Result<CreatedToken> PassCodeService::redeem(const QString& typedCode, const QString& client,
                                             const QString& requestId)
{
    Caller caller;
    caller.client = client;
    caller.requestId = requestId;
    const qint64 now = m_core.now();
    const QString clientKey = clientKeyOf(client);

    if (const qint64 wait = m_throttle.lockedFor(clientKey, now); wait > 0) {
        TESSERA_TRY(recordRefusal(caller, QStringLiteral("client locked out")));
        return throttled(wait);
    }
    // A typo is caught by the check character before any lookup, and says
    // nothing about which codes exist: it is not counted as a guess.
    auto code = PassCode::parse(typedCode);
    if (!code) {
        TESSERA_TRY(recordRefusal(caller, QStringLiteral("malformed code")));
        return code.error();
    }
    const QByteArray lookup = m_core.secrets().passCodeLookup(code->normalised());

    QByteArray sealed;
    {
        auto lease = m_core.acquire();
        TESSERA_TRY(lease);
        auto select = lease->db().query("SELECT sealed FROM pass_codes WHERE lookup = ?");
        TESSERA_TRY(select);
        select->bind(1, lookup);
        auto row = select->next();
        TESSERA_TRY(row);
        if (*row)
            sealed = select->blob(0);
    }
    QString reason;
    std::optional<CreatedToken> pass;
    if (sealed.isNull()) {
        reason = QStringLiteral("unknown code");
    } else if (auto token = crypto::Aes256Gcm::open(sealingKey(*code), sealed, lookup); !token) {
        reason = QStringLiteral("unknown code");
    } else if (auto valid = m_tokens.validate(QString::fromLatin1(*token)); !valid) {
        reason = QStringLiteral("pass no longer valid");
    } else {
        pass = CreatedToken{QString::fromLatin1(*token), std::move(*valid), {}};
    }
    if (!pass) {
        m_throttle.recordFailure(clientKey, now, kClientFreeFailures);
        TESSERA_TRY(recordRefusal(caller, reason));
        return wrongCode();
    }

    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    store::Transaction tx(lease->db());
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(
        m_core.record(lease->db(), caller, kRedeem, {pass->info.accessor},
                      QJsonObject{{QStringLiteral("method"), QStringLiteral("pass_code")}}));
    TESSERA_TRY(tx.commit());
    return std::move(*pass);
}

} // namespace tessera::engine
