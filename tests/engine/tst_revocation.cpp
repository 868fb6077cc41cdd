// Revocation as callers see it through TokenEngine: whole subtrees, orphaning
// revocation, by accessor, batch children, and the guarantee that once
// revoke() has returned no token of the subtree validates, even under load.
// A subtree revoke marks its rows; the purge deletes them later, also after a
// crash between two of its chunks (tessera_crashworker).
#include "engine/TokenEngine.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/EngineActors.h"
#include "support/StoreProbes.h"
#include "support/TempEngine.h"
#include "support/TokenTrees.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <random>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;
using tessera::test::TokenTree;
using tessera::test::WriteGate;

namespace {

// Every accessor comes after all of its descendants (children before parents).
bool childrenComeFirst(const QStringList& accessors, const TokenTree& tree)
{
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < accessors.size(); ++i)
        position.insert(accessors.at(i), i);
    for (const QString& accessor : accessors) {
        const QString parent = tree.parentOf.value(accessor);
        if (position.contains(parent) && position.value(parent) < position.value(accessor))
            return false;
    }
    return true;
}

} // namespace

class TestRevocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void revokingParentRevokesWholeSubtree();
    void revokingParentInvalidatesBatchChild();
    void revokeOrphanKeepsChildren();
    void revokeByAccessor_data();
    void revokeByAccessor();
    void creatingChildOfRevokedTokenIsRefused();
    void staleCallerNeverActsOnReusedRowId();
    void operationRacingWithRevocationSparesNewTokenWithSameRowId_data();
    void operationRacingWithRevocationSparesNewTokenWithSameRowId();
    void noTokenOfRevokedSubtreeValidatesAfterRevokeReturns();
    void revokedSubtreeIsGoneForEveryReaderBeforeThePurge();
    void backgroundPurgeDeletesRevokedRows();
    void purgeResumesAfterCrashBetweenChunks();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    static Caller owner() { return TempEngine::owner(); }

    std::unique_ptr<TempEngine> m_temp;
};

void TestRevocation::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestRevocation::cleanup()
{
    m_temp.reset();
}

void TestRevocation::revokingParentRevokesWholeSubtree()
{
    auto doomed = test::buildTokenTree(engine(), 40, 3);
    QVERIFY2(doomed, qPrintable(errorText(doomed)));
    auto spared = test::buildTokenTree(engine(), 13, 3);
    QVERIFY2(spared, qPrintable(errorText(spared)));
    QCOMPARE(engine().browser().descendantCount(doomed->rootAccessor()).valueOr(-1), 39);
    QSignalSpy revokedSignal(&engine(), &TokenEngine::tokensRevoked);

    auto revoked = engine().tokens().revoke(owner(), TokenRef::token(doomed->rootToken()));
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    QCOMPARE(QSet<QString>(revoked->cbegin(), revoked->cend()),
             QSet<QString>(doomed->accessors.cbegin(), doomed->accessors.cend()));
    QCOMPARE(revoked->size(), doomed->size());
    QVERIFY2(childrenComeFirst(*revoked, *doomed), "a parent was listed before its child");
    QCOMPARE(revokedSignal.count(), 1);
    // The signal names the top of the branch and counts the rest.
    QCOMPARE(revokedSignal.at(0).at(0).toStringList(), QStringList{doomed->rootAccessor()});
    QCOMPARE(revokedSignal.at(0).at(1).toLongLong(), qint64(doomed->size()));
    QCOMPARE(revokedSignal.at(0).at(2).toString(), u"revoke"_s);

    for (const QString& token : std::as_const(doomed->tokens))
        QVERIFY2(!engine().tokens().validate(token),
                 "a token of the revoked subtree still validates");
    for (const QString& accessor : std::as_const(doomed->accessors))
        QVERIFY(!engine().tokens().lookup(owner(), TokenRef::accessor(accessor)));
    for (const QString& token : std::as_const(spared->tokens))
        QVERIFY2(engine().tokens().validate(token), "a token outside the subtree was revoked");
    QCOMPARE(engine().browser().count().valueOr(-1), spared->size());
}

