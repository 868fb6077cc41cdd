// HMAC-SHA1, the MAC under TOTP codes: RFC 2202's test cases.
#include "crypto/HmacSha1.h"

#include <QTest>

using namespace tessera::crypto;

class TestHmacSha1 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void macMatchesRfc2202TestVector_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expectedHex");

        QTest::newRow("test case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                     << QByteArray("b617318655057264e28bc0b6fb378c8ef146be00");
        QTest::newRow("test case 2")
            << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << QByteArray("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        QTest::newRow("test case 6: key longer than a block")
            << QByteArray(80, '\xaa')
            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("aa4ae5e15272d00e95705637ce8a3b55ed402112");
    }

    void macMatchesRfc2202TestVector()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expectedHex);
        QCOMPARE(HmacSha1::mac(key, data).toHex(), expectedHex);
    }

    void macIsTwentyBytesForEmptyInput()
    {
        QCOMPARE(HmacSha1::mac(QByteArray("key"), QByteArray()).size(), HmacSha1::kSize);
    }
};

QTEST_GUILESS_MAIN(TestHmacSha1)
#include "tst_hmacsha1.moc"
