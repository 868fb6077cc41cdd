#include "engine/TokenEngine.h"

#include "audit/AuditLog.h"
#include "engine/BatchTokenCodec.h"
#include "engine/CreationPlan.h"
#include "engine/EngineSecrets.h"
#include "engine/KeyRing.h"
#include "engine/Policy.h"
#include "engine/PolicyBook.h"
#include "engine/Revocation.h"
#include "engine/RevocationEpoch.h"
#include "engine/Role.h"
#include "engine/RoleBook.h"
#include "engine/TokenFormat.h"
#include "engine/TokenRecords.h"
#include "engine/TtlPolicy.h"
#include "engine/UseAudit.h"
#include "engine/UseLimit.h"
#include "engine/ValidationCache.h"
#include "store/GroupCommit.h"
#include "store/Store.h"
#include "store/Transaction.h"

// --- users, cubbyhole, oidc
#include "engine/Cubbyhole.h"
#include "engine/Jwks.h"
#include "engine/JwtIssuer.h"
#include "engine/JwtVerifier.h"
#include "engine/OidcBook.h"
#include "engine/OidcKey.h"
#include "engine/OidcRole.h"
#include "engine/PasswordHash.h"
#include "engine/User.h"
#include "engine/UserDirectory.h"

#include <QHash>
#include <QJsonArray>
#include <chrono>
#include <functional>

