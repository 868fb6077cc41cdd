#include "ui/BatchPassDialog.h"

#include "engine/TokenEngine.h"
#include "reports/PassBatchCsv.h"
#include "ui/DialogParts.h"
#include "ui/InlineMessage.h"
#include "ui/LongTask.h"
#include "ui/PassSheetPreview.h"
#include "ui/Session.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace tessera::ui {
namespace {

using engine::PassBatchService;

constexpr int kDefaultCount = 25;
// The spin box takes more than a batch may hold, so that a count typed too
// large is named under the form instead of silently cut.
constexpr int kTypeableCount = 9999;
// The preview's passes carry this instead of a token: a code that scans as
// what it is.
const QString kSampleToken = QStringLiteral("SAMPLE-PASS-NOT-VALID-0000000000");

// What Create did, reported back to the GUI thread.
struct Outcome
{
    enum class Stage
    {
        Opening, // a file could not be opened: nothing was issued
        Issuing, // the engine refused: nothing was issued
        Writing, // the passes exist, a file failed: they were revoked
        Done,
    };
    Stage stage = Stage::Done;
    std::optional<engine::PassBatch> batch;
    Error error{ErrorCode::Internal, {}};
    QString failedFile;
    int pages = 0;
    Status revoked;
};

// The whole batch, so that no pass that was never printed stays valid: the
// group's new parent takes its passes with it; passes under a chosen parent
// (or orphans) go one by one, the parent stays.
Status revokeBatch(engine::TokenEngine& engine, const engine::PassBatch& batch)
{
    if (batch.parent)
        return engine.tokens()
                       .revoke(Session::caller(), engine::TokenRef::accessor(batch.parentAccessor))
                       .ok()
                   ? Status{}
                   : Status{Error::internal(QStringLiteral("the group's parent was not revoked"))};
    Status first;
    for (const engine::CreatedToken& pass : batch.passes) {
        const engine::TokenRef ref = pass.info.accessor.isEmpty()
                                         ? engine::TokenRef::token(pass.token)
                                         : engine::TokenRef::accessor(pass.info.accessor);
        auto revoked = engine.tokens().revoke(Session::caller(), ref);
        if (!revoked && first.ok())
            first = revoked.error();
    }
    return first;
}

Status commitFile(QSaveFile& file)
{
    if (!file.commit())
        return Error{ErrorCode::Io, file.errorString()};
    return {};
}

// Off the GUI thread: opens both files, issues the batch, writes and commits
// the files; on a failure after the issue, revokes the batch.
Outcome issueAndWrite(engine::TokenEngine& engine, const engine::PassBatchRequest& request,
                      const QString& sheetPath, const QString& csvPath, const QString& library,
                      reports::PassPaper paper)
{
    Outcome outcome;
    const auto fail = [&outcome](Outcome::Stage stage, const QString& path, const Error& error) {
        outcome.stage = stage;
        outcome.failedFile = path;
        outcome.error = error;
        return outcome;
    };
    QSaveFile sheetFile(sheetPath);
    if (!sheetFile.open(QIODevice::WriteOnly))
        return fail(Outcome::Stage::Opening, sheetPath,
                    Error{ErrorCode::Io, sheetFile.errorString()});
    std::optional<QSaveFile> csvFile;
    if (!csvPath.isEmpty()) {
        csvFile.emplace(csvPath);
        if (!csvFile->open(QIODevice::WriteOnly))
            return fail(Outcome::Stage::Opening, csvPath,
                        Error{ErrorCode::Io, csvFile->errorString()});
    }

    auto issued = engine.passBatches().issue(Session::caller(), request);
    if (!issued)
        return fail(Outcome::Stage::Issuing, {}, issued.error());
    outcome.batch = *issued;

    const auto failWriting = [&](const QString& path, const Error& error) {
        outcome.revoked = revokeBatch(engine, *issued);
        return fail(Outcome::Stage::Writing, path, error);
    };
    const auto sheet = reports::PassSheet::forBatch(*issued, library, paper);
    auto pages = sheet.writePdf(sheetFile, issued->groupName);
    if (!pages)
        return failWriting(sheetPath, pages.error());
    outcome.pages = *pages;
    if (csvFile) {
        const QByteArray csv = reports::PassBatchCsv::write(*issued);
        if (csvFile->write(csv) != csv.size())
            return failWriting(csvPath, Error{ErrorCode::Io, csvFile->errorString()});
    }
    if (Status committed = commitFile(sheetFile); !committed)
        return failWriting(sheetPath, committed.error());
    if (csvFile) {
        if (Status committed = commitFile(*csvFile); !committed) {
            // The sheet holds passes that are revoked now: it goes too.
            QFile::remove(sheetPath);
            return failWriting(csvPath, committed.error());
        }
    }
    return outcome;
}

QString documentsFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

} // namespace

