#include "ui/UnlockDialog.h"

#include "engine/StoreSetup.h"
#include "ui/Background.h"
#include "ui/DialogParts.h"
#include "ui/RecentStores.h"

#include <QComboBox>
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

UnlockDialog::UnlockDialog(const QString& storePath, QWidget* parent)
    : QDialog(parent)
    , m_store(new QComboBox(this))
    , m_passphrase(new QLineEdit(this))
    , m_error(DialogParts::inlineError(this))
    , m_busy(DialogParts::busyBar(tr("Unlocking"), this))
    , m_buttons(new QDialogButtonBox(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_create(new QPushButton(tr("&New Store…"), this))
{
    setObjectName(QStringLiteral("UnlockDialog"));
    setWindowTitle(tr("Unlock Tessera Store"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tessera.svg")));

    m_store->setEditable(true);
    m_store->setInsertPolicy(QComboBox::NoInsert);
    m_store->setMinimumContentsLength(40);
    m_store->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_store->setAccessibleName(tr("Store file"));
    QStringList paths = RecentStores::list();
    const QString current = QFileInfo(storePath).absoluteFilePath();
    paths.removeAll(current);
    paths.prepend(current);
    for (const QString& path : paths)
        m_store->addItem(QDir::toNativeSeparators(path), path);
    m_store->setCurrentIndex(0);
    m_browse->setAccessibleName(tr("Browse for a store file"));

    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_passphrase->setObjectName(QStringLiteral("passphrase"));

    m_buttons->addButton(tr("&Unlock"), QDialogButtonBox::AcceptRole)->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    m_buttons->addButton(m_create, QDialogButtonBox::ResetRole);

    auto* form = new QFormLayout;
    DialogParts::addFileRow(form, tr("&Store:"), m_store, m_browse);
    form->addRow(tr("&Passphrase:"), m_passphrase);

    auto* intro = new QLabel(tr("Enter the passphrase that encrypts this store."), this);
    intro->setWordWrap(true);
    DialogParts::stackStoreDialog(this, intro, form, m_error, m_busy, m_buttons);

    setTabOrder(m_passphrase, m_store);
    setTabOrder(m_store, m_browse);
    setTabOrder(m_browse, m_buttons);
    m_passphrase->setFocus();

    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UnlockDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &UnlockDialog::browse);
    connect(m_create, &QPushButton::clicked, this, &UnlockDialog::createRequested);
    connect(m_passphrase, &QLineEdit::textEdited, m_error, &QWidget::hide);
}

UnlockDialog::~UnlockDialog() = default;

QString UnlockDialog::storePath() const
{
    const QString text = m_store->currentText();
    const int index = m_store->findText(text);
    return index >= 0 ? m_store->itemData(index).toString() : QDir::fromNativeSeparators(text);
}

std::unique_ptr<engine::TokenEngine> UnlockDialog::takeEngine()
{
    return std::move(m_engine);
}

QString UnlockDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void UnlockDialog::browse()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Store"), QFileInfo(storePath()).absolutePath(),
                                     tr("Tessera stores (*.store);;All files (*)"));
    if (path.isEmpty())
        return;
    m_store->setCurrentText(QDir::toNativeSeparators(path));
    m_passphrase->setFocus();
}

void UnlockDialog::accept()
{
    if (m_busy->isVisible())
        return;
    const QString path = storePath();
    if (m_passphrase->text().isEmpty()) {
        showError(tr("Enter the passphrase."));
        return;
    }
    SecretBytes passphrase(m_passphrase->text().toUtf8());
    m_passphrase->clear();
    unlockWith(std::move(passphrase));
}

void UnlockDialog::unlockWith(SecretBytes passphrase)
{
    const QString path = storePath();
    setBusy(true);
    runInBackground(
        this,
        [path, passphrase = std::move(passphrase)]() mutable {
            auto opened = engine::StoreSetup::open(path, passphrase.view());
            passphrase = SecretBytes();
            // Created on a pool thread; the GUI thread owns it from now on.
            if (opened)
                (*opened)->moveToThread(QCoreApplication::instance()->thread());
            return opened;
        },
        [this](Result<std::unique_ptr<engine::TokenEngine>> opened) {
            finishUnlock(std::move(opened));
        });
}

void UnlockDialog::finishUnlock(Result<std::unique_ptr<engine::TokenEngine>> opened)
{
    setBusy(false);
    if (!opened) {
        showError(describe(opened.error(), storePath()));
        return;
    }
    m_engine = std::move(opened).value();
    RecentStores::add(storePath());
    QDialog::accept();
}

QString UnlockDialog::describe(const Error& error, const QString& path)
{
    const QString file = QDir::toNativeSeparators(path);
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
        return tr("Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.");
    case ErrorCode::NotAStore:
        return tr("%1 is not a Tessera store (or was written by a newer Tessera).").arg(file);
    case ErrorCode::StoreCorrupt:
        return tr("The store %1 is damaged and cannot be opened. Restore it from a backup.")
            .arg(file);
    case ErrorCode::NotFound:
        return tr("There is no store at %1. Choose another file or create a new store.").arg(file);
    case ErrorCode::Io:
        return tr("Cannot read %1: %2").arg(file, error.message);
    default:
        return tr("Cannot open the store: %1").arg(error.message);
    }
}

void UnlockDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    for (QWidget* input :
         std::initializer_list<QWidget*>{m_store, m_passphrase, m_browse, m_create, m_buttons})
        input->setEnabled(!busy);
    if (busy)
        m_error->hide();
}

void UnlockDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    m_passphrase->clear();
    m_passphrase->setFocus();
}

} // namespace tessera::ui
