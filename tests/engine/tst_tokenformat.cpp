#include "engine/Base62.h"
#include "engine/TokenFormat.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <functional>

using tessera::ErrorCode;
using tessera::engine::Base62;
using tessera::engine::TokenFormat;
using tessera::engine::TokenKind;

namespace {

// A creation second for tokens made without an engine.
constexpr qint64 kNow = 1'765'000'000;

// A token built by hand, independently of newServiceToken()/batchToken().
QString handMadeToken(const QString& prefix, const QString& body)
{
    const quint32 crc = TokenFormat::crc32(body.toLatin1());
    return prefix + body + Base62::encodeFixed(crc, 6);
}

QByteArray blobOfSize(int size)
{
    QByteArray blob(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        blob[i] = char(i * 37 + 11);
    return blob;
}

} // namespace

class TestTokenFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crc32MatchesTheIeeeCheckValue();
    void serviceTokenHasPrefixBodyAndChecksum();
    void serviceTokensAreUnique();
    void handMadeTokenWithKnownChecksumParses();
    void batchTokenCarriesTheBlob_data();
    void batchTokenCarriesTheBlob();
    void largestBatchBlobFitsTheLengthCap();
    void wrongChecksumIsRejected();
    void everySingleCharacterChangeIsRejected();
    void checksumAboveTwoToThe32IsRejected();
    void malformedTokensAreRejected_data();
    void malformedTokensAreRejected();
    void overlongInputIsRejectedBeforeAnyOtherWork();
    void errorsNeverEchoTheToken();
    void accessorNeverParsesAsToken();
    void laterAccessorsSortLaterAndSameSecondOnesDiffer();
    void laterServiceTokensSortLaterAndSameSecondOnesDiffer();
    void parseSpeed();
};

void TestTokenFormat::crc32MatchesTheIeeeCheckValue()
{
    QCOMPARE(TokenFormat::crc32("123456789"), quint32(0xCBF43926));
    QCOMPARE(TokenFormat::crc32(""), quint32(0));
    QCOMPARE(TokenFormat::crc32("The quick brown fox jumps over the lazy dog"),
             quint32(0x414FA339));
}

void TestTokenFormat::serviceTokenHasPrefixBodyAndChecksum()
{
    const QString token = TokenFormat::newServiceToken(kNow);
    QVERIFY(token.startsWith(u"tss."));
    QCOMPARE(token.size(), 4 + 32 + 6);
    for (const QChar c : token.sliced(4))
        QVERIFY(Base62::digitValue(c.unicode()) >= 0);
    const auto parsed = TokenFormat::parse(token);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->kind, TokenKind::Service);
    QVERIFY(parsed->blob.isEmpty());
}

void TestTokenFormat::serviceTokensAreUnique()
{
    QSet<QString> tokens;
    for (int i = 0; i < 2000; ++i)
        tokens.insert(TokenFormat::newServiceToken(kNow));
    QCOMPARE(tokens.size(), 2000);
}

void TestTokenFormat::handMadeTokenWithKnownChecksumParses()
{
    // CRC-32 of 32 'A's is 0xAD316F1E -> base62 "3Ae0o2" (checked with Python's zlib).
    const QString token = QStringLiteral("tss.") + QString(32, u'A') + QStringLiteral("3Ae0o2");
    QCOMPARE(token, handMadeToken(QStringLiteral("tss."), QString(32, u'A')));
    const auto parsed = TokenFormat::parse(token);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->kind, TokenKind::Service);
}

void TestTokenFormat::batchTokenCarriesTheBlob_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {1, 2, 7, 8, 9, 60, 137, 300, 500})
        QTest::addRow("%d bytes", size) << size;
}

void TestTokenFormat::batchTokenCarriesTheBlob()
{
    QFETCH(int, size);
    const QByteArray blob = blobOfSize(size);
    const QString token = TokenFormat::batchToken(blob);
    QVERIFY(token.startsWith(u"tsb."));
    QCOMPARE(token, handMadeToken(QStringLiteral("tsb."), Base62::encode(blob)));
    const auto parsed = TokenFormat::parse(token);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->kind, TokenKind::Batch);
    QCOMPARE(parsed->blob, blob);
}

