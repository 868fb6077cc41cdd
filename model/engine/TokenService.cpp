#include "engine/TokenService.h"

#include "audit/AuditLog.h"
#include "engine/BatchTokenCodec.h"
#include "engine/CreationBatch.h"
#include "engine/CreationPlan.h"
#include "engine/Duration.h"
#include "engine/EngineCore.h"
#include "engine/EngineEvents.h"
#include "engine/EngineSecrets.h"
#include "engine/FirstUse.h"
#include "engine/LastUse.h"
#include "engine/LazyConnection.h"
#include "engine/Policy.h"
#include "engine/Revocation.h"
#include "engine/RevocationPurge.h"
#include "engine/Role.h"
#include "engine/TokenFormat.h"
#include "engine/TokenRecords.h"
#include "engine/TtlPolicy.h"
#include "engine/UseAudit.h"
#include "engine/UseLimit.h"
#include "store/GroupCommit.h"

#include <QJsonArray>
#include <future>

namespace tessera::engine {

using store::Database;

namespace {

TokenRequest underParent(TokenRequest request, const QString& parentAccessor)
{
    request.parentAccessor = parentAccessor;
    return request;
}

Error childrenNotAllowed()
{
    return Error::invalid(QStringLiteral("a token with a use limit cannot create child tokens"));
}

// A child dies with its parent. A token valid from its first use may wait
// `activateWithin` for it and then live its TTL: if that can reach past the
// parent's expiry, the token would end early without a word, so it is refused
// (docs/ARCHITECTURE.md, «First and last use»).
Status checkFirstUseFitsParent(const CreationPlan& plan, qint64 now,
                               std::optional<qint64> parentExpireAt)
{
    if (!plan.activateWithin || !parentExpireAt)
        return {};
    const qint64 latestEnd = now + *plan.activateWithin + plan.ttl.ttl;
    if (latestEnd <= *parentExpireAt)
        return {};
    return Error::invalid(Message{
        QT_TRANSLATE_NOOP("EngineMessage",
                          "a token first used at the end of its wait for the first use (%1) "
                          "would outlive its parent, which expires in %2: shorten the wait or "
                          "the TTL"),
        {formatDuration(*plan.activateWithin),
         formatDuration(std::max<qint64>(0, *parentExpireAt - now))}});
}

} // namespace

struct TokenService::Parent
{
    qint64 id = 0; // 0: top level
    QString accessor;
    QStringList policies;
    std::optional<qint64> expireAt; // nullopt: never expires, or top level
};

Result<CreatedToken> TokenService::createRootToken(const Caller& caller)
{
    if (!caller.owner)
        return Error::denied(QStringLiteral("permission denied: only the store owner may create "
                                            "a root token"));
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Token token;
    token.policies = {Policy::rootName()};
    token.displayName = QStringLiteral("root");
    token.path = QStringLiteral("auth/token/root");
    token.createdAt = m_core.now();
    token.issuedBy = caller.client;
    return m_core.mutate(lease->db(), caller, QStringLiteral("token.create-root"),
                         [&](Mutation& m) -> Result<CreatedToken> {
                             QJsonObject details;
                             auto created = issue(m.db(), token, 0, details, m.record.targets);
                             TESSERA_TRY(created);
                             m.afterCommit([this, info = created->info] {
                                 Q_EMIT m_core.events().tokenCreated(info);
                             });
                             return created;
                         });
}

Result<CreatedToken> TokenService::issue(Database& db, Token token, qint64 parentId,
                                         QJsonObject& details, QStringList& targets) const
{
    CreatedToken created;
    if (token.type == TokenType::Batch) {
        BatchTokenPayload payload;
        payload.parentAccessor = token.parentAccessor;
        payload.policies = token.policies;
        payload.meta = token.meta;
        payload.displayName = token.displayName;
        payload.role = token.role;
        payload.createdAt = token.createdAt;
        payload.ttl = token.creationTtl;
        auto blob = BatchTokenCodec(m_core.keys()).encode(payload);
        TESSERA_TRY(blob);
        created.token = TokenFormat::batchToken(*blob);
        token.renewable = false;
        details.insert(QStringLiteral("token"),
                       m_core.secrets().auditLog().tag(created.token.toLatin1()));
        targets = {};
    } else {
        created.token = TokenFormat::newServiceToken(token.createdAt);
        token.accessor = TokenFormat::newAccessor(token.createdAt);
        const QByteArray key =
            EngineSecrets::tokenKey(created.token, m_core.secrets().tokenHash(created.token));
        TESSERA_TRY(TokenRecords(db).insert(token, key, parentId));
        targets = {token.accessor};
    }
    created.info = std::move(token);
    return created;
}

Result<TokenService::Parent> TokenService::parentFor(Database& db, const Caller& caller,
                                                     const TokenRequest& request, bool orphan,
                                                     CreationBatch& batch) const
{
    Parent parent;
    // As in Vault, batch and use-limited tokens create no tokens at all, not
    // even orphans: through an orphan a token could escape its use limit.
    if (!caller.owner && caller.batch)
        return Error::invalid(QStringLiteral("batch tokens cannot create child tokens"));
    if (!caller.owner && caller.useLimited)
        return childrenNotAllowed();
    // The caller was authenticated before this transaction began: a child of
    // a token revoked since then would outlive the revocation, unseen.
    if (!caller.owner && caller.tokenId > 0) {
        if (!batch.callerRead) {
            auto self = m_resolver.callerToken(db, caller);
            TESSERA_TRY(self);
            batch.callerRow = std::move(*self);
            batch.callerRead = true;
        }
        if (!batch.callerRow || !TokenResolver::alive(*batch.callerRow, m_core.now()))
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
        if (!TokenResolver::alive(found, m_core.now()))
            return Error::notFound(QStringLiteral("the parent token does not exist"));
        if (found.hasUseLimit())
            return childrenNotAllowed();
        parent.id = found.id;
        parent.accessor = found.accessor;
        parent.policies = found.policies;
        parent.expireAt = found.expireAt;
        return parent;
    }
    parent.id = caller.tokenId;
    parent.accessor = caller.accessor;
    parent.policies = caller.policies;
    if (caller.expireAt > 0)
        parent.expireAt = caller.expireAt;
    return parent;
}

// The caller's own token is a password sign-in's that also passed a second
// factor (UserpassService writes the method into its meta); its children are not.
bool TokenService::passedSecondFactor(const Caller& caller)
{
    if (!caller.token)
        return false;
    const QString user = caller.token->meta.value(QStringLiteral("username"));
    return !user.isEmpty() && caller.token->issuedBy == QStringLiteral("login:") + user &&
           !caller.token->meta.value(QStringLiteral("second_factor")).isEmpty();
}

// Checks, decides and inserts one token inside the caller's transaction and
// queues its audit record in `batch`; the caller appends the records, commits
// and emits.
Result<CreatedToken> TokenService::insertToken(Database& db, const Caller& caller,
                                               const TokenRequest& request, CreationBatch& batch)
{
    TESSERA_TRY(checkRequestShape(request));
    std::optional<Role> role;
    QString path = request.viaCreateOrphan ? QStringLiteral("auth/token/create-orphan")
                                           : QStringLiteral("auth/token/create");
    if (!request.role.isEmpty()) {
        auto found = m_core.roles().find(db, request.role);
        TESSERA_TRY(found);
        role = std::move(*found);
        path += u'/' + role->name;
    }
    TESSERA_TRY(m_core.authorize(db, caller, path, Capability::Create | Capability::Update));
    if (role && role->secondFactorRequired && !caller.isRoot() && !passedSecondFactor(caller))
        return Error::denied(QStringLiteral("role \"%1\" issues tokens only to a sign-in that "
                                            "passed a second factor")
                                 .arg(role->name));

    CreationInput input;
    input.request = request;
    input.role = role;
    input.callerHasSudo =
        caller.isRoot() || m_core.authorize(db, caller, path, Capability::Sudo).ok();
    auto orphan = planOrphan(request, role ? &*role : nullptr, input.callerHasSudo);
    TESSERA_TRY(orphan);
    auto parent = parentFor(db, caller, request, *orphan, batch);
    TESSERA_TRY(parent);
    // Orphans have no parent to inherit from: the caller's policies bound them.
    input.boundingPolicies = *orphan ? caller.policies : parent->policies;
    input.ownerTopLevel = caller.owner && parent->id == 0;
    input.now = m_core.now();
    input.config = batch.config;
    auto plan = planCreation(input);
    TESSERA_TRY(plan);
    const TtlCreation& ttl = plan->ttl;
    if (!plan->orphan)
        TESSERA_TRY(checkFirstUseFitsParent(*plan, input.now, parent->expireAt));

    Token token = plan->token(input.now);
    token.parentAccessor = plan->orphan ? QString() : parent->accessor;
    token.meta = request.meta;
    token.displayName = request.displayName;
    token.role = role ? role->name : QString();
    token.path =
        role ? path + (role->pathSuffix.isEmpty() ? QString() : u'/' + role->pathSuffix) : path;
    token.issuedBy = caller.client;

    QJsonObject issued; // the rest of the details: CreationBatch::prepare()
    QStringList targets;
    auto created = issue(db, std::move(token), plan->orphan ? 0 : parent->id, issued, targets);
    TESSERA_TRY(created);
    created->warnings = englishTexts(ttl.warnings);
    batch.created.append(
        {m_core.auditEntry(caller, QStringLiteral("token.create"), targets, issued),
         created->info});
    return created;
}

Result<CreatedToken> TokenService::createToken(const Caller& caller, const TokenRequest& request)
{
    auto created = createTokens(caller, {request}, {});
    TESSERA_TRY(created);
    return created->first();
}

Result<QList<CreatedToken>> TokenService::createTokens(const Caller& caller,
                                                       const QList<TokenRequest>& requests,
                                                       const CreationHook& inTransaction)
{
    return createAll(caller, nullptr, requests, inTransaction);
}

Result<QList<CreatedToken>> TokenService::createFamily(const Caller& caller,
                                                       const TokenRequest& parent,
                                                       const QList<TokenRequest>& children,
                                                       const CreationHook& inTransaction)
{
    // API callers always create children of their own token (parentFor).
    if (!caller.owner)
        return Error::denied(QStringLiteral("permission denied: only the store owner may create "
                                            "a parent with its children"));
    return createAll(caller, &parent, children, inTransaction);
}

Result<QList<CreatedToken>> TokenService::createAll(const Caller& caller,
                                                    const TokenRequest* newParent,
                                                    const QList<TokenRequest>& requests,
                                                    const CreationHook& inTransaction)
{
    // Through the group commit: creations from many API threads share one
    // durable commit instead of paying an fsync each.
    const audit::AuditLog& log = m_core.secrets().auditLog();
    QList<CreatedToken> tokens;
    tokens.reserve(requests.size() + (newParent ? 1 : 0));
    const EngineConfig config = m_core.config();
    const Status created = m_core.groupCommit().run([&](Database& db) -> Status {
        tokens.clear(); // the group commit may run this again
        CreationBatch batch;
        batch.config = config;
        // A full flush's records are prepared on another thread while this one
        // inserts the next flush's tokens; they are appended, in order, before
        // the next flush is handed over (and joined on every way out).
        std::future<audit::PreparedRecords> preparing;
        const auto appendPrepared = [&]() -> Status {
            if (!preparing.valid())
                return {};
            audit::PreparedRecords prepared = preparing.get();
            return log.append(db, prepared);
        };
        QString parentAccessor;
        if (newParent) {
            auto parent = insertToken(db, caller, *newParent, batch);
            TESSERA_TRY(parent);
            if (parent->info.accessor.isEmpty())
                return Error::invalid(QStringLiteral("a batch token cannot be a parent"));
            parentAccessor = parent->info.accessor;
            tokens.append(std::move(*parent));
        }
        for (const TokenRequest& request : requests) {
            auto one = newParent
                           ? insertToken(db, caller, underParent(request, parentAccessor), batch)
                           : insertToken(db, caller, request, batch);
            TESSERA_TRY(one);
            tokens.append(std::move(*one));
            if (batch.created.size() >= CreationBatch::kAuditFlush) {
                TESSERA_TRY(appendPrepared());
                // Deferred (on this thread, at get()) only if no thread can be had.
                preparing = std::async(std::launch::async | std::launch::deferred,
                                       [created = std::exchange(batch.created, {})]() mutable {
                                           return CreationBatch::prepare(std::move(created));
                                       });
            }
        }
        TESSERA_TRY(appendPrepared());
        if (inTransaction)
            TESSERA_TRY(inTransaction(db, tokens));
        audit::PreparedRecords rest = CreationBatch::prepare(std::exchange(batch.created, {}));
        return log.append(db, rest);
    });
    if (!created.ok()) {
        // Recorded only now: the failed write has been rolled back.
        if (created.error().code == ErrorCode::PermissionDenied)
            m_core.recordRefusal(caller, QStringLiteral("token.create"), created.error());
        return created.error();
    }
    bool expiring = false;
    for (const CreatedToken& token : std::as_const(tokens)) {
        Q_EMIT m_core.events().tokenCreated(token.info);
        expiring = expiring || token.info.expireAt.has_value();
    }
    if (expiring)
        Q_EMIT m_core.events().expiryScheduleChanged();
    return tokens;
}

Result<Token> TokenService::validate(QStringView rawToken) const
{
    // Garbage and typos are turned away before any store access, even the
    // opening of a connection when the pool has none idle.
    auto parsed = TokenFormat::parse(rawToken);
    TESSERA_TRY(parsed);
    LazyConnection connection(m_core.store());
    return m_resolver.validate(connection, rawToken, *parsed);
}

Result<Caller> TokenService::authenticate(QStringView rawToken, const QString& client,
                                          const QString& requestId, const QString& path)
{
    auto caller = authenticate(rawToken, client, requestId, path, true);
    TESSERA_TRY(caller);
    return std::move(**caller);
}

Result<std::optional<Caller>> TokenService::authenticateWithoutWaiting(QStringView rawToken,
                                                                       const QString& client,
                                                                       const QString& requestId,
                                                                       const QString& path)
{
    return authenticate(rawToken, client, requestId, path, false);
}

Result<std::optional<Caller>> TokenService::authenticate(QStringView rawToken,
                                                         const QString& client,
                                                         const QString& requestId,
                                                         const QString& path, bool mayWait)
{
    const QString operation = QStringLiteral("token.use");
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
        refused.insert(QStringLiteral("token"), m_core.secrets().auditLog().tag(rawToken.toUtf8()));
        (void)m_core.uses().add(
            m_core.auditEntry(stranger, operation, {}, refused, QStringLiteral("denied")));
        return Error::denied(QStringLiteral("permission denied: invalid token"));
    };
    auto parsed = TokenFormat::parse(rawToken);
    if (!parsed.ok())
        return refuse();
    LazyConnection connection(m_core.store());
    auto token = m_resolver.validate(connection, rawToken, *parsed);
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
    if (!token->hasUseLimit() && !token->awaitsFirstUse()) {
        // Nothing to count: the record joins the batched use records.
        TESSERA_TRY(
            m_core.uses().add(m_core.auditEntry(caller, operation, {token->accessor}, details),
                              m_core.lastUse().note(token->id, m_core.now(), client)));
        return std::optional<Caller>{std::move(caller)};
    }
    if (!mayWait)
        return std::optional<Caller>{};
    const auto lastUse = m_core.lastUse().note(token->id, m_core.now(), client);
    std::optional<Token> firstUse;

