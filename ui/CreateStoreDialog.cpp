#include "ui/CreateStoreDialog.h"

#include "core/DeskIdentity.h"
#include "core/SecretBytes.h"
#include "ui/Background.h"
#include "ui/DialogParts.h"
#include "ui/NewPassphraseFields.h"
#include "ui/RecentStores.h"
#include "ui/UnlockDialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>

namespace tessera::ui {

CreateStoreDialog::CreateStoreDialog(const QString& storePath, QWidget* parent)
    : QDialog(parent)
    , m_path(new QLineEdit(QDir::toNativeSeparators(storePath), this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_passphrase(nullptr)
    , m_error(DialogParts::inlineError(this))
    , m_busy(DialogParts::busyBar(tr("Creating the store"), this))
    , m_buttons(new QDialogButtonBox(this))
    , m_createButton(m_buttons->addButton(tr("&Create Store"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("CreateStoreDialog"));
    setWindowTitle(tr("Create a Tessera Store"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tessera.svg")));

    m_path->setAccessibleName(tr("Store file"));
    m_path->setObjectName(QStringLiteral("path"));
    m_browse->setAccessibleName(tr("Choose where the store file goes"));
    m_createButton->setDefault(true);
    m_createButton->setObjectName(QStringLiteral("create"));
    m_buttons->addButton(QDialogButtonBox::Cancel);

    auto* intro = new QLabel(
        tr("Tessera keeps every token, policy and audit record in one encrypted file. "
           "Choose where it goes and a passphrase to encrypt it. <b>Without the passphrase "
           "the store cannot be opened by anyone</b>, so keep it somewhere safe."),
        this);
    intro->setWordWrap(true);

    auto* form = new QFormLayout;
    DialogParts::addFileRow(form, tr("&Store file:"), m_path, m_browse);
    m_passphrase = new NewPassphraseFields(form, this);
    DialogParts::stackStoreDialog(this, intro, form, m_error, m_busy, m_buttons);
    setMinimumWidth(560);

    setTabOrder(m_passphrase->passphraseEdit(), m_passphrase->confirmEdit());
    setTabOrder(m_passphrase->confirmEdit(), m_path);
    setTabOrder(m_path, m_browse);
    setTabOrder(m_browse, m_buttons);
    m_passphrase->passphraseEdit()->setFocus();

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateStoreDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateStoreDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &CreateStoreDialog::browse);
    connect(m_passphrase, &NewPassphraseFields::changed, this, &CreateStoreDialog::updateHints);
    connect(m_path, &QLineEdit::textChanged, this, &CreateStoreDialog::updateHints);
    updateHints();
}

CreateStoreDialog::~CreateStoreDialog() = default;

QString CreateStoreDialog::storePath() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

std::optional<engine::StoreSetup::Initialized> CreateStoreDialog::takeInitialized()
{
    return std::exchange(m_initialized, std::nullopt);
}

QString CreateStoreDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CreateStoreDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Store"), storePath(), tr("Tessera stores (*.store);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(path));
}

void CreateStoreDialog::updateHints()
{
    m_createButton->setEnabled(m_passphrase->isAcceptable() && !storePath().isEmpty());
    m_error->hide();
}

void CreateStoreDialog::accept()
{
    if (m_busy->isVisible() || !m_createButton->isEnabled())
        return;
    const QString path = storePath();
    if (const Status prepared = engine::StoreSetup::prepareNewStore(path); !prepared) {
        showError(prepared.error().code == ErrorCode::Conflict
                      ? tr("A store already exists at %1. Choose another file name, or cancel "
                           "and unlock that store.")
                            .arg(QDir::toNativeSeparators(path))
                      : UnlockDialog::describe(prepared.error(), path));
        return;
    }
    SecretBytes passphrase(m_passphrase->passphrase().toUtf8());
    setBusy(true);
    runInBackground(
        this,
        [path, passphrase = std::move(passphrase), profile = m_profile]() mutable {
            auto initialized = engine::StoreSetup::initialize(
                path, passphrase.view(), DeskIdentity::client(QStringLiteral("console")), profile);
            passphrase = SecretBytes();
            if (initialized)
                initialized->engine->moveToThread(QCoreApplication::instance()->thread());
            return initialized;
        },
        [this, path](Result<engine::StoreSetup::Initialized> initialized) {
            setBusy(false);
            if (!initialized) {
                showError(
                    tr("The store could not be created: %1").arg(initialized.error().message));
                return;
            }
            m_passphrase->clear();
            m_initialized = std::move(initialized).value();
            RecentStores::add(path);
            QDialog::accept();
        });
}

void CreateStoreDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    for (QWidget* input : std::initializer_list<QWidget*>{m_path, m_browse, m_buttons})
        input->setEnabled(!busy);
    m_passphrase->setEnabled(!busy);
}

void CreateStoreDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace tessera::ui
