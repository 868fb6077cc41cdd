#include "audit/CanonicalJson.h"
#include "audit/PersonalFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using tessera::audit::CanonicalJson;
using tessera::audit::PersonalFields;

namespace {

QJsonObject parsed(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_PersonalFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientAddressIsPersonalItsKindIsNot_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("publicPart");
        QTest::addColumn<bool>("personal");
        QTest::newRow("console") << "console"
                                 << "console" << false;
        QTest::newRow("cli") << "cli"
                             << "cli" << false;
        QTest::newRow("desk") << "console:jdoe@desk-3"
                              << "console" << true;
        QTest::newRow("expiry") << "expiry"
                                << "expiry" << false;
        QTest::newRow("ipv4") << "api:192.0.2.7"
                              << "api" << true;
        QTest::newRow("ipv6") << "api:[::1]"
                              << "api" << true;
    }
    void clientAddressIsPersonalItsKindIsNot()
    {
        QFETCH(QString, client);
        QFETCH(QString, publicPart);
        QFETCH(bool, personal);
        const PersonalFields::Split split = PersonalFields::split(client, {});
        QCOMPARE(split.publicClient, publicPart);
        QCOMPARE(PersonalFields::publicClient(QByteArrayView(client.toUtf8())),
                 QByteArrayView(publicPart.toUtf8()));
        QCOMPARE(parsed(split.personal).contains(QStringLiteral("client")), personal);
    }

    void patronDetailsArePersonalAndAdministrationIsNot()
    {
        const QJsonObject details{
            {QStringLiteral("display_name"), QStringLiteral("Ana Pérez")},
            {QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("card_number"), QStringLiteral("4411")}}},
            {QStringLiteral("username"), QStringLiteral("ana")},
            {QStringLiteral("path"), QStringLiteral("gate/ebooks.example/chapter-3")},
            {QStringLiteral("policies"), QJsonArray{QStringLiteral("default")}},
            {QStringLiteral("ttl"), 3600},
            {QStringLiteral("role"), QStringLiteral("visitor")},
            {QStringLiteral("revoked"), 4}};
        const PersonalFields::Split split = PersonalFields::split(QStringLiteral("cli"), details);
        QCOMPARE(parsed(split.publicDetails).keys(),
                 (QStringList{QStringLiteral("policies"), QStringLiteral("revoked"),
                              QStringLiteral("role"), QStringLiteral("ttl")}));
        QCOMPARE(parsed(split.personal).value(QStringLiteral("details")).toObject().keys(),
                 (QStringList{QStringLiteral("display_name"), QStringLiteral("meta"),
                              QStringLiteral("path"), QStringLiteral("username")}));
    }

    void detailsNobodyDeclaredPublicArePersonal()
    {
        const PersonalFields::Split split = PersonalFields::split(
            QStringLiteral("console"), {{QStringLiteral("favourite_book"), QStringLiteral("x")}});
        QCOMPARE(split.publicDetails, QByteArray("{}"));
        QVERIFY(!PersonalFields::isPublicDetail(QStringLiteral("favourite_book")));
        QVERIFY(PersonalFields::isPublicDetail(QStringLiteral("policies")));
    }

    void recordWithoutPersonalDetailsHasNoPersonalPart()
    {
        const PersonalFields::Split split = PersonalFields::split(
            QStringLiteral("console"), {{QStringLiteral("policy"), QStringLiteral("p")}});
        QVERIFY(split.personal.isEmpty());
    }

    void mergingThePersonalPartBackRestoresTheRecord()
    {
        const QString client = QStringLiteral("api:192.0.2.7");
        const QJsonObject details{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("patron_id"),
                                                                        QStringLiteral("77")}}},
                                  {QStringLiteral("ttl"), 60}};
        const PersonalFields::Split split = PersonalFields::split(client, details);
        QString mergedClient = split.publicClient;
        QJsonObject mergedDetails = parsed(split.publicDetails);
        PersonalFields::merge(parsed(split.personal), mergedClient, mergedDetails);
        QCOMPARE(mergedClient, client);
        QCOMPARE(mergedDetails, details);
    }

    void personalPartIsCanonicalJsonOfClientAndDetails()
    {
        // The bytes the digest covers: keys in order, no spaces, both parts.
        const PersonalFields::Split split = PersonalFields::split(
            QStringLiteral("api:192.0.2.7"),
            {{QStringLiteral("ttl"), 60},
             {QStringLiteral("meta"),
              QJsonObject{{QStringLiteral("patron_id"), QStringLiteral("77")}}},
             {QStringLiteral("display_name"), QStringLiteral("Ana")}});
        QCOMPARE(split.publicDetails, QByteArray(R"({"ttl":60})"));
        QCOMPARE(split.personal,
                 QByteArray(R"({"client":"api:192.0.2.7","details":{"display_name":"Ana",)"
                            R"("meta":{"patron_id":"77"}}})"));
        QVERIFY(split.readsBackEqual);
        const PersonalFields::Split clientOnly =
            PersonalFields::split(QStringLiteral("api:[::1]"), {{QStringLiteral("ttl"), 60}});
        QCOMPARE(clientOnly.personal, QByteArray(R"({"client":"api:[::1]"})"));
    }

    void eachPartOrdersItsKeysByTheirUtf8Bytes()
    {
        // U+FF01 sorts before U+1F600 in UTF-8 (EF… < F0…) but after it in
        // UTF-16 (FF01 > D83D): each part is ordered as an object of its own
        // keys would be, whichever part holds the key that needs the bytes.
        const QString fullwidth = QString(QChar(0xFF01));
        const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80");
        const PersonalFields::Split split = PersonalFields::split(
            QStringLiteral("cli"), {{emoji, 1}, {fullwidth, 2}, {QStringLiteral("ttl"), 60}});
        QCOMPARE(split.publicDetails, QByteArray(R"({"ttl":60})"));
        QCOMPARE(split.personal, QByteArray(R"({"details":{")") + fullwidth.toUtf8() +
                                     QByteArray(R"(":2,")") + emoji.toUtf8() +
                                     QByteArray(R"(":1}})"));
        QCOMPARE(split.personal,
                 CanonicalJson::write(QJsonObject{
                     {QStringLiteral("details"), QJsonObject{{emoji, 1}, {fullwidth, 2}}}}));
    }

    void digestDependsOnTheSalt()
    {
        // The same short card number under two salts: the digest alone, once the
        // salt is gone, cannot be matched against a list of card numbers.
        const QByteArray personal = R"({"details":{"meta":{"card":"4411"}}})";
        char first[32];
        char second[32];
        char again[32];
        PersonalFields::digestInto(QByteArray(16, 'a'), personal, first);
        PersonalFields::digestInto(QByteArray(16, 'b'), personal, second);
        PersonalFields::digestInto(QByteArray(16, 'a'), personal, again);
        QVERIFY(QByteArrayView(first, 32) != QByteArrayView(second, 32));
        QCOMPARE(QByteArrayView(first, 32), QByteArrayView(again, 32));
        QVERIFY(QByteArrayView(first, 32) != PersonalFields::noPersonalDigest());
    }
};

QTEST_GUILESS_MAIN(tst_PersonalFields)
#include "tst_personalfields.moc"
