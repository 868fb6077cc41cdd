// File > Import Patrons… (PatronImportDialog) offscreen: a file with bad lines
// names each of them and cannot be imported; a good file imports every patron.
#include "core/EnglishPlurals.h"
#include "engine/Role.h"
#include "engine/User.h"
#include "items/PatronImportModel.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"
#include "ui/InlineMessage.h"
#include "ui/PatronImportDialog.h"

#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace tessera;
using items::PatronImportModel;
using test::TempEngine;
using ui::PatronImportDialog;

class TestPatronImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void badFileNamesItsBadLinesAndImportStaysDisabled();
    void goodFileImportsEveryPatron();
    void fileThatCannotBeReadIsNamed();

private:
    QString writeFile(const QByteArray& bytes)
    {
        const QString path = m_temp->filePath(QStringLiteral("patrons.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    qsizetype userCount()
    {
        return m_temp->engine().userpass().userNames(TempEngine::owner()).valueOr({}).size();
    }
    template <typename Widget> static Widget* field(PatronImportDialog& dialog, const char* name)
    {
        auto* widget = dialog.findChild<Widget*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }
    static QString messageOf(PatronImportDialog& dialog)
    {
        return field<ui::InlineMessage>(dialog, "message")->text();
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestPatronImportDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(EnglishPlurals::install()); // as the console does: "2 patrons"
}

void TestPatronImportDialog::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(test::installTestPolicies(m_temp->engine()).ok());
    engine::Role adult;
    adult.name = QStringLiteral("adult");
    adult.allowedPolicies = {QStringLiteral("wifi")};
    adult.settings.ttl = 3600;
    QVERIFY(m_temp->engine().admin().putRole(TempEngine::owner(), adult).ok());
}

void TestPatronImportDialog::cleanup()
{
    m_temp.reset();
}

void TestPatronImportDialog::badFileNamesItsBadLinesAndImportStaysDisabled()
{
    PatronImportDialog dialog(m_temp->engine(), nullptr);
    const QString path = writeFile("card_number,name,email,role\n"
                                   "A1,Ada Lovelace,ada@example.org,adult\n"
                                   "A2,Bad Mail,x@,adult\n"
                                   "A3,Charles Babbage,,adult\n"
                                   "A4,No Such Role,,astronaut\n");
    QVERIFY(dialog.loadFile(path));

    PatronImportModel* model = dialog.model();
    QCOMPARE(field<QTableView>(dialog, "preview")->model(), model);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->badCount(), 2);
    QCOMPARE(model->index(1, 0).data(PatronImportModel::LineRole).toInt(), 3);
    QVERIFY(model->index(1, PatronImportModel::StatusColumn)
                .data()
                .toString()
                .contains(QStringLiteral("x@")));
    QCOMPARE(model->index(3, 0).data(PatronImportModel::LineRole).toInt(), 5);
    QVERIFY(model->index(3, PatronImportModel::StatusColumn)
                .data()
                .toString()
                .contains(QStringLiteral("astronaut")));

    QVERIFY(!field<QPushButton>(dialog, "import")->isEnabled());
    QCOMPARE(field<ui::InlineMessage>(dialog, "message")->kind(), ui::InlineMessage::Kind::Error);
    QVERIFY2(messageOf(dialog).contains(QStringLiteral("2 lines")), qPrintable(messageOf(dialog)));
    const QString counts = field<QLabel>(dialog, "counts")->text();
    QVERIFY2(counts.contains(QStringLiteral("New patrons: 2")) &&
                 counts.contains(QStringLiteral("Bad lines: 2")),
             qPrintable(counts));
    QVERIFY(!dialog.importPatrons());
    QCOMPARE(userCount(), 0);
}

void TestPatronImportDialog::goodFileImportsEveryPatron()
{
    QVERIFY(m_temp->engine()
                .patronImport()
                .import(TempEngine::owner(), "card_number,name,email,role\nC3,Old Name,,adult\n")
                .ok());
    PatronImportDialog dialog(m_temp->engine(), nullptr);
    const QString path = writeFile("card_number,name,email,role,metadata\n"
                                   "A1,Ada Lovelace,ada@example.org,adult,branch=north\n"
                                   "B2,Grace Hopper,,adult,\n"
                                   "C3,Charles Babbage,,adult,\n");
    QVERIFY(dialog.loadFile(path));
    QCOMPARE(dialog.model()->newCount(), 2);
    QCOMPARE(dialog.model()->updateCount(), 1);
    auto* import = field<QPushButton>(dialog, "import");
    QVERIFY(import->isEnabled());
    QCOMPARE(userCount(), 1); // the preview wrote nothing

    QVERIFY2(dialog.importPatrons(), qPrintable(messageOf(dialog)));
    QCOMPARE(userCount(), 3);
    auto ada = m_temp->engine().userpass().user(TempEngine::owner(), QStringLiteral("a1"));
    QVERIFY(ada.ok());
    QCOMPARE(ada->metadata.value(QStringLiteral("patron_name")), QStringLiteral("Ada Lovelace"));
    QCOMPARE(ada->metadata.value(QStringLiteral("branch")), QStringLiteral("north"));
    auto charles = m_temp->engine().userpass().user(TempEngine::owner(), QStringLiteral("c3"));
    QVERIFY(charles.ok());
    QCOMPARE(charles->metadata.value(QStringLiteral("patron_name")),
             QStringLiteral("Charles Babbage"));
    QVERIFY2(dialog.summary().contains(QStringLiteral("2 new patrons")),
             qPrintable(dialog.summary()));
    QCOMPARE(field<ui::InlineMessage>(dialog, "message")->kind(), ui::InlineMessage::Kind::Info);
    QVERIFY(!import->isEnabled());
}

void TestPatronImportDialog::fileThatCannotBeReadIsNamed()
{
    PatronImportDialog dialog(m_temp->engine(), nullptr);
    QVERIFY(!dialog.loadFile(m_temp->filePath(QStringLiteral("missing.csv"))));
    QVERIFY2(messageOf(dialog).contains(QStringLiteral("missing.csv")),
             qPrintable(messageOf(dialog)));
    QVERIFY(messageOf(dialog).contains(QStringLiteral("cannot be read")));
    QVERIFY(!field<QPushButton>(dialog, "import")->isEnabled());
    QCOMPARE(dialog.model()->rowCount(), 0);
}

QTEST_MAIN(TestPatronImportDialog)
#include "tst_patronimportdialog.moc"
