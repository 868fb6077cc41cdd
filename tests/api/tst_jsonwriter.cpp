#include "api/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <limits>

using tessera::api::JsonWriter;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesWhatQtJsonReadsBack()
    {
        JsonWriter json;
        json.beginObject()
            .field("name", QStringLiteral("Ada"))
            .field("uses", 3)
            .field("ttl", qint64(86400))
            .field("renewable", true)
            .field("policies", QStringList{QStringLiteral("default"), QStringLiteral("ebooks")})
            .key("expire_time")
            .null()
            .key("meta")
            .beginObject()
            .key(QStringLiteral("card"))
            .value(QStringLiteral("4711"))
            .endObject()
            .key("empty")
            .beginObject()
            .endObject()
            .key("nested")
            .raw(R"({"a":[1,2]})")
            .endObject();
        QJsonParseError error;
        const QJsonObject read = QJsonDocument::fromJson(json.take(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(read[QStringLiteral("name")].toString(), QStringLiteral("Ada"));
        QCOMPARE(read[QStringLiteral("uses")].toInt(), 3);
        QCOMPARE(read[QStringLiteral("ttl")].toInteger(), 86400);
        QCOMPARE(read[QStringLiteral("renewable")].toBool(), true);
        QCOMPARE(read[QStringLiteral("policies")].toArray().size(), 2);
        QVERIFY(read[QStringLiteral("expire_time")].isNull());
        QCOMPARE(read[QStringLiteral("meta")][QStringLiteral("card")].toString(),
                 QStringLiteral("4711"));
        QVERIFY(read[QStringLiteral("empty")].toObject().isEmpty());
        QCOMPARE(read[QStringLiteral("nested")][QStringLiteral("a")].toArray().size(), 2);
    }

    // Metadata comes from patrons' records: quotes, backslashes, control
    // characters and non-ASCII text must survive, in keys too.
    void escapesAnyTextInKeysAndValues()
    {
        const QString nasty = QStringLiteral("a\"b\\c\nd\te") + QChar(0x01) +
                              QString::fromUtf8("\xc3\xb1\xe2\x82\xac\xf0\x9f\x93\x9a");
        JsonWriter json;
        json.beginObject().key(nasty).value(nasty).endObject();
        const QByteArray text = json.take();
        QJsonParseError error;
        const QJsonObject read = QJsonDocument::fromJson(text, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(read.keys(), QStringList{nasty});
        QCOMPARE(read[nasty].toString(), nasty);
        QVERIFY(!text.contains('\n'));
    }

    // Plain text is copied in runs between the characters that need care: every
    // run must land where it was, whichever kind of character ends it.
    void textMixingPlainEscapedAndNonAsciiRunsKeepsItsOrder()
    {
        const QString mixed = QStringLiteral("ab\"cd") +
                              QString::fromUtf8("\xe2\x82\xac\xf0\x9f\x93\x9a") +
                              QStringLiteral("ef") + QChar(0x1f) + QStringLiteral("gh\\") +
                              QString::fromUtf8("\xc3\xb1") + QStringLiteral("end");
        JsonWriter json;
        json.beginObject().field("text", mixed).endObject();
        const QByteArray text = json.take();
        QCOMPARE(text, QByteArray("{\"text\":\"ab\\\"cd\xe2\x82\xac\xf0\x9f\x93\x9a"
                                  "ef\\u001fgh\\\\\xc3\xb1"
                                  "end\"}"));
        QCOMPARE(QJsonDocument::fromJson(text).object()[QStringLiteral("text")].toString(), mixed);
    }

    void numbersAtTheLimitsAreWrittenExactly()
    {
        JsonWriter json;
        json.beginObject()
            .field("min", std::numeric_limits<qint64>::min())
            .field("max", std::numeric_limits<qint64>::max())
            .field("zero", 0)
            .field("negative", -42)
            .endObject();
        QCOMPARE(json.take(), QByteArray(R"({"min":-9223372036854775808,"max":9223372036854775807,)"
                                         R"("zero":0,"negative":-42})"));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
