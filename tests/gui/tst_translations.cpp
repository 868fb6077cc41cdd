// The console ships Spanish and German: the embedded translations load and
// the real widgets show translated text.
#include "engine/StoreSetup.h"
#include "items/TokenTreeModel.h"
#include "ui/IssueTokenDialog.h"
#include "ui/MainWindow.h"
#include "ui/PreferencesDialog.h"
#include "ui/Resources.h"
#include "ui/Session.h"
#include "ui/TokenDetailsPane.h"
#include "ui/Translations.h"
#include "ui/UnlockDialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace tessera;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void spanishAndGermanAreEmbedded();
    void consoleLoadsInSpanish();
    void unknownLanguageFallsBackToEnglish();
    void standardButtonsAreTranslated_data();
    void standardButtonsAreTranslated();
    void treeHeadersAreNeverCutOff_data();
    void treeHeadersAreNeverCutOff();
    void issueFormFitsALaptopScreen_data();
    void issueFormFitsALaptopScreen();
    void detailsPaneShowsWholeValuesAtTheDefaultSize();

private:
    // An unlocked session on a fresh store (cheap KDF), for the main window.
    std::unique_ptr<ui::Session> unlockedSession();

    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    QSettings().clear();
    ui::Resources::init();
}

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

std::unique_ptr<ui::Session> TestTranslations::unlockedSession()
{
    auto initialized = engine::StoreSetup::initialize(
        m_dir.filePath(QStringLiteral("library-%1.store").arg(QDateTime::currentMSecsSinceEpoch())),
        "a passphrase for the test", QStringLiteral("test"), KdfProfile::TestOnlyCheap);
    if (!initialized.ok())
        return nullptr;
    auto session = std::make_unique<ui::Session>();
    session->adopt(std::move(initialized->engine));
    return session;
}

void TestTranslations::standardButtonsAreTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("cancel");
    QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("Cancelar");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Abbrechen");
}

// OK/Cancel/Close come from Qt's own qtbase_<lang>.qm (qt6-translations-l10n).
void TestTranslations::standardButtonsAreTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, cancel);
    const QString qtFile = QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                           QStringLiteral("/qtbase_%1.qm").arg(language);
    QVERIFY2(QFile::exists(qtFile),
             qPrintable(qtFile + QStringLiteral(" is missing: install qt6-translations-l10n")));
    QVERIFY(ui::Translations::install(language));
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), cancel);
}

void TestTranslations::treeHeadersAreNeverCutOff_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("es") << QStringLiteral("es");
    QTest::newRow("de") << QStringLiteral("de");
}

// Every header keeps room for its title and the sort arrow, whichever column
// the tree is sorted by ("Usos restante" lost its last letter to the arrow).
void TestTranslations::treeHeadersAreNeverCutOff()
{
    QFETCH(QString, language);
    QVERIFY(ui::Translations::install(language));
    auto session = unlockedSession();
    QVERIFY(session);
    ui::MainWindow window(*session);
    QHeaderView* header = window.tree()->header();
    for (int column = 0; column < items::TokenTreeModel::ColumnCount - 1; ++column) {
        const QString title = window.model()->headerData(column, Qt::Horizontal).toString();
        header->setSortIndicator(column, Qt::DescendingOrder);
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(QStringLiteral("%1: %2 < %3")
                                .arg(title)
                                .arg(header->sectionSize(column))
                                .arg(header->sectionSizeHint(column))));
    }
}

void TestTranslations::issueFormFitsALaptopScreen_data()
{
    treeHeadersAreNeverCutOff_data();
}

// The German form was 1398 px wide (the English one 1198) and the Spanish one
// 1322: longer words may widen it a little, never off a laptop screen.
void TestTranslations::issueFormFitsALaptopScreen()
{
    QFETCH(QString, language);
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    auto session = unlockedSession();
    QVERIFY(session);
    const int english =
        ui::IssueTokenDialog(session->engine(), std::nullopt).minimumSizeHint().width();
    QVERIFY(ui::Translations::install(language));
    const int translated =
        ui::IssueTokenDialog(session->engine(), std::nullopt).minimumSizeHint().width();
    QVERIFY2(
        translated <= english * 108 / 100,
        qPrintable(QStringLiteral("%1 px against %2 px in English").arg(translated).arg(english)));
}

// German captions are the longest ("Explizite max. TTL:"): at the default
// window size no value runs off the pane, and Parent names the parent.
void TestTranslations::detailsPaneShowsWholeValuesAtTheDefaultSize()
{
    QVERIFY(ui::Translations::install(QStringLiteral("de")));
    auto session = unlockedSession();
    QVERIFY(session);
    engine::TokenEngine& engine = session->engine();
    const auto owner = engine::Caller::storeOwner(QStringLiteral("console"));
    auto root = engine.tokens().createRootToken(owner);
    QVERIFY(root.ok());
    engine::TokenRequest deskRequest;
    deskRequest.parentAccessor = root->info.accessor;
    deskRequest.displayName = QStringLiteral("Circulation desk");
    deskRequest.ttl = 86400;
    auto desk = engine.tokens().createToken(owner, deskRequest);
    QVERIFY(desk.ok());
    engine::TokenRequest patronRequest;
    patronRequest.parentAccessor = desk->info.accessor;
    patronRequest.displayName = QStringLiteral("Fatima Sharma");
    patronRequest.ttl = 3600;
    patronRequest.meta.insert(QStringLiteral("card_number"), QStringLiteral("22407100001669"));
    patronRequest.meta.insert(QStringLiteral("purpose"), QStringLiteral("reading room slot"));
    auto patron = engine.tokens().createToken(owner, patronRequest);
    QVERIFY(patron.ok());

    ui::MainWindow window(*session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QModelIndex index = window.model()->revealAccessor(patron->info.accessor);
    QVERIFY(index.isValid());
    window.tree()->setCurrentIndex(index);
    ui::TokenDetailsPane* pane = window.details();
    QTRY_COMPARE(pane->fieldText(QStringLiteral("accessor")), patron->info.accessor);
    QCOMPARE(pane->fieldText(QStringLiteral("parent")), QStringLiteral("Circulation desk"));
    auto* parent = pane->findChild<QLabel*>(QStringLiteral("parent"));
    QVERIFY2(parent->toolTip().contains(desk->info.accessor), qPrintable(parent->toolTip()));

    QCoreApplication::processEvents();
    auto* scroll = pane->findChild<QScrollArea*>();
    QVERIFY(scroll);
    QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    const QRect visible = scroll->viewport()->rect();
    for (const QLabel* label : scroll->widget()->findChildren<QLabel*>()) {
        if (!label->isVisibleTo(pane))
            continue;
        const QRect shown(label->mapTo(scroll->viewport(), QPoint(0, 0)), label->size());
        QVERIFY2(shown.right() <= visible.right(),
                 qPrintable(QStringLiteral("%1 ends at %2, the pane at %3")
                                .arg(label->text())
                                .arg(shown.right())
                                .arg(visible.right())));
        QVERIFY2(label->width() >= label->minimumSizeHint().width(), qPrintable(label->text()));
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