namespace tessera::engine {

using store::Database;
using store::Transaction;

namespace {

Error permissionDenied()
{
    return Error::denied(QStringLiteral("permission denied"));
}

Error tokenNotFound()
{
    return Error::notFound(QStringLiteral("no such token, or it has expired or been revoked"));
}

QJsonObject metadataJson(const Metadata& meta)
{
    QJsonObject object;
    for (auto it = meta.cbegin(); it != meta.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

bool alive(const Token& token, qint64 now)
{
    if (token.expireAt && *token.expireAt <= now)
        return false;
    return !(token.numUses > 0 && token.usesLeft <= 0);
}

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

// A store connection taken only when needed: answers from the validation
// cache need none.
class LazyConnection
{
public:
    explicit LazyConnection(store::Store& store)
        : m_store(&store)
    {}
    explicit LazyConnection(Database& db)
        : m_db(&db)
    {}

    Result<Database*> get()
    {
        if (!m_db) {
            auto lease = m_store->acquire();
            TESSERA_TRY(lease);
            m_lease.emplace(std::move(*lease));
            m_db = &m_lease->db();
        }
        return m_db;
    }

private:
    store::Store* m_store = nullptr;
    Database* m_db = nullptr;
    std::optional<store::Store::Lease> m_lease;
};

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// How stale a revocation made by another process may look to this one.
constexpr qint64 kEpochCheckIntervalMs = 50;

} // namespace

// What the tokens created in one transaction share. Bulk creation puts thousands
// of children under a few parents: each parent's row (and the caller's own) is
// read once per transaction, which keeps other writers out, and creating a
// child changes nothing in it. The audit records are appended together, so that
// the chain's predecessor and head are read and written once per flush.
struct TokenEngine::CreationBatch
{
    // A bounded number of records waits for the flush.
    static constexpr qsizetype kAuditFlush = 1024;

    QHash<QString, Token> parents; // by accessor, as read from the store
    bool callerRead = false;
    std::optional<Token> callerRow;
    QList<audit::AuditRecord> records;

    // The audit details a token shares with its siblings: type, policies, TTL
    // and role. Copying them from the previous token's is several times cheaper
    // than building a QJsonObject anew.
    QJsonObject sharedDetails(const Token& token)
    {
        if (!m_details || token.type != m_type || token.policies != m_policies ||
            token.creationTtl != m_ttl || token.role != m_role) {
            m_type = token.type;
            m_policies = token.policies;
            m_ttl = token.creationTtl;
            m_role = token.role;
            m_details =
                QJsonObject{{QStringLiteral("type"), tokenTypeName(m_type)},
                            {QStringLiteral("policies"), QJsonArray::fromStringList(m_policies)},
                            {QStringLiteral("ttl"), m_ttl}};
            if (!m_role.isEmpty())
                m_details->insert(QStringLiteral("role"), m_role);
        }
        return *m_details;
    }

private:
    std::optional<QJsonObject> m_details;
    TokenType m_type = TokenType::Service;
    QStringList m_policies;
    qint64 m_ttl = 0;
    QString m_role;
};

struct TokenEngine::Impl
{
    explicit Impl(TokenEngine& engine)
        : q(engine)
    {}

    TokenEngine& q;
    std::unique_ptr<EngineSecrets> secrets;
    KeyRing keys;
    mutable PolicyBook policies;
    RoleBook roles;
    mutable ValidationCache cache;
    std::unique_ptr<store::GroupCommit> group;
    std::unique_ptr<UseAudit> uses; // after `group`, which it writes through
    mutable std::atomic<qint64> epochCheckedAtMs{-kEpochCheckIntervalMs};
    mutable std::atomic<qint64> knownEpoch{-1};

    qint64 now() const { return q.m_clock.nowSeconds(); }

    audit::AuditRecord auditEntry(const Caller& caller, const QString& operation,
                                  const QStringList& targets, const QJsonObject& details = {},
                                  const QString& outcome = QStringLiteral("ok")) const
    {
        audit::AuditRecord entry;
        entry.timeMs = q.m_clock.nowMs();
        entry.operation = operation;
        entry.actor = caller.accessor;
        entry.targets = targets;
        entry.client = caller.client;
        entry.requestId = caller.requestId;
        entry.outcome = outcome;
        entry.details = details;
        return entry;
    }

    Status record(Database& db, const Caller& caller, const QString& operation,
                  const QStringList& targets, const QJsonObject& details = {},
                  const QString& outcome = QStringLiteral("ok")) const
    {
        audit::AuditRecord entry = auditEntry(caller, operation, targets, details, outcome);
        return secrets->auditLog().append(db, entry);
    }

    // A refused operation leaves a trace too, in a transaction of its own.
    void recordRefusal(const Caller& caller, const QString& operation, const Error& error) const
    {
        auto lease = q.m_store->acquire();
        if (!lease.ok())
            return;
        Transaction tx(lease->db());
        if (!tx.begun().ok())
            return;
        const QString outcome = error.code == ErrorCode::PermissionDenied ? QStringLiteral("denied")
                                                                          : QStringLiteral("error");
        if (record(lease->db(), caller, operation, {}, {{QStringLiteral("error"), error.message}},
                   outcome)
                .ok())
            (void)tx.commit();
    }

    // Owner: always. Others: any of `needed` on `path` in their policies.
    Status authorize(Database& db, const Caller& caller, const QString& path,
                     Capabilities needed) const
    {
        if (caller.owner)
            return {};
        auto granted = policies.capabilities(db, caller.policies, path);
        TESSERA_TRY(granted);
        if (*granted & needed)
            return {};
        return permissionDenied();
    }

    Status authorizeOrRecord(Database& db, const Caller& caller, const QString& path,
                             Capabilities needed, const QString& operation) const
    {
        auto status = authorize(db, caller, path, needed);
        if (!status.ok())
            recordRefusal(caller, operation, status.error());
        return status;
    }

    // An administrative write (policies, roles, users): authorized on `path`,
    // then `write` and its audit record in one transaction.
    Status adminWrite(const Caller& caller, const QString& path, Capabilities needed,
                      const QString& operation, const QJsonObject& details,
                      const std::function<Status(Database&)>& write) const
    {
        auto lease = q.m_store->acquire();
        TESSERA_TRY(lease);
        Database& db = lease->db();
        TESSERA_TRY(authorizeOrRecord(db, caller, path, needed, operation));
        Transaction tx(db);
        TESSERA_TRY(tx.begun());
        TESSERA_TRY(write(db));
        TESSERA_TRY(record(db, caller, operation, {}, details));
        return tx.commit();
    }

    // A policy written or deleted: a narrowed policy must bind every cached
    // token at once, here and (through the epoch) in other processes.
    Status policyWrite(const Caller& caller, const QString& name, Capabilities needed,
                       const QString& operation,
                       const std::function<Status(Database&)>& write) const
    {
        const Status written =
            adminWrite(caller, QStringLiteral("sys/policies/acl/") + name, needed, operation,
                       {{QStringLiteral("policy"), name}}, [&](Database& db) -> Status {
                           TESSERA_TRY(write(db));
                           return invalidating(db);
                       });
        if (written.ok())
            invalidated();
        return written;
    }

    // An administrative read, authorized on `path`; refusals are audited.
    template <typename Read>
    auto adminRead(const Caller& caller, const QString& path, Capabilities needed,
                   const QString& operation, Read&& read) const
        -> decltype(read(std::declval<Database&>()))
    {
        auto lease = q.m_store->acquire();
        TESSERA_TRY(lease);
        TESSERA_TRY(authorizeOrRecord(lease->db(), caller, path, needed, operation));
        return read(lease->db());
    }

    // Another process may have revoked tokens this cache holds: look at the
    // store's revocation epoch, at most every kEpochCheckIntervalMs.
    Status refreshEpoch(LazyConnection& connection) const
    {
        const qint64 nowMs = monotonicMs();
        qint64 checkedAt = epochCheckedAtMs.load();
        if (nowMs - checkedAt < kEpochCheckIntervalMs ||
            !epochCheckedAtMs.compare_exchange_strong(checkedAt, nowMs))
            return {};
        auto db = connection.get();
        TESSERA_TRY(db);
        auto epoch = RevocationEpoch::read(**db);
        TESSERA_TRY(epoch);
        if (knownEpoch.exchange(*epoch) != *epoch)
            invalidated();
        return {};
    }

    // Inside the write transaction of anything that can invalidate a valid
    // token or narrow a policy; call invalidated() once it has committed.
    Status invalidating(Database& db) const { return RevocationEpoch::bump(db); }
    void invalidated() const
    {
        cache.invalidate();
        policies.invalidate();
    }

    Result<Token> validateBatch(LazyConnection& connection, const ParsedToken& parsed) const
    {
        auto payload = BatchTokenCodec(keys).decode(parsed.blob);
        if (!payload.ok())
            return tokenNotFound();
        if (payload->expired(now()))
            return tokenNotFound();
        if (!payload->parentAccessor.isEmpty()) {
            auto known = cache.parentAlive(payload->parentAccessor, now());
            if (!known) {
                const quint64 generation = cache.generation();
                auto db = connection.get();
                TESSERA_TRY(db);
                auto parent = TokenRecords(**db).findByAccessor(payload->parentAccessor);
                TESSERA_TRY(parent);
                const bool exists = parent->has_value() && alive(**parent, now());
                cache.insertParent(payload->parentAccessor,
                                   exists ? (*parent)->expireAt : std::nullopt, exists, generation);
                known = exists;
            }
            if (!*known)
                return tokenNotFound();
        }
        return fromBatchPayload(*payload);
    }

    Result<Token> validate(LazyConnection& connection, QStringView raw,
                           const ParsedToken& parsed) const
    {
        TESSERA_TRY(refreshEpoch(connection));
        if (parsed.kind == TokenKind::Batch)
            return validateBatch(connection, parsed);
        const QByteArray hash = secrets->tokenHash(raw);
        if (auto cached = cache.find(hash, now()))
            return std::move(*cached);
        // Noted before the read: a revocation committed meanwhile keeps the
        // token out of the cache.
        const quint64 generation = cache.generation();
        auto db = connection.get();
        TESSERA_TRY(db);
        auto token = TokenRecords(**db).findByHash(hash);
        TESSERA_TRY(token);
        if (!token->has_value() || !alive(**token, now()))
            return tokenNotFound();
        cache.insert(hash, **token, generation);
        return std::move(**token);
    }

    Result<Token> validate(Database& db, QStringView raw) const
    {
        auto parsed = TokenFormat::parse(raw);
        TESSERA_TRY(parsed);
        LazyConnection connection(db);
        return validate(connection, raw, *parsed);
    }

    // The calling service token's row while it is still the caller's: SQLite
    // hands out the row ids of deleted tokens again, so a stale id may name a
    // stranger's token.
    Result<std::optional<Token>> callerToken(Database& db, const Caller& caller) const
    {
        auto token = TokenRecords(db).findById(caller.tokenId);
        TESSERA_TRY(token);
        if (token->has_value() && (*token)->accessor != caller.accessor)
            return std::optional<Token>{};
        return token;
    }

    // Whether `token`, resolved before the write transaction began, is still
    // stored: if it was revoked in between, its row id may be a stranger's now.
    Result<bool> stillStored(Database& db, const Token& token) const
    {
        auto id = TokenRecords(db).idOfAccessor(token.accessor);
        TESSERA_TRY(id);
        return id->has_value() && **id == token.id;
    }

    // A token named by value, accessor or as the caller's own; expired or
    // used-up tokens count as gone (except the caller's own on its last use).
    Result<std::optional<Token>> resolve(Database& db, const Caller& caller,
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
            if (token->has_value() && (*token)->expireAt && *(*token)->expireAt <= now())
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
        if (token->has_value() && !alive(**token, now()))
            return std::optional<Token>{};
        return token;
    }

    // Vault's endpoint for an operation on `ref`: -self, -accessor or plain.
    static QString pathFor(const QString& operation, const Caller& caller, const TokenRef& ref,
                           const std::optional<Token>& target)
    {
        if (ref.kind == TokenRef::Kind::Accessor)
            return QStringLiteral("auth/token/%1-accessor").arg(operation);
        if (ref.kind == TokenRef::Kind::Self ||
            (target && !caller.accessor.isEmpty() && target->accessor == caller.accessor))
            return QStringLiteral("auth/token/%1-self").arg(operation);
        return QStringLiteral("auth/token/%1").arg(operation);
    }

    struct Parent
    {
        qint64 id = 0; // 0: orphan
        QString accessor;
        QStringList policies;
    };

    Result<Parent> parentFor(Database& db, const Caller& caller, const TokenRequest& request,
                             bool orphan, CreationBatch& batch) const
    {
        Parent parent;
        // As in Vault, batch and use-limited tokens create no tokens at all, not
        // even orphans: through an orphan a token could escape its use limit.
        if (!caller.owner && caller.batch)
            return Error::invalid(QStringLiteral("batch tokens cannot create child tokens"));
        if (!caller.owner && caller.useLimited)
            return Error::invalid(
                QStringLiteral("a token with a use limit cannot create child tokens"));
        // The caller was authenticated before this transaction began: a child of
        // a token revoked since then would outlive the revocation, unseen.
        if (!caller.owner && caller.tokenId > 0) {
            if (!batch.callerRead) {
                auto self = callerToken(db, caller);
                TESSERA_TRY(self);
                batch.callerRow = std::move(*self);
                batch.callerRead = true;
            }
            if (!batch.callerRow || !alive(*batch.callerRow, now()))
                return Error::denied(QStringLiteral("permission denied: invalid token"));
        }
        if (orphan)
            return parent;
        if (caller.owner) {
            // The owner has no token of its own: without an explicit parent its
            // tokens are top level, like orphans.
            if (request.parentAccessor.isEmpty()) {
                parent.policies = {Policy::rootName()};
                return parent;
            }
            auto known = batch.parents.constFind(request.parentAccessor);
            if (known == batch.parents.cend()) {
                auto found = TokenRecords(db).findByAccessor(request.parentAccessor);
                TESSERA_TRY(found);
                if (!found->has_value())
                    return Error::notFound(QStringLiteral("the parent token does not exist"));
                known = batch.parents.insert(request.parentAccessor, std::move(**found));
            }
            const Token& found = *known;
            if (!alive(found, now()))
                return Error::notFound(QStringLiteral("the parent token does not exist"));
            if (found.hasUseLimit())
                return Error::invalid(
                    QStringLiteral("a token with a use limit cannot create child tokens"));
            parent.id = found.id;
            parent.accessor = found.accessor;
            parent.policies = found.policies;
            return parent;
        }
        parent.id = caller.tokenId;
        parent.accessor = caller.accessor;
        parent.policies = caller.policies;
        return parent;
    }
};

TokenEngine::TokenEngine(std::unique_ptr<store::Store> store, const Clock& clock,
                         EngineConfig config)
    : d(std::make_unique<Impl>(*this))
    , m_store(std::move(store))
    , m_clock(clock)
    , m_config(std::move(config))
{}

TokenEngine::~TokenEngine()
{
    // Queued use records are appended while the store is still open.
    if (d)
        d->uses.reset();
}

Result<std::unique_ptr<TokenEngine>> TokenEngine::open(std::unique_ptr<store::Store> store,
                                                       const Clock& clock, EngineConfig config)
{
    std::unique_ptr<TokenEngine> engine(
        new TokenEngine(std::move(store), clock, std::move(config)));
    engine->d->group = std::make_unique<store::GroupCommit>(*engine->m_store);
    auto lease = engine->m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    auto secrets = EngineSecrets::loadOrCreate(db);
    TESSERA_TRY(secrets);
    engine->d->secrets = std::move(*secrets);
    engine->d->uses = std::make_unique<UseAudit>(*engine->d->group, engine->d->secrets->auditLog());
    const qint64 now = clock.nowSeconds();
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(engine->d->policies.seed(db, now));
    // A crash between a token's last use and its revocation left it used up in
    // the store. Swept here, where no request of ours can be on its last use.
    auto usedUp = Revocation(db).revokeUsedUp();
    TESSERA_TRY(usedUp);
    if (!usedUp->isEmpty())
        TESSERA_TRY(engine->d->record(db, Caller::storeOwner(QStringLiteral("startup")),
                                      QStringLiteral("token.use-limit"), *usedUp));
    TESSERA_TRY(engine->d->invalidating(db));
    TESSERA_TRY(tx.commit());
    TESSERA_TRY(engine->d->keys.load(db));
    TESSERA_TRY(engine->d->keys.ensureBatchKey(db, now));
    return engine;
}

// --- tokens -----------------------------------------------------------------

Result<CreatedToken> TokenEngine::createRootToken(const Caller& caller)
{
    if (!caller.owner)
        return Error::denied(QStringLiteral("permission denied: only the store owner may create "
                                            "a root token"));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    CreatedToken created;
    created.token = TokenFormat::newServiceToken();
    Token& token = created.info;
    token.accessor = TokenFormat::newAccessor();
    token.policies = {Policy::rootName()};
    token.displayName = QStringLiteral("root");
    token.path = QStringLiteral("auth/token/root");
    token.createdAt = d->now();
    token.issuedBy = caller.client;
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(TokenRecords(db).insert(token, d->secrets->tokenHash(created.token), 0));
    TESSERA_TRY(d->record(db, caller, QStringLiteral("token.create-root"), {token.accessor}));
    TESSERA_TRY(tx.commit());
    Q_EMIT tokenCreated(token);
    return created;
}

// Checks, decides and inserts one token inside the caller's transaction and
// queues its audit record in `batch`; the caller appends the records, commits
// and emits.
Result<CreatedToken> TokenEngine::insertToken(Database& db, const Caller& caller,
                                              const TokenRequest& request, CreationBatch& batch)
{
    TESSERA_TRY(checkRequestShape(request));
    const QString operation = QStringLiteral("token.create");

    std::optional<Role> role;
    QString path = request.viaCreateOrphan ? QStringLiteral("auth/token/create-orphan")
                                           : QStringLiteral("auth/token/create");
    if (request.viaCreateOrphan && !request.role.isEmpty())
        return Error::invalid(QStringLiteral("create-orphan takes no role"));
    if (!request.role.isEmpty()) {
        auto found = d->roles.find(db, request.role);
        TESSERA_TRY(found);
        role = std::move(*found);
        path += u'/' + role->name;
    }
    TESSERA_TRY(d->authorize(db, caller, path, Capability::Create | Capability::Update));

    // Orphans: from an orphan role, or asked for by root or sudo.
    const bool orphan = role ? role->orphan : request.orphan || request.viaCreateOrphan;
    if (request.orphan && !request.viaCreateOrphan && !role && !caller.isRoot()) {
        if (!d->authorize(db, caller, path, Capability::Sudo).ok())
            return Error::denied(QStringLiteral("permission denied: creating an orphan token "
                                                "needs root or sudo"));
    }
    auto parent = d->parentFor(db, caller, request, orphan, batch);
    TESSERA_TRY(parent);

    CreationInput input;
    input.request = request;
    input.role = role;
    input.callerHasSudo = caller.isRoot() || d->authorize(db, caller, path, Capability::Sudo).ok();
    // Orphans have no parent to inherit from: the caller's policies bound them.
    input.boundingPolicies = orphan ? caller.policies : parent->policies;
    input.ownerTopLevel = caller.owner && parent->id == 0;
    input.now = d->now();
    input.config = m_config;
    auto plan = planCreation(input);
    TESSERA_TRY(plan);
    const TokenType type = plan->type;
    const TtlCreation& ttl = plan->ttl;

    CreatedToken created;
    created.warnings = englishTexts(ttl.warnings);
    Token& token = created.info;
    token.type = type;
    token.parentAccessor = orphan ? QString() : parent->accessor;
    token.policies = plan->policies;
    token.meta = request.meta;
    token.displayName = request.displayName;
    token.role = role ? role->name : QString();
    token.path =
        role ? path + (role->pathSuffix.isEmpty() ? QString() : u'/' + role->pathSuffix) : path;
    token.numUses = plan->numUses;
    token.usesLeft = plan->numUses;
    token.createdAt = input.now;
    token.creationTtl = ttl.ttl;
    token.expireAt = ttl.expireAt;
    token.explicitMaxTtl = ttl.explicitMaxTtl;
    token.period = ttl.period;
    token.renewable = plan->renewable;
    token.issuedBy = caller.client;

    QJsonObject details = batch.sharedDetails(token);
    if (!token.displayName.isEmpty())
        details.insert(QStringLiteral("display_name"), token.displayName);
    if (!token.parentAccessor.isEmpty())
        details.insert(QStringLiteral("parent"), token.parentAccessor);
    // Reports filter by metadata, also of tokens revoked long ago.
    if (!token.meta.isEmpty())
        details.insert(QStringLiteral("meta"), metadataJson(token.meta));
    if (type == TokenType::Batch) {
        BatchTokenPayload payload;
        payload.parentAccessor = token.parentAccessor;
        payload.policies = token.policies;
        payload.meta = token.meta;
        payload.displayName = token.displayName;
        payload.role = token.role;
        payload.createdAt = token.createdAt;
        payload.ttl = token.creationTtl;
        auto blob = BatchTokenCodec(d->keys).encode(payload);
        TESSERA_TRY(blob);
        created.token = TokenFormat::batchToken(*blob);
        token.renewable = false;
        details.insert(QStringLiteral("token"),
                       d->secrets->auditLog().tag(created.token.toLatin1()));
        batch.records.append(d->auditEntry(caller, operation, {}, details));
    } else {
        created.token = TokenFormat::newServiceToken();
        token.accessor = TokenFormat::newAccessor();
        TESSERA_TRY(
            TokenRecords(db).insert(token, d->secrets->tokenHash(created.token), parent->id));
        batch.records.append(d->auditEntry(caller, operation, {token.accessor}, details));
    }
    return created;
}

Result<CreatedToken> TokenEngine::createToken(const Caller& caller, const TokenRequest& request)
{
    auto created = createTokens(caller, {request});
    TESSERA_TRY(created);
    return created->first();
}

Result<QList<CreatedToken>> TokenEngine::createTokens(const Caller& caller,
                                                      const QList<TokenRequest>& requests)
{
    // Through the group commit: creations from many API threads share one
    // durable commit instead of paying an fsync each.
    QList<CreatedToken> tokens;
    tokens.reserve(requests.size());
    const Status created = d->group->run([&](Database& db) -> Status {
        tokens.clear(); // the group commit may run this again
        CreationBatch batch;
        for (const TokenRequest& request : requests) {
            auto one = insertToken(db, caller, request, batch);
            TESSERA_TRY(one);
            tokens.append(std::move(*one));
            if (batch.records.size() >= CreationBatch::kAuditFlush) {
                TESSERA_TRY(d->secrets->auditLog().append(db, batch.records));
                batch.records.clear();
            }
        }
        return d->secrets->auditLog().append(db, batch.records);
    });
    if (!created.ok()) {
        // Recorded only now: the failed write has been rolled back.
        if (created.error().code == ErrorCode::PermissionDenied)
            d->recordRefusal(caller, QStringLiteral("token.create"), created.error());
        return created.error();
    }
    bool expiring = false;
    for (const CreatedToken& token : std::as_const(tokens)) {
        Q_EMIT tokenCreated(token.info);
        expiring = expiring || token.info.expireAt.has_value();
    }
    if (expiring)
        Q_EMIT expiryScheduleChanged();
    return tokens;
}

Result<Token> TokenEngine::validate(QStringView rawToken) const
{
    // Garbage and typos are turned away before any store access, even the
    // opening of a connection when the pool has none idle.
    auto parsed = TokenFormat::parse(rawToken);
    TESSERA_TRY(parsed);
    LazyConnection connection(*m_store);
    return d->validate(connection, rawToken, *parsed);
}

Result<Caller> TokenEngine::authenticate(QStringView rawToken, const QString& client,
                                         const QString& requestId, const QString& path)
{
    auto caller = authenticate(rawToken, client, requestId, path, true);
    TESSERA_TRY(caller);
    return std::move(**caller);
}

Result<std::optional<Caller>> TokenEngine::authenticateWithoutWaiting(QStringView rawToken,
                                                                      const QString& client,
                                                                      const QString& requestId,
                                                                      const QString& path)
{
    return authenticate(rawToken, client, requestId, path, false);
}

Result<std::optional<Caller>> TokenEngine::authenticate(QStringView rawToken, const QString& client,
                                                        const QString& requestId,
                                                        const QString& path, bool mayWait)
{
    QJsonObject details;
    if (!path.isEmpty())
        details.insert(QStringLiteral("path"), path);
    // A refused token is audited too (by its tag, never itself), in the batched
    // use records: a scanner's guesses must not cost a commit each.
    const auto refuse = [&]() -> Error {
        Caller stranger;
        stranger.client = client;
        stranger.requestId = requestId;
        QJsonObject refused = details;
        refused.insert(QStringLiteral("token"), d->secrets->auditLog().tag(rawToken.toUtf8()));
        (void)d->uses->add(d->auditEntry(stranger, QStringLiteral("token.use"), {}, refused,
                                         QStringLiteral("denied")));
        return Error::denied(QStringLiteral("permission denied: invalid token"));
    };
    auto parsed = TokenFormat::parse(rawToken);
    if (!parsed.ok())
        return refuse();
    LazyConnection connection(*m_store);
    auto token = d->validate(connection, rawToken, *parsed);
    if (!token.ok()) {
        // Vault answers 403 for any token it does not know.
        if (token.error().code == ErrorCode::NotFound ||
            token.error().code == ErrorCode::InvalidArgument)
            return refuse();
        return token.error();
    }
    Caller caller;
    caller.accessor = token->accessor;
    caller.policies = token->policies;
    caller.client = client;
    caller.requestId = requestId;
    caller.batch = token->type == TokenType::Batch;
    caller.useLimited = token->hasUseLimit();
    caller.tokenId = token->id;
    caller.expireAt = token->expireAt.value_or(0);
    caller.token = std::make_shared<const Token>(*token);
    if (!token->hasUseLimit()) {
        // Nothing to count: the record joins the batched use records.
        TESSERA_TRY(d->uses->add(
            d->auditEntry(caller, QStringLiteral("token.use"), {token->accessor}, details)));
        return std::optional<Caller>{std::move(caller)};
    }
    if (!mayWait)
        return std::optional<Caller>{};

    auto connected = connection.get();
    TESSERA_TRY(connected);
    Database& db = **connected;
    // The decrement is one conditional UPDATE under SQLite's writer lock, so a
    // one-use token succeeds for exactly one of many concurrent callers.
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    auto stored = d->stillStored(db, *token);
    TESSERA_TRY(stored);
    if (!*stored)
        return refuse();
    auto left = UseLimit(db).consume(token->id);
    if (!left.ok())
        return refuse();
    details.insert(QStringLiteral("uses_left"), *left);
    TESSERA_TRY(d->record(db, caller, QStringLiteral("token.use"), {token->accessor}, details));
    TESSERA_TRY(tx.commit());
    caller.lastUse = *left == 0;
    Q_EMIT tokenUsed(token->accessor, *left);
    return std::optional<Caller>{std::move(caller)};
}

Status TokenEngine::completeUse(const Caller& caller)
{
    if (!caller.lastUse || caller.tokenId == 0)
        return {};
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    auto own = d->callerToken(db, caller);
    TESSERA_TRY(own);
    if (!own->has_value())
        return {}; // revoked meanwhile
    auto revoked = Revocation(db).revokeSubtree(caller.tokenId);
    TESSERA_TRY(revoked);
    if (revoked->isEmpty())
        return {};
    TESSERA_TRY(d->record(db, caller, QStringLiteral("token.use-limit"), *revoked, {}));
    TESSERA_TRY(d->invalidating(db));
    TESSERA_TRY(tx.commit());
    d->invalidated();
    Q_EMIT tokensRevoked(*revoked, QStringLiteral("use-limit"));
    return {};
}

Result<Token> TokenEngine::lookup(const Caller& caller, const TokenRef& ref)
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    auto target = d->resolve(db, caller, ref);
    TESSERA_TRY(target);
    const QString path = Impl::pathFor(QStringLiteral("lookup"), caller, ref, *target);
    TESSERA_TRY(d->authorizeOrRecord(db, caller, path, Capability::Read | Capability::Update,
                                     QStringLiteral("token.lookup")));
    if (!target->has_value())
        return tokenNotFound();
    return std::move(**target);
}

Result<Renewal> TokenEngine::renew(const Caller& caller, const TokenRef& ref, qint64 increment)
{
    if (increment < 0)
        return Error::invalid(QStringLiteral("increment must not be negative"));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    const QString operation = QStringLiteral("token.renew");
    auto target = d->resolve(db, caller, ref);
    TESSERA_TRY(target);
    const QString path = Impl::pathFor(QStringLiteral("renew"), caller, ref, *target);
    TESSERA_TRY(d->authorizeOrRecord(db, caller, path, Capability::Update, operation));
    if (!target->has_value())
        return tokenNotFound();
    Token token = std::move(**target);
    if (token.type == TokenType::Batch)
        return Error::invalid(QStringLiteral("batch tokens cannot be renewed"));

    std::optional<Role> role;
    if (!token.role.isEmpty()) {
        // Role-created tokens renew under the role's current settings. Like
        // Vault, no renewal once the role is gone.
        auto found = d->roles.find(db, token.role);
        if (!found.ok() && found.error().code == ErrorCode::NotFound)
            return Error::invalid(
                QStringLiteral("original token role \"%1\" could not be found, not renewing")
                    .arg(token.role));
        TESSERA_TRY(found);
        role = std::move(*found);
    }
    const TtlRenewalInput input =
        TtlPolicy::renewalInput(token, role ? &*role : nullptr, d->now(), increment, m_config);
    auto renewal = TtlPolicy::forRenewal(input);
    TESSERA_TRY(renewal);

    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    auto stored = d->stillStored(db, token);
    TESSERA_TRY(stored);
    if (!*stored)
        return tokenNotFound();
    TESSERA_TRY(TokenRecords(db).updateExpiry(token.id, renewal->expireAt, input.now));
    TESSERA_TRY(d->record(db, caller, operation, {token.accessor},
                          {{QStringLiteral("ttl"), renewal->ttl}}));
    TESSERA_TRY(d->invalidating(db));
    TESSERA_TRY(tx.commit());
    d->invalidated();
    token.expireAt = renewal->expireAt;
    token.lastRenewal = input.now;
    Q_EMIT tokenRenewed(token);
    Q_EMIT expiryScheduleChanged();
    return Renewal{token, englishTexts(renewal->warnings)};
}

Result<QStringList> TokenEngine::revoke(const Caller& caller, const TokenRef& ref)
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    const QString operation = QStringLiteral("token.revoke");
    auto target = d->resolve(db, caller, ref);
    TESSERA_TRY(target);
    const QString path = Impl::pathFor(QStringLiteral("revoke"), caller, ref, *target);
    TESSERA_TRY(d->authorizeOrRecord(db, caller, path, Capability::Update, operation));
    // Revoking what is already gone succeeds (unlike Vault, vault#9636).
    if (!target->has_value())
        return QStringList{};
    if ((*target)->type == TokenType::Batch)
        return Error::invalid(
            QStringLiteral("batch tokens cannot be revoked on their own; revoke their parent"));

    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    auto stored = d->stillStored(db, **target);
    TESSERA_TRY(stored);
    if (!*stored)
        return QStringList{}; // revoked meanwhile
    auto revoked = Revocation(db).revokeSubtree((*target)->id);
    TESSERA_TRY(revoked);
    TESSERA_TRY(d->record(db, caller, operation, {(*target)->accessor},
                          {{QStringLiteral("revoked"), qint64(revoked->size())}}));
    TESSERA_TRY(d->invalidating(db));
    TESSERA_TRY(tx.commit());
    d->invalidated();
    if (!revoked->isEmpty())
        Q_EMIT tokensRevoked(*revoked, QStringLiteral("revoke"));
    return revoked;
}

Result<QStringList> TokenEngine::revokeOrphan(const Caller& caller, const TokenRef& ref)
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    const QString operation = QStringLiteral("token.revoke-orphan");
    auto target = d->resolve(db, caller, ref);
    TESSERA_TRY(target);
    // As in Vault, revoke-orphan needs root or sudo.
    const QString path = QStringLiteral("auth/token/revoke-orphan");
    if (!caller.isRoot())
        TESSERA_TRY(d->authorizeOrRecord(db, caller, path, Capability::Sudo, operation));
    if (!target->has_value())
        return QStringList{};
    if ((*target)->type == TokenType::Batch)
        return Error::invalid(QStringLiteral("batch tokens cannot be revoked on their own"));

    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    auto stored = d->stillStored(db, **target);
    TESSERA_TRY(stored);
    if (!*stored)
        return QStringList{}; // revoked meanwhile
    auto orphaned = Revocation(db).revokeOrphaningChildren((*target)->id);
    TESSERA_TRY(orphaned);
    TESSERA_TRY(d->record(db, caller, operation, {(*target)->accessor},
                          {{QStringLiteral("orphaned"), qint64(orphaned->size())}}));
    TESSERA_TRY(d->invalidating(db));
    TESSERA_TRY(tx.commit());
    d->invalidated();
    Q_EMIT tokensRevoked({(*target)->accessor}, QStringLiteral("revoke"));
    if (!orphaned->isEmpty())
        Q_EMIT tokensOrphaned(*orphaned);
    return QStringList{(*target)->accessor};
}