    auto connected = connection.get();
    TESSERA_TRY(connected);
    // The decrement is one conditional UPDATE under SQLite's writer lock, so a
    // one-use token succeeds for exactly one of many concurrent callers.
    auto usesLeft = m_core.mutate(**connected, caller, operation, [&](Mutation& m) -> Result<int> {
        auto stored = m_resolver.stillStored(m.db(), *token);
        TESSERA_TRY(stored);
        if (!*stored)
            return refuse();
        if (token->awaitsFirstUse()) {
            auto started = FirstUse(m.db()).start(*token, m_core.now());
            TESSERA_TRY(started);
            if (*started) { // else a concurrent request was the first
                firstUse = **started;
                if (lastUse) {
                    firstUse->lastUsedAt = lastUse->minute;
                    firstUse->lastUsedBy = lastUse->client;
                }
                details.insert(QStringLiteral("first_use"), true);
                m.invalidates = true;
                m.afterCommit([this, started = *firstUse] {
                    Q_EMIT m_core.events().tokenRenewed(started);
                    Q_EMIT m_core.events().expiryScheduleChanged();
                });
            }
        }
        int left = -1;
        if (token->hasUseLimit()) {
            auto consumed = UseLimit(m.db()).consume(token->id);
            if (!consumed.ok())
                return refuse();
            left = *consumed;
            details.insert(QStringLiteral("uses_left"), left);
            m.afterCommit([this, accessor = token->accessor, left] {
                Q_EMIT m_core.events().tokenUsed(accessor, left);
            });
        }
        if (lastUse)
            TESSERA_TRY(LastUse::write(m.db(), {*lastUse}));
        m.record.targets = {token->accessor};
        m.record.details = details;
        return left;
    });
    TESSERA_TRY(usesLeft);
    caller.lastUse = *usesLeft == 0;
    if (firstUse) { // the request sees the pass as its first use made it
        caller.expireAt = firstUse->expireAt.value_or(0);
        caller.token = std::make_shared<const Token>(std::move(*firstUse));
    }
    return std::optional<Caller>{std::move(caller)};
}