void TestRevocation::revokingParentInvalidatesBatchChild()
{
    auto tree = test::buildTokenTree(engine(), 3, 1); // parent -> child -> grandchild
    QVERIFY2(tree, qPrintable(errorText(tree)));
    TokenRequest request;
    request.type = TokenType::Batch;
    request.policies = {u"default"_s};
    QStringList batches;
    for (const QString& parent : {tree->accessors.at(0), tree->accessors.at(2)}) {
        request.parentAccessor = parent;
        auto batch = engine().tokens().createToken(owner(), request);
        QVERIFY2(batch, qPrintable(errorText(batch)));
        QVERIFY(engine().tokens().validate(batch->token));
        batches << batch->token;
    }
    auto revoked = engine().tokens().revoke(owner(), TokenRef::accessor(tree->rootAccessor()));
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    QCOMPARE(revoked->size(), 3);
    for (const QString& batch : std::as_const(batches)) {
        auto validated = engine().tokens().validate(batch);
        QVERIFY2(!validated, "a batch token outlived its revoked parent");
        QCOMPARE(validated.error().code, ErrorCode::NotFound);
    }
}

void TestRevocation::revokeOrphanKeepsChildren()
{
    // One token with three children, each with a subtree of its own.
    auto top = test::buildTokenTree(engine(), 1, 1);
    QVERIFY2(top, qPrintable(errorText(top)));
    QList<TokenTree> subtrees;
    for (int i = 0; i < 3; ++i) {
        auto subtree = test::buildTokenTree(engine(), 7, 2, {}, top->rootAccessor());
        QVERIFY2(subtree, qPrintable(errorText(subtree)));
        subtrees.append(*subtree);
    }
    QSignalSpy orphanedSignal(&engine(), &TokenEngine::tokensOrphaned);
    QSignalSpy revokedSignal(&engine(), &TokenEngine::tokensRevoked);

    auto revoked = engine().tokens().revokeOrphan(owner(), TokenRef::token(top->rootToken()));
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    QCOMPARE(*revoked, QStringList{top->rootAccessor()});
    QVERIFY(!engine().tokens().validate(top->rootToken()));
    QCOMPARE(revokedSignal.count(), 1);
    QCOMPARE(revokedSignal.at(0).at(0).toStringList(), QStringList{top->rootAccessor()});
    QCOMPARE(revokedSignal.at(0).at(1).toLongLong(), 1);

    QStringList childAccessors;
    for (const TokenTree& subtree : std::as_const(subtrees))
        childAccessors << subtree.rootAccessor();
    QCOMPARE(orphanedSignal.count(), 1);
    QCOMPARE(orphanedSignal.at(0).at(0).toStringList(), childAccessors);

    // The children are top level now, their subtrees intact.
    auto topLevel = engine().browser().children(0, {});
    QVERIFY2(topLevel, qPrintable(errorText(topLevel)));
    QStringList topAccessors;
    for (const Token& token : std::as_const(topLevel->tokens))
        topAccessors << token.accessor;
    QCOMPARE(topAccessors, childAccessors);
    for (const TokenTree& subtree : std::as_const(subtrees)) {
        auto child = engine().tokens().lookup(owner(), TokenRef::accessor(subtree.rootAccessor()));
        QVERIFY2(child, qPrintable(errorText(child)));
        QVERIFY(child->isOrphan());
        QCOMPARE(engine().browser().descendantCount(subtree.rootAccessor()).valueOr(-1), 6);
        for (const QString& token : subtree.tokens)
            QVERIFY2(engine().tokens().validate(token),
                     "a token below an orphaned child was revoked");
        for (qsizetype i = 1; i < subtree.size(); ++i) {
            auto below =
                engine().tokens().lookup(owner(), TokenRef::accessor(subtree.accessors.at(i)));
            QVERIFY2(below, qPrintable(errorText(below)));
            QCOMPARE(below->parentAccessor, subtree.parentOf.value(subtree.accessors.at(i)));
        }
    }
    QCOMPARE(engine().browser().count().valueOr(-1), 21);
}