// --- browsing -----------------------------------------------------------------

Result<ChildPage> TokenEngine::children(const QString& parentAccessor, qint64 afterId,
                                        int limit) const
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    TokenRecords records(lease->db());
    qint64 parentId = 0;
    if (!parentAccessor.isEmpty()) {
        auto id = records.idOfAccessor(parentAccessor);
        TESSERA_TRY(id);
        if (!id->has_value())
            return tokenNotFound();
        parentId = **id;
    }
    // One row more than asked tells whether another page follows.
    auto tokens = records.children(parentId, afterId, limit + 1);
    TESSERA_TRY(tokens);
    ChildPage page;
    page.more = tokens->size() > limit;
    if (page.more)
        tokens->removeLast();
    page.tokens = std::move(*tokens);
    return page;
}

Result<qint64> TokenEngine::descendantCount(const QString& accessor) const
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    TokenRecords records(lease->db());
    auto id = records.idOfAccessor(accessor);
    TESSERA_TRY(id);
    if (!id->has_value())
        return tokenNotFound();
    return records.descendantCount(**id);
}

Result<qint64> TokenEngine::tokenCount() const
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    return TokenRecords(lease->db()).count();
}

Result<QStringList> TokenEngine::accessors(const Caller& caller) const
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    if (!caller.isRoot())
        TESSERA_TRY(d->authorizeOrRecord(db, caller, QStringLiteral("auth/token/accessors"),
                                         Capability::Sudo, QStringLiteral("token.accessors")));
    return TokenRecords(db).allAccessors();
}

