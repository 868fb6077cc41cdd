#include "crypto/Kdf.h"

#include <QTest>

using namespace tessera;
using namespace tessera::crypto;

class TestKdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scryptMatchesRfc7914Vector_data()
    {
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<quint64>("n");
        QTest::addColumn<quint32>("r");
        QTest::addColumn<quint32>("p");
        QTest::addColumn<QByteArray>("expectedHex");

        QTest::newRow("empty passphrase and salt, N=16")
            << QByteArray() << QByteArray() << quint64(16) << quint32(1) << quint32(1)
            << QByteArray("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                          "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        QTest::newRow("password/NaCl, N=1024 r=8 p=16")
            << QByteArray("password") << QByteArray("NaCl") << quint64(1024) << quint32(8)
            << quint32(16)
            << QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                          "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    }

    void scryptMatchesRfc7914Vector()
    {
        QFETCH(QByteArray, passphrase);
        QFETCH(QByteArray, salt);
        QFETCH(quint64, n);
        QFETCH(quint32, r);
        QFETCH(quint32, p);
        QFETCH(QByteArray, expectedHex);
        const auto key = scrypt(passphrase, salt, ScryptParameters{n, r, p}, 64);
        QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
        QCOMPARE(key->toHex(), expectedHex);
    }

    void scryptDefaultLengthIs32Bytes()
    {
        const auto key = scrypt("passphrase", "salt", ScryptParameters{16, 1, 1});
        QVERIFY(key.ok());
        QCOMPARE(key->size(), 32);
    }

    void scryptDefaultParametersAreTheStoreProfile()
    {
        const ScryptParameters defaults;
        QCOMPARE(defaults.n, quint64(1) << 17);
        QCOMPARE(defaults.r, quint32(8));
        QCOMPARE(defaults.p, quint32(1));
    }

    void scryptAcceptsAboveOpenSslsDefaultMemoryLimit()
    {
        // N=2^15, r=8 needs 32 MiB + a little: just above OpenSSL's default 32 MiB limit, so
        // this fails unless the limit is passed explicitly (as the store's 2^17 profile needs).
        const auto key = scrypt("passphrase", "salt", ScryptParameters{1u << 15, 8, 1});
        QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
        QCOMPARE(key->size(), 32);
    }

    void scryptRejectsInvalidParameters_data()
    {
        QTest::addColumn<quint64>("n");
        QTest::addColumn<quint32>("r");
        QTest::addColumn<quint32>("p");
        QTest::addColumn<int>("length");

        QTest::newRow("N not a power of two") << quint64(1000) << quint32(8) << quint32(1) << 32;
        QTest::newRow("N of one") << quint64(1) << quint32(8) << quint32(1) << 32;
        QTest::newRow("N of zero") << quint64(0) << quint32(8) << quint32(1) << 32;
        QTest::newRow("r of zero") << quint64(16) << quint32(0) << quint32(1) << 32;
        QTest::newRow("p of zero") << quint64(16) << quint32(1) << quint32(0) << 32;
        QTest::newRow("N too large for r=1")
            << (quint64(1) << 16) << quint32(1) << quint32(1) << 32;
        QTest::newRow("more than 1 GiB of memory")
            << (quint64(1) << 21) << quint32(8) << quint32(1) << 32;
        QTest::newRow("absurd N") << (quint64(1) << 62) << quint32(8) << quint32(1) << 32;
        QTest::newRow("zero length") << quint64(16) << quint32(1) << quint32(1) << 0;
        QTest::newRow("negative length") << quint64(16) << quint32(1) << quint32(1) << -8;
    }

    void scryptRejectsInvalidParameters()
    {
        QFETCH(quint64, n);
        QFETCH(quint32, r);
        QFETCH(quint32, p);
        QFETCH(int, length);
        const auto key = scrypt("passphrase", "salt", ScryptParameters{n, r, p}, length);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
    }

    void pbkdf2Sha512MatchesKnownVector_data()
    {
        QTest::addColumn<int>("iterations");
        QTest::addColumn<QByteArray>("expectedHex");

        QTest::newRow("1 iteration")
            << 1
            << QByteArray("867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                          "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce");
        QTest::newRow("4096 iterations")
            << 4096
            << QByteArray("d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5"
                          "143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5");
    }

    void pbkdf2Sha512MatchesKnownVector()
    {
        QFETCH(int, iterations);
        QFETCH(QByteArray, expectedHex);
        const auto key = pbkdf2Sha512("password", "salt", iterations, 64);
        QVERIFY(key.ok());
        QCOMPARE(key->toHex(), expectedHex);
    }

    void pbkdf2Sha512RejectsInvalidArguments()
    {
        QCOMPARE(pbkdf2Sha512("password", "salt", 0).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(pbkdf2Sha512("password", "salt", -1).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(pbkdf2Sha512("password", "salt", 1, 0).error().code, ErrorCode::InvalidArgument);
    }

    void differentSaltsGiveDifferentKeys()
    {
        const ScryptParameters cheap{16, 1, 1};
        QVERIFY(*scrypt("passphrase", "salt-1", cheap) != *scrypt("passphrase", "salt-2", cheap));
        QVERIFY(*pbkdf2Sha512("passphrase", "salt-1", 10) !=
                *pbkdf2Sha512("passphrase", "salt-2", 10));
    }
};

QTEST_GUILESS_MAIN(TestKdf)
#include "tst_kdf.moc"
