#include "ui/NewPassphraseFields.h"

#include "ui/PassphraseStrength.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace tessera::ui {

NewPassphraseFields::NewPassphraseFields(QFormLayout* form, QWidget* parent)
    : QObject(parent)
    , m_passphrase(new QLineEdit(parent))
    , m_strength(new QLabel(parent))
    , m_confirm(new QLineEdit(parent))
    , m_mismatch(new QLabel(tr("The two passphrases differ."), parent))
{
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("New passphrase"));
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setAccessibleName(tr("New passphrase again"));
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_strength->setObjectName(QStringLiteral("strength"));
    m_strength->setAccessibleName(tr("Passphrase strength"));
    m_strength->setWordWrap(true);
    m_mismatch->setObjectName(QStringLiteral("mismatch"));
    m_mismatch->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_mismatch->hide();
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(QString(), m_strength);
    form->addRow(tr("&Again:"), m_confirm);
    form->addRow(QString(), m_mismatch);
    for (QLineEdit* edit : {m_passphrase, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &NewPassphraseFields::update);
    update();
}

QString NewPassphraseFields::passphrase() const
{
    return m_passphrase->text();
}

bool NewPassphraseFields::isAcceptable() const
{
    return PassphraseStrength::level(passphrase()) != PassphraseStrength::Level::TooShort &&
           m_confirm->text() == passphrase();
}

void NewPassphraseFields::setEnabled(bool enabled)
{
    m_passphrase->setEnabled(enabled);
    m_confirm->setEnabled(enabled);
}

void NewPassphraseFields::clear()
{
    m_passphrase->clear();
    m_confirm->clear();
}

void NewPassphraseFields::update()
{
    const QString text = passphrase();
    m_strength->setText(text.isEmpty()
                            ? tr("Use a few unrelated words, at least %n characters.", nullptr,
                                 PassphraseStrength::kMinimumLength)
                            : PassphraseStrength::describe(PassphraseStrength::level(text)));
    m_mismatch->setVisible(!m_confirm->text().isEmpty() && m_confirm->text() != text);
    Q_EMIT changed();
}

} // namespace tessera::ui
