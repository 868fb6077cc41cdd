// The audit view's table: newest first in pages, narrowed in SQL, new records
// on top without a reset.
#include "engine/TokenEngine.h"
#include "items/AuditModel.h"
#include "items/StoreWatcher.h"
#include "support/TempEngine.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::items::AuditModel;
using tessera::items::StoreWatcher;
using tessera::test::TempEngine;

namespace {

constexpr auto kTester = QAbstractItemModelTester::FailureReportingMode::QtTest;
constexpr int kWithinASecond = 1000;

QString createOrphan(TempEngine& temp)
{
    TokenRequest request;
    request.orphan = true;
    request.ttl = 3600;
    auto created = temp->tokens().createToken(TempEngine::owner(), request);
    return created ? created->info.accessor : QString();
}

void fetchAll(AuditModel& model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

QString operationAt(const AuditModel& model, int row)
{
    return model.data(model.index(row, AuditModel::OperationColumn)).toString();
}

// A store with one orphan's record, and the model with every page loaded.
struct OneRecordLoaded
{
    TempEngine temp;
    std::unique_ptr<AuditModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;

    bool setUp()
    {
        if (!temp.isValid() || createOrphan(temp).isEmpty())
            return false;
        model = std::make_unique<AuditModel>(temp.engine());
        tester = std::make_unique<QAbstractItemModelTester>(model.get(), kTester);
        fetchAll(*model);
        return true;
    }
};

} // namespace

class AuditModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestRecordsComeFirstInPages();
    void filterByOperationNarrowsInSql();
    void timeRangeAndActorNarrowToo();
    void newRecordsGoOnTopWhenFetched();
    void appendedRecordsAppearOnTopWithinASecond();
    void appendedRecordsOutsideTheFilterStayOut();
    void ownersRecordsNameTheDesk();
};

void AuditModelTest::newestRecordsComeFirstInPages()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    for (int i = 0; i < 12; ++i)
        QVERIFY(!createOrphan(temp).isEmpty());
    AuditModel model(temp.engine());
    model.setPageSize(5);
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model);
    QVERIFY(model.rowCount() >= 12);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 sequence = model.index(row, 0).data(AuditModel::SequenceRole).toLongLong();
        QVERIFY(sequence < previous);
        previous = sequence;
    }
    QCOMPARE(previous, 1);
    QCOMPARE(operationAt(model, 0), u"token.create"_s);
    QVERIFY(!model.data(model.index(0, AuditModel::TimeColumn)).toString().isEmpty());
}

void AuditModelTest::filterByOperationNarrowsInSql()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    QStringList revoked;
    for (int i = 0; i < 6; ++i) {
        const QString accessor = createOrphan(temp);
        if (i % 2 == 0) {
            QVERIFY(temp->tokens().revoke(TempEngine::owner(), TokenRef::accessor(accessor)));
            revoked.prepend(accessor);
        }
    }
    AuditModel model(temp.engine());
    model.setPageSize(2);
    QAbstractItemModelTester tester(&model, kTester);
    audit::AuditFilter filter;
    filter.operations = {u"token.revoke"_s};
    model.setFilter(filter);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(operationAt(model, row), u"token.revoke"_s);
        QCOMPARE(model.data(model.index(row, AuditModel::TargetsColumn)).toString(),
                 revoked.at(row));
    }
}

void AuditModelTest::timeRangeAndActorNarrowToo()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    createOrphan(temp);
    temp.clock().advanceSeconds(3600);
    const qint64 from = temp.clock().nowMs();
    createOrphan(temp);
    createOrphan(temp);
    AuditModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    audit::AuditFilter filter;
    filter.fromMs = from;
    model.setFilter(filter);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 2);
    filter.actor = u"no-such-actor"_s;
    model.setFilter(filter);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 0);
}