Status TokenService::completeUse(const Caller& caller)
{
    if (!caller.lastUse || caller.tokenId == 0)
        return {};
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    return m_core.mutate(
        lease->db(), caller, QStringLiteral("token.use-limit"), [&](Mutation& m) -> Status {
            auto own = m_resolver.callerToken(m.db(), caller);
            TESSERA_TRY(own);
            Revocation::Removed revoked;
            if (own->has_value()) { // else revoked meanwhile
                auto subtree = Revocation(m.db()).revokeSubtree(caller.tokenId, m_core.now());
                TESSERA_TRY(subtree);
                revoked = std::move(*subtree);
            }
            if (revoked.accessors.isEmpty()) {
                m.audited = false;
                return {};
            }
            m.record.targets = revoked.accessors;
            m.invalidates = true;
            m.afterCommit([this, tops = revoked.tops, count = revoked.accessors.size()] {
                m_core.purge().wake();
                Q_EMIT m_core.events().tokensRevoked(tops, count, QStringLiteral("use-limit"));
            });
            return {};
        });
}

Result<Token> TokenService::lookup(const Caller& caller, const TokenRef& ref)
{
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    auto target = m_resolver.resolve(db, caller, ref);
    TESSERA_TRY(target);
    const Access access{TokenResolver::pathFor(QStringLiteral("lookup"), caller, ref, *target),
                        Capability::Read | Capability::Update, QStringLiteral("token.lookup")};
    TESSERA_TRY(m_core.authorize(db, caller, access));
    if (!target->has_value())
        return TokenResolver::notFound();
    Token token = std::move(**target);
    m_core.lastUse().apply(token);
    return token;
}

