#include "engine/Duration.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace tessera::engine;

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptedDurations_data();
    void acceptedDurations();
    void rejectedDurations_data();
    void rejectedDurations();
    void negativeDurationsSayWhy();
    void maximumIsAcceptedAndOneMoreIsNot();
    void jsonAcceptsSecondsAndStrings_data();
    void jsonAcceptsSecondsAndStrings();
    void jsonRejectsOtherValues_data();
    void jsonRejectsOtherValues();
    void formatsCompactly_data();
    void formatsCompactly();
    void formattedDurationsParseBack();
};

void TestDuration::acceptedDurations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("bare seconds") << "3600" << qint64(3600);
    QTest::newRow("leading zeros") << "007" << qint64(7);
    QTest::newRow("seconds") << "90s" << qint64(90);
    QTest::newRow("minutes") << "30m" << qint64(1800);
    QTest::newRow("hours") << "1h" << qint64(3600);
    QTest::newRow("hours and minutes") << "2h30m" << qint64(9000);
    QTest::newRow("days") << "7d" << qint64(604800);
    QTest::newRow("three units") << "1h30m15s" << qint64(5415);
    QTest::newRow("days and hours") << "1d12h" << qint64(129600);
    QTest::newRow("fractional hours") << "1.5h" << qint64(5400);
    QTest::newRow("fractional minutes") << "0.5m" << qint64(30);
    QTest::newRow("fraction without integer part") << ".5h" << qint64(1800);
    QTest::newRow("zero with unit") << "0s" << qint64(0);
    QTest::newRow("32 days") << "768h" << qint64(32 * 86400);
}

void TestDuration::acceptedDurations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto parsed = parseDuration(QStringView(text));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(*parsed, seconds);
}

void TestDuration::rejectedDurations_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("negative seconds") << "-1";
    QTest::newRow("negative with unit") << "-5m";
    QTest::newRow("plus sign") << "+5m";
    QTest::newRow("weeks") << "1w";
    QTest::newRow("years") << "1y";
    QTest::newRow("milliseconds") << "500ms";
    QTest::newRow("upper-case unit") << "1H";
    QTest::newRow("unit only") << "h";
    QTest::newRow("bare fraction") << "1.5";
    QTest::newRow("number after unit without unit") << "1h30";
    QTest::newRow("half a second") << "1.5s";
    QTest::newRow("space between value and unit") << "1 h";
    QTest::newRow("words") << "one hour";
    QTest::newRow("comma decimal") << "1,5h";
    QTest::newRow("exponent") << "1e3";
    QTest::newRow("too many fraction digits") << "1.0000000001h";
    QTest::newRow("twenty digits") << "99999999999999999999";
    QTest::newRow("overflowing days") << "106751991167301d";
    QTest::newRow("above the maximum in seconds") << "9223372037";
    QTest::newRow("above the maximum in units") << "106751991167d";
    QTest::newRow("just a dot") << ".h";
    QTest::newRow("leading space") << " 5m";
    QTest::newRow("trailing space") << "5m ";
    QTest::newRow("tab") << "\t5m";
    QTest::newRow("newline") << "5m\n";
    QTest::newRow("space between units") << "1h 30m";
    QTest::newRow("repeated unit, which Go adds up") << "1d1d";
    QTest::newRow("repeated seconds") << "0.5s0.5s";
    QTest::newRow("units out of order") << "5m1h";
    QTest::newRow("seconds before days") << "1s1d";
}

