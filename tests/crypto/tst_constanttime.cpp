#include "crypto/ConstantTime.h"

#include <QTest>

using namespace tessera::crypto;

class TestConstantTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comparison_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");

        QTest::newRow("same bytes")
            << QByteArray("secret-token") << QByteArray("secret-token") << true;
        QTest::newRow("both empty") << QByteArray() << QByteArray("") << true;
        QTest::newRow("last byte differs")
            << QByteArray("secret-token") << QByteArray("secret-tokem") << false;
        QTest::newRow("first byte differs")
            << QByteArray("secret-token") << QByteArray("Secret-token") << false;
        QTest::newRow("prefix is not equal")
            << QByteArray("secret") << QByteArray("secret-token") << false;
        QTest::newRow("empty against non-empty") << QByteArray() << QByteArray("x") << false;
        QTest::newRow("embedded zero bytes count")
            << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
    }

    void comparison()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(constantTimeEquals(a, b), equal);
        QCOMPARE(constantTimeEquals(b, a), equal);
    }
};

QTEST_GUILESS_MAIN(TestConstantTime)
#include "tst_constanttime.moc"
