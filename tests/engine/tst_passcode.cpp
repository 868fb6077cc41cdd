// PassCode (docs/ARCHITECTURE.md, «Pass codes»): 12 characters of Crockford's
// base 32 and a Damm check character, read forgivingly, printed in groups.
#include "engine/PassCode.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;

namespace {

const QString kAlphabet = QString::fromLatin1(PassCode::kAlphabet);

// A fixed sample of data parts: every code in the tests is reproducible.
QStringList sampleData()
{
    QStringList sample;
    quint32 state = 12345;
    for (int i = 0; i < 64; ++i) {
        QString data;
        for (int j = 0; j < PassCode::kDataLength; ++j) {
            state = state * 1103515245u + 12345u;
            data.append(kAlphabet.at(int((state >> 16) % 32)));
        }
        sample.append(data);
    }
    sample.append(QString(PassCode::kDataLength, u'0'));
    sample.append(QString(PassCode::kDataLength, u'Z'));
    return sample;
}

QString withCheck(const QString& data)
{
    return data + PassCode::checkCharacter(data);
}

} // namespace

class TestPassCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomCodeHasThirteenCharactersOfTheAlphabet();
    void randomCodesDiffer();
    void groupedCodeIsFourFourFourOne();
    void groupedCodeReadsBack();
    void lookAlikesCaseAndSeparatorsAreForgiven_data();
    void lookAlikesCaseAndSeparatorsAreForgiven();
    void everySingleWrongCharacterIsCaught();
    void everySwapOfNeighboursIsCaught();
    void wrongLengthIsRefusedWithoutEchoingTheCode_data();
    void wrongLengthIsRefusedWithoutEchoingTheCode();
    void foreignCharacterIsRefusedWithoutEchoingTheCode();
    void typoMessageDoesNotEchoTheCode();
};

void TestPassCode::randomCodeHasThirteenCharactersOfTheAlphabet()
{
    const PassCode code = PassCode::random();
    QCOMPARE(code.normalised().size(), PassCode::kLength);
    for (const QChar c : code.normalised())
        QVERIFY2(kAlphabet.contains(c), qPrintable(code.normalised()));
    QCOMPARE(code.normalised().back(),
             PassCode::checkCharacter(QStringView(code.normalised()).first(12)));
}

void TestPassCode::randomCodesDiffer()
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i)
        seen.insert(PassCode::random().normalised());
    QCOMPARE(seen.size(), 1000);
}

void TestPassCode::groupedCodeIsFourFourFourOne()
{
    auto code = PassCode::parse(withCheck(u"0123456789AB"_s));
    QVERIFY(code);
    QCOMPARE(code->grouped(), u"0123-4567-89AB-"_s + code->normalised().back());
}

void TestPassCode::groupedCodeReadsBack()
{
    for (int i = 0; i < 100; ++i) {
        const PassCode code = PassCode::random();
        auto read = PassCode::parse(code.grouped());
        QVERIFY(read);
        QCOMPARE(read->normalised(), code.normalised());
    }
}

void TestPassCode::lookAlikesCaseAndSeparatorsAreForgiven_data()
{
    // The data part holds 0, 1 and letters so that O, I and L can stand in.
    const QString code = withCheck(u"10AB1C0DEF1G"_s);
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("as printed") << code << code;
    QTest::newRow("lower case") << code.toLower() << code;
    QTest::newRow("O for 0, I and L for 1") << u"IOAB"_s + u"LCODEFIG"_s + code.back() << code;
    QTest::newRow("lower-case look-alikes") << u"ioabLcodef1g"_s + code.back().toLower() << code;
    QTest::newRow("hyphens") << code.left(4) + u'-' + code.mid(4, 4) + u'-' + code.mid(8, 4) +
                                    u'-' + code.back()
                             << code;
    QTest::newRow("spaces") << u"  "_s + code.left(4) + u' ' + code.mid(4, 4) + u"  "_s +
                                   code.mid(8) + u' '
                            << code;
}

