// The "Expiring soon" table: what each column shows, and that a new list from
// the engine becomes row removals, inserts, moves and dataChanged, never a
// reset, under QAbstractItemModelTester.
#include "engine/TokenEngine.h"
#include "items/ExpiringTokenModel.h"
#include "items/TokenText.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using engine::ExpiringToken;
using items::ExpiringTokenModel;

namespace {

constexpr qint64 kNow = 1'760'000'000; // 2025-10-09

ExpiringToken expiring(const QString& accessor, qint64 inHours, bool marked, bool staff,
                       const QString& parent = {}, const QString& parentName = {})
{
    ExpiringToken one;
    one.token.accessor = accessor;
    one.token.displayName = u"Token "_s + accessor;
    one.token.expireAt = kNow + inHours * 3600;
    one.token.parentAccessor = parent;
    one.marked = marked;
    one.staff = staff;
    one.parentName = parentName;
    return one;
}

QStringList accessors(const ExpiringTokenModel& model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, ExpiringTokenModel::AccessorColumn).data().toString();
    return shown;
}

} // namespace

class TestExpiringTokenModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnsShowNameAccessorExpiryReasonAndParent();
    void newListChangesOnlyWhatDiffers();
    void renewedTokenMovesToItsNewPlace();
    void showsWhatTheEngineLists();
};

void TestExpiringTokenModel::columnsShowNameAccessorExpiryReasonAndParent()
{
    ExpiringTokenModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTokens({expiring(u"a"_s, 2, true, false), expiring(u"b"_s, 5, false, true, u"a"_s),
                     expiring(u"c"_s, 9, true, true, u"b"_s, u"Circulation desk"_s)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ExpiringTokenModel::ColumnCount));
    QCOMPARE(model.headerData(ExpiringTokenModel::ReasonColumn, Qt::Horizontal).toString(),
             u"Why listed"_s);
    QCOMPARE(model.index(0, ExpiringTokenModel::NameColumn).data().toString(), u"Token a"_s);
    QCOMPARE(accessors(model), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(model.index(0, ExpiringTokenModel::ExpiresColumn).data().toString(),
             items::TokenText::localTime(kNow + 2 * 3600));
    QCOMPARE(model.index(0, ExpiringTokenModel::ReasonColumn).data().toString(), u"marked"_s);
    QCOMPARE(model.index(1, ExpiringTokenModel::ReasonColumn).data().toString(), u"staff"_s);
    QCOMPARE(model.index(2, ExpiringTokenModel::ReasonColumn).data().toString(),
             u"marked, staff"_s);
    QCOMPARE(model.index(0, ExpiringTokenModel::ParentColumn).data().toString(), u"none"_s);
    QCOMPARE(model.index(1, ExpiringTokenModel::ParentColumn).data().toString(), u"a"_s);
    QCOMPARE(model.index(2, ExpiringTokenModel::ParentColumn).data().toString(),
             u"Circulation desk"_s);
    QCOMPARE(model.index(2, ExpiringTokenModel::ParentColumn).data(Qt::ToolTipRole).toString(),
             u"b"_s);
    QCOMPARE(model.index(1, 0).data(ExpiringTokenModel::AccessorRole).toString(), u"b"_s);
    QCOMPARE(model.index(1, 0).data(ExpiringTokenModel::ExpireAtRole).toLongLong(),
             kNow + 5 * 3600);
    QVERIFY(model.index(2, 0).data(ExpiringTokenModel::MarkedRole).toBool());
    QVERIFY(model.index(2, 0).data(ExpiringTokenModel::StaffRole).toBool());
    QCOMPARE(model.expiring(1).token.accessor, u"b"_s);
}

void TestExpiringTokenModel::newListChangesOnlyWhatDiffers()
{
    ExpiringTokenModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTokens({expiring(u"a"_s, 1, true, false), expiring(u"b"_s, 2, true, false),
                     expiring(u"c"_s, 3, false, true)});
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // a expired (gone), d is new, c became marked too.
    model.setTokens({expiring(u"b"_s, 2, true, false), expiring(u"c"_s, 3, true, true),
                     expiring(u"d"_s, 4, true, false)});
    QCOMPARE(accessors(model), (QStringList{u"b"_s, u"c"_s, u"d"_s}));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);

    // The same list again changes nothing.
    model.setTokens({expiring(u"b"_s, 2, true, false), expiring(u"c"_s, 3, true, true),
                     expiring(u"d"_s, 4, true, false)});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    model.setTokens({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.size(), 0);
}

void TestExpiringTokenModel::renewedTokenMovesToItsNewPlace()
{
    ExpiringTokenModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTokens({expiring(u"a"_s, 1, true, false), expiring(u"b"_s, 2, true, false),
                     expiring(u"c"_s, 3, true, false)});
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setTokens({expiring(u"b"_s, 2, true, false), expiring(u"c"_s, 3, true, false),
                     expiring(u"a"_s, 5, true, false)});
    QCOMPARE(accessors(model), (QStringList{u"b"_s, u"c"_s, u"a"_s}));
    QCOMPARE(model.index(2, 0).data(ExpiringTokenModel::ExpireAtRole).toLongLong(),
             kNow + 5 * 3600);
    QVERIFY(moved.size() >= 1);
    QCOMPARE(resets.size(), 0);
}

void TestExpiringTokenModel::showsWhatTheEngineLists()
{
    test::TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    engine::TokenRequest request;
    request.displayName = u"Ada's pass"_s;
    request.ttl = 2 * 24 * 3600;
    request.warnBeforeExpiry = true;
    auto created = temp->tokens().createToken(temp.owner(), request);
    QVERIFY2(created, qPrintable(test::errorText(created)));
    request.warnBeforeExpiry = false;
    QVERIFY(temp->tokens().createToken(temp.owner(), request));

    auto listed = temp->expiryWarnings().expiring(temp.owner(), 7 * 24 * 3600);
    QVERIFY2(listed, qPrintable(test::errorText(listed)));
    ExpiringTokenModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTokens(*listed);
    QCOMPARE(accessors(model), QStringList{created->info.accessor});
    QCOMPARE(model.index(0, ExpiringTokenModel::NameColumn).data().toString(), u"Ada's pass"_s);
}

QTEST_GUILESS_MAIN(TestExpiringTokenModel)
#include "tst_expiringtokenmodel.moc"
