// PatronImportModel: the engine's preview of an import file as a table, one
// row per line in file order, bad lines tinted with their reason, under
// QAbstractItemModelTester.
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "items/PatronImportModel.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace tessera;
using items::PatronImportModel;
using test::TempEngine;

class TestPatronImportModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void goodFileListsEveryPatronAsNewOrUpdate();
    void badLinesShowTheirReasonInFileOrder();
    void unknownRoleLineKeepsItsFields();
    void faultOfTheWholeFileIsARowWithoutALine();
    void clearEmptiesTheTable();

private:
    engine::PatronImportPlan preview(const QByteArray& bytes)
    {
        auto plan = m_temp->engine().patronImport().preview(TempEngine::owner(), bytes);
        if (!plan)
            qFatal("preview failed: %s", qPrintable(plan.error().message));
        return *plan;
    }
    static QString cell(const PatronImportModel& model, int row, int column,
                        int role = Qt::DisplayRole)
    {
        return model.index(row, column).data(role).toString();
    }
    static int status(const PatronImportModel& model, int row)
    {
        return model.index(row, 0).data(PatronImportModel::StatusRole).toInt();
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestPatronImportModel::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(test::installTestPolicies(m_temp->engine()).ok());
    engine::Role adult;
    adult.name = QStringLiteral("adult");
    adult.allowedPolicies = {QStringLiteral("wifi")};
    adult.settings.ttl = 3600;
    QVERIFY(m_temp->engine().admin().putRole(TempEngine::owner(), adult).ok());
}

void TestPatronImportModel::cleanup()
{
    m_temp.reset();
}

void TestPatronImportModel::goodFileListsEveryPatronAsNewOrUpdate()
{
    QVERIFY(m_temp->engine()
                .patronImport()
                .import(TempEngine::owner(), "card_number,name,email,role\nB2,Known,,adult\n")
                .ok());
    PatronImportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray file = "card_number,name,email,role\n"
                            "A1,Ada Lovelace,ada@example.org,adult\n"
                            "B2,Known Patron,,adult\n"
                            "C3,Charles Babbage,,adult\n";
    model.setPlan(preview(file), file);

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(PatronImportModel::ColumnCount));
    QCOMPARE(model.newCount(), 2);
    QCOMPARE(model.updateCount(), 1);
    QCOMPARE(model.badCount(), 0);
    QVERIFY(model.isImportable());
    // File order, whatever the engine's grouping.
    QCOMPARE(cell(model, 0, PatronImportModel::LineColumn), QStringLiteral("2"));
    QCOMPARE(cell(model, 0, PatronImportModel::CardNumberColumn), QStringLiteral("a1"));
    QCOMPARE(cell(model, 0, PatronImportModel::NameColumn), QStringLiteral("Ada Lovelace"));
    QCOMPARE(cell(model, 0, PatronImportModel::EmailColumn), QStringLiteral("ada@example.org"));
    QCOMPARE(cell(model, 0, PatronImportModel::RoleColumn), QStringLiteral("adult"));
    QCOMPARE(status(model, 0), int(PatronImportModel::Status::New));
    QCOMPARE(status(model, 1), int(PatronImportModel::Status::Update));
    QCOMPARE(cell(model, 1, PatronImportModel::StatusColumn), QStringLiteral("Update"));
    QCOMPARE(status(model, 2), int(PatronImportModel::Status::New));
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.headerData(PatronImportModel::StatusColumn, Qt::Horizontal).toString(),
             QStringLiteral("Status"));
}

void TestPatronImportModel::badLinesShowTheirReasonInFileOrder()
{
    PatronImportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray file = "card_number,name,email,role\n"
                            "A1,Ada,ada@example.org,adult\n"
                            "A2,Bad Mail,x@,adult\n"
                            "A3,Fine,,adult\n"
                            "A4,Too,many,fields,here\n";
    model.setPlan(preview(file), file);

    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.badCount(), 2);
    QCOMPARE(model.newCount(), 2);
    QVERIFY(!model.isImportable());
    QCOMPARE(model.index(1, 0).data(PatronImportModel::LineRole).toInt(), 3);
    QCOMPARE(status(model, 1), int(PatronImportModel::Status::Bad));
    QVERIFY2(cell(model, 1, PatronImportModel::StatusColumn).contains(QStringLiteral("x@")),
             qPrintable(cell(model, 1, PatronImportModel::StatusColumn)));
    QVERIFY(cell(model, 1, PatronImportModel::NameColumn, Qt::ToolTipRole)
                .startsWith(QStringLiteral("Line 3: ")));
    QVERIFY(model.index(1, PatronImportModel::NameColumn).data(Qt::BackgroundRole).isValid());
    // What the bad line holds, so the desk sees whose line it is.
    QCOMPARE(cell(model, 1, PatronImportModel::CardNumberColumn), QStringLiteral("a2"));
    QCOMPARE(cell(model, 1, PatronImportModel::NameColumn), QStringLiteral("Bad Mail"));
    QCOMPARE(model.index(3, 0).data(PatronImportModel::LineRole).toInt(), 5);
    QVERIFY(cell(model, 3, PatronImportModel::StatusColumn).contains(QStringLiteral("fields")));
}

void TestPatronImportModel::unknownRoleLineKeepsItsFields()
{
    PatronImportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray file = "card_number,name,email,role\nA1,Ada,,astronaut\n";
    model.setPlan(preview(file), file);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(status(model, 0), int(PatronImportModel::Status::Bad));
    QCOMPARE(cell(model, 0, PatronImportModel::NameColumn), QStringLiteral("Ada"));
    QCOMPARE(cell(model, 0, PatronImportModel::RoleColumn), QStringLiteral("astronaut"));
    QVERIFY(
        cell(model, 0, PatronImportModel::StatusColumn).contains(QStringLiteral("unknown role")));
}

void TestPatronImportModel::faultOfTheWholeFileIsARowWithoutALine()
{
    PatronImportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray file = "\xff\xfe not text";
    model.setPlan(preview(file), file);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.badCount(), 1);
    QCOMPARE(model.index(0, 0).data(PatronImportModel::LineRole).toInt(), 0);
    QVERIFY(cell(model, 0, PatronImportModel::StatusColumn).contains(QStringLiteral("UTF-8")));
    QVERIFY(!model.isImportable());
}

void TestPatronImportModel::clearEmptiesTheTable()
{
    PatronImportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray file = "card_number,name,email,role\nA1,Ada,,adult\n";
    model.setPlan(preview(file), file);
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isImportable());
}

QTEST_MAIN(TestPatronImportModel)
#include "tst_patronimportmodel.moc"