void TestTokenFormat::largestBatchBlobFitsTheLengthCap()
{
    const QString largest = TokenFormat::batchToken(blobOfSize(TokenFormat::kMaxBatchBlobSize));
    QVERIFY(largest.size() <= TokenFormat::kMaxLength);
    QVERIFY(TokenFormat::parse(largest).ok());
    // One byte more would not fit: the cap and the constant agree.
    const QString tooLarge = handMadeToken(
        QStringLiteral("tsb."), Base62::encode(blobOfSize(TokenFormat::kMaxBatchBlobSize + 1)));
    QVERIFY(tooLarge.size() > TokenFormat::kMaxLength);
    QVERIFY(!TokenFormat::parse(tooLarge).ok());
}

void TestTokenFormat::wrongChecksumIsRejected()
{
    QString token = TokenFormat::newServiceToken(kNow);
    token.back() = token.back() == u'0' ? u'1' : u'0';
    const auto parsed = TokenFormat::parse(token);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(parsed.error().message, QStringLiteral("token checksum mismatch"));
}

void TestTokenFormat::everySingleCharacterChangeIsRejected()
{
    // CRC-32 catches every single-character typo in the body or the checksum.
    for (const QString& token :
         {TokenFormat::newServiceToken(kNow), TokenFormat::batchToken(blobOfSize(60))}) {
        for (qsizetype i = 4; i < token.size(); ++i) {
            QString typo = token;
            typo[i] = typo[i] == u'z' ? u'y' : u'z';
            QVERIFY2(!TokenFormat::parse(typo).ok(), qPrintable(QString::number(i)));
        }
    }
}

void TestTokenFormat::checksumAboveTwoToThe32IsRejected()
{
    const QString token = QStringLiteral("tss.") + QString(32, u'A') + QStringLiteral("zzzzzz");
    const auto parsed = TokenFormat::parse(token);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message, QStringLiteral("token checksum mismatch"));
}

void TestTokenFormat::malformedTokensAreRejected_data()
{
    QTest::addColumn<QString>("token");
    const QString body(32, u'A');
    QTest::newRow("empty") << QString();
    QTest::newRow("prefix only") << QStringLiteral("tss.");
    QTest::newRow("vault prefix") << handMadeToken(QStringLiteral("hvs."), body);
    QTest::newRow("upper-case prefix") << handMadeToken(QStringLiteral("TSS."), body);
    QTest::newRow("unknown kind") << handMadeToken(QStringLiteral("tsx."), body);
    QTest::newRow("no dot") << handMadeToken(QStringLiteral("tss_"), body);
    QTest::newRow("service body too short")
        << handMadeToken(QStringLiteral("tss."), QString(31, u'A'));
    QTest::newRow("service body too long")
        << handMadeToken(QStringLiteral("tss."), QString(33, u'A'));
    QTest::newRow("batch body of impossible length")
        << handMadeToken(QStringLiteral("tsb."), QString(12, u'A'));
    QTest::newRow("batch block overflows")
        << handMadeToken(QStringLiteral("tsb."), QStringLiteral("zz"));
    QTest::newRow("dash in body") << QStringLiteral("tss.") + QString(31, u'A') +
                                         QStringLiteral("-3Ae0o2");
    QTest::newRow("space in body")
        << QStringLiteral("tss.") + QString(31, u'A') + QStringLiteral(" 3Ae0o2");
    QTest::newRow("non-ascii in body")
        << QStringLiteral("tss.") + QString(31, u'A') + QStringLiteral("\u00c53Ae0o2");
    QTest::newRow("trailing newline") << handMadeToken(QStringLiteral("tss."), body) + u'\n';
    QTest::newRow("leading space") << u' ' + handMadeToken(QStringLiteral("tss."), body);
}

