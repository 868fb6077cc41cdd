#include "ui/RootTokenDialog.h"

#include "ui/SecretClipboard.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

RootTokenDialog::RootTokenDialog(const QString& token, const QString& accessor,
                                 SecretClipboard& clipboard, QWidget* parent)
    : QDialog(parent)
    , m_token(new QLineEdit(token, this))
    , m_copy(new QPushButton(QIcon(QStringLiteral(":/icons/copy.svg")), tr("&Copy"), this))
    , m_stored(new QCheckBox(tr("I have stored the root token somewhere safe"), this))
    , m_close(new QPushButton(tr("C&ontinue"), this))
{
    setObjectName(QStringLiteral("RootTokenDialog"));
    setWindowTitle(tr("Root Token"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tessera.svg")));

    auto* intro =
        new QLabel(tr("<p>The store is ready. This is its <b>root token</b>: it can do everything, "
                      "and Tessera shows it <b>only this once</b>.</p>"
                      "<p>Keep it offline (a password manager, a sealed envelope in the safe). The "
                      "console itself needs only the passphrase.</p>"),
                   this);
    intro->setWordWrap(true);

    m_token->setReadOnly(true);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setAccessibleName(tr("Root token"));
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_token->setMinimumWidth(m_token->fontMetrics().horizontalAdvance(token) + 24);
    m_copy->setObjectName(QStringLiteral("copy"));
    m_copy->setAccessibleName(tr("Copy the root token"));
    m_copy->setToolTip(tr("Copies the token; the clipboard is cleared after a minute and when "
                          "the console locks."));
    auto* accessorLabel = new QLabel(tr("Accessor: %1").arg(accessor), this);
    accessorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stored->setObjectName(QStringLiteral("stored"));
    m_close->setEnabled(false);
    m_close->setDefault(true);

    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_copy);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_close, QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(tokenRow);
    layout->addWidget(accessorLabel);
    layout->addSpacing(8);
    layout->addWidget(m_stored);
    layout->addWidget(buttons);

    connect(m_copy, &QPushButton::clicked, this, [this, &clipboard] {
        clipboard.copy(m_token->text());
        m_copy->setText(tr("Copied"));
    });
    connect(m_stored, &QCheckBox::toggled, m_close, &QWidget::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    m_copy->setFocus();
}

RootTokenDialog::~RootTokenDialog()
{
    m_token->clear();
}

void RootTokenDialog::reject()
{
    if (m_stored->isChecked())
        QDialog::reject();
}

} // namespace tessera::ui
