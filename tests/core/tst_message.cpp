#include "core/Message.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;

class TestMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillReplacesPlaceholders_data();
    void fillReplacesPlaceholders();
    void anArgumentHoldingAPlaceholderStaysAsItIs();
    void textIsTheEnglishSourceWithItsArguments();
    void aMessageWithoutSourceIsEmpty();
    void englishTextsKeepsTheOrder();
};

void TestMessage::fillReplacesPlaceholders_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("filled");
    QTest::newRow("none") << "no arguments" << QStringList{} << "no arguments";
    QTest::newRow("one") << "role %1 not found" << QStringList{u"reader"_s}
                         << "role reader not found";
    QTest::newRow("out of order") << "%2 before %1" << QStringList{u"a"_s, u"b"_s} << "b before a";
    QTest::newRow("repeated") << "%1 and %1" << QStringList{u"x"_s} << "x and x";
    QTest::newRow("ninth") << "%9" << QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s,   u"5"_s,
                                                  u"6"_s, u"7"_s, u"8"_s, u"nine"_s}
                           << "nine";
    QTest::newRow("missing argument stays") << "%1 of %2" << QStringList{u"3"_s} << "3 of %2";
    QTest::newRow("percent zero is not a placeholder")
        << "%0 and 100%" << QStringList{u"x"_s} << "%0 and 100%";
    QTest::newRow("ten is one then a zero") << "%10" << QStringList{u"one"_s} << "one0";
    QTest::newRow("double percent") << "%%1" << QStringList{u"x"_s} << "%x";
}

void TestMessage::fillReplacesPlaceholders()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, args);
    QFETCH(QString, filled);
    QCOMPARE(Message::fill(pattern, args), filled);
}

void TestMessage::anArgumentHoldingAPlaceholderStaysAsItIs()
{
    // Unlike chained QString::arg, where "%2" in the first argument would be replaced.
    QCOMPARE(
        Message::fill(QStringLiteral("%1 / %2"), {QStringLiteral("100%2"), QStringLiteral("b")}),
        QStringLiteral("100%2 / b"));
}

void TestMessage::textIsTheEnglishSourceWithItsArguments()
{
    const Message message{"display name is longer than %1 characters", {QStringLiteral("256")}};
    QVERIFY(!message.isEmpty());
    QCOMPARE(message.text(), QStringLiteral("display name is longer than 256 characters"));
    const Message utf8{"caf\xc3\xa9 %1", {QStringLiteral("ok")}};
    QCOMPARE(utf8.text(), QStringLiteral("café ok"));
}

void TestMessage::aMessageWithoutSourceIsEmpty()
{
    const Message message;
    QVERIFY(message.isEmpty());
    QVERIFY(message.text().isEmpty());
}

void TestMessage::englishTextsKeepsTheOrder()
{
    const QList<Message> messages{Message{"first %1", {QStringLiteral("a")}}, Message{"second"}};
    QCOMPARE(englishTexts(messages), (QStringList{u"first a"_s, u"second"_s}));
    QVERIFY(englishTexts({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestMessage)
#include "tst_message.moc"
