#include "core/GoBool.h"

#include <QTest>

using namespace tessera;

class TestGoBool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goSpellingsAreRead_data();
    void goSpellingsAreRead();
    void anythingElseIsNoBoolean_data();
    void anythingElseIsNoBoolean();
};

void TestGoBool::goSpellingsAreRead_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("value");
    for (const char* yes : {"1", "t", "T", "TRUE", "true", "True"})
        QTest::newRow(yes) << QString::fromLatin1(yes) << true;
    for (const char* no : {"0", "f", "F", "FALSE", "false", "False"})
        QTest::newRow(no) << QString::fromLatin1(no) << false;
}

void TestGoBool::goSpellingsAreRead()
{
    QFETCH(QString, text);
    QFETCH(bool, value);
    const std::optional<bool> parsed = parseGoBool(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, value);
}

void TestGoBool::anythingElseIsNoBoolean_data()
{
    QTest::addColumn<QString>("text");
    for (const char* other :
         {"", "yes", "no", "on", "off", "tRUE", "FaLsE", "2", "-1", "01", " true", "true ", "tr"})
        QTest::newRow(other[0] ? other : "empty") << QString::fromLatin1(other);
}

void TestGoBool::anythingElseIsNoBoolean()
{
    QFETCH(QString, text);
    QVERIFY(!parseGoBool(text).has_value());
}

QTEST_GUILESS_MAIN(TestGoBool)
#include "tst_gobool.moc"
