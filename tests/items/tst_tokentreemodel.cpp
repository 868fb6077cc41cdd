// The token tree as the console's view sees it: lazy pages, SQL sorting and
// filtering, reveal, and live changes without resets.
#include "engine/TokenEngine.h"
#include "items/TokenText.h"
#include "items/TokenTreeModel.h"
#include "support/TempEngine.h"
#include "support/TokenTrees.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::items::TokenText;
using tessera::items::TokenTreeModel;
using tessera::test::TempEngine;

namespace {

constexpr auto kTester = QAbstractItemModelTester::FailureReportingMode::QtTest;

QString accessorAt(const TokenTreeModel& model, int row, const QModelIndex& parent = {})
{
    return model.data(model.index(row, 0, parent), TokenTreeModel::AccessorRole).toString();
}

// Creates `count` children of `parent` with the given TTLs (cycled) and names.
QStringList createChildren(TempEngine& temp, const QString& parent, int count,
                           const QList<qint64>& ttls = {3600})
{
    QList<TokenRequest> requests;
    for (int i = 0; i < count; ++i) {
        TokenRequest request;
        request.parentAccessor = parent;
        request.orphan = parent.isEmpty();
        request.ttl = ttls.at(i % ttls.size());
        request.displayName = u"child-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        request.meta.insert(u"patron"_s, u"P%1"_s.arg(i));
        requests.append(request);
    }
    auto created = temp->tokens().createTokens(TempEngine::owner(), requests);
    if (!created)
        return {};
    QStringList accessors;
    for (const CreatedToken& token : std::as_const(*created))
        accessors.append(token.info.accessor);
    return accessors;
}

QString createOne(TempEngine& temp, const QString& parent, qint64 ttl = 3600,
                  const QString& name = {})
{
    TokenRequest request;
    request.parentAccessor = parent;
    request.orphan = parent.isEmpty();
    request.ttl = ttl;
    request.displayName = name;
    auto created = temp->tokens().createToken(TempEngine::owner(), request);
    return created ? created->info.accessor : QString();
}

void fetchAll(TokenTreeModel& model, const QModelIndex& parent)
{
    while (model.canFetchMore(parent))
        model.fetchMore(parent);
}

} // namespace

class TokenTreeModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelPassesTheTesterWhenEverythingFitsOnePage();
    void modelPassesTheTesterWhileFetchingPages();
    void topLevelHoldsRootsAndOrphans();
    void childrenArriveInPagesOfTheChosenSize();
    void createdTokenAppearsUnderItsLoadedParentInSortOrder();
    void createdTokenPastTheLoadedPagesWaitsForItsPage();
    void firstChildOfALeafIsInsertedSoViewsDrawItsExpander();
    void childOfAnUnexpandedParentWaitsForItsFirstPage();
    void revokingSubtreeRemovesItsRows();
    void revokeOrphanMovesTheChildrenToTheTopLevel();
    void useAndRenewChangeTheRowInPlace();
    void sortingByTtlIsDoneInSqlAcrossPages();
    void sortingKeepsExpandedRowsExpanded();
    void revealLoadsThePathToADeepToken();
    void filterShowsMatchesFromAnywhere();
    void revokingABranchRemovesTheSearchResultsBelowIt();
    void countdownTicksOnlyTheTtlColumn();
    void expiringSoonRowsStandOut();
    void expiryRemovesRows();
    void issuerAndMetadataHaveColumnsOfTheirOwn();
    void everyCellHasItsFullTextAsTooltip();
    void passShowsNotYetUsedUntilItsFirstUse();
};

void TokenTreeModelTest::modelPassesTheTesterWhenEverythingFitsOnePage()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 20);
    createChildren(temp, children.first(), 5);
    TokenTreeModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model, {});
    fetchAll(model, model.index(0, 0));
    QCOMPARE(model.rowCount(model.index(0, 0)), 20);
    // Live changes under the tester's eyes.
    createOne(temp, desk);
    QVERIFY(temp->tokens().revoke(TempEngine::owner(), TokenRef::accessor(children.at(3))));
    QCOMPARE(model.rowCount(model.index(0, 0)), 20);
}