BatchPassDialog::BatchPassDialog(engine::TokenEngine& engine, Session* session,
                                 const std::optional<engine::Token>& selected,
                                 const QString& library, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_session(session)
    , m_selected(selected)
    , m_library(library)
{
    setWindowTitle(tr("Batch of Passes"));

    m_roles = new QComboBox(this);
    if (auto names = m_engine.admin().roleNames(Session::caller()); names.ok()) {
        for (const QString& name : std::as_const(*names))
            m_roles->addItem(name, name);
    }
    m_count = new QSpinBox(this);
    m_count->setRange(0, kTypeableCount);
    m_count->setValue(kDefaultCount);
    m_count->setToolTip(tr("1 to %1 passes in one batch").arg(PassBatchService::kMaxCount));

    // Where the passes go: a new group whose parent revokes them all, or the
    // selected token.
    auto* where = new QGroupBox(tr("Passes go under"), this);
    m_newGroup = new QRadioButton(tr("A &new group named:"), where);
    const QDate today = QDateTime::currentDateTime().date();
    m_groupName = new QLineEdit(
        tr("Class visit %1").arg(QLocale().toString(today, QStringLiteral("d MMM"))), where);
    m_groupName->setAccessibleName(tr("Group name"));
    m_groupName->setPlaceholderText(
        PassBatchService::defaultGroupName(QDateTime::currentDateTimeUtc().toSecsSinceEpoch()));
    const QString selectedName =
        !m_selected ? QString()
        : m_selected->displayName.isEmpty()
            ? m_selected->accessor
            : tr("%1 (%2)").arg(m_selected->displayName, m_selected->accessor);
    m_underSelected = new QRadioButton(m_selected ? tr("The &selected token: %1").arg(selectedName)
                                                  : tr("The &selected token (none is selected)"),
                                       where);
    m_underSelected->setEnabled(m_selected.has_value());
    auto* group = new QButtonGroup(where);
    group->addButton(m_newGroup);
    group->addButton(m_underSelected);
    m_newGroup->setChecked(true);
    m_orphanNote = new QLabel(where);
    m_orphanNote->setWordWrap(true);
    m_orphanNote->hide();
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(m_newGroup);
    nameRow->addWidget(m_groupName, 1);
    auto* whereLayout = new QVBoxLayout(where);
    whereLayout->addLayout(nameRow);
    whereLayout->addWidget(m_underSelected);
    whereLayout->addWidget(m_orphanNote);

    m_paper = new QComboBox(this);
    m_paper->addItem(tr("A4 sheets (cards to cut apart)"), int(reports::PassPaper::A4));
    m_paper->addItem(tr("Letter sheets (cards to cut apart)"), int(reports::PassPaper::Letter));
    m_paper->addItem(tr("80 mm receipts (one pass each)"), int(reports::PassPaper::Receipt));

    const QString stem = QStringLiteral("passes-%1").arg(today.toString(Qt::ISODate));
    m_sheet = new QLineEdit(
        QDir::toNativeSeparators(QDir(documentsFolder()).filePath(stem + QStringLiteral(".pdf"))),
        this);
    m_sheet->setAccessibleName(tr("PDF file"));
    m_browseSheet = new QPushButton(tr("&Browse…"), this);
    m_csv = new QLineEdit(this);
    m_csv->setAccessibleName(tr("CSV file"));
    m_csv->setPlaceholderText(tr("none (optional; the file holds the tokens)"));
    m_browseCsv = new QPushButton(tr("B&rowse…"), this);
    auto* sheetRow = new QHBoxLayout;
    sheetRow->addWidget(m_sheet, 1);
    sheetRow->addWidget(m_browseSheet);
    auto* csvRow = new QHBoxLayout;
    csvRow->addWidget(m_csv, 1);
    csvRow->addWidget(m_browseCsv);

    auto* form = new QFormLayout;
    auto addRow = [this, form](const QString& text, QWidget* buddy, auto* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    addRow(tr("&Role:"), m_roles, m_roles);
    addRow(tr("&Count:"), m_count, m_count);
    form->addRow(where);
    addRow(tr("&Layout:"), m_paper, m_paper);
    addRow(tr("&PDF file:"), m_sheet, sheetRow);
    addRow(tr("CS&V file:"), m_csv, csvRow);
    auto* libraryLabel =
        new QLabel(tr("%1 (printed on every pass; see Preferences)").arg(m_library), this);
    libraryLabel->setTextFormat(Qt::PlainText);
    libraryLabel->setWordWrap(true);
    form->addRow(tr("Library:"), libraryLabel);

    m_preview = new PassSheetPreview(this);
    m_pages = new QLabel(this);
    m_pages->setWordWrap(true);
    auto* previewColumn = new QVBoxLayout;
    previewColumn->addWidget(m_preview, 1);
    previewColumn->addWidget(m_pages);

    m_message = new InlineMessage(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);

    DialogParts::setObjectNames({{m_roles, "role"},
                                 {m_count, "count"},
                                 {m_newGroup, "newGroup"},
                                 {m_groupName, "groupName"},
                                 {m_underSelected, "underSelected"},
                                 {m_orphanNote, "orphanNote"},
                                 {m_paper, "paper"},
                                 {m_sheet, "sheet"},
                                 {m_csv, "csv"},
                                 {m_browseSheet, "browseSheet"},
                                 {m_browseCsv, "browseCsv"},
                                 {m_preview, "preview"},
                                 {m_pages, "pages"},
                                 {m_message, "message"},
                                 {m_create, "create"}});

    auto* columns = new QHBoxLayout;
    auto* formColumn = new QVBoxLayout;
    formColumn->addLayout(form);
    formColumn->addWidget(m_message);
    formColumn->addStretch(1);
    columns->addLayout(formColumn, 3);
    columns->addLayout(previewColumn, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    connect(m_roles, &QComboBox::currentIndexChanged, this, &BatchPassDialog::roleChanged);
    connect(m_count, &QSpinBox::valueChanged, this, &BatchPassDialog::updatePreview);
    connect(m_groupName, &QLineEdit::textChanged, this, &BatchPassDialog::updatePreview);
    connect(m_newGroup, &QRadioButton::toggled, this, &BatchPassDialog::updatePreview);
    connect(m_paper, &QComboBox::currentIndexChanged, this, &BatchPassDialog::updatePreview);
    connect(m_sheet, &QLineEdit::textChanged, this, &BatchPassDialog::updatePreview);
    connect(m_csv, &QLineEdit::textChanged, this, &BatchPassDialog::updatePreview);
    connect(m_browseSheet, &QPushButton::clicked, this, &BatchPassDialog::chooseSheet);
    connect(m_browseCsv, &QPushButton::clicked, this, &BatchPassDialog::chooseCsv);
    connect(m_create, &QPushButton::clicked, this, &BatchPassDialog::create);
    // Closing after a batch was issued is not a cancellation.
    connect(m_buttons, &QDialogButtonBox::rejected, this,
            [this] { m_batch ? accept() : reject(); });

    setMinimumSize(900, 560);
    roleChanged();
    m_count->setFocus();
}

reports::PassPaper BatchPassDialog::paper() const
{
    return reports::PassPaper(m_paper->currentData().toInt());
}

void BatchPassDialog::roleChanged()
{
    m_role.reset();
    const QString name = m_roles->currentData().toString();
    if (!name.isEmpty()) {
        if (auto role = m_engine.admin().role(Session::caller(), name); role.ok())
            m_role = std::move(*role);
    }
    // A role that makes orphans takes no parent: the passes stand alone.
    const bool orphan = m_role && m_role->orphan;
    m_newGroup->setEnabled(!orphan);
    m_underSelected->setEnabled(!orphan && m_selected.has_value());
    m_orphanNote->setVisible(orphan);
    m_orphanNote->setText(tr("Role “%1” makes orphans: the passes have no parent, and each is "
                             "revoked on its own.")
                              .arg(name));
    updatePreview();
}

Result<engine::PassBatchRequest> BatchPassDialog::request() const
{
    engine::PassBatchRequest request;
    request.role = m_roles->currentData().toString();
    if (request.role.isEmpty())
        return Error::invalid(m_roles->count() == 0
                                  ? tr("There is no role to issue passes from: make one in "
                                       "Access › Roles first.")
                                  : tr("Choose the role the passes are issued from."));
    request.count = m_count->value();
    if (!PassBatchService::checkCount(request.count).ok())
        return Error::invalid(tr("A batch has 1 to %1 passes, not %2.")
                                  .arg(PassBatchService::kMaxCount)
                                  .arg(request.count));
    request.groupName = m_groupName->text().trimmed();
    const bool orphan = m_role && m_role->orphan;
    if (!orphan && m_underSelected->isChecked() && m_selected)
        request.parentAccessor = m_selected->accessor;
    return request;
}

Status BatchPassDialog::checkFiles() const
{
    const QString sheet = m_sheet->text().trimmed();
    const QString csv = m_csv->text().trimmed();
    if (sheet.isEmpty())
        return Error::invalid(tr("Choose the PDF file the passes are printed from."));
    for (const QString& path : {sheet, csv}) {
        if (path.isEmpty())
            continue;
        const QFileInfo file(path);
        if (file.isDir())
            return Error::invalid(
                tr("%1 is a folder: name a file in it.").arg(QDir::toNativeSeparators(path)));
        if (!file.absoluteDir().exists())
            return Error::invalid(tr("The folder %1 does not exist.")
                                      .arg(QDir::toNativeSeparators(file.absolutePath())));
    }
    if (!csv.isEmpty() && QFileInfo(csv).absoluteFilePath() == QFileInfo(sheet).absoluteFilePath())
        return Error::invalid(tr("The PDF and the CSV need two different files."));
    return {};
}

void BatchPassDialog::updatePreview()
{
    if (m_batch)
        return; // the result stays on screen
    // Sample passes as the engine would make them, with the role's lifetime
    // and uses: the sheet's own layout and wording.
    const int count = std::clamp(m_count->value(), 1, PassBatchService::kMaxCount);
    const qint64 now = m_engine.clock().nowSeconds();
    engine::PassBatch sample;
    sample.groupName = m_groupName->text().trimmed().isEmpty()
                           ? PassBatchService::defaultGroupName(now)
                           : m_groupName->text().trimmed();
    qint64 ttl = m_engine.config().defaultTtl;
    if (m_role && m_role->settings.ttl > 0)
        ttl = m_role->settings.ttl;
    if (m_role && m_role->settings.effectiveMaxTtl() > 0)
        ttl = std::min(ttl, m_role->settings.effectiveMaxTtl());
    engine::CreatedToken pass;
    pass.token = kSampleToken;
    pass.info.expireAt = now + ttl;
    pass.info.numUses = m_role ? m_role->settings.numUses : 0;
    sample.passes = QList<engine::CreatedToken>(count, pass);
    const auto sheet = reports::PassSheet::forBatch(sample, m_library, paper());
    m_preview->setSheet(sheet);
    m_pages->setText(tr("Sample passes: the first of %n page(s). The real passes are made when "
                        "you click Create.",
                        nullptr, sheet.pageCount()));

    Status problem = request().ok() ? checkFiles() : Status{request().error()};
    if (!problem) {
        m_message->showMessage(InlineMessage::Kind::Error, problem.error().message);
    } else if (m_csv->text().trimmed().isEmpty()) {
        m_message->clear();
    } else {
        m_message->showMessage(InlineMessage::Kind::Info,
                               tr("The CSV holds the tokens themselves: keep it as safe as the "
                                  "printed passes."));
    }
    m_create->setEnabled(problem.ok());
}

void BatchPassDialog::chooseSheet()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save the Passes as PDF"), m_sheet->text(),
                                                tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pdf");
    m_sheet->setText(QDir::toNativeSeparators(path));
}

void BatchPassDialog::chooseCsv()
{
    const QString start =
        m_csv->text().isEmpty()
            ? QFileInfo(m_sheet->text())
                  .dir()
                  .filePath(QFileInfo(m_sheet->text()).completeBaseName() + QStringLiteral(".csv"))
            : m_csv->text();
    QString path = QFileDialog::getSaveFileName(this, tr("Save the Passes as CSV"), start,
                                                tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    m_csv->setText(QDir::toNativeSeparators(path));
}

bool BatchPassDialog::create()
{
    auto built = request();
    Status files = built.ok() ? checkFiles() : Status{built.error()};
    if (!files) {
        m_message->showMessage(InlineMessage::Kind::Error, files.error().message);
        return false;
    }
    const engine::PassBatchRequest request = *built;
    const QString sheetPath = QDir::fromNativeSeparators(m_sheet->text().trimmed());
    const QString csvPath = QDir::fromNativeSeparators(m_csv->text().trimmed());
    engine::TokenEngine& engine = m_engine;
    const QString library = m_library;
    const reports::PassPaper chosen = paper();
    const Outcome outcome = LongTask::run(
        this, tr("Issuing %n pass(es)…", nullptr, request.count), m_session,
        [&engine, request, sheetPath, csvPath, library, chosen] {
            return issueAndWrite(engine, request, sheetPath, csvPath, library, chosen);
        });

    const QString failed = QDir::toNativeSeparators(outcome.failedFile);
    switch (outcome.stage) {
    case Outcome::Stage::Opening:
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("%1 cannot be written: %2. No passes were issued.")
                                   .arg(failed, outcome.error.message));
        return false;
    case Outcome::Stage::Issuing:
        m_message->showMessage(
            InlineMessage::Kind::Error,
            tr("No passes were issued: %1").arg(asSentence(translated(outcome.error))));
        return false;
    case Outcome::Stage::Writing: {
        const int count = int(outcome.batch->passes.size());
        QString text = tr("%1 could not be written: %2.").arg(failed, outcome.error.message);
        text += u' ';
        text += outcome.revoked.ok()
                    ? tr("The %n pass(es) issued for it were revoked, so that none that was "
                         "never printed stays valid. Choose another file and create the batch "
                         "again.",
                         nullptr, count)
                    : tr("Revoking the %n pass(es) issued for it failed too (%1): revoke “%2” "
                         "in the tree before anyone finds them.",
                         nullptr, count)
                          .arg(outcome.revoked.error().message, outcome.batch->groupName);
        m_message->showMessage(InlineMessage::Kind::Error, text);
        return false;
    }
    case Outcome::Stage::Done:
        break;
    }
    m_batch = outcome.batch;
    const int count = int(m_batch->passes.size());
    QString text =
        m_batch->parent ? tr("Issued %n pass(es) under the new group “%1”: revoking the group "
                             "revokes them all.",
                             nullptr, count)
                              .arg(m_batch->groupName)
        : m_batch->parentAccessor.isEmpty()
            ? tr("Issued %n pass(es) as orphans (“%1”).", nullptr, count).arg(m_batch->groupName)
            : tr("Issued %n pass(es) under the selected token.", nullptr, count);
    text += u'\n' + tr("Wrote %n page(s) to %1.", nullptr, outcome.pages)
                        .arg(QDir::toNativeSeparators(sheetPath));
    if (!csvPath.isEmpty())
        text +=
            u'\n' +
            tr("Wrote the CSV to %1; it holds the tokens.").arg(QDir::toNativeSeparators(csvPath));
    m_summary = text;
    m_summary.replace(u'\n', u' ');
    m_message->showMessage(InlineMessage::Kind::Info, text);
    showResult();
    return true;
}

void BatchPassDialog::showResult()
{
    // The result stays on screen; the dialog now only closes.
    for (QWidget* field :
         std::initializer_list<QWidget*>{m_roles, m_count, m_newGroup, m_groupName, m_underSelected,
                                         m_paper, m_sheet, m_browseSheet, m_csv, m_browseCsv})
        field->setEnabled(false);
    m_pages->setText(tr("The preview shows sample passes; the real ones are in the PDF."));
    m_create->setEnabled(false);
    m_create->hide();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
}

} // namespace tessera::ui