// --- expiry -------------------------------------------------------------------

Result<QStringList> TokenEngine::sweepExpired()
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    auto revoked = Revocation(db).revokeExpired(d->now());
    TESSERA_TRY(revoked);
    if (revoked->isEmpty())
        return revoked;
    TESSERA_TRY(d->record(db, Caller::storeOwner(QStringLiteral("expiry")),
                          QStringLiteral("token.expire"), *revoked,
                          {{QStringLiteral("revoked"), qint64(revoked->size())}}));
    TESSERA_TRY(d->invalidating(db));
    TESSERA_TRY(tx.commit());
    d->invalidated();
    Q_EMIT tokensRevoked(*revoked, QStringLiteral("expire"));
    return revoked;
}

Result<std::optional<qint64>> TokenEngine::nextExpiry() const
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    return TokenRecords(lease->db()).earliestExpiry();
}

// --- policies, roles --------------------------------------------------------

Status TokenEngine::putPolicy(const Caller& caller, const QString& name, const QString& document)
{
    TESSERA_TRY(d->policyWrite(
        caller, name, Capability::Create | Capability::Update, QStringLiteral("policy.write"),
        [&](Database& db) { return d->policies.put(db, name, document, d->now()); }));
    Q_EMIT policiesChanged();
    return {};
}

