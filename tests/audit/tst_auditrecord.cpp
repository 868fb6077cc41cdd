#include "audit/AuditRecord.h"
#include "audit/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>
#include <cmath>
#include <limits>

using tessera::audit::AuditRecord;
using tessera::audit::CanonicalJson;

namespace {

AuditRecord sampleRecord()
{
    AuditRecord record;
    record.sequence = 42;
    record.timeMs = 1790000000123;
    record.operation = QStringLiteral("token.create");
    record.actor = QStringLiteral("acc.parent");
    record.targets = {QStringLiteral("acc.child1"), QStringLiteral("acc.child2")};
    record.client = QStringLiteral("api:127.0.0.1");
    record.requestId = QStringLiteral("req-7");
    record.outcome = QStringLiteral("ok");
    record.details = QJsonObject{{QStringLiteral("ttl"), 3600},
                                 {QStringLiteral("policies"),
                                  QJsonArray{QStringLiteral("default"), QStringLiteral("ebooks")}}};
    return record;
}

QJsonValue parseValue(const QByteArray& json)
{
    // QJsonDocument only parses arrays and objects at the top.
    return QJsonDocument::fromJson("[" + json + "]").array().at(0);
}

QByteArray lengthPrefixed(const QByteArray& text)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(text.size()), out.data());
    return out + text;
}

QByteArray bigEndian64(qint64 value)
{
    QByteArray out(8, Qt::Uninitialized);
    qToBigEndian<qint64>(value, out.data());
    return out;
}

} // namespace

