#include "ui/ReportDialog.h"

#include "reports/AuditOperations.h"
#include "ui/InlineMessage.h"
#include "ui/LongTask.h"
#include "ui/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace tessera::ui {
namespace {

constexpr int kDefaultDays = 30;

// Whether the model accepts one field of a query on its own: the dialog names
// the field in its own words, the rules stay the model's.
template <typename Set> bool acceptedByModel(Set set)
{
    reports::ReportQuery query;
    query.from = query.to = QDate(2000, 1, 1);
    set(query);
    return query.validate().ok();
}

bool isCancellation(const Error& error)
{
    const Error cancelled = reports::ReportProgress::cancelledError();
    return error.code == cancelled.code && error.message == cancelled.message;
}

} // namespace

ReportDialog::ReportDialog(engine::TokenEngine& engine, Session* session,
                           const QString& selectedAccessor, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_session(session)
{
    setWindowTitle(tr("Export Audit Report"));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("PDF: summary, charts and every record"), int(reports::ReportFormat::Pdf));
    m_format->addItem(tr("CSV for spreadsheets"), int(reports::ReportFormat::Csv));
    m_format->addItem(tr("JSON Lines"), int(reports::ReportFormat::JsonLines));

    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_from = new QDateEdit(today.addDays(-(kDefaultDays - 1)), this);
    m_from->setObjectName(QStringLiteral("from"));
    m_from->setAccessibleName(tr("From"));
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setAccessibleName(tr("To"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto* period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), this));
    period->addWidget(m_to);
    auto* utc = new QLabel(tr("UTC"), this);
    const QString whole = tr("Whole days in UTC; the first and the last day are included.");
    for (QWidget* widget : std::initializer_list<QWidget*>{m_from, m_to, utc})
        widget->setToolTip(whole);
    period->addWidget(utc);
    period->addStretch();

    m_operation = new QComboBox(this);
    m_operation->setObjectName(QStringLiteral("operation"));
    m_operation->setEditable(true);
    m_operation->setInsertPolicy(QComboBox::NoInsert);
    m_operation->addItem(tr("All operations"), QString());
    namespace op = reports::operations;
    for (const QString& name :
         {QStringLiteral("token.*"), op::kCreate, op::kRenew, op::kRevoke, op::kRevokeOrphan,
          op::kExpire, op::kUseLimit, op::kLogin, op::kLoginFailed, QStringLiteral("policy.*"),
          QStringLiteral("role.*"), QStringLiteral("user.*"), QStringLiteral("store.*"),
          QStringLiteral("audit.export")})
        m_operation->addItem(name, name);

    m_subtreeOnly = new QCheckBox(tr("Only the s&ubtree of"), this);
    m_subtreeOnly->setObjectName(QStringLiteral("subtreeOnly"));
    m_subtree = new QLineEdit(selectedAccessor, this);
    m_subtree->setObjectName(QStringLiteral("subtree"));
    m_subtree->setAccessibleName(tr("Subtree token accessor"));
    m_subtree->setPlaceholderText(tr("the accessor of a token"));
    m_subtree->setEnabled(false);
    connect(m_subtreeOnly, &QCheckBox::toggled, m_subtree, &QWidget::setEnabled);
    auto* subtree = new QHBoxLayout;
    subtree->addWidget(m_subtreeOnly);
    subtree->addWidget(m_subtree, 1);

    m_meta = new QLineEdit(this);
    m_meta->setObjectName(QStringLiteral("meta"));
    m_meta->setPlaceholderText(tr("key=value, e.g. card=4000123 (empty: any token)"));

    // The XDG documents folder, named even when it does not exist: then home.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_output = new QLineEdit(
        QDir(!documents.isEmpty() && QFileInfo(documents).isDir() ? documents : QDir::homePath())
            .filePath(QStringLiteral("tessera-audit-%1.pdf").arg(today.toString(Qt::ISODate))),
        this);
    m_output->setObjectName(QStringLiteral("output"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::chooseFile);
    auto* output = new QHBoxLayout;
    output->addWidget(m_output, 1);
    output->addWidget(browse);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("message"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto* periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_from);
    form->addRow(periodLabel, period);
    form->addRow(tr("&Operation:"), m_operation);
    form->addRow(tr("Tokens:"), subtree);
    form->addRow(tr("&Metadata:"), m_meta);
    auto* outputLabel = new QLabel(tr("&Save to:"), this);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, output);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("export"));
    exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        if (exportReport())
            accept();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ReportDialog::formatChanged);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

reports::ReportFormat ReportDialog::format() const
{
    return reports::ReportFormat(m_format->currentData().toInt());
}

QString ReportDialog::operation() const
{
    // A chosen entry has its name as data ("All operations": none); anything
    // else is an operation name typed by hand.
    const QString text = m_operation->currentText().trimmed();
    const int index = m_operation->findText(text);
    return index >= 0 ? m_operation->itemData(index).toString() : text;
}

