#include "ui/NewTokenDialog.h"

#include "engine/Duration.h"
#include "reports/AccessPass.h"
#include "ui/InlineMessage.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

NewTokenDialog::NewTokenDialog(const engine::CreatedToken& created, const QString& libraryName,
                               CopySecret copySecret, QWidget* parent)
    : NewTokenDialog(created, QString(), libraryName, std::move(copySecret), parent)
{}

NewTokenDialog::NewTokenDialog(const engine::CreatedToken& created, const QString& link,
                               const QString& libraryName, CopySecret copySecret, QWidget* parent)
    : QDialog(parent)
    , m_created(created)
    , m_link(link)
    , m_secret(link.isEmpty() ? created.token : link)
    , m_libraryName(libraryName)
    , m_copySecret(std::move(copySecret))
{
    const bool isLink = !m_link.isEmpty();
    setWindowTitle(isLink ? tr("New Link") : tr("New Token"));
    const engine::Token& info = m_created.info;

    const QString name = info.displayName.isEmpty() ? tr("(no name)") : info.displayName;
    auto* heading = new QLabel(
        isLink ? tr("<b>A one-use link to \u201c%1\u201d was made.</b>")
                     .arg(linkedDocumentAddress().toHtmlEscaped())
               : tr("<b>The token \u201c%1\u201d was issued.</b>").arg(name.toHtmlEscaped()),
        this);
    heading->setWordWrap(true);
    auto* once = new InlineMessage(this);
    once->showMessage(InlineMessage::Kind::Warning,
                      isLink ? tr("This is the only time the link is shown. Copy it or print it "
                                  "now: it cannot be displayed again.")
                             : tr("This is the only time the token is shown. Copy it or print a "
                                  "pass now: it cannot be displayed again."));

    m_token = new QPlainTextEdit(m_secret, this);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setReadOnly(true);
    m_token->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_token->setWordWrapMode(QTextOption::WrapAnywhere);
    m_token->setAccessibleName(isLink ? tr("Link") : tr("Token"));
    m_token->setTabChangesFocus(true);
    const int lines = m_secret.size() > 60 ? 5 : 1;
    m_token->setFixedHeight(m_token->fontMetrics().lineSpacing() * lines + 14);
    auto* tokenLabel = new QLabel(isLink ? tr("&Link:") : tr("&Token:"), this);
    tokenLabel->setBuddy(m_token);

    const QLocale locale;
    auto* details = new QFormLayout;
    details->addRow(tokenLabel, m_token);
    if (!info.accessor.isEmpty())
        details->addRow(tr("Accessor:"), new QLabel(info.accessor, this));
    details->addRow(tr("Type:"), new QLabel(engine::tokenTypeName(info.type), this));
    details->addRow(tr("Policies:"), new QLabel(info.policies.join(QStringLiteral(", ")), this));
    reports::AccessPass pass;
    pass.setValidity(info);
    details->addRow(tr("Expires:"), new QLabel(pass.validityText(), this));
    details->addRow(tr("Uses:"), new QLabel(pass.usesText(), this));
    for (int row = 0; row < details->rowCount(); ++row) {
        if (auto* label =
                qobject_cast<QLabel*>(details->itemAt(row, QFormLayout::FieldRole)->widget()))
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    auto* warnings = new InlineMessage(this);
    warnings->showMessage(InlineMessage::Kind::Warning, m_created.warnings.join(u'\n'));
    m_status = new InlineMessage(this);
    m_status->setObjectName(QStringLiteral("status"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copy"));
    m_copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_print = buttons->addButton(isLink ? tr("&Print Link\u2026") : tr("&Print Pass\u2026"),
                                 QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("print"));
    connect(m_copy, &QPushButton::clicked, this, &NewTokenDialog::copy);
    connect(m_print, &QPushButton::clicked, this, &NewTokenDialog::choosePrinterAndPrint);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_copy->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(once);
    layout->addSpacing(4);
    layout->addLayout(details);
    layout->addWidget(warnings);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    m_copy->setFocus();
}

NewTokenDialog::~NewTokenDialog()
{
    // Drop the widget's copy of the secret before the text is freed.
    m_token->clear();
}

void NewTokenDialog::copyMarkedAsSecret(const QString& secret)
{
    auto mime = std::make_unique<QMimeData>();
    mime->setText(secret);
    // Clipboard managers (Klipper and others) keep no history of such entries.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QApplication::clipboard()->setMimeData(mime.release()); // the clipboard owns it
}

void NewTokenDialog::copy()
{
    if (m_copySecret)
        m_copySecret(m_secret);
    else
        copyMarkedAsSecret(m_secret);
    m_status->showMessage(InlineMessage::Kind::Info,
                          tr("Copied. The clipboard is cleared when the console locks."));
}

bool NewTokenDialog::printPass(QPrinter& printer) const
{
    reports::AccessPass pass;
    pass.library = m_libraryName;
    // A link's pass: the patron scans the code and the document opens.
    pass.title = m_link.isEmpty() ? tr("Access pass") : tr("Link to one document");
    pass.displayName = m_link.isEmpty() ? m_created.info.displayName : linkedDocumentAddress();
    pass.token = m_secret;
    pass.setValidity(m_created.info);
    printer.setDocName(tr("Access pass %1").arg(pass.displayName));
    return pass.print(printer);
}

QString NewTokenDialog::linkedDocumentAddress() const
{
    // "gate/<host>/<path>" reads as the page's address without its scheme.
    const QString document = engine::GateService::linkedDocument(m_created.info);
    return document.startsWith(QStringLiteral("gate/")) ? document.mid(5) : document;
}

void NewTokenDialog::choosePrinterAndPrint()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Pass"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (printPass(printer))
        m_status->showMessage(InlineMessage::Kind::Info, tr("The pass was sent to the printer."));
    else
        m_status->showMessage(InlineMessage::Kind::Error, tr("The pass could not be printed."));
}

} // namespace tessera::ui