void TestRevocation::revokeByAccessor_data()
{
    QTest::addColumn<QString>("policy"); // the caller's, beside "default"
    QTest::addColumn<bool>("allowed");

    QTest::newRow("revoke-accessor capability")
        << uR"({"path": {"auth/token/revoke-accessor": {"capabilities": ["update"]}}})"_s << true;
    QTest::newRow("revoke capability only")
        << uR"({"path": {"auth/token/revoke": {"capabilities": ["update"]}}})"_s << false;
    QTest::newRow("store owner") << QString() << true;
}

void TestRevocation::revokeByAccessor()
{
    QFETCH(QString, policy);
    QFETCH(bool, allowed);

    auto tree = test::buildTokenTree(engine(), 4, 3);
    QVERIFY2(tree, qPrintable(errorText(tree)));
    Caller caller = owner();
    if (!policy.isEmpty()) {
        QVERIFY(engine().admin().putPolicy(owner(), u"desk"_s, policy));
        TokenRequest request;
        request.policies = {u"desk"_s};
        request.orphan = true;
        auto desk = engine().tokens().createToken(owner(), request);
        QVERIFY2(desk, qPrintable(errorText(desk)));
        auto authenticated = engine().tokens().authenticate(desk->token, u"api:127.0.0.1"_s);
        QVERIFY2(authenticated, qPrintable(errorText(authenticated)));
        caller = *authenticated;
    }

    auto revoked = engine().tokens().revoke(caller, TokenRef::accessor(tree->rootAccessor()));
    QCOMPARE(revoked.ok(), allowed);
    if (!allowed) {
        QCOMPARE(revoked.error().code, ErrorCode::PermissionDenied);
        for (const QString& token : std::as_const(tree->tokens))
            QVERIFY(engine().tokens().validate(token));
        return;
    }
    QCOMPARE(revoked->size(), 4);
    QCOMPARE(revoked->last(), tree->rootAccessor());
    for (const QString& token : std::as_const(tree->tokens))
        QVERIFY(!engine().tokens().validate(token));
}

void TestRevocation::creatingChildOfRevokedTokenIsRefused()
{
    QVERIFY(engine().admin().putPolicy(
        owner(), u"issuer"_s,
        uR"({"path": {"auth/token/create": {"capabilities": ["create", "update"]}}})"_s));
    TokenRequest request;
    request.policies = {u"issuer"_s};
    auto parent = engine().tokens().createToken(owner(), request);
    QVERIFY2(parent, qPrintable(errorText(parent)));
    // Authenticated, then revoked before its request gets to create a child:
    // the child must not come into being under a parent that is gone.
    auto caller = engine().tokens().authenticate(parent->token, u"api:127.0.0.1"_s);
    QVERIFY2(caller, qPrintable(errorText(caller)));
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(parent->info.accessor)));

    for (const auto type : {TokenType::Service, TokenType::Batch}) {
        TokenRequest childRequest;
        childRequest.type = type;
        auto child = engine().tokens().createToken(*caller, childRequest);
        QVERIFY2(!child, "a revoked token created a child");
        QCOMPARE(child.error().code, ErrorCode::PermissionDenied);
    }
    QCOMPARE(engine().browser().count().valueOr(-1), 0);
}

