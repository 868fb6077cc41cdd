// Base32 as TOTP secrets are shown: RFC 4648's test vectors, without padding.
#include "engine/Base32.h"

#include <QTest>

using tessera::engine::base32Encode;

class TestBase32 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesRfc4648VectorsWithoutPadding_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("f") << QByteArray("f") << QStringLiteral("MY");
        QTest::newRow("fo") << QByteArray("fo") << QStringLiteral("MZXQ");
        QTest::newRow("foo") << QByteArray("foo") << QStringLiteral("MZXW6");
        QTest::newRow("foob") << QByteArray("foob") << QStringLiteral("MZXW6YQ");
        QTest::newRow("fooba") << QByteArray("fooba") << QStringLiteral("MZXW6YTB");
        QTest::newRow("foobar") << QByteArray("foobar") << QStringLiteral("MZXW6YTBOI");
    }

    void encodesRfc4648VectorsWithoutPadding()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QCOMPARE(base32Encode(data), expected);
    }

    void twentyByteSecretIsThirtyTwoCharacters()
    {
        QCOMPARE(base32Encode(QByteArray("12345678901234567890")),
                 QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(base32Encode(QByteArray(20, '\xff')), QString(32, u'7'));
    }
};

QTEST_GUILESS_MAIN(TestBase32)
#include "tst_base32.moc"