void TestTokenFormat::malformedTokensAreRejected()
{
    QFETCH(QString, token);
    const auto parsed = TokenFormat::parse(token);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(parsed.error().message, QStringLiteral("malformed token"));
}

void TestTokenFormat::overlongInputIsRejectedBeforeAnyOtherWork()
{
    // Well-formed in every other respect (prefix, alphabet, block length,
    // checksum), but longer than the cap.
    const QString body = Base62::encode(blobOfSize(800));
    const QString token = handMadeToken(QStringLiteral("tsb."), body);
    QVERIFY(token.size() > TokenFormat::kMaxLength);
    const auto parsed = TokenFormat::parse(token);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message, QStringLiteral("malformed token"));

    const auto huge = TokenFormat::parse(QString(10'000'000, u'x'));
    QVERIFY(!huge.ok());
}

void TestTokenFormat::errorsNeverEchoTheToken()
{
    const QString token = TokenFormat::newServiceToken(kNow);
    QString typo = token;
    typo.back() = typo.back() == u'0' ? u'1' : u'0';
    for (const QString& bad : {typo, token.chopped(1), token + u'A', token.sliced(1)}) {
        const auto parsed = TokenFormat::parse(bad);
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.error().message.contains(token.sliced(4, 8)));
    }
}

void TestTokenFormat::accessorNeverParsesAsToken()
{
    for (int i = 0; i < 500; ++i) {
        const QString accessor = TokenFormat::newAccessor(1'760'000'000 + i);
        QCOMPARE(accessor.size(), TokenFormat::kAccessorLength);
        for (const QChar c : accessor)
            QVERIFY(Base62::digitValue(c.unicode()) >= 0);
        QVERIFY(!TokenFormat::parse(accessor).ok());
    }
}

namespace {

// Made later sorts later, made in the same second still differs, and the
// creation second can be read back from the digits at `offset`.
void checkTimeOrdered(const std::function<QString(qint64)>& make, qsizetype offset)
{
    const qint64 t = 1'760'000'000;
    QVERIFY(make(t) < make(t + 1));
    QVERIFY(make(t + 61) < make(t + 62));
    QVERIFY(make(t) < make(t + 1'000'000'000));
    QSet<QString> sameSecond;
    for (int i = 0; i < 1000; ++i)
        sameSecond.insert(make(t));
    QCOMPARE(sameSecond.size(), 1000);
    const QString made = make(t);
    QCOMPARE(Base62::decodeFixed(QStringView(made).sliced(offset, TokenFormat::kTimeDigits)),
             std::optional<quint64>(t));
}

} // namespace

void TestTokenFormat::laterAccessorsSortLaterAndSameSecondOnesDiffer()
{
    // Bulk creation appends to the accessor index: the creation second leads.
    checkTimeOrdered(&TokenFormat::newAccessor, 0);
}

void TestTokenFormat::laterServiceTokensSortLaterAndSameSecondOnesDiffer()
{
    // The same for the index of tokens (EngineSecrets::tokenKey): the
    // creation second leads the body, after the prefix.
    checkTimeOrdered(&TokenFormat::newServiceToken, TokenFormat::kPrefixLength);
    for (int i = 0; i < 100; ++i)
        QVERIFY(TokenFormat::parse(TokenFormat::newServiceToken(1'760'000'000 + i)).ok());
}

void TestTokenFormat::parseSpeed()
{
    // Not a pass/fail timing: run with -iterations N to measure the hot path.
    const QString service = TokenFormat::newServiceToken(kNow);
    QString typo = service;
    typo.back() = typo.back() == u'0' ? u'1' : u'0';
    QBENCHMARK
    {
        for (int i = 0; i < 1000; ++i) {
            const auto good = TokenFormat::parse(service);
            const auto bad = TokenFormat::parse(typo);
            QVERIFY(good.ok() && !bad.ok());
        }
    }
}

QTEST_GUILESS_MAIN(TestTokenFormat)
#include "tst_tokenformat.moc"