Result<QString> TokenEngine::policy(const Caller& caller, const QString& name) const
{
    return d->adminRead(caller, QStringLiteral("sys/policies/acl/") + name, Capability::Read,
                        QStringLiteral("policy.read"),
                        [&](Database& db) { return d->policies.document(db, name); });
}

Result<QStringList> TokenEngine::policyNames(const Caller& caller) const
{
    return d->adminRead(caller, QStringLiteral("sys/policies/acl"), Capability::List,
                        QStringLiteral("policy.list"),
                        [&](Database& db) { return d->policies.names(db); });
}

Status TokenEngine::deletePolicy(const Caller& caller, const QString& name)
{
    TESSERA_TRY(d->policyWrite(caller, name, Capability::Delete, QStringLiteral("policy.delete"),
                               [&](Database& db) { return d->policies.remove(db, name); }));
    Q_EMIT policiesChanged();
    return {};
}

Result<QStringList> TokenEngine::capabilities(const Caller& caller, const QStringList& policies,
                                              const QString& path) const
{
    Q_UNUSED(caller);
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    auto granted = d->policies.capabilities(lease->db(), policies, path);
    TESSERA_TRY(granted);
    const QStringList names = capabilityNames(*granted);
    return names.isEmpty() ? QStringList{QStringLiteral("deny")} : names;
}

void TokenEngine::setIssuer(const QString& issuer)
{
    const std::lock_guard lock(m_issuerMutex);
    m_config.issuer = issuer;
}

QString TokenEngine::issuer() const
{
    const std::lock_guard lock(m_issuerMutex);
    return m_config.issuer;
}

Result<QStringList> TokenEngine::capabilitiesOf(const Caller& caller, const TokenRef& ref,
                                                const QString& path)
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    QString endpoint = QStringLiteral("sys/capabilities-self");
    if (ref.kind == TokenRef::Kind::Token)
        endpoint = QStringLiteral("sys/capabilities");
    else if (ref.kind == TokenRef::Kind::Accessor)
        endpoint = QStringLiteral("sys/capabilities-accessor");
    TESSERA_TRY(d->authorizeOrRecord(db, caller, endpoint, Capability::Update,
                                     QStringLiteral("token.capabilities")));
    QStringList policies = caller.policies;
    if (ref.kind != TokenRef::Kind::Self || !caller.owner) {
        auto target = d->resolve(db, caller, ref);
        TESSERA_TRY(target);
        if (!target->has_value())
            return tokenNotFound();
        policies = (*target)->policies;
    }
    if (policies.contains(Policy::rootName()))
        return QStringList{Policy::rootName()};
    auto granted = d->policies.capabilities(db, policies, path);
    TESSERA_TRY(granted);
    const QStringList names = capabilityNames(*granted);
    return names.isEmpty() ? QStringList{QStringLiteral("deny")} : names;
}

Status TokenEngine::putRole(const Caller& caller, const Role& role)
{
    TESSERA_TRY(d->adminWrite(caller, QStringLiteral("auth/token/roles/") + role.name,
                              Capability::Create | Capability::Update, QStringLiteral("role.write"),
                              {{QStringLiteral("role"), role.name}},
                              [&](Database& db) { return d->roles.put(db, role, d->now()); }));
    Q_EMIT rolesChanged();
    return {};
}

Result<Role> TokenEngine::role(const Caller& caller, const QString& name) const
{
    return d->adminRead(caller, QStringLiteral("auth/token/roles/") + name, Capability::Read,
                        QStringLiteral("role.read"),
                        [&](Database& db) { return d->roles.find(db, name); });
}

Result<QStringList> TokenEngine::roleNames(const Caller& caller) const
{
    return d->adminRead(caller, QStringLiteral("auth/token/roles"), Capability::List,
                        QStringLiteral("role.list"),
                        [&](Database& db) { return d->roles.names(db); });
}

Status TokenEngine::deleteRole(const Caller& caller, const QString& name)
{
    TESSERA_TRY(d->adminWrite(caller, QStringLiteral("auth/token/roles/") + name,
                              Capability::Delete, QStringLiteral("role.delete"),
                              {{QStringLiteral("role"), name}},
                              [&](Database& db) { return d->roles.remove(db, name); }));
    Q_EMIT rolesChanged();
    return {};
}

// --- audit, store -------------------------------------------------------------

Result<audit::VerifyReport> TokenEngine::verifyAudit() const
{
    TESSERA_TRY(d->uses->flush());
    // Ranges of the log checked in parallel, each on a connection of its own.
    return d->secrets->auditLog().verify(*m_store);
}

Result<QList<audit::AuditRecord>> TokenEngine::auditRecords(const audit::AuditFilter& filter) const
{
    TESSERA_TRY(d->uses->flush());
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    return d->secrets->auditLog().records(lease->db(), filter);
}

Status TokenEngine::recordExport(const Caller& caller, const QJsonObject& details)
{
    const QString operation = QStringLiteral("audit.export");
    return d->adminWrite(caller, QStringLiteral("sys/audit"), Capability::Read, operation, details,
                         [](Database&) { return Status{}; });
}

Status TokenEngine::changePassphrase(const Caller& caller, QByteArrayView newPassphrase)
{
    if (!caller.owner)
        return permissionDenied();
    TESSERA_TRY(m_store->changePassphrase(newPassphrase));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Transaction tx(lease->db());
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(d->record(lease->db(), caller, QStringLiteral("store.rekey"), {}));
    return tx.commit();
}

Status TokenEngine::backupTo(const Caller& caller, const QString& path)
{
    if (!caller.owner)
        return permissionDenied();
    TESSERA_TRY(m_store->backupTo(path));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Transaction tx(lease->db());
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(d->record(lease->db(), caller, QStringLiteral("store.backup"), {}));
    return tx.commit();
}

Result<QStringList> TokenEngine::checkStore(const Caller& caller)
{
    if (!caller.owner)
        return permissionDenied();
    return m_store->check();
}

// --- users --------------------------------------------------------------------

namespace {

QString userPath(const QString& name)
{
    return QStringLiteral("auth/userpass/users/") + name;
}

// Vault's answer, word for word, whether the name or the password was wrong.
Error badCredentials()
{
    return Error{ErrorCode::InvalidCredentials, QStringLiteral("invalid username or password")};
}

Error loginLocked(qint64 seconds)
{
    Error error{
        ErrorCode::RateLimited,
        QStringLiteral("too many failed login attempts; try again in %1 seconds").arg(seconds)};
    error.retryAfterSeconds = seconds;
    return error;
}

// A store created with the test-only cheap store KDF hashes passwords cheaply
// too, so that tests log in quickly; every real store uses the interactive cost.
PasswordKdf passwordKdfFor(store::Store& store)
{
    return store.kdfProfile() == store::KdfProfile::TestOnlyCheap ? PasswordKdf::testOnlyCheap()
                                                                  : PasswordKdf::interactive();
}

// What an audit record says about a user name a client typed: bounded, since
// the name of an unknown user is whatever the client sent.
QString auditedName(const QString& name)
{
    return name.left(Policy::kMaxNameLength);
}

} // namespace

Status TokenEngine::putUser(const Caller& caller, const User& user,
                            const std::optional<QString>& password)
{
    const QString operation = QStringLiteral("user.write");
    User normalized = user;
    normalized.name = User::normalizedName(user.name);
    normalized.policies = Policy::sanitizeNames(user.policies, false);
    TESSERA_TRY(normalized.validate());
    if (password)
        TESSERA_TRY(User::checkPassword(*password));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, userPath(normalized.name),
                                     Capability::Create | Capability::Update, operation));
    // The KDF runs before the transaction: it is the slow part.
    std::optional<PasswordHash> hash;
    if (password) {
        auto made = PasswordHash::create(password->toUtf8(), passwordKdfFor(*m_store));
        TESSERA_TRY(made);
        hash = std::move(*made);
    }
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(UserDirectory(db).put(normalized, hash ? &*hash : nullptr, d->now()));
    TESSERA_TRY(
        d->record(db, caller, operation, {},
                  {{QStringLiteral("user"), normalized.name},
                   {QStringLiteral("policies"), QJsonArray::fromStringList(normalized.policies)},
                   {QStringLiteral("password_changed"), password.has_value()}}));
    TESSERA_TRY(tx.commit());
    Q_EMIT usersChanged();
    return {};
}

