// The second-factor dialog's list of security keys: what each column shows,
// and that a new list becomes row inserts, removals and dataChanged, never a
// reset, under QAbstractItemModelTester.
#include "engine/CoseKey.h"
#include "items/SecurityKeyModel.h"
#include "items/TokenText.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using engine::SecurityKey;
using items::SecurityKeyModel;

namespace {

constexpr qint64 kAdded = 1'760'000'000; // 2025-10-09

SecurityKey key(char id, const QString& label, qint64 algorithm = engine::CoseKey::kEs256)
{
    SecurityKey key;
    key.credentialId = QByteArray(16, id);
    key.user = u"alice"_s;
    key.label = label;
    key.algorithm = algorithm;
    key.createdAt = kAdded + id;
    return key;
}

QStringList names(const SecurityKeyModel& model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, SecurityKeyModel::NameColumn).data().toString();
    return shown;
}

} // namespace

class TestSecurityKeyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnsShowNameTimesAndAlgorithm();
    void newListChangesOnlyWhatDiffers();
    void keysInAnotherOrderEndUpInThatOrder();
};

void TestSecurityKeyModel::columnsShowNameTimesAndAlgorithm()
{
    SecurityKeyModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SecurityKey used = key('b', u"Spare"_s, engine::CoseKey::kEdDsa);
    used.lastUsedAt = kAdded + 3600;
    model.setKeys({key('a', u"Blue key"_s), used});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(SecurityKeyModel::ColumnCount));
    QCOMPARE(model.headerData(SecurityKeyModel::LastUsedColumn, Qt::Horizontal).toString(),
             u"Last used"_s);
    QCOMPARE(names(model), (QStringList{u"Blue key"_s, u"Spare"_s}));
    QCOMPARE(model.index(0, SecurityKeyModel::AddedColumn).data().toString(),
             items::TokenText::localTime(kAdded + 'a'));
    QCOMPARE(model.index(0, SecurityKeyModel::LastUsedColumn).data().toString(), u"never"_s);
    QCOMPARE(model.index(1, SecurityKeyModel::LastUsedColumn).data().toString(),
             items::TokenText::localTime(kAdded + 3600));
    QCOMPARE(model.index(0, SecurityKeyModel::AlgorithmColumn).data().toString(), u"ES256"_s);
    QCOMPARE(model.index(1, SecurityKeyModel::AlgorithmColumn).data().toString(), u"EdDSA"_s);
    QCOMPARE(SecurityKeyModel::algorithmName(-257), u"COSE -257"_s);
    QCOMPARE(model.index(1, 0).data(SecurityKeyModel::KeyIdRole).toString(), used.id());
    QCOMPARE(model.key(1).id(), used.id());
}

void TestSecurityKeyModel::newListChangesOnlyWhatDiffers()
{
    SecurityKeyModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const SecurityKey a = key('a', u"A"_s), b = key('b', u"B"_s), c = key('c', u"C"_s);
    model.setKeys({a, b});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setKeys({a, b}); // the same again: nothing
    QCOMPARE(inserted.size() + removed.size() + changed.size(), 0);

    model.setKeys({a, b, c}); // added on the gate meanwhile
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);

    model.setKeys({a, c}); // b removed
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(names(model), (QStringList{u"A"_s, u"C"_s}));

    SecurityKey usedC = c;
    usedC.lastUsedAt = kAdded + 60;
    usedC.signCount = 7;
    model.setKeys({a, usedC}); // c signed in
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, SecurityKeyModel::LastUsedColumn).data().toString(),
             items::TokenText::localTime(kAdded + 60));

    model.setKeys({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 0);
}

void TestSecurityKeyModel::keysInAnotherOrderEndUpInThatOrder()
{
    SecurityKeyModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const SecurityKey a = key('a', u"A"_s), b = key('b', u"B"_s), c = key('c', u"C"_s);
    model.setKeys({a, b, c});
    model.setKeys({c, a, b});
    QCOMPARE(names(model), (QStringList{u"C"_s, u"A"_s, u"B"_s}));
    model.setKeys({b, c});
    QCOMPARE(names(model), (QStringList{u"B"_s, u"C"_s}));
}

QTEST_GUILESS_MAIN(TestSecurityKeyModel)
#include "tst_securitykeymodel.moc"
