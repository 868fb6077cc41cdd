#include "ui/PatronImportDialog.h"

#include "engine/PatronCsv.h"
#include "engine/TokenEngine.h"
#include "items/PatronImportModel.h"
#include "ui/DialogParts.h"
#include "ui/InlineMessage.h"
#include "ui/LongTask.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace tessera::ui {

using items::PatronImportModel;

PatronImportDialog::PatronImportDialog(engine::TokenEngine& engine, Session* session,
                                       QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_session(session)
{
    setWindowTitle(tr("Import Patrons"));

    auto* intro = new QLabel(
        tr("A CSV file (UTF-8) with the columns <b>card_number</b>, <b>name</b>, <b>email</b>, "
           "<b>role</b> and optionally <b>metadata</b> (key=value;key=value). Each card number "
           "becomes a login account; an existing one is updated. Nothing is imported unless "
           "every line is good. New patrons sign in once a password is set for them."),
        this);
    intro->setWordWrap(true);

    m_file = new QLineEdit(this);
    m_file->setReadOnly(true);
    m_file->setAccessibleName(tr("Import file"));
    m_file->setPlaceholderText(tr("Choose a CSV file of patrons"));
    m_browse = new QPushButton(tr("&Choose File…"), this);
    auto* fileRow = new QHBoxLayout;
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_browse);
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);

    m_model = new PatronImportModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Lines of the file"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_counts = new QLabel(this);
    m_message = new InlineMessage(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setDefault(true);
    m_import->setEnabled(false);

    DialogParts::setObjectNames({{m_file, "file"},
                                 {m_browse, "browse"},
                                 {m_table, "preview"},
                                 {m_counts, "counts"},
                                 {m_message, "message"},
                                 {m_import, "import"}});

    connect(m_browse, &QPushButton::clicked, this, &PatronImportDialog::chooseFile);
    connect(m_import, &QPushButton::clicked, this, &PatronImportDialog::importPatrons);
    // Closing after an import is not a cancellation.
    connect(m_buttons, &QDialogButtonBox::rejected, this,
            [this] { m_imported ? accept() : reject(); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_counts);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(860, 520);
    m_browse->setFocus();
}

void PatronImportDialog::chooseFile()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString start = m_file->text().isEmpty() ? documents : m_file->text();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Patrons"), start,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool PatronImportDialog::loadFile(const QString& path)
{
    m_bytes.clear();
    m_model->clear();
    m_counts->clear();
    m_import->setEnabled(false);
    m_file->setText(QDir::toNativeSeparators(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->showMessage(
            InlineMessage::Kind::Error,
            tr("%1 cannot be read: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    if (file.size() > engine::PatronCsv::kMaxBytes) {
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("%1 is larger than %2 MiB: split it into smaller files.")
                                   .arg(QDir::toNativeSeparators(path))
                                   .arg(engine::PatronCsv::kMaxBytes / (1024 * 1024)));
        return false;
    }
    const QByteArray bytes = file.readAll();
    engine::TokenEngine& engine = m_engine;
    auto preview = LongTask::run(this, tr("Reading the patrons…"), m_session, [&engine, bytes] {
        return engine.patronImport().preview(Session::caller(), bytes);
    });
    if (!preview) {
        m_message->showMessage(
            InlineMessage::Kind::Error,
            tr("The file cannot be checked: %1").arg(asSentence(translated(preview.error()))));
        return false;
    }
    m_bytes = bytes;
    m_model->setPlan(*preview, m_bytes);
    showPreview();
    return true;
}

void PatronImportDialog::showPreview()
{
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int bad = m_model->badCount();
    m_counts->setText(tr("New patrons: %1    To update: %2    Bad lines: %3")
                          .arg(m_model->newCount())
                          .arg(m_model->updateCount())
                          .arg(bad));
    if (bad > 0) {
        m_message->showMessage(
            InlineMessage::Kind::Error,
            tr("Nothing can be imported while the file has bad lines: %n line(s) are marked "
               "with the reason. Correct the file and choose it again.",
               nullptr, bad));
        // The first bad line in view.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (index.data(PatronImportModel::StatusRole).toInt() ==
                int(PatronImportModel::Status::Bad)) {
                m_table->scrollTo(index);
                break;
            }
        }
    } else if (m_model->rowCount() == 0) {
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("The file names no patron: only a header, or nothing."));
    } else {
        m_message->showMessage(InlineMessage::Kind::Info,
                               tr("Every line is good. Import writes them all in one step."));
    }
    m_import->setEnabled(m_model->isImportable());
}

bool PatronImportDialog::importPatrons()
{
    if (!m_model->isImportable())
        return false;
    engine::TokenEngine& engine = m_engine;
    const QByteArray bytes = m_bytes;
    auto imported = LongTask::run(
        this, tr("Importing %n patron(s)…", nullptr, int(m_model->rowCount())), m_session,
        [&engine, bytes] { return engine.patronImport().import(Session::caller(), bytes); });
    if (!imported) {
        // The store changed since the preview (a role deleted, another desk):
        // nothing was written; choosing the file again previews it anew.
        m_message->showMessage(
            InlineMessage::Kind::Error,
            tr("Nothing was imported: %1").arg(asSentence(translated(imported.error()))));
        m_import->setEnabled(false);
        return false;
    }
    m_imported = true;
    m_summary = tr("Imported %1 and updated %2 from %3.")
                    .arg(tr("%n new patron(s)", nullptr, int(imported->toCreate.size())),
                         tr("%n patron(s)", nullptr, int(imported->toUpdate.size())),
                         QFileInfo(m_file->text()).fileName());
    QString text = m_summary;
    if (!imported->toCreate.isEmpty())
        text += u'\n' + tr("New patrons sign in once a password is set for them (Access › "
                           "Users), or with a pass.");
    m_message->showMessage(InlineMessage::Kind::Info, text);
    m_import->setEnabled(false);
    m_import->hide();
    m_browse->setEnabled(false);
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
    return true;
}

} // namespace tessera::ui