void TestDuration::rejectedDurations()
{
    QFETCH(QString, text);
    const auto parsed = parseDuration(QStringView(text));
    QVERIFY2(!parsed.ok(), qPrintable(QString::number(parsed.valueOr(-1))));
    QCOMPARE(parsed.error().code, tessera::ErrorCode::InvalidArgument);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestDuration::negativeDurationsSayWhy()
{
    const auto parsed = parseDuration(QStringView(u"-30m"));
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.error().message.contains(u"negative"));
    const auto unknown = parseDuration(QStringView(u"3w"));
    QVERIFY(unknown.error().message.contains(u"\"w\""));
    const auto spaced = parseDuration(QStringView(u" 5m"));
    QVERIFY(!spaced.ok() && spaced.error().message.contains(u"spaces"));
    const auto repeated = parseDuration(QStringView(u"1d1d"));
    QVERIFY(!repeated.ok() && repeated.error().message.contains(u"once"));
}

void TestDuration::maximumIsAcceptedAndOneMoreIsNot()
{
    QCOMPARE(*parseDuration(QString::number(kMaxDurationSeconds)), kMaxDurationSeconds);
    QVERIFY(!parseDuration(QString::number(kMaxDurationSeconds + 1)).ok());
    QCOMPARE(*parseDuration(formatDuration(kMaxDurationSeconds)), kMaxDurationSeconds);
    QVERIFY(!parseDuration(formatDuration(kMaxDurationSeconds) + QStringLiteral("1s")).ok());
}

void TestDuration::jsonAcceptsSecondsAndStrings_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("integer") << QJsonValue(3600) << qint64(3600);
    QTest::newRow("integral double") << QJsonValue(90.0) << qint64(90);
    QTest::newRow("zero") << QJsonValue(0) << qint64(0);
    QTest::newRow("string with units") << QJsonValue(QStringLiteral("2h30m")) << qint64(9000);
    QTest::newRow("numeric string") << QJsonValue(QStringLiteral("60")) << qint64(60);
    QTest::newRow("null means not set") << QJsonValue() << qint64(0);
    QTest::newRow("absent means not set") << QJsonObject().value(u"ttl") << qint64(0);
}

void TestDuration::jsonAcceptsSecondsAndStrings()
{
    QFETCH(QJsonValue, value);
    QFETCH(qint64, seconds);
    const auto parsed = parseDuration(value);
    QVERIFY(parsed.ok());
    QCOMPARE(*parsed, seconds);
}

void TestDuration::jsonRejectsOtherValues_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("negative number") << QJsonValue(-1);
    QTest::newRow("fractional number") << QJsonValue(1.5);
    QTest::newRow("huge number") << QJsonValue(1e300);
    QTest::newRow("bool") << QJsonValue(true);
    QTest::newRow("array") << QJsonValue(QJsonArray{1});
    QTest::newRow("object") << QJsonValue(QJsonObject{});
    QTest::newRow("bad string") << QJsonValue(QStringLiteral("soon"));
}

void TestDuration::jsonRejectsOtherValues()
{
    QFETCH(QJsonValue, value);
    QVERIFY(!parseDuration(value).ok());
}

void TestDuration::formatsCompactly_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0s";
    QTest::newRow("seconds") << qint64(59) << "59s";
    QTest::newRow("a minute") << qint64(60) << "1m";
    QTest::newRow("hours and minutes") << qint64(9000) << "2h30m";
    QTest::newRow("a week") << qint64(604800) << "7d";
    QTest::newRow("every unit") << qint64(90061) << "1d1h1m1s";
    QTest::newRow("gaps") << qint64(86401) << "1d1s";
    QTest::newRow("32 days") << qint64(32 * 86400) << "32d";
    QTest::newRow("negative shows as zero") << qint64(-5) << "0s";
}

void TestDuration::formatsCompactly()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(formatDuration(seconds), text);
}

void TestDuration::formattedDurationsParseBack()
{
    for (qint64 seconds : {qint64(0), qint64(1), qint64(61), qint64(3599), qint64(3601),
                           qint64(86399), qint64(86400 * 400 + 7), kMaxDurationSeconds}) {
        QCOMPARE(*parseDuration(formatDuration(seconds)), seconds);
    }
    for (qint64 seconds = 0; seconds < 200'000; seconds += 997)
        QCOMPARE(*parseDuration(formatDuration(seconds)), seconds);
}

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
