// Changes another process commits to the same store file reach the tree within
// a second, as inserts, removals and dataChanged, never as a reset; changes to
// users (a security key added on the gate) are reported for the views of users.
#include "engine/SecurityKeyService.h"
#include "engine/TokenEngine.h"
#include "engine/User.h"
#include "items/StoreWatcher.h"
#include "items/TokenTreeModel.h"
#include "store/Store.h"
#include "support/SoftAuthenticator.h"
#include "support/TempEngine.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::items::StoreWatcher;
using tessera::items::TokenTreeModel;
using tessera::test::TempEngine;

namespace {

constexpr int kWithinASecond = 1000;

// The console's engine and model, and a second engine on the same file: what
// tessera-cli in a terminal would be (its own connections, its own process's
// view of the file).
struct TwoProcesses
{
    TempEngine console;
    std::unique_ptr<TokenEngine> other;
    std::unique_ptr<TokenTreeModel> model;
    std::unique_ptr<StoreWatcher> watcher;

    bool open()
    {
        if (!console.isValid())
            return false;
        auto store = store::Store::open(console.path(), TempEngine::kPassphrase);
        if (!store)
            return false;
        auto engine = TokenEngine::open(std::move(*store), console.clock());
        if (!engine)
            return false;
        other = std::move(*engine);
        model = std::make_unique<TokenTreeModel>(console.engine());
        watcher = std::make_unique<StoreWatcher>(console.engine());
        QObject::connect(watcher.get(), &StoreWatcher::tokensChanged, model.get(),
                         &TokenTreeModel::applyChanges);
        return true;
    }
    ~TwoProcesses()
    {
        watcher.reset();
        model.reset();
        other.reset();
    }
};

QString create(TokenEngine& engine, const QString& parent, const QString& name = {})
{
    TokenRequest request;
    request.parentAccessor = parent;
    request.orphan = parent.isEmpty();
    request.ttl = 3600;
    request.displayName = name;
    auto created = engine.tokens().createToken(TempEngine::owner(), request);
    return created ? created->info.accessor : QString();
}

QStringList createMany(TokenEngine& engine, const QString& parent, int count)
{
    QList<TokenRequest> requests(count);
    for (TokenRequest& request : requests) {
        request.parentAccessor = parent;
        request.ttl = 3600;
    }
    auto created = engine.tokens().createTokens(TempEngine::owner(), requests);
    QStringList accessors;
    if (created) {
        for (const CreatedToken& token : std::as_const(*created))
            accessors.append(token.info.accessor);
    }
    return accessors;
}

void fetchAll(TokenTreeModel& model, const QModelIndex& parent)
{
    while (model.canFetchMore(parent))
        model.fetchMore(parent);
}

} // namespace

class StoreWatcherTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void externalRevokeDisappearsWithinASecond();
    void externalCreateAppearsUnderItsLoadedParent();
    void externalRenewAndUseUpdateTheRow();
    void externalRevokeOrphanMovesLoadedChildrenToTheTopLevel();
    void oneChangeBesideManyLoadedRowsTouchesOneRow();
    void ownChangesSeenAgainChangeNothing();
    void externalUserChangesAreReported();
};