void TokenTreeModelTest::modelPassesTheTesterWhileFetchingPages()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 23);
    createChildren(temp, children.at(1), 7);
    TokenTreeModel model(temp.engine());
    model.setPageSize(5);
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    QVERIFY(model.canFetchMore(deskIndex));
    fetchAll(model, deskIndex);
    QCOMPARE(model.rowCount(deskIndex), 23);
    model.sort(TokenTreeModel::NameColumn, Qt::DescendingOrder);
    QVERIFY(temp->tokens().revokeOrphan(TempEngine::owner(), TokenRef::accessor(children.at(1))));
    QCOMPARE(model.rowCount(deskIndex), 22);
}

void TokenTreeModelTest::topLevelHoldsRootsAndOrphans()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    auto root = temp->tokens().createRootToken(TempEngine::owner());
    QVERIFY(root);
    const QString orphan = createOne(temp, {});
    createOne(temp, orphan);
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(accessorAt(model, 0), root->info.accessor);
    QCOMPARE(accessorAt(model, 1), orphan);
    QVERIFY(!model.hasChildren(model.index(0, 0)));
    QVERIFY(model.hasChildren(model.index(1, 0)));
    QCOMPARE(model.data(model.index(0, TokenTreeModel::TypeColumn)).toString(), u"root"_s);
}

void TokenTreeModelTest::childrenArriveInPagesOfTheChosenSize()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 12);
    TokenTreeModel model(temp.engine());
    model.setPageSize(5);
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    QCOMPARE(model.rowCount(deskIndex), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore(deskIndex);
    model.fetchMore(deskIndex);
    QCOMPARE(model.rowCount(deskIndex), 10);
    QVERIFY(model.canFetchMore(deskIndex));
    model.fetchMore(deskIndex);
    QCOMPARE(model.rowCount(deskIndex), 12);
    QVERIFY(!model.canFetchMore(deskIndex));
    QCOMPARE(inserted.size(), 3);
    for (int row = 0; row < 12; ++row)
        QCOMPARE(accessorAt(model, row, deskIndex), children.at(row));
}

void TokenTreeModelTest::createdTokenAppearsUnderItsLoadedParentInSortOrder()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    createChildren(temp, desk, 10); // child-0000 ... child-0009
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    fetchAll(model, deskIndex);
    model.sort(TokenTreeModel::NameColumn, Qt::AscendingOrder);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QString added = createOne(temp, desk, 3600, u"child-0004b"_s);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(deskIndex), 11);
    QCOMPARE(accessorAt(model, 5, deskIndex), added);
}

void TokenTreeModelTest::createdTokenPastTheLoadedPagesWaitsForItsPage()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    createChildren(temp, desk, 10);
    TokenTreeModel model(temp.engine());
    model.setPageSize(4);
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    model.fetchMore(deskIndex);
    const QString added = createOne(temp, desk); // newest: sorts last
    QCOMPARE(model.rowCount(deskIndex), 4);
    fetchAll(model, deskIndex);
    QCOMPARE(model.rowCount(deskIndex), 11);
    QCOMPARE(accessorAt(model, 10, deskIndex), added);
}

void TokenTreeModelTest::firstChildOfALeafIsInsertedSoViewsDrawItsExpander()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    // As a view asks when it lays the row out. (The tester would fetch the
    // desk's empty page first, so it comes in at the end.)
    QVERIFY(!model.hasChildren(deskIndex));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QString added = createOne(temp, desk);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), QModelIndex(deskIndex));
    QVERIFY(model.hasChildren(deskIndex));
    QCOMPARE(model.rowCount(deskIndex), 1);
    QCOMPARE(accessorAt(model, 0, deskIndex), added);
    QVERIFY(!model.canFetchMore(deskIndex));
    const QString second = createOne(temp, desk);
    QCOMPARE(model.rowCount(deskIndex), 2);
    QVERIFY(model.indexOfAccessor(second).isValid());
    QAbstractItemModelTester tester(&model, kTester);
}

void TokenTreeModelTest::childOfAnUnexpandedParentWaitsForItsFirstPage()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QString shelf = createOne(temp, desk);
    createOne(temp, shelf);
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    fetchAll(model, deskIndex);
    const QModelIndex shelfIndex = model.index(0, 0, deskIndex);
    QVERIFY(model.hasChildren(shelfIndex));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QString added = createOne(temp, shelf);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(shelfIndex), 0);
    fetchAll(model, shelfIndex);
    QCOMPARE(model.rowCount(shelfIndex), 2);
    QVERIFY(model.indexOfAccessor(added).isValid());
    QAbstractItemModelTester tester(&model, kTester);
}

