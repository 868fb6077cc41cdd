// PatronCsv and PatronImportService (docs/ARCHITECTURE.md, «Importing
// patrons»): every bad line named, nothing written unless all are good, one
// transaction.
#include "audit/AuditRecord.h"
#include "engine/PatronCsv.h"
#include "engine/PatronImportService.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "engine/User.h"
#include "support/EngineActors.h"
#include "support/StoreProbes.h"
#include "support/TempEngine.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

const QByteArray kHeader = "card_number,name,email,role,metadata\r\n";

QByteArray goodFile(int count)
{
    QByteArray file = kHeader;
    for (int i = 1; i <= count; ++i)
        file += QByteArray("P") + QByteArray::number(i) + ",Patron " + QByteArray::number(i) +
                ",p" + QByteArray::number(i) + "@example.org,adult,branch=north\r\n";
    return file;
}

} // namespace

class TestPatronImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void quotedFieldsBomAndColumnsInAnyOrderAreRead();
    void badLinesAreNamedWithTheirLineNumber_data();
    void badLinesAreNamedWithTheirLineNumber();
    void validFileImportsEveryRowInOneTransaction();
    void previewWritesNothing();
    void oneBadLineAmongThousandWritesNothing();
    void unknownRoleIsABadLine();
    void reimportUpdatesInsteadOfDuplicating();
    void patronTokenCarriesPatronId();
    void callerWithoutRightsIsRefused();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    int userCount() { return int(engine().userpass().userNames(owner()).valueOr({}).size()); }

    std::unique_ptr<TempEngine> m_temp;
};

void TestPatronImport::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(test::installTestPolicies(engine()).ok());
    Role adult;
    adult.name = u"adult"_s;
    adult.allowedPolicies = {u"wifi"_s};
    adult.settings.ttl = 3600;
    QVERIFY(engine().admin().putRole(owner(), adult));
}

void TestPatronImport::cleanup()
{
    m_temp.reset();
}

void TestPatronImport::quotedFieldsBomAndColumnsInAnyOrderAreRead()
{
    const QByteArray file = "\xEF\xBB\xBFRole, Name ,card_number,email\n"
                            "adult,\"Smith, \"\"Jo\"\"\",A1,jo@example.org\n"
                            "\n"
                            "adult,\"Two\nLines\",A2,\r\n"
                            "adult,Third,A3,x@\n";
    const PatronCsvRead read = PatronCsv::read(file);
    QCOMPARE(read.rows.size(), 2);
    QCOMPARE(read.rows.at(0).name, u"Smith, \"Jo\""_s);
    QCOMPARE(read.rows.at(0).cardNumber, u"a1"_s);
    QCOMPARE(read.rows.at(1).line, 4);
    QCOMPARE(read.rows.at(1).name, u"Two\nLines"_s);
    QCOMPARE(read.rows.at(1).email, QString());
    QCOMPARE(read.problems.size(), 1);
    // The quoted line break moves the next record to line 6.
    QCOMPARE(read.problems.first().text(), u"line 6: e-mail \"x@\" is not an address"_s);
}

void TestPatronImport::badLinesAreNamedWithTheirLineNumber_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("problem");
    QTest::newRow("e-mail") << QByteArray("C9,Name,x@,adult,")
                            << u"line 3: e-mail \"x@\" is not an address"_s;
    QTest::newRow("duplicate card")
        << QByteArray("P1,Again,,adult,") << u"line 3: card number P1 appears on line 2 too"_s;
    QTest::newRow("card number") << QByteArray("a b,Name,,adult,")
                                 << u"line 3: card number \"a b\" is not [A-Za-z0-9._-]{1,128}"_s;
    QTest::newRow("no name") << QByteArray("C9,,,adult,") << u"line 3: no name"_s;
    QTest::newRow("field count") << QByteArray("C9,Name,adult")
                                 << u"line 3: 3 fields, the header has 5"_s;
    QTest::newRow("metadata") << QByteArray("C9,Name,,adult,branch")
                              << u"line 3: metadata \"branch\" is not key=value"_s;
    QTest::newRow("reserved key") << QByteArray("C9,Name,,adult,patron_id=x")
                                  << u"line 3: metadata key \"patron_id\" is set by the import"_s;
    QTest::newRow("stray quote") << QByteArray("C9,Na\"me,,adult,")
                                 << u"line 3: a quote inside an unquoted field"_s;
    QTest::newRow("unclosed quote") << QByteArray("C9,\"Name,,adult,\nC10,x,,adult,")
                                    << u"line 3: a quoted field is not closed"_s;
}

void TestPatronImport::badLinesAreNamedWithTheirLineNumber()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, problem);
    const QByteArray file = kHeader + "P1,Patron,p@example.org,adult,\r\n" + line + "\r\n";
    const PatronCsvRead read = PatronCsv::read(file);
    QCOMPARE(read.problems.size(), 1);
    QCOMPARE(read.problems.first().text(), problem);
}