void TestRevocation::staleCallerNeverActsOnReusedRowId()
{
    QVERIFY(engine().admin().putPolicy(
        owner(), u"issuer"_s,
        uR"({"path": {"auth/token/create": {"capabilities": ["create", "update"]}}})"_s));
    TokenRequest issuing;
    issuing.policies = {u"issuer"_s};
    auto issuer = engine().tokens().createToken(owner(), issuing);
    QVERIFY2(issuer, qPrintable(errorText(issuer)));
    auto parent = engine().tokens().createToken(owner(), {});
    QVERIFY2(parent, qPrintable(errorText(parent)));
    TokenRequest oneUse;
    oneUse.numUses = 1;
    oneUse.parentAccessor = parent->info.accessor;
    auto limited = engine().tokens().createToken(owner(), oneUse);
    QVERIFY2(limited, qPrintable(errorText(limited)));

    // Requests in flight for two tokens...
    auto onLastUse = engine().tokens().authenticate(limited->token, u"api:127.0.0.1"_s);
    QVERIFY2(onLastUse && onLastUse->lastUse, qPrintable(errorText(onLastUse)));
    auto issuerCaller = engine().tokens().authenticate(issuer->token, u"api:127.0.0.1"_s);
    QVERIFY2(issuerCaller, qPrintable(errorText(issuerCaller)));
    // ...while every token is revoked and new ones take the row ids again
    // (SQLite hands out the largest row id + 1, so ids of deleted rows return).
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(issuer->info.accessor)));
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(parent->info.accessor)));
    QCOMPARE(engine().browser().count().valueOr(-1), 0);
    QVERIFY(engine().tokens().purgeRevoked()); // the rows (and their ids) go with the purge
    QList<CreatedToken> strangers;
    for (int i = 0; i < 3; ++i) {
        auto stranger = engine().tokens().createToken(owner(), {});
        QVERIFY2(stranger, qPrintable(errorText(stranger)));
        strangers << *stranger;
    }
    QCOMPARE(strangers.at(0).info.id, issuer->info.id);
    QCOMPARE(strangers.at(2).info.id, limited->info.id);

    // The stale callers find their own tokens gone, and touch nobody else's.
    auto self = engine().tokens().lookup(*onLastUse, TokenRef::self());
    QVERIFY2(!self, qPrintable(u"lookup-self found "_s + (self ? self->accessor : QString())));
    auto child = engine().tokens().createToken(*issuerCaller, {});
    QVERIFY2(!child, "a revoked token created a child under a stranger");
    QVERIFY(engine().tokens().completeUse(*onLastUse));
    for (const CreatedToken& stranger : std::as_const(strangers))
        QVERIFY2(engine().tokens().validate(stranger.token), "a stale caller revoked a stranger");
    QCOMPARE(engine().browser().count().valueOr(-1), 3);
}

void TestRevocation::operationRacingWithRevocationSparesNewTokenWithSameRowId_data()
{
    QTest::addColumn<QString>("operation");
    QTest::newRow("revoke") << u"revoke"_s;
    QTest::newRow("revoke-orphan") << u"revoke-orphan"_s;
    QTest::newRow("renew") << u"renew"_s;
}

void TestRevocation::operationRacingWithRevocationSparesNewTokenWithSameRowId()
{
    QFETCH(QString, operation);
    TokenRequest request;
    request.ttl = 3600;
    auto target = engine().tokens().createToken(owner(), request);
    QVERIFY2(target, qPrintable(errorText(target)));

    // A request looks the target up, and stops before its write transaction...
    WriteGate gate(m_temp->store());
    std::atomic<bool> succeeded{false};
    std::thread racer([&] {
        gate.hold(std::this_thread::get_id());
        const TokenRef ref = TokenRef::accessor(target->info.accessor);
        if (operation == u"revoke")
            succeeded = engine().tokens().revoke(owner(), ref).ok();
        else if (operation == u"revoke-orphan")
            succeeded = engine().tokens().revokeOrphan(owner(), ref).ok();
        else
            succeeded = engine().tokens().renew(owner(), ref, 60).ok();
    });
    auto joinRacer = qScopeGuard([&] {
        gate.release();
        racer.join();
    });
    QVERIFY2(gate.waitUntilHeld(), "the racing operation never reached its transaction");
    // ...meanwhile the target is revoked and a new token takes its row id...
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(target->info.accessor)));
    QVERIFY(engine().tokens().purgeRevoked()); // the row (and its id) goes with the purge
    auto stranger = engine().tokens().createToken(owner(), request);
    QVERIFY2(stranger, qPrintable(errorText(stranger)));
    QCOMPARE(stranger->info.id, target->info.id);
    // ...and then the request goes on.
    joinRacer.dismiss();
    gate.release();
    racer.join();

    auto after = engine().tokens().lookup(owner(), TokenRef::accessor(stranger->info.accessor));
    QVERIFY2(after, qPrintable(u"the %1 of a revoked token hit a stranger: %2"_s.arg(
                        operation, errorText(after))));
    QCOMPARE(after->expireAt, stranger->info.expireAt);
    if (operation == u"renew")
        QVERIFY2(!succeeded, "renewed a token that had been revoked");
}

