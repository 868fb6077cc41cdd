// Token > Batch of Passes… (BatchPassDialog) offscreen: the preview shows
// sample passes and writes nothing, Create issues the passes under the chosen
// parent and writes the PDF and the CSV, and a bad count or a file that
// cannot be written is named and issues nothing.
#include "core/EnglishPlurals.h"
#include "engine/Role.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"
#include "ui/BatchPassDialog.h"
#include "ui/InlineMessage.h"
#include "ui/PassSheetPreview.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace tessera;
using test::TempEngine;
using ui::BatchPassDialog;

class TestBatchPassDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void previewShowsSamplePassesAndWritesNothing();
    void previewFollowsTheLayout();
    void createIssuesThePassesUnderANewGroupAndWritesBothFiles();
    void createPutsThePassesUnderTheSelectedToken();
    void orphanRoleTakesNoParent();
    void badCountIsNamedAndIssuesNothing_data();
    void badCountIsNamedAndIssuesNothing();
    void fileThatCannotBeWrittenIsNamedAndIssuesNothing();

private:
    template <typename Widget> static Widget* field(BatchPassDialog& dialog, const char* name)
    {
        auto* widget = dialog.findChild<Widget*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }
    std::unique_ptr<BatchPassDialog> dialog(const std::optional<engine::Token>& selected = {})
    {
        auto made = std::make_unique<BatchPassDialog>(m_temp->engine(), nullptr, selected,
                                                      QStringLiteral("Riverside Library"));
        field<QLineEdit>(*made, "sheet")->setText(m_temp->filePath(QStringLiteral("passes.pdf")));
        return made;
    }
    qsizetype tokenCount()
    {
        auto accessors = m_temp->engine().tokens().accessors(TempEngine::owner());
        return accessors.ok() ? accessors->size() : -1;
    }
    QString messageOf(BatchPassDialog& dialog)
    {
        return field<ui::InlineMessage>(dialog, "message")->text();
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestBatchPassDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(EnglishPlurals::install()); // as the console does: "4 passes"
}

void TestBatchPassDialog::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(test::installTestPolicies(m_temp->engine()).ok());
    engine::Role visit;
    visit.name = QStringLiteral("class-visit");
    visit.allowedPolicies = {QStringLiteral("wifi")};
    visit.settings.ttl = 4 * 3600;
    visit.settings.numUses = 1;
    QVERIFY(m_temp->engine().admin().putRole(TempEngine::owner(), visit).ok());
    engine::Role walkIn = visit;
    walkIn.name = QStringLiteral("walk-in");
    walkIn.orphan = true;
    QVERIFY(m_temp->engine().admin().putRole(TempEngine::owner(), walkIn).ok());
}

void TestBatchPassDialog::cleanup()
{
    m_temp.reset();
}

void TestBatchPassDialog::previewShowsSamplePassesAndWritesNothing()
{
    const qsizetype before = tokenCount();
    auto form = dialog();
    field<QSpinBox>(*form, "count")->setValue(5);
    field<QLineEdit>(*form, "groupName")->setText(QStringLiteral("Year 6 visit"));
    field<QLineEdit>(*form, "csv")->setText(m_temp->filePath(QStringLiteral("passes.csv")));
    form->show();
    QVERIFY(QTest::qWaitForWindowExposed(form.get()));

    auto* preview = field<ui::PassSheetPreview>(*form, "preview");
    QCOMPARE(preview->sheet().passes.size(), 5);
    QCOMPARE(preview->shownPasses(), 5);
    const reports::AccessPass& first = preview->sheet().passes.first();
    QCOMPARE(first.library, QStringLiteral("Riverside Library"));
    QCOMPARE(first.title, QStringLiteral("Year 6 visit"));
    QCOMPARE(first.numUses, 1); // the role's
    QVERIFY(first.token.startsWith(QStringLiteral("SAMPLE")));
    QVERIFY(!preview->grab().isNull());
    QVERIFY(field<QPushButton>(*form, "create")->isEnabled());

    QCOMPARE(tokenCount(), before);
    QVERIFY(!QFile::exists(m_temp->filePath(QStringLiteral("passes.pdf"))));
    QVERIFY(!QFile::exists(m_temp->filePath(QStringLiteral("passes.csv"))));
}

