// The console ships Spanish and German: the embedded translations load and
// the real widgets show translated text.
#include "ui/PreferencesDialog.h"
#include "ui/Resources.h"
#include "ui/Session.h"
#include "ui/Translations.h"
#include "ui/UnlockDialog.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace tessera;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spanishAndGermanAreEmbedded();
    void consoleLoadsInSpanish();
    void unknownLanguageFallsBackToEnglish();
};

void TestTranslations::spanishAndGermanAreEmbedded()
{
    const QStringList languages = ui::Translations::available();
    QVERIFY2(languages.contains(QStringLiteral("es")), qPrintable(languages.join(u',')));
    QVERIFY2(languages.contains(QStringLiteral("de")), qPrintable(languages.join(u',')));
}

void TestTranslations::consoleLoadsInSpanish()
{
    QVERIFY(ui::Translations::install(QStringLiteral("es")));
    // The main window's first menu, and a dialog built from scratch.
    const QString file = QCoreApplication::translate("tessera::ui::MainWindow", "&File");
    QVERIFY2(file != QStringLiteral("&File"), qPrintable(file));
    QCOMPARE(file, QStringLiteral("&Archivo"));
    QTemporaryDir dir;
    ui::UnlockDialog dialog(dir.filePath(QStringLiteral("library.store")));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Desbloquear almacén de Tessera"));
}

void TestTranslations::unknownLanguageFallsBackToEnglish()
{
    QVERIFY(!ui::Translations::install(QStringLiteral("tlh")));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