void TokenTreeModelTest::revokingSubtreeRemovesItsRows()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 10);
    const QStringList grandchildren = createChildren(temp, children.at(4), 6);
    TokenTreeModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    fetchAll(model, deskIndex);
    fetchAll(model, model.index(4, 0, deskIndex));
    const QPersistentModelIndex kept = model.index(7, 0, deskIndex);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(temp->tokens().revoke(TempEngine::owner(), TokenRef::accessor(children.at(4))));
    // The subtree goes with its root: one removal, no reset.
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 4);
    QCOMPARE(model.rowCount(deskIndex), 9);
    QVERIFY(!model.indexOfAccessor(grandchildren.first()).isValid());
    QVERIFY(kept.isValid());
    QCOMPARE(kept.row(), 6);
    QCOMPARE(kept.data(TokenTreeModel::AccessorRole).toString(), children.at(7));
}

void TokenTreeModelTest::revokeOrphanMovesTheChildrenToTheTopLevel()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 3);
    TokenTreeModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model, {});
    fetchAll(model, model.index(0, 0));
    QVERIFY(temp->tokens().revokeOrphan(TempEngine::owner(), TokenRef::accessor(desk)));
    QCOMPARE(model.rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(accessorAt(model, row), children.at(row));
}

void TokenTreeModelTest::useAndRenewChangeTheRowInPlace()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    TokenRequest request;
    request.orphan = true;
    request.ttl = 600;
    request.numUses = 3;
    auto created = temp->tokens().createToken(TempEngine::owner(), request);
    QVERIFY(created);
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    QCOMPARE(model.data(model.index(0, TokenTreeModel::UsesLeftColumn)).toString(), u"3"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto caller = temp->tokens().authenticate(created->token, u"test"_s);
    QVERIFY(caller);
    QCOMPARE(model.data(model.index(0, TokenTreeModel::UsesLeftColumn)).toString(), u"2"_s);
    QVERIFY(!changed.isEmpty());
    temp.clock().advanceSeconds(300);
    QVERIFY(
        temp->tokens().renew(TempEngine::owner(), TokenRef::accessor(created->info.accessor), 600));
    QCOMPARE(model.data(model.index(0, 0), TokenTreeModel::TtlSecondsRole).toLongLong(), 600);
    QCOMPARE(model.rowCount(), 1);
}

void TokenTreeModelTest::sortingByTtlIsDoneInSqlAcrossPages()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    // TTLs that are not in creation order: 5000, 1000, 3000, 2000, 4000, ...
    createChildren(temp, desk, 25, {5000, 1000, 3000, 2000, 4000});
    TokenTreeModel model(temp.engine());
    model.setPageSize(4);
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    model.fetchMore(deskIndex);
    model.sort(TokenTreeModel::TtlColumn, Qt::AscendingOrder);
    fetchAll(model, deskIndex);
    QCOMPARE(model.rowCount(deskIndex), 25);
    qint64 previous = -1;
    for (int row = 0; row < 25; ++row) {
        const qint64 ttl =
            model.data(model.index(row, 0, deskIndex), TokenTreeModel::TtlSecondsRole).toLongLong();
        QVERIFY2(ttl >= previous, qPrintable(u"row %1"_s.arg(row)));
        previous = ttl;
    }
    QCOMPARE(previous, 5000);
    model.sort(TokenTreeModel::TtlColumn, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, 0, deskIndex), TokenTreeModel::TtlSecondsRole).toLongLong(),
             5000);
}

void TokenTreeModelTest::sortingKeepsExpandedRowsExpanded()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 6, {100, 600, 300, 200, 400, 500});
    createChildren(temp, children.at(1), 2);
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    const QModelIndex deskIndex = model.index(0, 0);
    fetchAll(model, deskIndex);
    fetchAll(model, model.index(1, 0, deskIndex));
    const QPersistentModelIndex expanded = model.index(1, 0, deskIndex);
    const QPersistentModelIndex grandchild = model.index(0, 0, expanded);
    model.sort(TokenTreeModel::TtlColumn, Qt::DescendingOrder);
    QVERIFY(expanded.isValid());
    QCOMPARE(expanded.data(TokenTreeModel::AccessorRole).toString(), children.at(1));
    QCOMPARE(expanded.row(), 0); // TTL 600 first
    QVERIFY(grandchild.isValid());
    QCOMPARE(model.rowCount(expanded), 2);
}

