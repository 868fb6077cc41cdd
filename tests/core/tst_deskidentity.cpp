// The desk an audit record names: account@host, safe to put in a client
// string after its kind (no ':' or ',' or spaces), bounded.
#include "core/DeskIdentity.h"

#include <QTest>

using namespace Qt::StringLiterals;
using tessera::DeskIdentity;

class TestDeskIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accountAndShortHostNameTheDesk_data();
    void accountAndShortHostNameTheDesk();
    void currentDeskIsOneWordAfterTheKind();
};

void TestDeskIdentity::accountAndShortHostNameTheDesk_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("desk");
    QTest::newRow("plain") << u"jdoe"_s << u"desk-3"_s << u"jdoe@desk-3"_s;
    QTest::newRow("domain dropped")
        << u"jdoe"_s << u"desk-3.library.example.org"_s << u"jdoe@desk-3"_s;
    QTest::newRow("separators replaced") << u"j doe:x,y"_s << u"desk 3"_s << u"j_doe_x_y@desk_3"_s;
    QTest::newRow("non-ASCII replaced") << u"jérôme"_s << u"mostrador"_s << u"j_r_me@mostrador"_s;
    QTest::newRow("empty parts") << QString() << QString() << u"unknown@unknown"_s;
    QTest::newRow("bounded") << QString(500, u'a') << QString(500, u'b')
                             << QString(63, u'a') + u'@' + QString(63, u'b');
}

void TestDeskIdentity::accountAndShortHostNameTheDesk()
{
    QFETCH(QString, account);
    QFETCH(QString, host);
    QFETCH(QString, desk);
    QCOMPARE(DeskIdentity::of(account, host), desk);
    QVERIFY(DeskIdentity::of(account, host).size() <= DeskIdentity::kMaxLength);
}

void TestDeskIdentity::currentDeskIsOneWordAfterTheKind()
{
    const QString client = DeskIdentity::client(u"cli"_s);
    QVERIFY(client.startsWith(u"cli:"_s));
    QCOMPARE(client.count(u':'), 1);
    QCOMPARE(client.count(u'@'), 1);
    QVERIFY(!client.contains(u' ') && !client.contains(u','));
}

QTEST_GUILESS_MAIN(TestDeskIdentity)
#include "tst_deskidentity.moc"
