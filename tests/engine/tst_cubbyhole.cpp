// The cubbyhole: a service token's private key/value store, gone with the token.
#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "engine/Cubbyhole.h"
#include "engine/TokenEngine.h"
#include "store/Database.h"
#include "store/Store.h"
#include "store/Transaction.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::Actor;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kHour = 3600;
const QString kClient = u"api:127.0.0.1"_s;

} // namespace

class TestCubbyhole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void cubbyholeIsPrivateToItsToken();
    void cubbyholeGoesWithRevokedToken_data();
    void cubbyholeGoesWithRevokedToken();
    void staleCallerCannotReachReusedRowsCubbyhole();
    void batchTokenHasNoCubbyhole();
    void storeOwnerHasNoCubbyhole();
    void writeReplacesAndDeleteIsIdempotent();
    void listShowsDirectChildrenWithFoldersEndingInSlash();
    void badPathsAreRefused_data();
    void badPathsAreRefused();
    void oversizedValueIsRefused();
    void fullCubbyholeRefusesNewEntriesButReplacesOld();
    void cubbyholeNeedsCubbyholePolicy();
    void writesAreAudited();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Result<Actor> actor(TokenRequest request = {});
    qint64 rowsOf(qint64 tokenId);

    std::unique_ptr<TempEngine> m_temp;
};

void TestCubbyhole::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestCubbyhole::cleanup()
{
    m_temp.reset();
}

Result<Actor> TestCubbyhole::actor(TokenRequest request)
{
    if (request.policies.isEmpty())
        request.policies = {u"default"_s};
    if (request.ttl == 0)
        request.ttl = kHour;
    return test::issueActor(engine(), TempEngine::owner(), request, kClient);
}

qint64 TestCubbyhole::rowsOf(qint64 tokenId)
{
    auto lease = m_temp->store().acquire();
    if (!lease)
        return -1;
    auto count = lease->db().query("SELECT count(*) FROM cubbyhole WHERE token_id = ?");
    if (!count)
        return -1;
    count->bind(1, tokenId);
    if (!count->next().valueOr(false))
        return -1;
    return count->int64(0);
}

void TestCubbyhole::cubbyholeIsPrivateToItsToken()
{
    auto alice = actor();
    auto bob = actor();
    TokenRequest rootRequest;
    rootRequest.policies = {u"root"_s};
    auto root = actor(rootRequest);
    QVERIFY(alice && bob && root);

    const QJsonObject secret{{u"pin"_s, u"4711"_s}};
    QVERIFY2(engine().cubbyhole().write(alice->caller, u"wifi/pin"_s, secret).ok(), "write failed");
    auto mine = engine().cubbyhole().read(alice->caller, u"wifi/pin"_s);
    QVERIFY2(mine, qPrintable(errorText(mine)));
    QCOMPARE(*mine, secret);

    for (const Actor* other : {&*bob, &*root}) {
        auto read = engine().cubbyhole().read(other->caller, u"wifi/pin"_s);
        QVERIFY2(!read, "another token read the cubbyhole");
        QCOMPARE(read.error().code, ErrorCode::NotFound);
        QCOMPARE(engine().cubbyhole().list(other->caller, QString()).valueOr({u"?"_s}),
                 QStringList{});
        // Deleting "the same" path in its own cubbyhole leaves Alice's alone.
        QVERIFY(engine().cubbyhole().remove(other->caller, u"wifi/pin"_s).ok());
    }
    QVERIFY(engine().cubbyhole().read(alice->caller, u"wifi/pin"_s).ok());
}

void TestCubbyhole::cubbyholeGoesWithRevokedToken_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("revoke") << u"revoke"_s;
    QTest::newRow("revoke parent") << u"revoke parent"_s;
    QTest::newRow("revoke-orphan") << u"revoke-orphan"_s;
    QTest::newRow("expiry") << u"expiry"_s;
    QTest::newRow("last use") << u"last use"_s;
}

void TestCubbyhole::cubbyholeGoesWithRevokedToken()
{
    QFETCH(QString, how);
    const Caller owner = TempEngine::owner();
    auto parent = actor();
    QVERIFY(parent);
    TokenRequest request;
    request.policies = {u"default"_s};
    request.ttl = kHour;
    request.parentAccessor = parent->info.accessor;
    if (how == u"last use")
        request.numUses = 2; // one to authenticate below, one to write
    auto child = engine().tokens().createToken(owner, request);
    QVERIFY2(child, qPrintable(errorText(child)));
    auto caller = engine().tokens().authenticate(child->token, kClient);
    QVERIFY(caller);
    QVERIFY(engine().cubbyhole().write(*caller, u"note"_s, {{u"text"_s, u"hello"_s}}).ok());
    QCOMPARE(rowsOf(child->info.id), 1);

    if (how == u"revoke") {
        QVERIFY(engine().tokens().revoke(owner, TokenRef::accessor(child->info.accessor)).ok());
    } else if (how == u"revoke parent") {
        QVERIFY(engine().tokens().revoke(owner, TokenRef::accessor(parent->info.accessor)).ok());
    } else if (how == u"revoke-orphan") {
        QVERIFY(
            engine().tokens().revokeOrphan(owner, TokenRef::accessor(child->info.accessor)).ok());
    } else if (how == u"expiry") {
        m_temp->clock().advanceSeconds(kHour);
        QVERIFY(engine().tokens().sweepExpired().ok());
    } else {
        auto last = engine().tokens().authenticate(child->token, kClient);
        QVERIFY(last && last->lastUse);
        QVERIFY(engine().tokens().completeUse(*last).ok());
    }
    // A revoked subtree's rows wait for the purge, unreachable (tst_revocation).
    QVERIFY(engine().tokens().purgeRevoked());
    QCOMPARE(rowsOf(child->info.id), 0);
    QVERIFY(!engine().tokens().validate(child->token));
}