class tst_AuditRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalFormFollowsTheDocumentedLayout()
    {
        // Pins the bytes: records MACed by one build must verify in every later one.
        const AuditRecord record = sampleRecord();
        const QByteArray expected =
            "TAR1" + bigEndian64(42) + bigEndian64(1790000000123) + lengthPrefixed("token.create") +
            lengthPrefixed("acc.parent") + lengthPrefixed("acc.child1,acc.child2") +
            lengthPrefixed("api:127.0.0.1") + lengthPrefixed("req-7") + lengthPrefixed("ok") +
            lengthPrefixed("{\"policies\":[\"default\",\"ebooks\"],\"ttl\":3600}");
        QCOMPARE(record.canonicalForm().toHex(), expected.toHex());
    }

    void canonicalFormIgnoresJsonKeyOrder()
    {
        AuditRecord first = sampleRecord();
        AuditRecord second = sampleRecord();
        first.details =
            QJsonDocument::fromJson(
                "{\"b\": 1, \"a\": {\"y\": [1, {\"q\": 2, \"p\": 3}], \"x\": 3.0}, \"c\": \"z\"}")
                .object();
        second.details = QJsonDocument::fromJson(
                             "{\"c\":\"z\",\"a\":{\"x\":3,\"y\":[1,{\"p\":3,\"q\":2}]},\"b\":1.0}")
                             .object();
        QVERIFY(!first.details.isEmpty());
        QCOMPARE(first.canonicalForm(), second.canonicalForm());
    }

    void canonicalFormChangesWithEveryField_data()
    {
        QTest::addColumn<int>("field");
        const char* names[] = {"sequence",     "time",   "operation",  "actor",   "targets",
                               "target order", "client", "request id", "outcome", "details"};
        for (int i = 0; i < int(std::size(names)); ++i)
            QTest::newRow(names[i]) << i;
    }
    void canonicalFormChangesWithEveryField()
    {
        QFETCH(int, field);
        const AuditRecord original = sampleRecord();
        AuditRecord changed = original;
        switch (field) {
        case 0:
            changed.sequence += 1;
            break;
        case 1:
            changed.timeMs += 1;
            break;
        case 2:
            changed.operation = QStringLiteral("token.revoke");
            break;
        case 3:
            changed.actor.clear();
            break;
        case 4:
            changed.targets.removeLast();
            break;
        case 5:
            std::swap(changed.targets[0], changed.targets[1]);
            break;
        case 6:
            changed.client = QStringLiteral("console");
            break;
        case 7:
            changed.requestId = QStringLiteral("req-8");
            break;
        case 8:
            changed.outcome = QStringLiteral("denied");
            break;
        case 9:
            changed.details.insert(QStringLiteral("ttl"), 3601);
            break;
        }
        QVERIFY(original.canonicalForm() != changed.canonicalForm());
    }

    void canonicalFormKeepsFieldBoundaries_data()
    {
        QTest::addColumn<QString>("actorA");
        QTest::addColumn<QString>("clientA");
        QTest::addColumn<QString>("actorB");
        QTest::addColumn<QString>("clientB");
        QTest::newRow("byte moved across") << "ab"
                                           << ""
                                           << "a"
                                           << "b";
        QTest::newRow("empty vs filled") << ""
                                         << "x"
                                         << "x"
                                         << "";
    }
    void canonicalFormKeepsFieldBoundaries()
    {
        QFETCH(QString, actorA);
        QFETCH(QString, clientA);
        QFETCH(QString, actorB);
        QFETCH(QString, clientB);
        AuditRecord a = sampleRecord();
        AuditRecord b = sampleRecord();
        a.actor = actorA;
        a.client = clientA;
        a.requestId.clear();
        b.actor = actorB;
        b.client = clientB;
        b.requestId.clear();
        QVERIFY(a.canonicalForm() != b.canonicalForm());
    }

    void canonicalJsonSpellsEachValueOneWay_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("whitespace and key order") << QByteArray("{ \"b\" : 2 , \"a\" : [ 1 , 2 ] }")
                                                  << QByteArray("{\"a\":[1,2],\"b\":2}");
        QTest::newRow("integral double") << QByteArray("3.0") << QByteArray("3");
        QTest::newRow("exponent integral") << QByteArray("1e3") << QByteArray("1000");
        QTest::newRow("negative zero") << QByteArray("-0.0") << QByteArray("0");
        QTest::newRow("fraction") << QByteArray("0.1") << QByteArray("0.1");
        QTest::newRow("huge") << QByteArray("1e300") << QByteArray("1e+300");
        QTest::newRow("int64 above 2^53")
            << QByteArray("1152921504606846977") << QByteArray("1152921504606846977");
        QTest::newRow("literals") << QByteArray("[true,false,null]")
                                  << QByteArray("[true,false,null]");
        QTest::newRow("escapes") << QByteArray("\"q\\\" b\\\\ n\\n t\\t c\\u0001 s\\/ u\\u00e9\"")
                                 << QByteArray("\"q\\\" b\\\\ n\\n t\\t c\\u0001 s/ u\xc3\xa9\"");
        QTest::newRow("escapes after non-ASCII") << QByteArray("\"\\u00e9\\n\\\"\\u0001x\"")
                                                 << QByteArray("\"\xc3\xa9\\n\\\"\\u0001x\"");
        QTest::newRow("non-BMP then control")
            << QByteArray("\"\\ud83d\\ude00\\t\"") << QByteArray("\"\xf0\x9f\x98\x80\\t\"");
        QTest::newRow("escaped key")
            << QByteArray("{\"b\":1,\"a\\\"\\n\":2}") << QByteArray("{\"a\\\"\\n\":2,\"b\":1}");
        QTest::newRow("nested") << QByteArray("{\"z\":{\"y\":[{\"b\":1.5,\"a\":\"\\u00fc\"}]}}")
                                << QByteArray("{\"z\":{\"y\":[{\"a\":\"\xc3\xbc\",\"b\":1.5}]}}");
        QTest::newRow("empty containers")
            << QByteArray("{\"o\":{},\"a\":[]}") << QByteArray("{\"a\":[],\"o\":{}}");
    }
    void canonicalJsonSpellsEachValueOneWay()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, canonical);
        const QJsonValue value = parseValue(input);
        QVERIFY2(!value.isUndefined(), input.constData());
        QCOMPARE(CanonicalJson::write(value), canonical);
        // Stable: reading the canonical text back gives the same text.
        QCOMPARE(CanonicalJson::write(parseValue(canonical)), canonical);
    }

    void canonicalJsonSortsKeysByUtf8NotUtf16()
    {
        // U+FFFD sorts after U+1F600 in UTF-16 (FFFD > D83D) but before it in
        // UTF-8 (EF < F0): the canonical order must not depend on Qt's ordering.
        QJsonObject object;
        object.insert(QString::fromUtf8("\xf0\x9f\x98\x80"), 1); // U+1F600
        object.insert(QString::fromUtf8("\xef\xbf\xbd"), 2);     // U+FFFD
        object.insert(QStringLiteral("a"), 3);
        QCOMPARE(CanonicalJson::write(object),
                 QByteArray("{\"a\":3,\"\xef\xbf\xbd\":2,\"\xf0\x9f\x98\x80\":1}"));
    }

    void nonFiniteNumbersBecomeNull()
    {
        QCOMPARE(CanonicalJson::write(QJsonValue(std::numeric_limits<double>::quiet_NaN())),
                 QByteArray("null"));
        QCOMPARE(CanonicalJson::write(QJsonValue(std::numeric_limits<double>::infinity())),
                 QByteArray("null"));
    }
};

QTEST_GUILESS_MAIN(tst_AuditRecord)
#include "tst_auditrecord.moc"