void TestPassCode::lookAlikesCaseAndSeparatorsAreForgiven()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    auto code = PassCode::parse(typed);
    QVERIFY2(code, qPrintable(code ? QString() : code.error().message));
    QCOMPARE(code->normalised(), expected);
}

void TestPassCode::everySingleWrongCharacterIsCaught()
{
    // Exhaustive over the sample: each of the 13 places, each of the 31 other
    // characters.
    int tried = 0;
    for (const QString& data : sampleData()) {
        const QString code = withCheck(data);
        QVERIFY(PassCode::parse(code));
        for (int place = 0; place < PassCode::kLength; ++place) {
            for (const QChar other : kAlphabet) {
                if (other == code.at(place))
                    continue;
                QString wrong = code;
                wrong[place] = other;
                QVERIFY2(!PassCode::parse(wrong), qPrintable(code + u" → "_s + wrong));
                ++tried;
            }
        }
    }
    QCOMPARE(tried, sampleData().size() * PassCode::kLength * 31);
}

void TestPassCode::everySwapOfNeighboursIsCaught()
{
    // Every pair of different neighbours of every place, the check character
    // included, on codes whose other characters come from the sample.
    int tried = 0;
    for (const QString& data : sampleData()) {
        for (int place = 0; place + 1 < PassCode::kLength; ++place) {
            for (const QChar a : kAlphabet) {
                for (const QChar b : kAlphabet) {
                    if (a == b)
                        continue;
                    QString code;
                    if (place + 1 < PassCode::kDataLength) {
                        QString changed = data;
                        changed[place] = a;
                        changed[place + 1] = b;
                        code = withCheck(changed);
                    } else {
                        // The last data character and the check character:
                        // take the data whose check character is `b`.
                        QString changed = data;
                        changed[place] = a;
                        code = withCheck(changed);
                        if (code.back() != b)
                            continue;
                    }
                    QString swapped = code;
                    std::swap(swapped[place], swapped[place + 1]);
                    QVERIFY2(!PassCode::parse(swapped), qPrintable(code + u" → "_s + swapped));
                    ++tried;
                }
            }
        }
    }
    QVERIFY(tried > sampleData().size() * 11 * 32 * 31);
}

void TestPassCode::wrongLengthIsRefusedWithoutEchoingTheCode_data()
{
    const QString code = PassCode::random().normalised();
    QTest::addColumn<QString>("typed");
    QTest::newRow("empty") << QString();
    QTest::newRow("one short") << code.left(12);
    QTest::newRow("one more") << code + u'7';
    QTest::newRow("pasted twice") << code + code;
}

void TestPassCode::wrongLengthIsRefusedWithoutEchoingTheCode()
{
    QFETCH(QString, typed);
    auto code = PassCode::parse(typed);
    QVERIFY(!code);
    QCOMPARE(code.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(code.error().message.contains(u"A code has 13 characters"_s),
             qPrintable(code.error().message));
    if (typed.size() >= 4)
        QVERIFY(!code.error().message.contains(typed.left(4)));
}

void TestPassCode::foreignCharacterIsRefusedWithoutEchoingTheCode()
{
    const QString typed = u"ABCD-EFGH-JKMU-0"_s; // U is not in the alphabet
    auto code = PassCode::parse(typed);
    QVERIFY(!code);
    QCOMPARE(code.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!code.error().message.contains(u"ABCD"_s));
    QVERIFY(!code.error().message.contains(u'U'));
}

void TestPassCode::typoMessageDoesNotEchoTheCode()
{
    QString code = PassCode::random().normalised();
    code[3] = code.at(3) == u'7' ? u'8' : u'7';
    auto parsed = PassCode::parse(code);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().message.contains(u"The code has a typo"_s),
             qPrintable(parsed.error().message));
    QVERIFY(!parsed.error().message.contains(code.left(4)));
}

QTEST_GUILESS_MAIN(TestPassCode)
#include "tst_passcode.moc"