void ReportDialog::formatChanged()
{
    const QFileInfo file(m_output->text().trimmed());
    if (file.fileName().isEmpty())
        return;
    const QString suffix = file.suffix().toLower();
    const bool known = reports::ReportExport::formatNamed(suffix).has_value();
    const QString base = known ? file.completeBaseName() : file.fileName();
    m_output->setText(QDir::toNativeSeparators(
        file.dir().filePath(base + u'.' + reports::ReportExport::formatName(format()))));
}

void ReportDialog::chooseFile()
{
    const reports::ReportFormat chosen = format();
    const QString filter = chosen == reports::ReportFormat::Pdf ? tr("PDF documents (*.pdf)")
                           : chosen == reports::ReportFormat::Csv
                               ? tr("CSV files (*.csv)")
                               : tr("JSON Lines files (*.jsonl)");
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save Audit Report"), m_output->text(), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + reports::ReportExport::formatName(chosen);
    m_output->setText(QDir::toNativeSeparators(path));
}

Result<reports::ReportRequest> ReportDialog::request() const
{
    reports::ReportRequest request;
    request.caller = Session::caller();
    request.format = format();
    request.query.from = m_from->date();
    request.query.to = m_to->date();
    request.query.operation = operation();
    if (m_subtreeOnly->isChecked())
        request.query.subtree = m_subtree->text().trimmed();
    if (const QString meta = m_meta->text().trimmed(); !meta.isEmpty()) {
        auto parsed = reports::ReportQuery::parseMeta(meta);
        if (!parsed)
            return Error::invalid(
                tr("Write the metadata filter as key=value, for example card=4000123."));
        request.query.metaKey = parsed->first;
        request.query.metaValue = parsed->second;
    }
    request.outputPath = QDir::fromNativeSeparators(m_output->text().trimmed());
    TESSERA_TRY(checkFields(request));
    // Whatever the fields above missed, in the model's words.
    TESSERA_TRY(request.query.validate());
    return request;
}

Status ReportDialog::checkFields(const reports::ReportRequest& request) const
{
    const reports::ReportQuery& query = request.query;
    if (query.to < query.from)
        return Error::invalid(tr("The period ends before it starts."));
    if (request.format == reports::ReportFormat::Pdf &&
        query.from.daysTo(query.to) >= reports::ReportExport::kMaxPdfDays)
        return Error::invalid(tr("A PDF report covers at most %1 days; export a longer period "
                                 "as CSV or JSON Lines.")
                                  .arg(reports::ReportExport::kMaxPdfDays));
    if (!acceptedByModel([&](reports::ReportQuery& q) { q.operation = query.operation; }))
        return Error::invalid(tr("“%1” is not an operation name such as token.create or token.*.")
                                  .arg(query.operation));
    if (m_subtreeOnly->isChecked() && query.subtree.isEmpty())
        return Error::invalid(
            tr("Enter the accessor of the token whose subtree the report covers."));
    if (!acceptedByModel([&](reports::ReportQuery& q) { q.subtree = query.subtree; }))
        return Error::invalid(tr("“%1” is not a token accessor.").arg(query.subtree));
    if (request.outputPath.isEmpty())
        return Error::invalid(tr("Choose the file to save the report to."));
    const QFileInfo file(request.outputPath);
    if (file.isDir())
        return Error::invalid(tr("%1 is a folder: name a file in it.")
                                  .arg(QDir::toNativeSeparators(request.outputPath)));
    if (!file.absoluteDir().exists())
        return Error::invalid(
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(file.absolutePath())));
    return {};
}

bool ReportDialog::exportReport()
{
    m_summary.clear();
    auto built = request();
    if (!built) {
        m_message->showMessage(InlineMessage::Kind::Error, built.error().message);
        return false;
    }
    m_message->clear();
    engine::TokenEngine& engine = m_engine;
    const reports::ReportRequest request = *built;
    auto outcome = LongTask::runCancellable(
        this, tr("Writing the audit report…"), m_session,
        [&engine, request](std::stop_token stop, const LongTask::Progress& progress) {
            return reports::ReportExport::toFile(engine, request,
                                                 reports::ReportProgress(stop, progress));
        });
    if (!outcome) {
        if (isCancellation(outcome.error()))
            m_message->showMessage(InlineMessage::Kind::Info,
                                   tr("Cancelled: no report was written."));
        else
            m_message->showMessage(
                InlineMessage::Kind::Error,
                tr("The report could not be written: %1").arg(asSentence(outcome.error().message)));
        return false;
    }
    const QString path = QDir::toNativeSeparators(request.outputPath);
    const QString records = QLocale().toString(outcome->records);
    m_summary = request.format == reports::ReportFormat::Pdf
                    ? tr("Wrote the report to %1 (pages: %2, records: %3).")
                          .arg(path, QLocale().toString(outcome->pages), records)
                    : tr("Exported the report to %1 (records: %2).").arg(path, records);
    if (!outcome->chain.intact)
        QMessageBox::warning(
            this, windowTitle(),
            m_summary + u'\n' +
                tr("The audit chain is NOT intact: %1").arg(outcome->chain.problem));
    return true;
}

} // namespace tessera::ui