Status TokenEngine::setUserPassword(const Caller& caller, const QString& name,
                                    const QString& password)
{
    const QString operation = QStringLiteral("user.password");
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    TESSERA_TRY(User::checkPassword(password));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, userPath(user) + QStringLiteral("/password"),
                                     Capability::Update, operation));
    auto hash = PasswordHash::create(password.toUtf8(), passwordKdfFor(*m_store));
    TESSERA_TRY(hash);
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(UserDirectory(db).setPassword(user, *hash, d->now()));
    TESSERA_TRY(d->record(db, caller, operation, {}, {{QStringLiteral("user"), user}}));
    TESSERA_TRY(tx.commit());
    Q_EMIT usersChanged();
    return {};
}

Result<User> TokenEngine::user(const Caller& caller, const QString& name) const
{
    const QString normalized = User::normalizedName(name);
    TESSERA_TRY(User::checkName(normalized));
    return d->adminRead(caller, userPath(normalized), Capability::Read, QStringLiteral("user.read"),
                        [&](Database& db) -> Result<User> {
                            auto stored = UserDirectory(db).find(normalized);
                            TESSERA_TRY(stored);
                            if (!stored->has_value())
                                return Error::notFound(
                                    QStringLiteral("no user named \"%1\"").arg(normalized));
                            return std::move((*stored)->user);
                        });
}

Result<QStringList> TokenEngine::userNames(const Caller& caller) const
{
    // LIST requests carry a trailing '/' in Vault, so "auth/userpass/users/*" grants it.
    return d->adminRead(caller, QStringLiteral("auth/userpass/users/"), Capability::List,
                        QStringLiteral("user.list"),
                        [](Database& db) { return UserDirectory(db).names(); });
}

Status TokenEngine::deleteUser(const Caller& caller, const QString& name)
{
    const QString normalized = User::normalizedName(name);
    TESSERA_TRY(User::checkName(normalized));
    TESSERA_TRY(d->adminWrite(caller, userPath(normalized), Capability::Delete,
                              QStringLiteral("user.delete"), {{QStringLiteral("user"), normalized}},
                              [&](Database& db) { return UserDirectory(db).remove(normalized); }));
    Q_EMIT usersChanged();
    return {};
}

Result<CreatedToken> TokenEngine::login(const QString& username, const QString& password,
                                        const QString& client, const QString& requestId)
{
    Caller caller;
    caller.client = client;
    caller.requestId = requestId;
    const qint64 now = d->now();
    const QString name = User::normalizedName(username);
    const QString clientKey = QStringLiteral("client:") + client;
    const QString nameKey = QStringLiteral("name:") + auditedName(name);

    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();

    if (const qint64 wait = m_loginThrottle.lockedFor(clientKey, now); wait > 0) {
        TESSERA_TRY(
            recordLoginFailure(db, caller, name, QStringLiteral("client locked out"), nullptr));
        return loginLocked(wait);
    }
    std::optional<StoredUser> stored;
    if (User::checkName(name).ok()) {
        auto found = UserDirectory(db).find(name);
        TESSERA_TRY(found);
        stored = std::move(*found);
    }
    const PasswordKdf kdf = passwordKdfFor(*m_store);
    // Bounded before it reaches the KDF; an over-long password still costs one
    // KDF run, so its answer takes as long as any other.
    const bool passwordUsable = User::checkPassword(password).ok();
    const QByteArray secret = password.toUtf8().left(User::kMaxPasswordBytes);

    if (!stored) {
        // Unknown names are throttled in memory like users, so that a lockout
        // does not tell which names exist.
        if (const qint64 wait = m_loginThrottle.lockedFor(nameKey, now); wait > 0) {
            TESSERA_TRY(
                recordLoginFailure(db, caller, name, QStringLiteral("locked out"), nullptr));
            return loginLocked(wait);
        }
        PasswordHash::burnTime(secret, kdf);
        m_loginThrottle.recordFailure(nameKey, now);
        m_loginThrottle.recordFailure(clientKey, now, LoginThrottle::kClientFreeFailures);
        TESSERA_TRY(recordLoginFailure(db, caller, name, QStringLiteral("unknown user"), nullptr));
        return badCredentials();
    }

    const LoginThrottle::State throttle = LoginThrottle::current(stored->throttle, now);
    if (LoginThrottle::isLocked(throttle, now)) {
        TESSERA_TRY(recordLoginFailure(db, caller, name, QStringLiteral("locked out"), nullptr));
        return loginLocked(LoginThrottle::secondsLeft(throttle, now));
    }
    auto matches = stored->password.matches(secret);
    TESSERA_TRY(matches);
    if (!*matches || !passwordUsable) {
        m_loginThrottle.recordFailure(clientKey, now, LoginThrottle::kClientFreeFailures);
        // Counted on the state as it is now in the store: another process may
        // have counted failures since we read it.
        Transaction tx(db);
        TESSERA_TRY(tx.begun());
        auto fresh = UserDirectory(db).find(name);
        TESSERA_TRY(fresh);
        if (!fresh->has_value()) {
            TESSERA_TRY(
                recordLoginFailure(db, caller, name, QStringLiteral("unknown user"), nullptr));
        } else {
            const auto after = LoginThrottle::afterFailure((*fresh)->throttle, now);
            TESSERA_TRY(UserDirectory(db).setThrottle(name, after));
            TESSERA_TRY(
                recordLoginFailure(db, caller, name, QStringLiteral("wrong password"), &after));
        }
        TESSERA_TRY(tx.commit());
        if (fresh->has_value())
            Q_EMIT usersChanged();
        return badCredentials();
    }

    // A stronger KDF since this hash was made: the password is at hand, so the
    // hash is upgraded now (before the transaction: the KDF is the slow part).
    std::optional<PasswordHash> upgraded;
    if (stored->password.kdf.isWeakerThan(kdf)) {
        auto made = PasswordHash::create(secret, kdf);
        if (made.ok())
            upgraded = std::move(*made);
    }

    auto created = [&]() -> Result<CreatedToken> {
        Transaction tx(db);
        TESSERA_TRY(tx.begun());
        // The user as it is now: deleted, locked or given a new password by
        // another process while the KDF ran.
        auto fresh = UserDirectory(db).find(name);
        TESSERA_TRY(fresh);
        if (!fresh->has_value() || (*fresh)->password.hash != stored->password.hash)
            return badCredentials();
        const auto current = LoginThrottle::current((*fresh)->throttle, now);
        if (LoginThrottle::isLocked(current, now))
            return loginLocked(LoginThrottle::secondsLeft(current, now));
        auto token = insertLoginToken(db, (*fresh)->user, caller);
        TESSERA_TRY(token);
        if ((*fresh)->throttle != LoginThrottle::State{})
            TESSERA_TRY(UserDirectory(db).setThrottle(name, LoginThrottle::State{}));
        if (upgraded)
            TESSERA_TRY(UserDirectory(db).setPassword(name, *upgraded, now));
        TESSERA_TRY(tx.commit());
        return token;
    }();
    if (!created.ok()) {
        if (created.error().code == ErrorCode::InvalidCredentials ||
            created.error().code == ErrorCode::RateLimited)
            (void)recordLoginFailure(db, caller, name, created.error().message, nullptr);
        return created.error();
    }
    Q_EMIT tokenCreated(created->info);
    if (created->info.expireAt)
        Q_EMIT expiryScheduleChanged();
    if (stored->throttle != LoginThrottle::State{} || upgraded)
        Q_EMIT usersChanged();
    return created;
}