void TestRevocation::noTokenOfRevokedSubtreeValidatesAfterRevokeReturns()
{
    constexpr int kTokens = 10'000;
    constexpr int kThreads = 4;
    QElapsedTimer timer;
    timer.start();
    auto tree = test::buildTokenTree(engine(), kTokens, 8);
    QVERIFY2(tree, qPrintable(errorText(tree)));
    QCOMPARE(tree->size(), kTokens);
    qInfo("built %d tokens in %lld ms", kTokens, timer.restart());

    std::atomic<bool> revokeReturned{false};
    std::atomic<bool> stop{false};
    std::atomic<int> validatedBefore{0};
    std::atomic<int> checkedAfter{0};
    std::atomic<int> survivors{0}; // validations started after revoke() returned that succeeded
    std::atomic<int> failures{0};  // errors other than "no such token"
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937 random(quint32(t) * 7919u + 1u);
            std::uniform_int_distribution<qsizetype> pick(0, tree->size() - 1);
            while (!stop.load()) {
                const bool after = revokeReturned.load();
                auto validated = engine().tokens().validate(tree->tokens.at(pick(random)));
                if (validated.ok()) {
                    if (after)
                        ++survivors;
                    else
                        ++validatedBefore;
                } else if (validated.error().code != ErrorCode::NotFound) {
                    ++failures;
                }
                if (after)
                    ++checkedAfter;
            }
        });
    }
    auto joinAll = qScopeGuard([&] {
        stop = true;
        for (std::thread& thread : threads)
            thread.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(validatedBefore.load() >= 200, 10'000);

    QSignalSpy revokedSignal(&engine(), &TokenEngine::tokensRevoked);
    auto revoked = engine().tokens().revoke(owner(), TokenRef::accessor(tree->rootAccessor()));
    revokeReturned = true;
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    qInfo("revoked %lld tokens in %lld ms while %d threads validated", qlonglong(revoked->size()),
          timer.restart(), kThreads);

    QTRY_VERIFY_WITH_TIMEOUT(checkedAfter.load() >= 2'000, 10'000);
    joinAll.dismiss();
    stop = true;
    for (std::thread& thread : threads)
        thread.join();

    QCOMPARE(survivors.load(), 0);
    QCOMPARE(failures.load(), 0);
    QCOMPARE(revokedSignal.count(), 1);
    QCOMPARE(revokedSignal.at(0).at(0).toStringList(), QStringList{tree->rootAccessor()});
    QCOMPARE(revokedSignal.at(0).at(1).toLongLong(), qint64(kTokens));
    QCOMPARE(revoked->size(), kTokens);
    QCOMPARE(QSet<QString>(revoked->cbegin(), revoked->cend()),
             QSet<QString>(tree->accessors.cbegin(), tree->accessors.cend()));
    QVERIFY2(childrenComeFirst(*revoked, *tree), "a parent was listed before its child");
    QCOMPARE(engine().browser().count().valueOr(-1), 0);
}

namespace {

// Raw row counts, under the engine (what the purge has deleted yet).
qint64 rawCount(TempEngine& temp, std::string_view sql)
{
    auto lease = temp.store().acquire();
    if (!lease)
        return -1;
    return lease->db().queryInt(sql).valueOr(-1);
}

EngineConfig withoutBackgroundPurge(int chunkRows = 2000)
{
    EngineConfig config;
    config.purgeInBackground = false;
    config.purgeChunkRows = chunkRows;
    return config;
}

} // namespace

void TestRevocation::revokedSubtreeIsGoneForEveryReaderBeforeThePurge()
{
    QVERIFY(m_temp->reopen(withoutBackgroundPurge(7)));
    auto doomed = test::buildTokenTree(engine(), 30, 3);
    QVERIFY2(doomed, qPrintable(errorText(doomed)));
    auto spared = test::buildTokenTree(engine(), 5, 2);
    QVERIFY2(spared, qPrintable(errorText(spared)));
    TokenRequest request;
    request.type = TokenType::Batch;
    request.policies = {u"default"_s};
    request.parentAccessor = doomed->accessors.last();
    auto batch = engine().tokens().createToken(owner(), request);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    request.type = TokenType::Service;
    auto withCubbyhole = engine().tokens().createToken(owner(), request);
    QVERIFY2(withCubbyhole, qPrintable(errorText(withCubbyhole)));
    auto caller = engine().tokens().authenticate(withCubbyhole->token, u"test"_s);
    QVERIFY(caller);
    QVERIFY(engine().cubbyhole().write(*caller, u"note"_s, {{u"text"_s, u"hi"_s}}).ok());
    const qint64 rowsBefore = rawCount(*m_temp, "SELECT count(*) FROM tokens");

    auto revoked = engine().tokens().revoke(owner(), TokenRef::accessor(doomed->rootAccessor()));
    QVERIFY2(revoked, qPrintable(errorText(revoked)));
    QCOMPARE(revoked->size(), doomed->size() + 1);

    // Nothing deleted yet: the rows are marked, and every reader skips them.
    QCOMPARE(engine().tokens().pendingPurge().valueOr(-1), doomed->size() + 1);
    QCOMPARE(rawCount(*m_temp, "SELECT count(*) FROM tokens"), rowsBefore);
    for (const QString& token : std::as_const(doomed->tokens))
        QVERIFY2(!engine().tokens().validate(token), "a marked token validates");
    QVERIFY2(!engine().tokens().validate(batch->token),
             "a batch child of a marked token validates");
    QVERIFY(!engine().tokens().validate(withCubbyhole->token));
    QVERIFY(!engine().cubbyhole().read(*caller, u"note"_s));
    QVERIFY(!engine().tokens().lookup(owner(), TokenRef::accessor(doomed->accessors.at(3))));
    QCOMPARE(engine().browser().count().valueOr(-1), spared->size());
    QCOMPARE(engine().tokens().accessors(owner()).valueOr({}).size(), spared->size());
    auto children = engine().browser().children(0, {}, {}, 100);
    QVERIFY(children);
    QCOMPARE(children->tokens.size(), 1); // the spared tree's root only
    QVERIFY(!engine().browser().descendantCount(doomed->rootAccessor()));
    // No new child for a marked token, and a second revoke finds nothing.
    TokenRequest child;
    child.parentAccessor = doomed->accessors.at(1);
    QVERIFY(!engine().tokens().createToken(owner(), child));
    QCOMPARE(engine()
                 .tokens()
                 .revoke(owner(), TokenRef::accessor(doomed->accessors.at(1)))
                 .valueOr({u"?"_s})
                 .size(),
             0);
    auto problems = engine().admin().checkStore(owner());
    QVERIFY2(problems, qPrintable(errorText(problems)));
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));

    // The purge deletes them, chunk by chunk, cubbyhole included.
    QCOMPARE(engine().tokens().purgeRevoked(1).valueOr(-1), 7);
    QCOMPARE(engine().tokens().pendingPurge().valueOr(-1), doomed->size() + 1 - 7);
    QCOMPARE(engine().tokens().purgeRevoked().valueOr(-1), doomed->size() + 1 - 7);
    QCOMPARE(engine().tokens().pendingPurge().valueOr(-1), 0);
    QCOMPARE(rawCount(*m_temp, "SELECT count(*) FROM tokens"), spared->size());
    QCOMPARE(rawCount(*m_temp, "SELECT count(*) FROM cubbyhole"), 0);
    for (const QString& token : std::as_const(spared->tokens))
        QVERIFY2(engine().tokens().validate(token), "the purge took a token it should have left");
    problems = engine().admin().checkStore(owner());
    QVERIFY2(problems && problems->isEmpty(), qPrintable(problems.valueOr({}).join(u'\n')));
}