void TestPatronImport::validFileImportsEveryRowInOneTransaction()
{
    QSignalSpy changed(&engine(), &TokenEngine::usersChanged);
    test::CommitCount commits(m_temp->store());
    auto imported = engine().patronImport().import(owner(), goodFile(50));
    QVERIFY2(imported, qPrintable(errorText(imported)));
    QCOMPARE(imported->toCreate.size(), 50);
    QCOMPARE(commits.commits(), 1);
    QCOMPARE(userCount(), 50);
    QCOMPARE(changed.count(), 1);
    const audit::AuditRecord last = test::auditTrail(engine()).last();
    QCOMPARE(last.operation, u"user.import"_s);
    QCOMPARE(last.details.value(u"created"_s).toInt(), 50);
    QCOMPARE(last.details.value(u"updated"_s).toInt(), 0);
    auto user = engine().userpass().user(owner(), u"p7"_s);
    QVERIFY2(user, qPrintable(errorText(user)));
    QCOMPARE(user->settings.policies, QStringList{u"wifi"_s});
    QCOMPARE(user->settings.ttl, 3600);
    QCOMPARE(user->metadata.value(u"patron_id"_s), u"p7"_s);
    QCOMPARE(user->metadata.value(u"patron_name"_s), u"Patron 7"_s);
    QCOMPARE(user->metadata.value(u"email"_s), u"p7@example.org"_s);
    QCOMPARE(user->metadata.value(u"branch"_s), u"north"_s);
    // Nobody knows the password a new patron has.
    QVERIFY(!engine().userpass().login(u"p7"_s, QString(), u"test"_s));
}

void TestPatronImport::previewWritesNothing()
{
    auto preview = engine().patronImport().preview(owner(), goodFile(3));
    QVERIFY2(preview, qPrintable(errorText(preview)));
    QCOMPARE(preview->toCreate.size(), 3);
    QVERIFY(preview->problems.isEmpty());
    QCOMPARE(userCount(), 0);
}

void TestPatronImport::oneBadLineAmongThousandWritesNothing()
{
    QByteArray file = goodFile(1000);
    file += "P1001,Bad,nobody@,adult,\r\n";
    QSignalSpy changed(&engine(), &TokenEngine::usersChanged);
    const qsizetype auditBefore = test::auditTrail(engine()).size();
    auto refused = engine().patronImport().import(owner(), file);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(u"line 1002: e-mail \"nobody@\" is not an address"_s),
             qPrintable(refused.error().message));
    QCOMPARE(userCount(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(test::auditTrail(engine()).size(), auditBefore);
}

void TestPatronImport::unknownRoleIsABadLine()
{
    const QByteArray file = kHeader + "P1,One,,adult,\r\nP2,Two,,nite,\r\n";
    auto preview = engine().patronImport().preview(owner(), file);
    QVERIFY2(preview, qPrintable(errorText(preview)));
    QCOMPARE(preview->problems.size(), 1);
    QCOMPARE(preview->problems.first().text(), u"line 3: unknown role \"nite\""_s);
    QVERIFY(!engine().patronImport().import(owner(), file));
    QCOMPARE(userCount(), 0);
}

void TestPatronImport::reimportUpdatesInsteadOfDuplicating()
{
    QVERIFY(engine().patronImport().import(owner(), goodFile(5)));
    QVERIFY(engine().userpass().setUserPassword(owner(), u"p2"_s, u"secret-pass"_s));
    const QByteArray again = kHeader + "P2,Renamed,,adult,\r\nP6,New,,adult,\r\n";
    auto preview = engine().patronImport().preview(owner(), again);
    QVERIFY2(preview, qPrintable(errorText(preview)));
    QCOMPARE(preview->toUpdate.size(), 1);
    QCOMPARE(preview->toCreate.size(), 1);
    auto imported = engine().patronImport().import(owner(), again);
    QVERIFY2(imported, qPrintable(errorText(imported)));
    QCOMPARE(userCount(), 6);
    auto user = engine().userpass().user(owner(), u"p2"_s);
    QVERIFY(user);
    QCOMPARE(user->metadata.value(u"patron_name"_s), u"Renamed"_s);
    QVERIFY(!user->metadata.contains(u"email"_s));
    // The update kept the password the desk set.
    QVERIFY(engine().userpass().login(u"p2"_s, u"secret-pass"_s, u"test"_s));
}

void TestPatronImport::patronTokenCarriesPatronId()
{
    QVERIFY(engine().patronImport().import(owner(), goodFile(2)));
    QVERIFY(engine().userpass().setUserPassword(owner(), u"p1"_s, u"secret-pass"_s));
    auto token = engine().userpass().login(u"P1"_s, u"secret-pass"_s, u"test"_s);
    QVERIFY2(token, qPrintable(errorText(token)));
    QCOMPARE(token->info.meta.value(u"patron_id"_s), u"p1"_s);
    QCOMPARE(token->info.meta.value(u"username"_s), u"p1"_s);
    QCOMPARE(token->info.meta.value(u"branch"_s), u"north"_s);
}

void TestPatronImport::callerWithoutRightsIsRefused()
{
    auto actor = test::ownersActor(engine(), {u"default"_s});
    QVERIFY2(actor, qPrintable(errorText(actor)));
    auto refused = engine().patronImport().import(actor->caller, goodFile(2));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(userCount(), 0);
}

QTEST_GUILESS_MAIN(TestPatronImport)
#include "tst_patronimport.moc"
