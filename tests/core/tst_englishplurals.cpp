#include "core/EnglishPlurals.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace tessera;

class TestEnglishPlurals : public QObject
{
    Q_OBJECT

public:
    // Whether install() succeeded before the application existed.
    explicit TestEnglishPlurals(bool installedWithoutApplication)
        : m_installedWithoutApplication(installedWithoutApplication)
    {}

private Q_SLOTS:
    void nothingIsInstalledWithoutAnApplication();
    void oneCountIsSingularAndOthersArePlural();
    void installingTwiceAddsOneTranslator();

private:
    bool m_installedWithoutApplication;
};

void TestEnglishPlurals::nothingIsInstalledWithoutAnApplication()
{
    QVERIFY(!m_installedWithoutApplication);
}

void TestEnglishPlurals::oneCountIsSingularAndOthersArePlural()
{
    // Without the English forms Qt shows the source text's "%n characters" for 1 as well.
    QVERIFY(EnglishPlurals::install());
    const char* source = "Too short: use at least %n characters.";
    QCOMPARE(QCoreApplication::translate("PassphraseStrength", source, nullptr, 1),
             QStringLiteral("Too short: use at least 1 character."));
    QCOMPARE(QCoreApplication::translate("PassphraseStrength", source, nullptr, 12),
             QStringLiteral("Too short: use at least 12 characters."));
}

void TestEnglishPlurals::installingTwiceAddsOneTranslator()
{
    QVERIFY(EnglishPlurals::install());
    QVERIFY(EnglishPlurals::install());
    QCOMPARE(QCoreApplication::instance()
                 ->findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly)
                 .size(),
             1);
}

int main(int argc, char** argv)
{
    const bool installedWithoutApplication = EnglishPlurals::install();
    QCoreApplication app(argc, argv);
    TestEnglishPlurals test(installedWithoutApplication);
    return QTest::qExec(&test, argc, argv);
}

#include "tst_englishplurals.moc"
