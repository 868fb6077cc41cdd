// The console's audit-report export: the form refuses bad input before
// anything is written, exports exactly the records its filters select, and a
// cancelled export leaves no file behind.
#include "ReportFixture.h"
#include "support/CsvReader.h"
#include "ui/InlineMessage.h"
#include "ui/ReportDialog.h"
#include "ui/Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace tessera;
using test::ReportFixture;
using ui::ReportDialog;

class TestReportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void badInputIsRefusedWithAMessageAndNoFile_data();
    void badInputIsRefusedWithAMessageAndNoFile();
    void csvExportWritesExactlyTheFilteredRecords();
    void subtreeIsPrefilledFromTheSelection();
    void fileExtensionFollowsTheFormat();
    void cancelLeavesNoFile();
    void defaultFolderIsDocumentsOrElseHome();
    // Last: it switches the application to German.
    void pdfIsInTheConsolesLanguage();

private:
    template <typename Widget> Widget* field(ReportDialog& dialog, const char* name)
    {
        auto* widget = dialog.findChild<Widget*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }
    // A dialog over the fixture's three days, saving to `out` in its own folder.
    std::unique_ptr<ReportDialog> dialog(const QString& selected = {})
    {
        auto made = std::make_unique<ReportDialog>(m_fixture->temp.engine(), nullptr, selected);
        field<QDateEdit>(*made, "from")->setDate(m_fixture->day(1));
        field<QDateEdit>(*made, "to")->setDate(m_fixture->day(3));
        field<QLineEdit>(*made, "output")->setText(m_out.filePath(QStringLiteral("report.pdf")));
        return made;
    }
    void clickExport(ReportDialog& dialog) { field<QPushButton>(dialog, "export")->click(); }
    void chooseFormat(ReportDialog& dialog, reports::ReportFormat format)
    {
        auto* combo = field<QComboBox>(dialog, "format");
        combo->setCurrentIndex(combo->findData(int(format)));
    }
    QStringList filesWritten() const
    {
        return QDir(m_out.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }
    int exportRecords()
    {
        audit::AuditFilter filter;
        filter.operations = {QStringLiteral("audit.export")};
        return int(m_fixture->temp.engine().admin().auditRecords(filter).valueOr({}).size());
    }

    std::unique_ptr<ReportFixture> m_fixture;
    QTemporaryDir m_out;
};

void TestReportDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestReportDialog::init()
{
    m_fixture = std::make_unique<ReportFixture>();
    QString error;
    QVERIFY2(m_fixture->build(&error), qPrintable(error));
    QVERIFY(m_out.isValid());
}

void TestReportDialog::cleanup()
{
    m_fixture.reset();
    for (const QString& name : filesWritten())
        QFile::remove(m_out.filePath(name));
}

void TestReportDialog::badInputIsRefusedWithAMessageAndNoFile_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("message");
    QTest::newRow("period backwards") << "period"
                                      << "The period ends before it starts.";
    QTest::newRow("operation") << "operation"
                               << "is not an operation name";
    QTest::newRow("subtree without a token") << "subtree-empty"
                                             << "Enter the accessor";
    QTest::newRow("subtree not an accessor") << "subtree"
                                             << "is not a token accessor";
    QTest::newRow("metadata without =") << "meta"
                                        << "key=value";
    QTest::newRow("missing folder") << "folder"
                                    << "does not exist";
    QTest::newRow("no file") << "output"
                             << "Choose the file";
}