void AuditModelTest::newRecordsGoOnTopWhenFetched()
{
    OneRecordLoaded loaded;
    QVERIFY2(loaded.setUp(), qPrintable(loaded.temp.errorMessage()));
    TempEngine& temp = loaded.temp;
    AuditModel& model = *loaded.model;
    const int before = model.rowCount();
    const QPersistentModelIndex oldest = model.index(before - 1, 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QString accessor = createOrphan(temp);
    QVERIFY(temp->tokens().revoke(TempEngine::owner(), TokenRef::accessor(accessor)));
    model.fetchNewRecords();
    QCOMPARE(model.rowCount(), before + 2);
    QCOMPARE(operationAt(model, 0), u"token.revoke"_s);
    QCOMPARE(operationAt(model, 1), u"token.create"_s);
    QCOMPARE(oldest.row(), before + 1);
    QCOMPARE(reset.size(), 0);
    model.fetchNewRecords(); // nothing new: nothing changes
    QCOMPARE(model.rowCount(), before + 2);
}

void AuditModelTest::appendedRecordsAppearOnTopWithinASecond()
{
    OneRecordLoaded loaded;
    QVERIFY2(loaded.setUp(), qPrintable(loaded.temp.errorMessage()));
    TempEngine& temp = loaded.temp;
    AuditModel& model = *loaded.model;
    StoreWatcher watcher(temp.engine());
    connect(&watcher, &StoreWatcher::auditAppended, &model, &AuditModel::fetchNewRecords);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int before = model.rowCount();
    const QPersistentModelIndex oldest = model.index(before - 1, 0);

    const QString accessor = createOrphan(temp);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), before + 1, kWithinASecond);
    QCOMPARE(operationAt(model, 0), u"token.create"_s);
    QCOMPARE(model.data(model.index(0, AuditModel::TargetsColumn)).toString(), accessor);
    QCOMPARE(oldest.row(), before);
    QCOMPARE(reset.size(), 0);
}

void AuditModelTest::appendedRecordsOutsideTheFilterStayOut()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString first = createOrphan(temp);
    QVERIFY(temp->tokens().revoke(TempEngine::owner(), TokenRef::accessor(first)));
    AuditModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    audit::AuditFilter filter;
    filter.operations = {u"token.revoke"_s};
    model.setFilter(filter);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 1);
    StoreWatcher watcher(temp.engine());
    connect(&watcher, &StoreWatcher::auditAppended, &model, &AuditModel::fetchNewRecords);

    // Its creation (outside the filter) is appended before its revocation.
    const QString second = createOrphan(temp);
    QVERIFY(temp->tokens().revoke(TempEngine::owner(), TokenRef::accessor(second)));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, kWithinASecond);
    QCOMPARE(model.data(model.index(0, AuditModel::TargetsColumn)).toString(), second);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(operationAt(model, row), u"token.revoke"_s);

    // Only records outside the filter: nothing shows.
    QSignalSpy appended(&watcher, &StoreWatcher::auditAppended);
    createOrphan(temp);
    QVERIFY(appended.wait(kWithinASecond));
    QCOMPARE(model.rowCount(), 2);
}

void AuditModelTest::ownersRecordsNameTheDesk()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    TokenRequest request;
    request.ttl = 3600;
    QVERIFY(temp->tokens().createToken(Caller::storeOwner(u"cli:jdoe@desk-3"_s), request).ok());
    AuditModel model(temp.engine());
    QAbstractItemModelTester tester(&model, kTester);
    fetchAll(model);
    QVERIFY(model.rowCount() > 0);
    QCOMPARE(operationAt(model, 0), u"token.create"_s);
    QCOMPARE(model.data(model.index(0, AuditModel::ActorColumn)).toString(),
             u"store owner (jdoe@desk-3)"_s);
    QCOMPARE(model.data(model.index(0, AuditModel::ClientColumn)).toString(), u"cli:jdoe@desk-3"_s);
}

QTEST_GUILESS_MAIN(AuditModelTest)
#include "tst_auditmodel.moc"