void TokenTreeModelTest::revealLoadsThePathToADeepToken()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 30);
    const QStringList grandchildren = createChildren(temp, children.last(), 30);
    const QString deep = createOne(temp, grandchildren.last(), 3600, u"deep"_s);
    TokenTreeModel model(temp.engine());
    model.setPageSize(4);
    QAbstractItemModelTester tester(&model, kTester);
    const QModelIndex found = model.revealAccessor(deep);
    QVERIFY(found.isValid());
    QCOMPARE(found.data(TokenTreeModel::AccessorRole).toString(), deep);
    QCOMPARE(found.parent().data(TokenTreeModel::AccessorRole).toString(), grandchildren.last());
    QCOMPARE(found.parent().parent().parent().data(TokenTreeModel::AccessorRole).toString(), desk);
    QVERIFY(!model.revealAccessor(u"no-such-accessor"_s).isValid());
}

void TokenTreeModelTest::filterShowsMatchesFromAnywhere()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 10);
    const QStringList grandchildren = createChildren(temp, children.at(2), 10);
    TokenTreeModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    model.setFilterText(u"P7"_s); // metadata value: children[7] and grandchildren[7]
    fetchAll(model, {});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(accessorAt(model, 0), children.at(7));
    QCOMPARE(accessorAt(model, 1), grandchildren.at(7));
    model.setFilterText(grandchildren.at(3).left(10)); // accessor prefix
    fetchAll(model, {});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(accessorAt(model, 0), grandchildren.at(3));
    model.setFilterText({});
    fetchAll(model, {});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(accessorAt(model, 0), desk);
}

void TokenTreeModelTest::revokingABranchRemovesTheSearchResultsBelowIt()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {});
    const QStringList children = createChildren(temp, desk, 10);
    const QStringList grandchildren = createChildren(temp, children.at(2), 10);
    TokenTreeModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    model.setFilterText(u"P7"_s); // children[7] and grandchildren[7], both at the top
    fetchAll(model, {});
    QCOMPARE(model.rowCount(), 2);
    // The signal names only the revoked top (children[2]), which is not shown;
    // its grandchild among the results must go all the same.
    QVERIFY(temp->tokens().revoke(TempEngine::owner(), TokenRef::accessor(children.at(2))));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(accessorAt(model, 0), children.at(7));
}

void TokenTreeModelTest::countdownTicksOnlyTheTtlColumn()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString desk = createOne(temp, {}, 7200);
    createChildren(temp, desk, 3);
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    fetchAll(model, model.index(0, 0));
    QCOMPARE(model.data(model.index(0, TokenTreeModel::TtlColumn)).toString(), u"02:00:00"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    temp.clock().advanceSeconds(1);
    model.tickCountdown();
    QCOMPARE(changed.size(), 2); // the top level and the desk's children
    for (const auto& arguments : std::as_const(changed)) {
        QCOMPARE(arguments.at(0).toModelIndex().column(), int(TokenTreeModel::TtlColumn));
        QCOMPARE(arguments.at(1).toModelIndex().column(), int(TokenTreeModel::TtlColumn));
    }
    QCOMPARE(model.data(model.index(0, TokenTreeModel::TtlColumn)).toString(), u"01:59:59"_s);
}

void TokenTreeModelTest::expiringSoonRowsStandOut()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    createOne(temp, {}, 600);
    createOne(temp, {}, 86400 * 3);
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    QVERIFY(model.data(model.index(0, 0), TokenTreeModel::ExpiringSoonRole).toBool());
    QVERIFY(!model.data(model.index(1, 0), TokenTreeModel::ExpiringSoonRole).toBool());
    QVERIFY(model.data(model.index(0, TokenTreeModel::TtlColumn), Qt::ForegroundRole).isValid());
    QVERIFY(!model.data(model.index(1, TokenTreeModel::TtlColumn), Qt::ForegroundRole).isValid());
    QCOMPARE(model.data(model.index(1, TokenTreeModel::TtlColumn)).toString(), u"3d 00:00:00"_s);
}

