#include "api/TokenJson.h"

#include <QDateTime>
#include <QTest>

using tessera::api::TokenJson;

class TestTokenJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Vault clients parse expire_time and issue_time as RFC 3339: the
    // hand-written form must be exactly what QDateTime writes.
    void timesAreWhatQDateTimeWrites_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("before the epoch") << qint64(-86401);
        QTest::newRow("leap day")
            << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch();
        QTest::newRow("new year")
            << QDateTime(QDate(2027, 1, 1), QTime(0, 0, 0), Qt::UTC).toSecsSinceEpoch();
        QTest::newRow("single digits")
            << QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC).toSecsSinceEpoch();
        QTest::newRow("year 9999")
            << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch();
    }

    void timesAreWhatQDateTimeWrites()
    {
        QFETCH(qint64, seconds);
        QCOMPARE(TokenJson::time(seconds),
                 QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate));
    }
};

QTEST_GUILESS_MAIN(TestTokenJson)
#include "tst_tokenjson.moc"