// The login token: top level, the user's policies and limits. Runs in the
// caller's transaction and records the login.
Result<CreatedToken> TokenEngine::insertLoginToken(Database& db, const User& user,
                                                   const Caller& caller)
{
    const QStringList policies = Policy::sanitizeNames(user.policies, !user.noDefaultPolicy);
    if (policies.contains(Policy::rootName()))
        return Error::invalid(QStringLiteral("A login cannot create a root token."));
    const bool batch =
        user.tokenType == RoleTokenType::Batch || user.tokenType == RoleTokenType::DefaultBatch;

    TtlCreationInput ttlInput;
    ttlInput.now = d->now();
    ttlInput.roleTtl = user.ttl;
    ttlInput.roleExplicitMaxTtl = user.effectiveMaxTtl();
    ttlInput.rolePeriod = batch ? 0 : user.period;
    ttlInput.systemDefaultTtl = m_config.defaultTtl;
    ttlInput.systemMaxTtl =
        batch ? std::min(m_config.maxTtl, m_config.maxBatchTtl) : m_config.maxTtl;
    auto ttl = TtlPolicy::forCreation(ttlInput);
    TESSERA_TRY(ttl);

    CreatedToken created;
    created.warnings = englishTexts(ttl->warnings);
    Token& token = created.info;
    token.type = batch ? TokenType::Batch : TokenType::Service;
    token.policies = policies;
    token.meta = {{QStringLiteral("username"), user.name}};
    token.displayName = QStringLiteral("userpass-") + user.name;
    token.path = QStringLiteral("auth/userpass/login/") + user.name;
    token.numUses = batch ? 0 : user.numUses;
    token.usesLeft = token.numUses;
    token.createdAt = ttlInput.now;
    token.creationTtl = ttl->ttl;
    token.expireAt = ttl->expireAt;
    token.explicitMaxTtl = ttl->explicitMaxTtl;
    token.period = ttl->period;
    token.renewable = !batch;
    token.issuedBy = QStringLiteral("login:") + user.name;

    QJsonObject details{{QStringLiteral("method"), QStringLiteral("userpass")},
                        {QStringLiteral("username"), user.name},
                        {QStringLiteral("type"), tokenTypeName(token.type)},
                        {QStringLiteral("policies"), QJsonArray::fromStringList(policies)},
                        {QStringLiteral("ttl"), token.creationTtl}};
    if (batch) {
        BatchTokenPayload payload;
        payload.policies = token.policies;
        payload.meta = token.meta;
        payload.displayName = token.displayName;
        payload.createdAt = token.createdAt;
        payload.ttl = token.creationTtl;
        auto blob = BatchTokenCodec(d->keys).encode(payload);
        TESSERA_TRY(blob);
        created.token = TokenFormat::batchToken(*blob);
        details.insert(QStringLiteral("token"),
                       d->secrets->auditLog().tag(created.token.toLatin1()));
        TESSERA_TRY(d->record(db, caller, QStringLiteral("login"), {}, details));
        return created;
    }
    created.token = TokenFormat::newServiceToken();
    token.accessor = TokenFormat::newAccessor();
    TESSERA_TRY(TokenRecords(db).insert(token, d->secrets->tokenHash(created.token), 0));
    TESSERA_TRY(d->record(db, caller, QStringLiteral("login"), {token.accessor}, details));
    return created;
}

// One "login.failed" record (and, for a known user, its new throttle state
// written by the caller). Never the password, nor anything derived from it.
Status TokenEngine::recordLoginFailure(Database& db, const Caller& caller, const QString& name,
                                       const QString& reason, const LoginThrottle::State* state)
{
    QJsonObject details{{QStringLiteral("method"), QStringLiteral("userpass")},
                        {QStringLiteral("username"), auditedName(name)},
                        {QStringLiteral("reason"), reason}};
    if (state) {
        details.insert(QStringLiteral("failed_attempts"), state->failures);
        if (state->lockedUntil > d->now())
            details.insert(QStringLiteral("locked_until"), state->lockedUntil);
    }
    if (!db.inAutocommit())
        return d->record(db, caller, QStringLiteral("login.failed"), {}, details,
                         QStringLiteral("denied"));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(d->record(db, caller, QStringLiteral("login.failed"), {}, details,
                          QStringLiteral("denied")));
    return tx.commit();
}

// --- cubbyhole ----------------------------------------------------------------

namespace {

Status checkCubbyholeOwner(const Caller& caller)
{
    if (caller.batch)
        return Error::invalid(QStringLiteral("Batch tokens have no cubbyhole."));
    if (caller.tokenId == 0)
        return Error::invalid(
            QStringLiteral("The store owner has no token, and so no cubbyhole of its own."));
    return {};
}

// The caller's token as read inside the operation's transaction: revoked since
// the request was authenticated (its row id possibly reused by a stranger's
// token) means no cubbyhole, and no JWT.
Status stillTheCaller(const Result<std::optional<Token>>& own)
{
    TESSERA_TRY(own);
    if (!own->has_value())
        return Error::denied(QStringLiteral("permission denied: invalid token"));
    return {};
}

} // namespace

Result<QJsonObject> TokenEngine::cubbyholeRead(const Caller& caller, const QString& path) const
{
    TESSERA_TRY(checkCubbyholeOwner(caller));
    TESSERA_TRY(Cubbyhole::checkPath(path));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, QStringLiteral("cubbyhole/") + path,
                                     Capability::Read, QStringLiteral("cubbyhole.read")));
    Transaction tx(db, Transaction::Mode::Deferred);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(stillTheCaller(d->callerToken(db, caller)));
    return Cubbyhole(db, caller.tokenId).read(path);
}

Status TokenEngine::cubbyholeWrite(const Caller& caller, const QString& path,
                                   const QJsonObject& value)
{
    const QString operation = QStringLiteral("cubbyhole.write");
    TESSERA_TRY(checkCubbyholeOwner(caller));
    TESSERA_TRY(Cubbyhole::checkPath(path));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, QStringLiteral("cubbyhole/") + path,
                                     Capability::Create | Capability::Update, operation));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(stillTheCaller(d->callerToken(db, caller)));
    TESSERA_TRY(Cubbyhole(db, caller.tokenId).write(path, value));
    TESSERA_TRY(
        d->record(db, caller, operation, {caller.accessor}, {{QStringLiteral("path"), path}}));
    return tx.commit();
}

Result<QStringList> TokenEngine::cubbyholeList(const Caller& caller, const QString& folder) const
{
    TESSERA_TRY(checkCubbyholeOwner(caller));
    auto prefix = Cubbyhole::folderOf(folder);
    TESSERA_TRY(prefix);
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, QStringLiteral("cubbyhole/") + *prefix,
                                     Capability::List, QStringLiteral("cubbyhole.list")));
    Transaction tx(db, Transaction::Mode::Deferred);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(stillTheCaller(d->callerToken(db, caller)));
    return Cubbyhole(db, caller.tokenId).list(*prefix);
}

Status TokenEngine::cubbyholeDelete(const Caller& caller, const QString& path)
{
    const QString operation = QStringLiteral("cubbyhole.delete");
    TESSERA_TRY(checkCubbyholeOwner(caller));
    TESSERA_TRY(Cubbyhole::checkPath(path));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, QStringLiteral("cubbyhole/") + path,
                                     Capability::Delete, operation));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(stillTheCaller(d->callerToken(db, caller)));
    TESSERA_TRY(Cubbyhole(db, caller.tokenId).remove(path));
    TESSERA_TRY(
        d->record(db, caller, operation, {caller.accessor}, {{QStringLiteral("path"), path}}));
    return tx.commit();
}

// --- oidc ---------------------------------------------------------------------

namespace {

QString keyPath(const QString& name)
{
    return QStringLiteral("identity/oidc/key/") + name;
}

QString oidcRolePath(const QString& name)
{
    return QStringLiteral("identity/oidc/role/") + name;
}

Error noSuchOidcKey(const QString& name)
{
    return Error::notFound(QStringLiteral("no OIDC key named \"%1\"").arg(name));
}

Error noSuchOidcRole(const QString& name)
{
    return Error::notFound(QStringLiteral("no OIDC role named \"%1\"").arg(name));
}

} // namespace

Status TokenEngine::putOidcKey(const Caller& caller, const OidcKey& key)
{
    const QString operation = QStringLiteral("oidc.key.write");
    TESSERA_TRY(key.validate());
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, keyPath(key.name),
                                     Capability::Create | Capability::Update, operation));
    auto longest = OidcBook(db).longestRoleTtl(key.name);
    TESSERA_TRY(longest);
    if (longest->has_value() && **longest > key.verificationTtl)
        return Error::invalid(QStringLiteral("verification_ttl must be at least the ttl of every "
                                             "role that uses this key (%1 seconds).")
                                  .arg(**longest));
    // KeyRing writes in a transaction of its own; the client list follows. A
    // crash in between leaves the key allowing no client: the safe side.
    TESSERA_TRY(d->keys.ensureOidcKey(db, key.settings(), d->now()));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(OidcBook(db).setAllowedClientIds(key.name, key.allowedClientIds));
    QJsonObject details = key.toJson();
    details.insert(QStringLiteral("key"), key.name);
    TESSERA_TRY(d->record(db, caller, operation, {}, details));
    TESSERA_TRY(tx.commit());
    Q_EMIT oidcChanged();
    return {};
}

Result<OidcKey> TokenEngine::oidcKey(const Caller& caller, const QString& name) const
{
    TESSERA_TRY(OidcKey::checkName(name));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, keyPath(name), Capability::Read,
                                     QStringLiteral("oidc.key.read")));
    const auto settings = d->keys.oidcKey(name);
    if (!settings)
        return noSuchOidcKey(name);
    auto clients = OidcBook(db).allowedClientIds(name);
    TESSERA_TRY(clients);
    return OidcKey::from(*settings, *clients);
}

Result<QStringList> TokenEngine::oidcKeyNames(const Caller& caller) const
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    TESSERA_TRY(d->authorizeOrRecord(lease->db(), caller, QStringLiteral("identity/oidc/key/"),
                                     Capability::List, QStringLiteral("oidc.key.list")));
    return d->keys.oidcKeyNames();
}