// SQLite gives a deleted token's row id to the next token: a request that
// authenticated just before its token was revoked must not land in the
// cubbyhole of whoever got the id next.
void TestCubbyhole::staleCallerCannotReachReusedRowsCubbyhole()
{
    auto gone = actor();
    QVERIFY(gone);
    QVERIFY(engine()
                .tokens()
                .revoke(TempEngine::owner(), TokenRef::accessor(gone->info.accessor))
                .ok());
    QVERIFY(engine().tokens().purgeRevoked()); // the row (and its id) goes with the purge
    auto next = actor();
    QVERIFY(next);
    QCOMPARE(next->info.id, gone->info.id); // the premise: the row id was reused
    QVERIFY(engine().cubbyhole().write(next->caller, u"pin"_s, {{u"pin"_s, u"4711"_s}}).ok());

    const Caller& stale = gone->caller;
    auto read = engine().cubbyhole().read(stale, u"pin"_s);
    QVERIFY2(!read, "a revoked token's request read a stranger's cubbyhole");
    QCOMPARE(read.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(engine().cubbyhole().list(stale, {}).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(engine().cubbyhole().write(stale, u"pin"_s, {{u"pin"_s, u"0000"_s}}).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(engine().cubbyhole().remove(stale, u"pin"_s).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(engine().cubbyhole().read(next->caller, u"pin"_s).valueOr({}),
             (QJsonObject{{u"pin"_s, u"4711"_s}}));
}

void TestCubbyhole::batchTokenHasNoCubbyhole()
{
    TokenRequest request;
    request.type = TokenType::Batch;
    auto batch = actor(request);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(batch->caller.batch);

    auto write = engine().cubbyhole().write(batch->caller, u"x"_s, {{u"a"_s, 1}});
    QVERIFY(!write);
    QCOMPARE(write.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(write.error().message.contains(u"Batch tokens have no cubbyhole"_s),
             qPrintable(write.error().message));
    QCOMPARE(engine().cubbyhole().read(batch->caller, u"x"_s).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(engine().cubbyhole().list(batch->caller, {}).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(engine().cubbyhole().remove(batch->caller, u"x"_s).error().code,
             ErrorCode::InvalidArgument);
}

void TestCubbyhole::storeOwnerHasNoCubbyhole()
{
    auto write = engine().cubbyhole().write(TempEngine::owner(), u"x"_s, {{u"a"_s, 1}});
    QVERIFY(!write);
    QCOMPARE(write.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(write.error().message.contains(u"store owner"_s), qPrintable(write.error().message));
}

void TestCubbyhole::writeReplacesAndDeleteIsIdempotent()
{
    auto alice = actor();
    QVERIFY(alice);
    QVERIFY(engine().cubbyhole().write(alice->caller, u"a"_s, {{u"v"_s, 1}}).ok());
    QVERIFY(engine().cubbyhole().write(alice->caller, u"a"_s, {{u"w"_s, 2}}).ok());
    QCOMPARE(engine().cubbyhole().read(alice->caller, u"a"_s).valueOr({}),
             (QJsonObject{{u"w"_s, 2}}));
    QVERIFY(engine().cubbyhole().remove(alice->caller, u"a"_s).ok());
    QCOMPARE(engine().cubbyhole().read(alice->caller, u"a"_s).error().code, ErrorCode::NotFound);
    QVERIFY(engine().cubbyhole().remove(alice->caller, u"a"_s).ok());
}

void TestCubbyhole::listShowsDirectChildrenWithFoldersEndingInSlash()
{
    auto alice = actor();
    QVERIFY(alice);
    for (const QString& path : {u"a"_s, u"b/c"_s, u"b/d/e"_s, u"bb"_s, u"b%/x"_s})
        QVERIFY2(engine().cubbyhole().write(alice->caller, path, {{u"v"_s, path}}).ok(),
                 qPrintable(path));

    QCOMPARE(engine().cubbyhole().list(alice->caller, QString()).valueOr({}),
             (QStringList{u"a"_s, u"b%/"_s, u"b/"_s, u"bb"_s}));
    QCOMPARE(engine().cubbyhole().list(alice->caller, u"b"_s).valueOr({}),
             (QStringList{u"c"_s, u"d/"_s}));
    QCOMPARE(engine().cubbyhole().list(alice->caller, u"b/"_s).valueOr({}),
             (QStringList{u"c"_s, u"d/"_s}));
    QCOMPARE(engine().cubbyhole().list(alice->caller, u"b/d/"_s).valueOr({}), QStringList{u"e"_s});
    QCOMPARE(engine().cubbyhole().list(alice->caller, u"none/"_s).valueOr({u"?"_s}), QStringList{});
}

void TestCubbyhole::badPathsAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("empty") << QString();
    QTest::newRow("leading slash") << u"/a"_s;
    QTest::newRow("trailing slash") << u"a/"_s;
    QTest::newRow("empty segment") << u"a//b"_s;
    QTest::newRow("dot") << u"a/./b"_s;
    QTest::newRow("dot dot") << u"../a"_s;
    QTest::newRow("control character") << u"a\nb"_s;
    QTest::newRow("too long") << QString(Cubbyhole::kMaxPathLength + 1, u'x');
}

void TestCubbyhole::badPathsAreRefused()
{
    QFETCH(QString, path);
    auto alice = actor();
    QVERIFY(alice);
    auto write = engine().cubbyhole().write(alice->caller, path, {{u"v"_s, 1}});
    QVERIFY2(!write, "a bad path was written");
    QCOMPARE(write.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(engine().cubbyhole().read(alice->caller, path).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(rowsOf(alice->info.id), 0);
}

void TestCubbyhole::oversizedValueIsRefused()
{
    auto alice = actor();
    QVERIFY(alice);
    const QJsonObject big{{u"blob"_s, QString(Cubbyhole::kMaxValueBytes, u'x')}};
    auto write = engine().cubbyhole().write(alice->caller, u"big"_s, big);
    QVERIFY(!write);
    QCOMPARE(write.error().code, ErrorCode::InvalidArgument);
    auto empty = engine().cubbyhole().write(alice->caller, u"empty"_s, {});
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(rowsOf(alice->info.id), 0);
}

void TestCubbyhole::fullCubbyholeRefusesNewEntriesButReplacesOld()
{
    auto alice = actor();
    QVERIFY(alice);
    {
        // All but one entry directly: a thousand engine writes would make this test slow.
        auto lease = m_temp->store().acquire();
        QVERIFY(lease);
        store::Transaction tx(lease->db());
        QVERIFY(tx.begun().ok());
        for (int i = 0; i < Cubbyhole::kMaxEntries - 1; ++i) {
            auto insert = lease->db().query(
                "INSERT INTO cubbyhole(token_id, path, value) VALUES(?, ?, '{\"v\":1}')");
            QVERIFY(insert);
            insert->bind(1, alice->info.id).bind(2, u"k%1"_s.arg(i));
            QVERIFY(insert->run().ok());
        }
        QVERIFY(tx.commit().ok());
    }
    QVERIFY(engine().cubbyhole().write(alice->caller, u"last"_s, {{u"v"_s, 2}}).ok());
    auto full = engine().cubbyhole().write(alice->caller, u"one more"_s, {{u"v"_s, 3}});
    QVERIFY2(!full, "the cubbyhole took more than its limit");
    QCOMPARE(full.error().code, ErrorCode::InvalidArgument);
    QVERIFY(engine().cubbyhole().write(alice->caller, u"k0"_s, {{u"v"_s, 4}}).ok());
    QCOMPARE(rowsOf(alice->info.id), Cubbyhole::kMaxEntries);
}

void TestCubbyhole::cubbyholeNeedsCubbyholePolicy()
{
    QVERIFY(engine()
                .admin()
                .putPolicy(TempEngine::owner(), u"ebooks"_s,
                           u"path \"ebooks/*\" { capabilities = [\"read\"] }"_s)
                .ok());
    TokenRequest request;
    request.policies = {u"ebooks"_s};
    request.noDefaultPolicy = true;
    auto reader = actor(request);
    QVERIFY2(reader, qPrintable(errorText(reader)));
    auto write = engine().cubbyhole().write(reader->caller, u"x"_s, {{u"v"_s, 1}});
    QVERIFY(!write);
    QCOMPARE(write.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(engine().cubbyhole().list(reader->caller, {}).error().code,
             ErrorCode::PermissionDenied);
}

void TestCubbyhole::writesAreAudited()
{
    auto alice = actor();
    QVERIFY(alice);
    const QString secret = u"s3cret-value"_s;
    QVERIFY(engine().cubbyhole().write(alice->caller, u"note"_s, {{u"v"_s, secret}}).ok());
    QVERIFY(engine().cubbyhole().remove(alice->caller, u"note"_s).ok());
    audit::AuditFilter filter;
    filter.operations = {u"cubbyhole.write"_s, u"cubbyhole.delete"_s};
    const auto trail = engine().admin().auditRecords(filter).valueOr({});
    QCOMPARE(trail.size(), 2);
    for (const audit::AuditRecord& record : trail) {
        QCOMPARE(record.targets, QStringList{alice->info.accessor});
        QCOMPARE(record.details.value(u"path").toString(), u"note"_s);
        QVERIFY(!record.canonicalForm().contains(secret.toUtf8()));
    }
}

QTEST_GUILESS_MAIN(TestCubbyhole)
#include "tst_cubbyhole.moc"
