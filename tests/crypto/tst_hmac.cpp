#include "crypto/Hmac.h"

#include <QTest>
#include <QtConcurrent>
#include <optional>

using namespace tessera::crypto;

class TestHmac : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hmacMatchesRfc4231TestVector_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expectedHex");

        QTest::newRow("test case 1")
            << QByteArray(20, '\x0b') << QByteArray("Hi There")
            << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("test case 2")
            << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("test case 6: key longer than a block")
            << QByteArray(131, '\xaa')
            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    void hmacMatchesRfc4231TestVector()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expectedHex);
        const HmacSha256 hmac(key);
        QCOMPARE(hmac.mac(data).toHex(), expectedHex);
        // Again, now through this thread's cached context rather than a fresh copy.
        QCOMPARE(hmac.mac(data).toHex(), expectedHex);
    }

    void twoPartMacEqualsMacOfConcatenation()
    {
        const HmacSha256 hmac(QByteArray(32, '\x42'));
        const QByteArray previous = hmac.mac("genesis");
        const QByteArray record = R"({"type":"token.create"})";
        QCOMPARE(hmac.mac(previous, record), hmac.mac(previous + record));
        QCOMPARE(hmac.mac(QByteArrayView(), record), hmac.mac(record));
        QVERIFY(hmac.mac(previous, record) != hmac.mac(record, previous));
    }

    void tagIsPrefixedLowercaseHex()
    {
        const HmacSha256 hmac(QByteArray(20, '\x0b'));
        QCOMPARE(
            hmac.tag("Hi There"),
            QStringLiteral("hmac-sha256:"
                           "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
    }

    void differentKeysGiveDifferentMacs()
    {
        const HmacSha256 first(QByteArray(32, '\x01'));
        const HmacSha256 second(QByteArray(32, '\x02'));
        QCOMPARE(first.mac("data").size(), HmacSha256::kSize);
        QVERIFY(first.mac("data") != second.mac("data"));
        // Interleaved use on one thread must not mix up the cached contexts.
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(first.mac("data"), HmacSha256(QByteArray(32, '\x01')).mac("data"));
            QCOMPARE(second.mac("data"), HmacSha256(QByteArray(32, '\x02')).mac("data"));
        }
    }

    void recreatedInstanceNeverUsesAnEarlierKey()
    {
        // A new instance may well get the address of a destroyed one; its MACs must still
        // come from its own key.
        const QByteArray expectedB = HmacSha256("key-b").mac("message");
        for (int i = 0; i < 20; ++i) {
            std::optional<HmacSha256> hmac;
            hmac.emplace("key-a");
            const QByteArray a = hmac->mac("message");
            hmac.reset();
            hmac.emplace("key-b");
            QCOMPARE(hmac->mac("message"), expectedB);
            QVERIFY(a != expectedB);
        }
    }

    void manyInstancesOnOneThreadStayCorrect()
    {
        // More instances than the per-thread cache holds, used round-robin.
        std::vector<HmacSha256> macs;
        QList<QByteArray> expected;
        for (int i = 0; i < 20; ++i) {
            const QByteArray key = "key-" + QByteArray::number(i);
            macs.emplace_back(key);
            expected.append(HmacSha256(key).mac("payload"));
        }
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 20; ++i)
                QCOMPARE(macs[size_t(i)].mac("payload"), expected[i]);
        }
    }

    void movedInstanceKeepsItsKey()
    {
        HmacSha256 original("moving key");
        const QByteArray before = original.mac("data");
        HmacSha256 moved(std::move(original));
        QCOMPARE(moved.mac("data"), before);
        HmacSha256 assigned("other key");
        assigned = std::move(moved);
        QCOMPARE(assigned.mac("data"), before);
    }

    void emptyKeyAndEmptyDataAreAllowed()
    {
        // HMAC-SHA256 with an empty key of an empty message, a well-known value.
        QCOMPARE(HmacSha256(QByteArrayView()).mac(QByteArrayView()).toHex(),
                 QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
    }

    void macIsSameFromManyThreads()
    {
        const HmacSha256 hmac(QByteArray(32, '\x5a'));
        QList<QByteArray> messages;
        for (int i = 0; i < 64; ++i)
            messages.append("message " + QByteArray::number(i));
        QList<QByteArray> expected;
        for (const QByteArray& message : messages)
            expected.append(HmacSha256(QByteArray(32, '\x5a')).mac(message));

        QThreadPool pool;
        pool.setMaxThreadCount(8);
        const auto results =
            QtConcurrent::blockingMapped(&pool, messages, [&hmac](const QByteArray& message) {
                QByteArray last;
                for (int i = 0; i < 2000; ++i)
                    last = hmac.mac(message);
                return last;
            });
        QCOMPARE(results, expected);
    }
};

QTEST_GUILESS_MAIN(TestHmac)
#include "tst_hmac.moc"
