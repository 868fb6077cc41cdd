#include "crypto/Aead.h"

#include <QTest>
#include <QtConcurrent>

using namespace tessera;
using namespace tessera::crypto;

namespace {

const QByteArray kKey =
    QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

} // namespace

class TestAead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sealedBlobOpensToPlaintext()
    {
        const QByteArray plaintext = "batch token body: policies=default,ebooks ttl=3600";
        const auto sealed = Aes256Gcm::seal(kKey, plaintext, "tsb.v1");
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->size(), plaintext.size() + Aes256Gcm::kOverhead);
        QVERIFY(!sealed->contains(plaintext));
        const auto opened = Aes256Gcm::open(kKey, *sealed, "tsb.v1");
        QVERIFY(opened.ok());
        QCOMPARE(*opened, plaintext);
    }

    void emptyPlaintextRoundTrips()
    {
        const auto sealed = Aes256Gcm::seal(kKey, QByteArrayView());
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->size(), Aes256Gcm::kOverhead);
        const auto opened = Aes256Gcm::open(kKey, *sealed);
        QVERIFY(opened.ok());
        QVERIFY(opened->isEmpty());
    }

    void sealingTwiceUsesFreshNonces()
    {
        const auto first = Aes256Gcm::seal(kKey, "same plaintext");
        const auto second = Aes256Gcm::seal(kKey, "same plaintext");
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first->left(Aes256Gcm::kNonceSize) != second->left(Aes256Gcm::kNonceSize));
        QVERIFY(*first != *second);
    }

    void openMatchesGcmSpecTestCase16()
    {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256,
        // 96-bit IV, with associated data), in our nonce | ciphertext | tag layout.
        const QByteArray key =
            QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray sealed =
            QByteArray::fromHex("cafebabefacedbaddecaf888"
                                "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                                "76fc6ece0f4e1768cddf8853bb2d551b");
        const QByteArray associatedData =
            QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        const auto opened = Aes256Gcm::open(key, sealed, associatedData);
        QVERIFY(opened.ok());
        QCOMPARE(opened->toHex(),
                 QByteArray("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"));
    }

    void tamperedCiphertextFailsToOpen()
    {
        const auto sealed = Aes256Gcm::seal(kKey, "the plaintext to protect", "context");
        QVERIFY(sealed.ok());
        // Every single-bit flip anywhere (nonce, ciphertext, tag) must be caught.
        for (int byte = 0; byte < sealed->size(); ++byte) {
            for (int bit = 0; bit < 8; bit += 3) {
                QByteArray tampered = *sealed;
                tampered[byte] = char(tampered[byte] ^ (1 << bit));
                const auto opened = Aes256Gcm::open(kKey, tampered, "context");
                QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1").arg(byte)));
                QCOMPARE(opened.error().code, ErrorCode::InvalidArgument);
            }
        }
        // The thread's context is still usable after all those failures.
        QVERIFY(Aes256Gcm::open(kKey, *sealed, "context").ok());
    }

    void wrongAssociatedDataFailsToOpen()
    {
        const auto sealed = Aes256Gcm::seal(kKey, "payload", "key id 1");
        QVERIFY(sealed.ok());
        QCOMPARE(Aes256Gcm::open(kKey, *sealed, "key id 2").error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(Aes256Gcm::open(kKey, *sealed).error().code, ErrorCode::InvalidArgument);
    }

    void wrongKeyFailsToOpen()
    {
        const auto sealed = Aes256Gcm::seal(kKey, "payload");
        QVERIFY(sealed.ok());
        QByteArray otherKey = kKey;
        otherKey[31] = char(otherKey[31] ^ 1);
        const auto opened = Aes256Gcm::open(otherKey, *sealed);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!opened.error().message.isEmpty());
    }

    void shortOrTruncatedInputFailsToOpen_data()
    {
        QTest::addColumn<int>("keep");
        QTest::newRow("empty") << 0;
        QTest::newRow("nonce only") << Aes256Gcm::kNonceSize;
        QTest::newRow("one byte short of the overhead") << Aes256Gcm::kOverhead - 1;
        QTest::newRow("overhead only, tag cut from the real one") << Aes256Gcm::kOverhead;
        QTest::newRow("last byte cut") << -1;
    }

    void shortOrTruncatedInputFailsToOpen()
    {
        QFETCH(int, keep);
        const auto sealed = Aes256Gcm::seal(kKey, "some payload");
        QVERIFY(sealed.ok());
        const QByteArray input = keep >= 0 ? sealed->left(keep) : sealed->chopped(-keep);
        const auto opened = Aes256Gcm::open(kKey, input);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::InvalidArgument);
    }

    void keyOfWrongSizeIsRejected_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("AES-128 sized") << QByteArray(16, 'k');
        QTest::newRow("one byte too long") << QByteArray(33, 'k');
    }

    void keyOfWrongSizeIsRejected()
    {
        QFETCH(QByteArray, key);
        const auto sealed = Aes256Gcm::seal(key, "payload");
        QVERIFY(!sealed.ok());
        QCOMPARE(sealed.error().code, ErrorCode::InvalidArgument);
        const auto validBlob = Aes256Gcm::seal(kKey, "payload");
        QVERIFY(validBlob.ok());
        QCOMPARE(Aes256Gcm::open(key, *validBlob).error().code, ErrorCode::InvalidArgument);
    }

    void sealAndOpenWorkFromManyThreads()
    {
        QList<QByteArray> plaintexts;
        for (int i = 0; i < 32; ++i)
            plaintexts.append("payload number " + QByteArray::number(i));
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        const auto roundTripped =
            QtConcurrent::blockingMapped(&pool, plaintexts, [](const QByteArray& plaintext) {
                QByteArray last;
                for (int i = 0; i < 500; ++i) {
                    const auto sealed = Aes256Gcm::seal(kKey, plaintext, "ad");
                    const auto opened = sealed ? Aes256Gcm::open(kKey, *sealed, "ad")
                                               : Result<QByteArray>(sealed.error());
                    if (!opened)
                        return QByteArray("failed");
                    last = *opened;
                }
                return last;
            });
        QCOMPARE(roundTripped, plaintexts);
    }

    void largePlaintextRoundTrips()
    {
        QByteArray plaintext(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < plaintext.size(); ++i)
            plaintext[i] = char(i * 31);
        const auto sealed = Aes256Gcm::seal(kKey, plaintext);
        QVERIFY(sealed.ok());
        const auto opened = Aes256Gcm::open(kKey, *sealed);
        QVERIFY(opened.ok());
        QCOMPARE(*opened, plaintext);
    }
};

QTEST_GUILESS_MAIN(TestAead)
#include "tst_aead.moc"
