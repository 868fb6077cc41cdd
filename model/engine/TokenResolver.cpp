#include "engine/TokenResolver.h"

#include "engine/BatchTokenCodec.h"
#include "engine/EngineCore.h"
#include "engine/EngineSecrets.h"
#include "engine/LazyConnection.h"
#include "engine/TokenFormat.h"
#include "engine/TokenRecords.h"

namespace tessera::engine {

using store::Database;

namespace {

Token fromBatchPayload(const BatchTokenPayload& payload)
{
    Token token;
    token.type = TokenType::Batch;
    token.parentAccessor = payload.parentAccessor;
    token.policies = payload.policies;
    token.meta = payload.meta;
    token.displayName = payload.displayName;
    token.role = payload.role;
    token.path = payload.role.isEmpty() ? QStringLiteral("auth/token/create")
                                        : QStringLiteral("auth/token/create/") + payload.role;
    token.createdAt = payload.createdAt;
    token.creationTtl = payload.ttl;
    token.expireAt = payload.expireAt();
    return token;
}

} // namespace

Error TokenResolver::notFound()
{
    return Error::notFound(QStringLiteral("no such token, or it has expired or been revoked"));
}

bool TokenResolver::alive(const Token& token, qint64 now)
{
    if (token.expireAt && *token.expireAt <= now)
        return false;
    return !(token.numUses > 0 && token.usesLeft <= 0);
}

Result<Token> TokenResolver::validateBatch(LazyConnection& connection,
                                           const ParsedToken& parsed) const
{
    const qint64 now = m_core.now();
    auto payload = BatchTokenCodec(m_core.keys()).decode(parsed.blob);
    if (!payload.ok() || payload->expired(now))
        return notFound();
    if (!payload->parentAccessor.isEmpty()) {
        ValidationCache& cache = m_core.cache();
        auto known = cache.parentAlive(payload->parentAccessor, now);
        if (!known) {
            const quint64 generation = cache.generation();
            auto db = connection.get();
            TESSERA_TRY(db);
            auto parent = TokenRecords(**db).findByAccessor(payload->parentAccessor);
            TESSERA_TRY(parent);
            const bool exists = parent->has_value() && alive(**parent, now);
            cache.insertParent(payload->parentAccessor, exists ? (*parent)->expireAt : std::nullopt,
                               exists, generation);
            known = exists;
        }
        if (!*known)
            return notFound();
    }
    return fromBatchPayload(*payload);
}

Result<Token> TokenResolver::validate(LazyConnection& connection, QStringView raw,
                                      const ParsedToken& parsed) const
{
    TESSERA_TRY(m_core.refreshEpoch(connection));
    if (parsed.kind == TokenKind::Batch)
        return validateBatch(connection, parsed);
    const qint64 now = m_core.now();
    ValidationCache& cache = m_core.cache();
    // Cached by the HMAC, looked up in the store by the key.
    const QByteArray hash = m_core.secrets().tokenHash(raw);
    if (auto cached = cache.find(hash, now))
        return std::move(*cached);
    // Noted before the read: a revocation committed meanwhile keeps the token
    // out of the cache.
    const quint64 generation = cache.generation();
    auto db = connection.get();
    TESSERA_TRY(db);
    auto token = TokenRecords(**db).findByKey(EngineSecrets::tokenKey(raw, hash));
    TESSERA_TRY(token);
    if (!token->has_value()) {
        // Made before tokens began with their creation second: stored under
        // the HMAC alone.
        token = TokenRecords(**db).findByKey(hash);
        TESSERA_TRY(token);
    }
    if (!token->has_value() || !alive(**token, now))
        return notFound();
    cache.insert(hash, **token, generation);
    return std::move(**token);
}

Result<Token> TokenResolver::validate(Database& db, QStringView raw) const
{
    auto parsed = TokenFormat::parse(raw);
    TESSERA_TRY(parsed);
    LazyConnection connection(db);
    return validate(connection, raw, *parsed);
}

Result<std::optional<Token>> TokenResolver::callerToken(Database& db, const Caller& caller) const
{
    auto token = TokenRecords(db).findById(caller.tokenId);
    TESSERA_TRY(token);
    if (token->has_value() && (*token)->accessor != caller.accessor)
        return std::optional<Token>{};
    return token;
}

Status TokenResolver::checkStillTheCaller(Database& db, const Caller& caller) const
{
    auto own = callerToken(db, caller);
    TESSERA_TRY(own);
    if (!own->has_value())
        return Error::denied(QStringLiteral("permission denied: invalid token"));
    return {};
}

Result<bool> TokenResolver::stillStored(Database& db, const Token& token) const
{
    auto id = TokenRecords(db).idOfAccessor(token.accessor);
    TESSERA_TRY(id);
    return id->has_value() && **id == token.id;
}

Result<std::optional<Token>> TokenResolver::resolve(Database& db, const Caller& caller,
                                                    const TokenRef& ref) const
{
    switch (ref.kind) {
    case TokenRef::Kind::Self: {
        // Validated by this request; only a use count can have moved since.
        if (caller.token && (caller.tokenId == 0 || !caller.useLimited))
            return std::optional<Token>{*caller.token};
        if (caller.tokenId == 0)
            return Error::invalid(QStringLiteral("the store owner has no token of its own"));
        auto token = callerToken(db, caller);
        TESSERA_TRY(token);
        if (token->has_value() && (*token)->expireAt && *(*token)->expireAt <= m_core.now())
            return std::optional<Token>{};
        return token;
    }
    case TokenRef::Kind::Token: {
        auto token = validate(db, ref.value);
        if (token.ok())
            return std::optional<Token>{std::move(*token)};
        if (token.error().code == ErrorCode::NotFound)
            return std::optional<Token>{};
        return token.error();
    }
    case TokenRef::Kind::Accessor:
        break;
    }
    auto token = TokenRecords(db).findByAccessor(ref.value);
    TESSERA_TRY(token);
    if (token->has_value() && !alive(**token, m_core.now()))
        return std::optional<Token>{};
    return token;
}

QString TokenResolver::pathFor(const QString& operation, const Caller& caller, const TokenRef& ref,
                               const std::optional<Token>& target)
{
    if (ref.kind == TokenRef::Kind::Accessor)
        return QStringLiteral("auth/token/%1-accessor").arg(operation);
    if (ref.kind == TokenRef::Kind::Self ||
        (target && !caller.accessor.isEmpty() && target->accessor == caller.accessor))
        return QStringLiteral("auth/token/%1-self").arg(operation);
    return QStringLiteral("auth/token/%1").arg(operation);
}

} // namespace tessera::engine