void TestBatchPassDialog::previewFollowsTheLayout()
{
    auto form = dialog();
    field<QSpinBox>(*form, "count")->setValue(30);
    auto* preview = field<ui::PassSheetPreview>(*form, "preview");
    const int perSheet = preview->shownPasses();
    QVERIFY(perSheet > 1 && perSheet < 30); // a grid of cards, several pages
    QVERIFY(preview->sheet().pageCount() > 1);

    auto* paper = field<QComboBox>(*form, "paper");
    paper->setCurrentIndex(paper->findData(int(reports::PassPaper::Receipt)));
    QCOMPARE(preview->sheet().paper, reports::PassPaper::Receipt);
    QCOMPARE(preview->shownPasses(), 1);
    QCOMPARE(preview->sheet().pageCount(), 30);
}

void TestBatchPassDialog::createIssuesThePassesUnderANewGroupAndWritesBothFiles()
{
    const qsizetype before = tokenCount();
    auto form = dialog();
    field<QSpinBox>(*form, "count")->setValue(4);
    field<QLineEdit>(*form, "groupName")->setText(QStringLiteral("Year 6 visit"));
    const QString csvPath = m_temp->filePath(QStringLiteral("passes.csv"));
    field<QLineEdit>(*form, "csv")->setText(csvPath);
    QVERIFY(field<QRadioButton>(*form, "newGroup")->isChecked());

    QVERIFY2(form->create(), qPrintable(messageOf(*form)));
    const auto& batch = form->batch();
    QVERIFY(batch.has_value());
    QVERIFY(batch->parent.has_value());
    QCOMPARE(batch->groupName, QStringLiteral("Year 6 visit"));
    QCOMPARE(batch->passes.size(), 4);
    QCOMPARE(tokenCount(), before + 5); // the group's parent and its passes
    for (const engine::CreatedToken& pass : batch->passes) {
        auto stored = m_temp->engine().tokens().lookup(TempEngine::owner(),
                                                       engine::TokenRef::token(pass.token));
        QVERIFY(stored.ok());
        QCOMPARE(stored->parentAccessor, batch->parentAccessor);
    }

    QFile pdf(m_temp->filePath(QStringLiteral("passes.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray text = csv.readAll();
    QCOMPARE(text.count('\n'), 5); // the header and one line per pass
    for (const engine::CreatedToken& pass : batch->passes)
        QVERIFY(text.contains(pass.token.toUtf8()));
    QVERIFY(messageOf(*form).contains(QStringLiteral("Issued 4 passes")));
    QVERIFY(!form->summary().isEmpty());
    QVERIFY(!field<QPushButton>(*form, "create")->isVisible());
    // Nothing left to change: the files are written, the preview says what it shows.
    QVERIFY(!field<QPushButton>(*form, "browseSheet")->isEnabled());
    QVERIFY(!field<QPushButton>(*form, "browseCsv")->isEnabled());
    QVERIFY(!field<QLabel>(*form, "pages")->text().contains(QStringLiteral("click Create")));
}

void TestBatchPassDialog::createPutsThePassesUnderTheSelectedToken()
{
    engine::TokenRequest request;
    request.displayName = QStringLiteral("Teacher");
    auto teacher = m_temp->engine().tokens().createToken(TempEngine::owner(), request);
    QVERIFY(teacher.ok());
    const qsizetype before = tokenCount();

    auto form = dialog(teacher->info);
    auto* under = field<QRadioButton>(*form, "underSelected");
    QVERIFY(under->isEnabled());
    under->setChecked(true);
    field<QSpinBox>(*form, "count")->setValue(3);
    QVERIFY2(form->create(), qPrintable(messageOf(*form)));

    QVERIFY(!form->batch()->parent.has_value());
    QCOMPARE(form->batch()->parentAccessor, teacher->info.accessor);
    QCOMPARE(tokenCount(), before + 3); // no new parent
    QVERIFY(QFile::exists(m_temp->filePath(QStringLiteral("passes.pdf"))));
}

void TestBatchPassDialog::orphanRoleTakesNoParent()
{
    engine::TokenRequest request;
    auto teacher = m_temp->engine().tokens().createToken(TempEngine::owner(), request);
    QVERIFY(teacher.ok());
    auto form = dialog(teacher->info);
    auto* role = field<QComboBox>(*form, "role");
    role->setCurrentIndex(role->findData(QStringLiteral("walk-in")));
    QVERIFY(!field<QRadioButton>(*form, "underSelected")->isEnabled());
    QVERIFY(!field<QWidget>(*form, "orphanNote")->isHidden());
    field<QSpinBox>(*form, "count")->setValue(2);
    QVERIFY2(form->create(), qPrintable(messageOf(*form)));
    QVERIFY(form->batch()->parentAccessor.isEmpty());
    QCOMPARE(form->batch()->passes.size(), 2);
}

void TestBatchPassDialog::badCountIsNamedAndIssuesNothing_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("none") << 0;
    QTest::newRow("more than a batch holds") << 1001;
}

void TestBatchPassDialog::badCountIsNamedAndIssuesNothing()
{
    QFETCH(int, count);
    const qsizetype before = tokenCount();
    auto form = dialog();
    field<QSpinBox>(*form, "count")->setValue(count);
    QVERIFY(!field<QPushButton>(*form, "create")->isEnabled());
    QVERIFY2(messageOf(*form).contains(QStringLiteral("1 to 1000")), qPrintable(messageOf(*form)));
    QVERIFY(!form->create());
    QCOMPARE(field<ui::InlineMessage>(*form, "message")->kind(), ui::InlineMessage::Kind::Error);
    QCOMPARE(tokenCount(), before);
    QVERIFY(!QFile::exists(m_temp->filePath(QStringLiteral("passes.pdf"))));
}

void TestBatchPassDialog::fileThatCannotBeWrittenIsNamedAndIssuesNothing()
{
    const qsizetype before = tokenCount();
    auto form = dialog();
    auto* sheet = field<QLineEdit>(*form, "sheet");

    sheet->setText(m_temp->filePath(QStringLiteral("no such folder/passes.pdf")));
    QVERIFY(!field<QPushButton>(*form, "create")->isEnabled());
    QVERIFY(messageOf(*form).contains(QStringLiteral("does not exist")));
    QVERIFY(!form->create());

    // A folder nobody can create files in, not even root: opening fails.
    sheet->setText(QStringLiteral("/proc/tessera-passes.pdf"));
    QVERIFY(field<QPushButton>(*form, "create")->isEnabled());
    QVERIFY(!form->create());
    QVERIFY2(messageOf(*form).contains(QStringLiteral("cannot be written")),
             qPrintable(messageOf(*form)));
    QVERIFY(messageOf(*form).contains(QStringLiteral("No passes were issued")));

    // The CSV too, with a good PDF path: nothing issued, no PDF left.
    sheet->setText(m_temp->filePath(QStringLiteral("passes.pdf")));
    field<QLineEdit>(*form, "csv")->setText(QStringLiteral("/proc/tessera-passes.csv"));
    QVERIFY(!form->create());
    QVERIFY(messageOf(*form).contains(QStringLiteral("tessera-passes.csv")));
    QVERIFY(!QFile::exists(m_temp->filePath(QStringLiteral("passes.pdf"))));
    QVERIFY(!form->batch().has_value());
    QCOMPARE(tokenCount(), before);
}

QTEST_MAIN(TestBatchPassDialog)
#include "tst_batchpassdialog.moc"