void StoreWatcherTest::externalRevokeDisappearsWithinASecond()
{
    TwoProcesses p;
    QVERIFY(p.open());
    const QString desk = create(*p.other, {});
    const QStringList children = createMany(*p.other, desk, 10);
    QAbstractItemModelTester tester(p.model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    fetchAll(*p.model, {});
    fetchAll(*p.model, p.model->index(0, 0));
    QCOMPARE(p.model->rowCount(p.model->index(0, 0)), 10);
    QSignalSpy reset(p.model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(p.other->tokens().revoke(TempEngine::owner(), TokenRef::accessor(children.at(3))));
    QTRY_VERIFY_WITH_TIMEOUT(!p.model->indexOfAccessor(children.at(3)).isValid(), kWithinASecond);
    QCOMPARE(p.model->rowCount(p.model->index(0, 0)), 9);
    QVERIFY(p.other->tokens().revoke(TempEngine::owner(), TokenRef::accessor(desk)));
    QTRY_COMPARE_WITH_TIMEOUT(p.model->rowCount(), 0, kWithinASecond);
    QCOMPARE(reset.size(), 0);
}

void StoreWatcherTest::externalCreateAppearsUnderItsLoadedParent()
{
    TwoProcesses p;
    QVERIFY(p.open());
    const QString desk = create(*p.other, {});
    const QString leaf = create(*p.other, desk);
    fetchAll(*p.model, {});
    const QModelIndex deskIndex = p.model->index(0, 0);
    fetchAll(*p.model, deskIndex);
    const QModelIndex leafIndex = p.model->index(0, 0, deskIndex);
    QVERIFY(!p.model->hasChildren(leafIndex));
    const QString added = create(*p.other, desk);
    const QString grandchild = create(*p.other, leaf);
    QTRY_COMPARE_WITH_TIMEOUT(p.model->rowCount(deskIndex), 2, kWithinASecond);
    QCOMPARE(p.model->indexOfAccessor(added).row(), 1);
    // Under a row drawn as a leaf the new child is inserted: a view draws the
    // expander only on rowsInserted.
    QTRY_VERIFY_WITH_TIMEOUT(p.model->indexOfAccessor(grandchild).isValid(), kWithinASecond);
    QVERIFY(p.model->hasChildren(leafIndex));
    QCOMPARE(p.model->rowCount(leafIndex), 1);
    const QString orphan = create(*p.other, {});
    QTRY_VERIFY_WITH_TIMEOUT(p.model->indexOfAccessor(orphan).isValid(), kWithinASecond);
}

void StoreWatcherTest::externalRenewAndUseUpdateTheRow()
{
    TwoProcesses p;
    QVERIFY(p.open());
    TokenRequest request;
    request.orphan = true;
    request.ttl = 600;
    request.numUses = 5;
    auto created = p.other->tokens().createToken(TempEngine::owner(), request);
    QVERIFY(created);
    fetchAll(*p.model, {});
    QTRY_COMPARE_WITH_TIMEOUT(p.model->rowCount(), 1, kWithinASecond);
    const QModelIndex row = p.model->index(0, 0);
    QVERIFY(p.other->tokens().authenticate(created->token, u"api:127.0.0.1"_s));
    QTRY_COMPARE_WITH_TIMEOUT(
        p.model->data(row.siblingAtColumn(TokenTreeModel::UsesLeftColumn)).toString(), u"4"_s,
        kWithinASecond);
    p.console.clock().advanceSeconds(100);
    QVERIFY(p.other->tokens().renew(TempEngine::owner(), TokenRef::accessor(created->info.accessor),
                                    900));
    QTRY_COMPARE_WITH_TIMEOUT(row.data(TokenTreeModel::TtlSecondsRole).toLongLong(), 900,
                              kWithinASecond);
}

void StoreWatcherTest::externalRevokeOrphanMovesLoadedChildrenToTheTopLevel()
{
    TwoProcesses p;
    QVERIFY(p.open());
    const QString desk = create(*p.other, {});
    const QStringList children = createMany(*p.other, desk, 3);
    QAbstractItemModelTester tester(p.model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    fetchAll(*p.model, {});
    fetchAll(*p.model, p.model->index(0, 0));
    QVERIFY(p.other->tokens().revokeOrphan(TempEngine::owner(), TokenRef::accessor(desk)));
    QTRY_COMPARE_WITH_TIMEOUT(p.model->rowCount(), 3, kWithinASecond);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(p.model->index(row, 0).data(TokenTreeModel::AccessorRole).toString(),
                 children.at(row));
    }
}

void StoreWatcherTest::oneChangeBesideManyLoadedRowsTouchesOneRow()
{
    TwoProcesses p;
    QVERIFY(p.open());
    const QString desk = create(*p.other, {});
    const QStringList children = createMany(*p.other, desk, 5000);
    QCOMPARE(children.size(), 5000);
    fetchAll(*p.model, {});
    const QModelIndex deskIndex = p.model->index(0, 0);
    fetchAll(*p.model, deskIndex);
    QCOMPARE(p.model->rowCount(deskIndex), 5000);
    QSignalSpy changed(p.model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy removed(p.model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(p.model.get(), &QAbstractItemModel::rowsInserted);
    p.console.clock().advanceSeconds(10);
    QVERIFY(
        p.other->tokens().renew(TempEngine::owner(), TokenRef::accessor(children.at(4321)), 7200));
    QTRY_VERIFY_WITH_TIMEOUT(
        p.model->index(4321, 0, deskIndex).data(TokenTreeModel::TtlSecondsRole).toLongLong() ==
            7200,
        kWithinASecond);
    // Only the renewed row (and the countdown's TTL column, if it ticked).
    const auto rowChanges = std::count_if(changed.cbegin(), changed.cend(), [](const auto& args) {
        return args.at(0).toModelIndex().column() != TokenTreeModel::TtlColumn;
    });
    QCOMPARE(rowChanges, 1);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(inserted.size(), 0);
}

void StoreWatcherTest::ownChangesSeenAgainChangeNothing()
{
    TwoProcesses p;
    QVERIFY(p.open());
    const QString desk = create(p.console.engine(), {});
    const QStringList children = createMany(p.console.engine(), desk, 4);
    fetchAll(*p.model, {});
    fetchAll(*p.model, p.model->index(0, 0));
    QSignalSpy removed(p.model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(p.model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reported(p.watcher.get(), &StoreWatcher::tokensChanged);
    QVERIFY(p.console->tokens().revoke(TempEngine::owner(), TokenRef::accessor(children.at(1))));
    const QString added = create(p.console.engine(), desk);
    QCOMPARE(removed.size(), 1); // by the engine's signals, at once
    QCOMPARE(inserted.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!reported.isEmpty(), kWithinASecond);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(p.model->rowCount(p.model->index(0, 0)), 4);
}

void StoreWatcherTest::externalUserChangesAreReported()
{
    TwoProcesses p;
    QVERIFY(p.open());
    QSignalSpy users(p.watcher.get(), &StoreWatcher::usersChanged);
    QSignalSpy audit(p.watcher.get(), &StoreWatcher::auditAppended);
    create(*p.other, {}); // tokens only
    QTRY_VERIFY_WITH_TIMEOUT(!audit.isEmpty(), kWithinASecond);
    QCOMPARE(users.size(), 0);

    User alice;
    alice.name = u"alice"_s;
    QVERIFY(p.other->userpass().putUser(TempEngine::owner(), alice, u"correct horse"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(users.size(), 1, kWithinASecond);
    // A key added on the gate's page, served by another process.
    const RelyingParty rp{u"library.example.org"_s, {u"https://library.example.org"_s}};
    test::SoftAuthenticator key(crypto::SignatureAlgorithm::Es256, rp.origins.first());
    QVERIFY(test::registerSoftKey(*p.other, TempEngine::owner(), key, u"alice"_s, u"Blue key"_s, rp)
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(users.size(), 2, kWithinASecond);
}

QTEST_GUILESS_MAIN(StoreWatcherTest)
#include "tst_storewatcher.moc"
