#include "engine/Base62.h"

#include <QRandomGenerator>
#include <QTest>

using tessera::engine::Base62;

class TestBase62 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesRoundTripAtEveryLength_data();
    void bytesRoundTripAtEveryLength();
    void knownVectorsMatchTheReference_data();
    void knownVectorsMatchTheReference();
    void encodedLengthIsMinimalPerBlock_data();
    void encodedLengthIsMinimalPerBlock();
    void badCharactersAreRejected_data();
    void badCharactersAreRejected();
    void impossibleLengthsAreRejected_data();
    void impossibleLengthsAreRejected();
    void overflowingBlocksAreRejected_data();
    void overflowingBlocksAreRejected();
    void everyAcceptedTextIsTheCanonicalEncoding();
    void fixedWidthValuesArePaddedAndRoundTrip_data();
    void fixedWidthValuesArePaddedAndRoundTrip();
    void fixedWidthDecodeRejectsBadInput();
};

void TestBase62::bytesRoundTripAtEveryLength_data()
{
    QTest::addColumn<QByteArray>("bytes");
    for (int length = 0; length <= 41; ++length) {
        QByteArray random(length, Qt::Uninitialized);
        for (char& byte : random)
            byte = char(QRandomGenerator::global()->bounded(256));
        QTest::addRow("random %d", length) << random;
        QTest::addRow("zeros %d", length) << QByteArray(length, '\0');
        QTest::addRow("ones %d", length) << QByteArray(length, '\xff');
    }
}

void TestBase62::bytesRoundTripAtEveryLength()
{
    QFETCH(QByteArray, bytes);
    const QString text = Base62::encode(bytes);
    QCOMPARE(text.size(), Base62::encodedLength(bytes.size()));
    for (const QChar c : text)
        QVERIFY(Base62::digitValue(c.unicode()) >= 0);
    const auto decoded = Base62::decode(text);
    QVERIFY(decoded.ok());
    QCOMPARE(*decoded, bytes);
}

void TestBase62::knownVectorsMatchTheReference_data()
{
    // Computed with an independent Python implementation of the same block scheme.
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("hello") << QByteArray("hello") << QStringLiteral("7tQLFHz");
    QTest::newRow("two blocks") << QByteArray("Tessera token")
                                << QStringLiteral("7FEqaNlgITI8nrfrJO");
    QTest::newRow("max block") << QByteArray(8, '\xff') << QStringLiteral("LygHa16AHYF");
    QTest::newRow("one byte 255") << QByteArray(1, '\xff') << QStringLiteral("47");
    QTest::newRow("nine zeros") << QByteArray(9, '\0') << QStringLiteral("0000000000000");
}

void TestBase62::knownVectorsMatchTheReference()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(Base62::encode(bytes), text);
    QCOMPARE(*Base62::decode(text), bytes);
}

void TestBase62::encodedLengthIsMinimalPerBlock_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("chars");
    const int table[][2] = {{0, 0},  {1, 2},  {2, 3},  {3, 5},   {4, 6},   {5, 7},  {6, 9},
                            {7, 10}, {8, 11}, {9, 13}, {16, 22}, {17, 24}, {60, 83}};
    for (const auto& row : table)
        QTest::addRow("%d bytes", row[0]) << row[0] << row[1];
}

void TestBase62::encodedLengthIsMinimalPerBlock()
{
    QFETCH(int, bytes);
    QFETCH(int, chars);
    QCOMPARE(Base62::encodedLength(bytes), chars);
    QCOMPARE(Base62::decodedLength(chars), std::optional<qsizetype>(bytes));
}

void TestBase62::badCharactersAreRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("dash") << QStringLiteral("7tQ-FHz");
    QTest::newRow("space") << QStringLiteral("7tQ FHz");
    QTest::newRow("plus") << QStringLiteral("7tQ+FHz");
    QTest::newRow("dot") << QStringLiteral("7tQ.FHz");
    QTest::newRow("non-ascii") << QStringLiteral("7tQ\u00e9FHz");
    QTest::newRow("nul") << QString::fromUtf16(u"7tQ\0FHz", 7);
}

void TestBase62::badCharactersAreRejected()
{
    QFETCH(QString, text);
    QVERIFY(!Base62::decode(text).ok());
}

void TestBase62::impossibleLengthsAreRejected_data()
{
    QTest::addColumn<int>("length");
    for (const int length : {1, 4, 8, 12, 15, 19, 23})
        QTest::addRow("%d chars", length) << length;
}

void TestBase62::impossibleLengthsAreRejected()
{
    QFETCH(int, length);
    QVERIFY(!Base62::decodedLength(length));
    const auto decoded = Base62::decode(QString(length, u'0'));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, tessera::ErrorCode::InvalidArgument);
}

void TestBase62::overflowingBlocksAreRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one-byte block above 255") << QStringLiteral("48");
    QTest::newRow("one-byte block max") << QStringLiteral("zz");
    QTest::newRow("full block above 2^64") << QStringLiteral("LygHa16AHYG");
    QTest::newRow("full block max") << QStringLiteral("zzzzzzzzzzz");
    QTest::newRow("overflow in second block") << QStringLiteral("00000000000zz");
}

void TestBase62::overflowingBlocksAreRejected()
{
    QFETCH(QString, text);
    QVERIFY(!Base62::decode(text).ok());
}

void TestBase62::everyAcceptedTextIsTheCanonicalEncoding()
{
    // Canonical encoding matters: two texts for one blob would give one batch
    // token two valid spellings.
    auto* random = QRandomGenerator::global();
    int accepted = 0;
    for (int i = 0; i < 5000; ++i) {
        const int length = int(random->bounded(1, 30));
        if (!Base62::decodedLength(length))
            continue;
        QString text(length, Qt::Uninitialized);
        for (QChar& c : text)
            c = QLatin1Char(Base62::kAlphabet[random->bounded(62)]);
        const auto decoded = Base62::decode(text);
        if (!decoded.ok())
            continue;
        ++accepted;
        QCOMPARE(Base62::encode(*decoded), text);
    }
    QVERIFY(accepted > 100);
}

void TestBase62::fixedWidthValuesArePaddedAndRoundTrip_data()
{
    QTest::addColumn<quint64>("value");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << quint64(0) << 6 << QStringLiteral("000000");
    QTest::newRow("61") << quint64(61) << 2 << QStringLiteral("0z");
    QTest::newRow("62") << quint64(62) << 3 << QStringLiteral("010");
    QTest::newRow("crc max") << quint64(0xFFFFFFFF) << 6 << QStringLiteral("4gfFC3");
    QTest::newRow("u64 max") << ~quint64(0) << 11 << QStringLiteral("LygHa16AHYF");
}

void TestBase62::fixedWidthValuesArePaddedAndRoundTrip()
{
    QFETCH(quint64, value);
    QFETCH(int, width);
    QFETCH(QString, text);
    QCOMPARE(Base62::encodeFixed(value, width), text);
    QCOMPARE(Base62::decodeFixed(text), std::optional<quint64>(value));
}

void TestBase62::fixedWidthDecodeRejectsBadInput()
{
    QVERIFY(!Base62::decodeFixed(u""));
    QVERIFY(!Base62::decodeFixed(u"00-0"));
    QVERIFY(!Base62::decodeFixed(u"LygHa16AHYG"));
    QVERIFY(!Base62::decodeFixed(u"000000000000")); // 12 digits
}

QTEST_GUILESS_MAIN(TestBase62)
#include "tst_base62.moc"