Result<Renewal> TokenService::renew(const Caller& caller, const TokenRef& ref, qint64 increment)
{
    if (increment < 0)
        return Error::invalid(QStringLiteral("increment must not be negative"));
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    auto target = m_resolver.resolve(db, caller, ref);
    TESSERA_TRY(target);
    const Access access{TokenResolver::pathFor(QStringLiteral("renew"), caller, ref, *target),
                        Capability::Update, QStringLiteral("token.renew")};
    TESSERA_TRY(m_core.authorize(db, caller, access));
    if (!target->has_value())
        return TokenResolver::notFound();
    Token token = std::move(**target);
    if (token.type == TokenType::Batch)
        return Error::invalid(QStringLiteral("batch tokens cannot be renewed"));
    if (token.awaitsFirstUse())
        return Error::invalid(Message{QT_TRANSLATE_NOOP(
            "EngineMessage", "this pass is not used yet: its TTL starts at its first use")});

    std::optional<Role> role;
    if (!token.role.isEmpty()) {
        // Role-created tokens renew under the role's current settings. Like
        // Vault, no renewal once the role is gone.
        auto found = m_core.roles().find(db, token.role);
        if (!found.ok() && found.error().code == ErrorCode::NotFound)
            return Error::invalid(
                QStringLiteral("original token role \"%1\" could not be found, not renewing")
                    .arg(token.role));
        TESSERA_TRY(found);
        role = std::move(*found);
    }
    const TtlRenewalInput input = TtlPolicy::renewalInput(token, role ? &*role : nullptr,
                                                          m_core.now(), increment, m_core.config());
    auto renewal = TtlPolicy::forRenewal(input);
    TESSERA_TRY(renewal);

    return m_core.mutate(db, caller, access.operation, [&](Mutation& m) -> Result<Renewal> {
        auto stored = m_resolver.stillStored(m.db(), token);
        TESSERA_TRY(stored);
        if (!*stored)
            return TokenResolver::notFound();
        TESSERA_TRY(TokenRecords(m.db()).updateExpiry(token.id, renewal->expireAt, input.now));
        m.record.targets = {token.accessor};
        m.record.details = {{QStringLiteral("ttl"), renewal->ttl}};
        m.invalidates = true;
        token.expireAt = renewal->expireAt;
        token.lastRenewal = input.now;
        m.afterCommit([this, token] {
            Q_EMIT m_core.events().tokenRenewed(token);
            Q_EMIT m_core.events().expiryScheduleChanged();
        });
        return Renewal{token, englishTexts(renewal->warnings)};
    });
}