void TestReportDialog::badInputIsRefusedWithAMessageAndNoFile()
{
    QFETCH(QString, what);
    QFETCH(QString, message);
    auto form = dialog(m_fixture->accessorOf.value(QStringLiteral("A")));
    if (what == QLatin1String("period")) {
        field<QDateEdit>(*form, "from")->setDate(m_fixture->day(3));
        field<QDateEdit>(*form, "to")->setDate(m_fixture->day(1));
    } else if (what == QLatin1String("operation")) {
        field<QComboBox>(*form, "operation")->setEditText(QStringLiteral("Token Create"));
    } else if (what.startsWith(QLatin1String("subtree"))) {
        field<QCheckBox>(*form, "subtreeOnly")->setChecked(true);
        field<QLineEdit>(*form, "subtree")
            ->setText(what == QLatin1String("subtree") ? QStringLiteral("not/an accessor")
                                                       : QString());
    } else if (what == QLatin1String("meta")) {
        field<QLineEdit>(*form, "meta")->setText(QStringLiteral("card 111"));
    } else if (what == QLatin1String("folder")) {
        field<QLineEdit>(*form, "output")
            ->setText(m_out.filePath(QStringLiteral("missing/report.pdf")));
    } else {
        field<QLineEdit>(*form, "output")->clear();
    }
    form->show();
    clickExport(*form);

    QVERIFY(form->isVisible()); // not accepted
    auto* shown = field<ui::InlineMessage>(*form, "message");
    QVERIFY(shown->isVisible());
    QCOMPARE(shown->kind(), ui::InlineMessage::Kind::Error);
    QVERIFY2(shown->text().contains(message), qPrintable(shown->text()));
    QVERIFY2(filesWritten().isEmpty(), qPrintable(filesWritten().join(u',')));
    QVERIFY(!QDir(m_out.filePath(QStringLiteral("missing"))).exists());
    QCOMPARE(exportRecords(), 0);
}

