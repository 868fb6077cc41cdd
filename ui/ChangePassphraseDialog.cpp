#include "ui/ChangePassphraseDialog.h"

#include "core/SecretBytes.h"
#include "engine/PassphraseChange.h"
#include "ui/DialogParts.h"
#include "ui/LongTask.h"
#include "ui/NewPassphraseFields.h"
#include "ui/Session.h"
#include "ui/UnlockDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

ChangePassphraseDialog::ChangePassphraseDialog(Session& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_current(new QLineEdit(this))
    , m_new(nullptr)
    , m_error(DialogParts::inlineError(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("ChangePassphraseDialog"));
    setWindowTitle(tr("Change Passphrase"));
    auto* intro = new QLabel(tr("The store is re-encrypted under the new passphrase. Backups "
                                "made before keep the old one."),
                             this);
    intro->setWordWrap(true);
    m_current->setEchoMode(QLineEdit::Password);
    m_current->setAccessibleName(tr("Current passphrase"));
    m_current->setObjectName(QStringLiteral("current"));

    auto* form = new QFormLayout;
    form->addRow(tr("C&urrent passphrase:"), m_current);
    m_new = new NewPassphraseFields(form, this);
    QPushButton* change = m_buttons->addButton(tr("&Change"), QDialogButtonBox::AcceptRole);
    change->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    auto updateButton = [this, change] {
        change->setEnabled(!m_current->text().isEmpty() && m_new->isAcceptable());
    };
    connect(m_new, &NewPassphraseFields::changed, this, updateButton);
    connect(m_current, &QLineEdit::textChanged, this, updateButton);
    connect(m_current, &QLineEdit::textEdited, m_error, &QWidget::hide);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChangePassphraseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ChangePassphraseDialog::reject);
    updateButton();
}

ChangePassphraseDialog::~ChangePassphraseDialog() = default;

QString ChangePassphraseDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ChangePassphraseDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void ChangePassphraseDialog::accept()
{
    if (!m_session.isUnlocked() || !m_new->isAcceptable())
        return;
    SecretBytes current(m_current->text().toUtf8());
    SecretBytes next(m_new->passphrase().toUtf8());
    m_current->clear();
    const engine::PassphraseChange change(m_session.engine(), Session::caller());
    const QString path = m_session.storePath();
    m_session.setStoreExclusive(true);
    const Status changed =
        LongTask::run(this, tr("Re-encrypting the store…"), m_session,
                      [&change, current = std::move(current), next = std::move(next)]() mutable {
                          return change.run(std::move(current), std::move(next));
                      });
    m_session.setStoreExclusive(false);
    if (!changed) {
        showError(changed.error().code == ErrorCode::WrongPassphrase
                      ? tr("The current passphrase is wrong.")
                      : UnlockDialog::describe(changed.error(), path));
        m_current->setFocus();
        return;
    }
    m_new->clear();
    QDialog::accept();
}

} // namespace tessera::ui