void TestRevocation::backgroundPurgeDeletesRevokedRows()
{
    QVERIFY(m_temp->reopen(EngineConfig{})); // the purge on its thread, as in production
    auto tree = test::buildTokenTree(engine(), 5000, 10);
    QVERIFY2(tree, qPrintable(errorText(tree)));
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(tree->rootAccessor())));
    QTRY_COMPARE_WITH_TIMEOUT(engine().tokens().pendingPurge().valueOr(-1), 0, 30'000);
    QCOMPARE(rawCount(*m_temp, "SELECT count(*) FROM tokens"), 0);
}

void TestRevocation::purgeResumesAfterCrashBetweenChunks()
{
    constexpr int kChunk = 100;
    // The worker runs on the real clock: the tokens must be alive at real time.
    m_temp->clock().setMs(QDateTime::currentMSecsSinceEpoch());
    auto doomed = test::buildTokenTree(engine(), 1000, 6);
    QVERIFY2(doomed, qPrintable(errorText(doomed)));
    auto spared = test::buildTokenTree(engine(), 20, 3);
    QVERIFY2(spared, qPrintable(errorText(spared)));
    m_temp->close();

    QProcess worker;
    worker.setProcessChannelMode(QProcess::SeparateChannels);
    worker.start(QString::fromUtf8(TESSERA_CRASHWORKER),
                 {m_temp->path(), QString::fromUtf8(TempEngine::kPassphrase), u"purge-one-chunk"_s,
                  doomed->rootAccessor(), QString::number(kChunk)});
    QVERIFY2(worker.waitForFinished(30'000), qPrintable(worker.errorString()));
    QCOMPARE(worker.exitStatus(), QProcess::CrashExit);
    const QByteArray said = worker.readAllStandardOutput();
    QVERIFY2(said.contains("revoked 1000\npurged 100\n"),
             (said + worker.readAllStandardError()).constData());

    // Reopened without the background purge: the crash left marked rows.
    QVERIFY2(m_temp->reopen(withoutBackgroundPurge()), qPrintable(m_temp->errorMessage()));
    QCOMPARE(engine().tokens().pendingPurge().valueOr(-1), 1000 - kChunk);
    for (const QString& token : std::as_const(doomed->tokens))
        QVERIFY2(!engine().tokens().validate(token), "a revoked token is back after the crash");
    for (const QString& token : std::as_const(spared->tokens))
        QVERIFY(engine().tokens().validate(token));
    QCOMPARE(engine().browser().count().valueOr(-1), spared->size());
    auto problems = engine().admin().checkStore(owner());
    QVERIFY2(problems, qPrintable(errorText(problems)));
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));

    // Opening as production does resumes the purge.
    QVERIFY2(m_temp->reopen(EngineConfig{}), qPrintable(m_temp->errorMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(engine().tokens().pendingPurge().valueOr(-1), 0, 30'000);
    QCOMPARE(rawCount(*m_temp, "SELECT count(*) FROM tokens"), spared->size());
    for (const QString& token : std::as_const(spared->tokens))
        QVERIFY(engine().tokens().validate(token));
    problems = engine().admin().checkStore(owner());
    QVERIFY2(problems && problems->isEmpty(), qPrintable(problems.valueOr({}).join(u'\n')));
    auto report = engine().admin().verifyAudit();
    QVERIFY2(report && report->intact, qPrintable(report ? report->problem : errorText(report)));
}

QTEST_GUILESS_MAIN(TestRevocation)
#include "tst_revocation.moc"