Status TokenEngine::deleteOidcKey(const Caller& caller, const QString& name)
{
    const QString operation = QStringLiteral("oidc.key.delete");
    TESSERA_TRY(OidcKey::checkName(name));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, keyPath(name), Capability::Delete, operation));
    auto users = OidcBook(db).rolesUsingKey(name);
    TESSERA_TRY(users);
    if (!users->isEmpty())
        return Error{ErrorCode::Conflict,
                     QStringLiteral("The key \"%1\" cannot be deleted: these roles use it: %2.")
                         .arg(name, users->join(QStringLiteral(", ")))};
    if (!d->keys.oidcKey(name))
        return noSuchOidcKey(name);
    TESSERA_TRY(d->keys.deleteOidcKey(db, name));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(OidcBook(db).removeKey(name));
    TESSERA_TRY(d->record(db, caller, operation, {}, {{QStringLiteral("key"), name}}));
    TESSERA_TRY(tx.commit());
    Q_EMIT oidcChanged();
    return {};
}

Status TokenEngine::rotateOidcKey(const Caller& caller, const QString& name)
{
    const QString operation = QStringLiteral("oidc.key.rotate");
    TESSERA_TRY(OidcKey::checkName(name));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, keyPath(name) + QStringLiteral("/rotate"),
                                     Capability::Update, operation));
    if (!d->keys.oidcKey(name))
        return noSuchOidcKey(name);
    TESSERA_TRY(d->keys.rotateOidcKey(db, name, d->now()));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(d->record(db, caller, operation, {}, {{QStringLiteral("key"), name}}));
    TESSERA_TRY(tx.commit());
    Q_EMIT oidcChanged();
    return {};
}

Status TokenEngine::putOidcRole(const Caller& caller, const OidcRole& role)
{
    const QString operation = QStringLiteral("oidc.role.write");
    TESSERA_TRY(role.validate());
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, oidcRolePath(role.name),
                                     Capability::Create | Capability::Update, operation));
    const auto key = d->keys.oidcKey(role.key);
    if (!key)
        return Error::invalid(QStringLiteral("The key \"%1\" does not exist.").arg(role.key));
    if (role.ttl > key->verificationTtl)
        return Error::invalid(QStringLiteral("ttl must not be longer than the verification_ttl of "
                                             "the key \"%1\" (%2 seconds), or its tokens would "
                                             "outlive their published key.")
                                  .arg(role.key)
                                  .arg(key->verificationTtl));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(OidcBook(db).putRole(role, d->now()));
    QJsonObject details = role.toJson();
    details.insert(QStringLiteral("role"), role.name);
    TESSERA_TRY(d->record(db, caller, operation, {}, details));
    TESSERA_TRY(tx.commit());
    Q_EMIT oidcChanged();
    return {};
}

Result<OidcRole> TokenEngine::oidcRole(const Caller& caller, const QString& name) const
{
    TESSERA_TRY(OidcRole::checkName(name));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, oidcRolePath(name), Capability::Read,
                                     QStringLiteral("oidc.role.read")));
    auto role = OidcBook(db).findRole(name);
    TESSERA_TRY(role);
    if (!role->has_value())
        return noSuchOidcRole(name);
    return std::move(**role);
}

Result<QStringList> TokenEngine::oidcRoleNames(const Caller& caller) const
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, QStringLiteral("identity/oidc/role/"),
                                     Capability::List, QStringLiteral("oidc.role.list")));
    return OidcBook(db).roleNames();
}

Status TokenEngine::deleteOidcRole(const Caller& caller, const QString& name)
{
    const QString operation = QStringLiteral("oidc.role.delete");
    TESSERA_TRY(OidcRole::checkName(name));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(
        d->authorizeOrRecord(db, caller, oidcRolePath(name), Capability::Delete, operation));
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(OidcBook(db).removeRole(name));
    TESSERA_TRY(d->record(db, caller, operation, {}, {{QStringLiteral("role"), name}}));
    TESSERA_TRY(tx.commit());
    Q_EMIT oidcChanged();
    return {};
}

Result<MintedJwt> TokenEngine::mintJwt(const Caller& caller, const QString& roleName)
{
    const QString operation = QStringLiteral("oidc.token");
    if (!caller.batch && caller.tokenId == 0)
        return Error::invalid(QStringLiteral("The store owner has no token to mint a JWT for."));
    TESSERA_TRY(OidcRole::checkName(roleName));
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    TESSERA_TRY(d->authorizeOrRecord(db, caller, QStringLiteral("identity/oidc/token/") + roleName,
                                     Capability::Read, operation));
    auto found = OidcBook(db).findRole(roleName);
    TESSERA_TRY(found);
    if (!found->has_value())
        return noSuchOidcRole(roleName);
    const OidcRole role = std::move(**found);
    TESSERA_TRY(maintainOidcKeys(db));
    const auto key = d->keys.oidcKey(role.key);
    if (!key)
        return Error::invalid(
            QStringLiteral("The key \"%1\" of this role does not exist.").arg(role.key));
    auto clients = OidcBook(db).allowedClientIds(role.key);
    TESSERA_TRY(clients);
    if (!OidcKey::from(*key, *clients).allowsClient(role.clientId))
        return Error::invalid(QStringLiteral("The key \"%1\" does not list the client ID of the "
                                             "role \"%2\" as an allowed client ID.")
                                  .arg(role.key, role.name));

    const qint64 now = d->now();
    qint64 ttl = role.ttl;
    if (caller.expireAt > 0)
        ttl = std::min(ttl, caller.expireAt - now);
    if (ttl <= 0)
        return Error::invalid(
            QStringLiteral("The token expires now: no JWT can be minted for it."));

    QString subject = caller.accessor;
    if (caller.batch) {
        // Batch tokens have no accessor. Their contents identify them: the same
        // token always gives the same subject, and the HMAC tells nothing about it.
        const Token info = caller.token ? *caller.token : Token{};
        const QString contents =
            QStringList{QStringLiteral("batch-subject"),
                        info.parentAccessor,
                        QString::number(info.createdAt),
                        QString::number(info.expireAt.value_or(caller.expireAt)),
                        caller.policies.join(u','),
                        info.displayName,
                        info.role,
                        TokenRecords::encodeMeta(info.meta)}
                .join(u'\n');
        subject = QStringLiteral("batch:") +
                  QString::fromLatin1(d->secrets->tokenHash(contents).toHex().left(24));
    }

    JwtClaims claims;
    claims.issuer = issuer();
    claims.subject = subject;
    claims.audience = role.clientId;
    claims.issuedAt = now;
    claims.ttl = ttl;
    claims.policies = caller.policies;
    claims.extra = role.claimsFor(caller.token.get());
    auto issued = JwtIssuer(d->keys).issue(role.key, claims);
    TESSERA_TRY(issued);

    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    if (!caller.batch)
        TESSERA_TRY(stillTheCaller(d->callerToken(db, caller)));
    TESSERA_TRY(d->record(db, caller, operation,
                          caller.accessor.isEmpty() ? QStringList{} : QStringList{caller.accessor},
                          {{QStringLiteral("role"), role.name},
                           {QStringLiteral("client_id"), role.clientId},
                           {QStringLiteral("sub"), subject},
                           {QStringLiteral("jti"), issued->jti},
                           {QStringLiteral("kid"), issued->kid},
                           {QStringLiteral("exp"), issued->expiresAt}}));
    TESSERA_TRY(tx.commit());
    return MintedJwt{issued->token,     role.clientId, ttl,
                     issued->expiresAt, issued->jti,   issued->kid};
}

Result<QJsonObject> TokenEngine::jwks()
{
    auto lease = m_store->acquire();
    TESSERA_TRY(lease);
    TESSERA_TRY(maintainOidcKeys(lease->db()));
    return Jwks::keySet(d->keys.verificationKeys(d->now()));
}

QJsonObject TokenEngine::openIdConfiguration() const
{
    return Jwks::openIdConfiguration(issuer());
}

Result<QJsonObject> TokenEngine::verifyJwt(QStringView jwt, const QString& audience) const
{
    const JwtVerifier verifier(d->keys.verificationKeys(d->now()),
                               JwtExpectations{issuer(), audience}, m_clock);
    return verifier.verify(jwt);
}

// Rotation "on use": nothing wakes up to rotate keys, so whoever signs or
// publishes first after a key's rotation_period does it.
Status TokenEngine::maintainOidcKeys(Database& db)
{
    const qint64 now = d->now();
    const auto due = d->keys.nextMaintenanceAt();
    if (!due || *due > now)
        return {};
    const auto before = d->keys.snapshot();
    TESSERA_TRY(d->keys.rotateDueOidcKeys(db, now));
    TESSERA_TRY(d->keys.purgeExpired(db, now));
    const auto after = d->keys.snapshot();
    QStringList rotated;
    for (const OidcKeySettings& settings : after->oidcKeys) {
        const JwtKey* was = before->currentJwtKey(settings.name);
        const JwtKey* is = after->currentJwtKey(settings.name);
        if (is && (!was || was->kid != is->kid))
            rotated << settings.name;
    }
    if (rotated.isEmpty())
        return {};
    Transaction tx(db);
    TESSERA_TRY(tx.begun());
    TESSERA_TRY(d->record(db, Caller::storeOwner(QStringLiteral("rotation")),
                          QStringLiteral("oidc.key.rotate"), {},
                          {{QStringLiteral("keys"), QJsonArray::fromStringList(rotated)},
                           {QStringLiteral("reason"), QStringLiteral("rotation_period")}}));
    TESSERA_TRY(tx.commit());
    Q_EMIT oidcChanged();
    return {};
}

} // namespace tessera::engine