Result<QStringList> TokenService::revoke(const Caller& caller, const TokenRef& ref)
{
    return revoke(caller, ref, RevokeMode::Subtree);
}

Result<QStringList> TokenService::revokeOrphan(const Caller& caller, const TokenRef& ref)
{
    return revoke(caller, ref, RevokeMode::OrphanChildren);
}

Result<QStringList> TokenService::revoke(const Caller& caller, const TokenRef& ref, RevokeMode mode)
{
    const bool orphaning = mode == RevokeMode::OrphanChildren;
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    auto target = m_resolver.resolve(db, caller, ref);
    TESSERA_TRY(target);
    // As in Vault, revoke-orphan needs root or sudo.
    const Access access =
        orphaning ? Access{QStringLiteral("auth/token/revoke-orphan"), Capability::Sudo,
                           QStringLiteral("token.revoke-orphan")}
                  : Access{TokenResolver::pathFor(QStringLiteral("revoke"), caller, ref, *target),
                           Capability::Update, QStringLiteral("token.revoke")};
    if (!orphaning || !caller.isRoot())
        TESSERA_TRY(m_core.authorize(db, caller, access));
    // Revoking what is already gone succeeds (unlike Vault, vault#9636).
    if (!target->has_value())
        return QStringList{};
    const Token& token = **target;
    if (token.type == TokenType::Batch)
        return Error::invalid(
            QStringLiteral("batch tokens cannot be revoked on their own; revoke their parent"));

    return m_core.mutate(db, caller, access.operation, [&](Mutation& m) -> Result<QStringList> {
        auto stored = m_resolver.stillStored(m.db(), token);
        TESSERA_TRY(stored);
        if (!*stored) { // revoked meanwhile
            m.audited = false;
            return QStringList{};
        }
        m.record.targets = {token.accessor};
        m.invalidates = true;
        Revocation revocation(m.db());
        if (orphaning) {
            auto orphaned = revocation.revokeOrphaningChildren(token.id);
            TESSERA_TRY(orphaned);
            m.record.details = {{QStringLiteral("orphaned"), qint64(orphaned->size())}};
            m.afterCommit([this, accessor = token.accessor, orphaned = *orphaned] {
                Q_EMIT m_core.events().tokensRevoked({accessor}, 1, QStringLiteral("revoke"));
                if (!orphaned.isEmpty())
                    Q_EMIT m_core.events().tokensOrphaned(orphaned);
            });
            return QStringList{token.accessor};
        }
        auto revoked = revocation.revokeSubtree(token.id, m_core.now());
        TESSERA_TRY(revoked);
        m.record.details = {{QStringLiteral("revoked"), qint64(revoked->accessors.size())}};
        if (!revoked->accessors.isEmpty())
            m.afterCommit([this, tops = revoked->tops, count = revoked->accessors.size()] {
                m_core.purge().wake();
                Q_EMIT m_core.events().tokensRevoked(tops, count, QStringLiteral("revoke"));
            });
        return std::move(revoked->accessors);
    });
}