void TestReportDialog::csvExportWritesExactlyTheFilteredRecords()
{
    auto form = dialog(m_fixture->accessorOf.value(QStringLiteral("A")));
    chooseFormat(*form, reports::ReportFormat::Csv);
    field<QComboBox>(*form, "operation")->setEditText(QStringLiteral("token.create"));
    field<QCheckBox>(*form, "subtreeOnly")->setChecked(true);
    field<QLineEdit>(*form, "meta")->setText(QStringLiteral("card=111"));
    const QString path = field<QLineEdit>(*form, "output")->text();
    QVERIFY2(path.endsWith(QLatin1String(".csv")), qPrintable(path));
    form->show();
    clickExport(*form);

    QCOMPARE(form->result(), int(QDialog::Accepted));
    QVERIFY2(form->summary().endsWith(QStringLiteral("(records: 1).")),
             qPrintable(form->summary()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool wellFormed = false;
    const QList<QStringList> rows = test::parseCsv(file.readAll(), &wellFormed);
    QVERIFY(wellFormed);
    QStringList labels;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QStringList names;
        for (const QString& target : rows[i][4].split(u' ', Qt::SkipEmptyParts))
            names << m_fixture->nameOf.value(target, QStringLiteral("?"));
        labels << rows[i][2] + u':' + names.join(u'+');
    }
    // In A's subtree, created with card=111: p1 only (q1 has it too, under B).
    QCOMPARE(labels, QStringList{QStringLiteral("token.create:p1")});
    QCOMPARE(filesWritten(), QStringList{QStringLiteral("report.csv")});
    QCOMPARE(exportRecords(), 1);
}

void TestReportDialog::subtreeIsPrefilledFromTheSelection()
{
    const QString selected = m_fixture->accessorOf.value(QStringLiteral("B"));
    auto form = dialog(selected);
    auto* only = field<QCheckBox>(*form, "subtreeOnly");
    auto* subtree = field<QLineEdit>(*form, "subtree");
    QCOMPARE(subtree->text(), selected);
    QVERIFY(!only->isChecked());
    QVERIFY(!subtree->isEnabled());
    auto whole = form->request();
    QVERIFY2(whole.ok(), whole.ok() ? "" : qPrintable(whole.error().message));
    QVERIFY(whole->query.subtree.isEmpty());

    only->setChecked(true);
    QVERIFY(subtree->isEnabled());
    auto filtered = form->request();
    QVERIFY2(filtered.ok(), filtered.ok() ? "" : qPrintable(filtered.error().message));
    QCOMPARE(filtered->query.subtree, selected);

    auto none = dialog();
    QVERIFY(field<QLineEdit>(*none, "subtree")->text().isEmpty());
}

void TestReportDialog::fileExtensionFollowsTheFormat()
{
    auto form = dialog();
    auto* output = field<QLineEdit>(*form, "output");
    chooseFormat(*form, reports::ReportFormat::JsonLines);
    QCOMPARE(output->text(),
             QDir::toNativeSeparators(m_out.filePath(QStringLiteral("report.jsonl"))));
    chooseFormat(*form, reports::ReportFormat::Pdf);
    QCOMPARE(output->text(),
             QDir::toNativeSeparators(m_out.filePath(QStringLiteral("report.pdf"))));
    auto built = form->request();
    QVERIFY(built.ok());
    QCOMPARE(built->format, reports::ReportFormat::Pdf);
}

void TestReportDialog::cancelLeavesNoFile()
{
    // The report's work waits behind a task holding the only pool thread, so
    // Cancel is certainly pressed before it starts; it then stops at its first
    // step. Nothing is painted meanwhile: Qt 6.4 paints with the same pool.
    // (tst_longtask clicks a visible Cancel through the input hold.)
    QThreadPool* pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(1);
    QSemaphore gate;
    auto blocker = QtConcurrent::run([&gate] { return gate.tryAcquire(1, 10'000); });

    auto form = dialog();
    bool cancelled = false;
    QTimer::singleShot(0, form.get(), [&] {
        if (auto* progress = form->findChild<QProgressDialog*>()) {
            if (auto* cancel = progress->findChild<QPushButton*>())
                cancel->click();
            cancelled = progress->wasCanceled();
        }
        gate.release();
    });
    clickExport(*form);
    const bool gateOpened = blocker.result();
    pool->setMaxThreadCount(threads);

    QVERIFY(gateOpened);
    QVERIFY(cancelled);
    QCOMPARE(form->result(), int(QDialog::Rejected)); // still open, not accepted
    auto* shown = field<ui::InlineMessage>(*form, "message");
    QCOMPARE(shown->kind(), ui::InlineMessage::Kind::Info);
    QCOMPARE(shown->text(), QStringLiteral("Cancelled: no report was written."));
    QVERIFY2(filesWritten().isEmpty(), qPrintable(filesWritten().join(u',')));
    QCOMPARE(exportRecords(), 0);
}

// ~/Documents may not exist (no XDG user dirs, a minimal install): the
// default file is then in the home folder, never in a folder that is missing.
void TestReportDialog::defaultFolderIsDocumentsOrElseHome()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral(".config"))));
    const auto folderOfDefault = [this] {
        ReportDialog made(m_fixture->temp.engine(), nullptr, {});
        return QFileInfo(field<QLineEdit>(made, "output")->text()).absolutePath();
    };
    const QString withoutDocuments = folderOfDefault();
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral("Documents")));
    const QString withDocuments = folderOfDefault();
    qputenv("HOME", oldHome);
    if (oldConfig.isEmpty())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", oldConfig);
    QCOMPARE(withoutDocuments, QDir(home.path()).absolutePath());
    QCOMPARE(withDocuments, QDir(home.filePath(QStringLiteral("Documents"))).absolutePath());
}

void TestReportDialog::pdfIsInTheConsolesLanguage()
{
    QVERIFY(ui::Translations::install(QStringLiteral("de")));
    auto form = dialog();
    QCOMPARE(form->windowTitle(), QStringLiteral("Audit-Bericht exportieren"));
    form->show();
    clickExport(*form);
    QCOMPARE(form->result(), int(QDialog::Accepted));

    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"),
                    {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                     QStringLiteral("1"), m_out.filePath(QStringLiteral("report.pdf")),
                     QStringLiteral("-")});
    QVERIFY2(pdftotext.waitForFinished(30'000) && pdftotext.exitCode() == 0,
             "pdftotext is needed (poppler-utils, scripts/deps.sh)");
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("Audit-Bericht")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Seite 1 von")), qPrintable(text));
}

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