void TokenTreeModelTest::expiryRemovesRows()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString shortLived = createOne(temp, {}, 60);
    createOne(temp, {}, 3600);
    TokenTreeModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model, {});
    QCOMPARE(model.rowCount(), 2);
    temp.clock().advanceSeconds(61);
    auto swept = temp->tokens().sweepExpired();
    QVERIFY(swept);
    QCOMPARE(swept->size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.indexOfAccessor(shortLived).isValid());
}

namespace {

// A top-level token named "Patron 7" with two metadata entries; its accessor.
QString createPatron(TempEngine& temp)
{
    TokenRequest request;
    request.orphan = true;
    request.ttl = 3600;
    request.displayName = u"Patron 7"_s;
    request.policies = {u"reading-room"_s};
    request.meta.insert(u"card"_s, u"99"_s);
    request.meta.insert(u"patron"_s, u"P7"_s);
    auto created = temp->tokens().createToken(TempEngine::owner(), request);
    return created ? created->info.accessor : QString();
}

} // namespace

void TokenTreeModelTest::issuerAndMetadataHaveColumnsOfTheirOwn()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    QVERIFY(!createPatron(temp).isEmpty());
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    QCOMPARE(model.rowCount(), 1);
    const auto token = model.data(model.index(0, 0), TokenTreeModel::TokenRole).value<Token>();
    QVERIFY(!token.issuedBy.isEmpty());
    QCOMPARE(model.data(model.index(0, TokenTreeModel::IssuedByColumn)).toString(), token.issuedBy);
    QCOMPARE(model.headerData(TokenTreeModel::MetadataColumn, Qt::Horizontal).toString(),
             u"Metadata"_s);
    QCOMPARE(model.data(model.index(0, TokenTreeModel::MetadataColumn)).toString(),
             u"card=99, patron=P7"_s);
}

void TokenTreeModelTest::everyCellHasItsFullTextAsTooltip()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString accessor = createPatron(temp);
    TokenTreeModel model(temp.engine());
    fetchAll(model, {});
    const auto tip = [&](int column) {
        return model.data(model.index(0, column), Qt::ToolTipRole).toString();
    };
    QVERIFY2(tip(TokenTreeModel::NameColumn).contains(u"Patron 7"_s),
             qPrintable(tip(TokenTreeModel::NameColumn)));
    QVERIFY2(tip(TokenTreeModel::NameColumn).contains(accessor),
             qPrintable(tip(TokenTreeModel::NameColumn)));
    QVERIFY2(tip(TokenTreeModel::PoliciesColumn).contains(u"reading-room"_s),
             qPrintable(tip(TokenTreeModel::PoliciesColumn)));
    QCOMPARE(tip(TokenTreeModel::MetadataColumn), u"card: 99\npatron: P7"_s);
    for (int column : {TokenTreeModel::TypeColumn, TokenTreeModel::UsesLeftColumn,
                       TokenTreeModel::ExpiresColumn, TokenTreeModel::IssuedByColumn})
        QCOMPARE(tip(column), model.data(model.index(0, column)).toString());
}

void TokenTreeModelTest::passShowsNotYetUsedUntilItsFirstUse()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    TokenRequest request;
    request.ttl = 3600;
    request.policies = {u"default"_s};
    request.activateWithin = 7 * 86'400;
    auto created = temp->tokens().createToken(TempEngine::owner(), request);
    QVERIFY(created);
    TokenTreeModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model, {});
    QCOMPARE(model.rowCount(), 1);
    const auto cell = [&](int column) { return model.data(model.index(0, column)).toString(); };
    QCOMPARE(model.headerData(TokenTreeModel::LastUsedColumn, Qt::Horizontal).toString(),
             u"Last used"_s);
    QCOMPARE(cell(TokenTreeModel::TtlColumn), u"not yet used"_s);
    QCOMPARE(cell(TokenTreeModel::LastUsedColumn), u"never"_s);

    QVERIFY(temp->tokens().authenticate(created->token, u"api:192.0.2.9"_s));
    QCOMPARE(cell(TokenTreeModel::TtlColumn), TokenText::duration(3600));
    QCOMPARE(cell(TokenTreeModel::LastUsedColumn),
             TokenText::localTime(temp.clock().nowMs() / 1000 / 60 * 60));
}

QTEST_GUILESS_MAIN(TokenTreeModelTest)
#include "tst_tokentreemodel.moc"