Result<QStringList> TokenService::accessors(const Caller& caller) const
{
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    Database& db = lease->db();
    if (!caller.isRoot())
        TESSERA_TRY(m_core.authorize(db, caller,
                                     Access{QStringLiteral("auth/token/accessors"),
                                            Capability::Sudo, QStringLiteral("token.accessors")}));
    return TokenRecords(db).allAccessors();
}

Result<QStringList> TokenService::sweepExpired()
{
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    return m_core.mutate(
        lease->db(), Caller::storeOwner(QStringLiteral("expiry")), QStringLiteral("token.expire"),
        [&](Mutation& m) -> Result<QStringList> {
            auto revoked = Revocation(m.db()).revokeExpired(m_core.now());
            TESSERA_TRY(revoked);
            if (revoked->accessors.isEmpty()) {
                m.audited = false;
                return QStringList{};
            }
            m.record.targets = revoked->accessors;
            m.record.details = {{QStringLiteral("revoked"), qint64(revoked->accessors.size())}};
            m.invalidates = true;
            m.afterCommit([this, tops = revoked->tops, count = revoked->accessors.size()] {
                Q_EMIT m_core.events().tokensRevoked(tops, count, QStringLiteral("expire"));
            });
            return std::move(revoked->accessors);
        });
}

Result<qint64> TokenService::purgeRevoked(int maxChunks)
{
    return m_core.purge().purge(maxChunks);
}

Result<qint64> TokenService::pendingPurge() const
{
    return m_core.purge().pending();
}

Result<std::optional<qint64>> TokenService::nextExpiry() const
{
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    return TokenRecords(lease->db()).earliestExpiry();
}

} // namespace tessera::engine
