#include "ui/RenewDialog.h"

#include "engine/Duration.h"
#include "engine/Role.h"
#include "engine/TtlPolicy.h"
#include "ui/DurationEdit.h"
#include "ui/InlineMessage.h"
#include "ui/Session.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

RenewDialog::RenewDialog(engine::TokenEngine& engine, const engine::Token& token, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_token(token)
{
    setWindowTitle(tr("Renew Token"));
    if (!m_token.role.isEmpty()) {
        // As the engine does: a role's *current* settings bound the renewal.
        if (auto role = m_engine.admin().role(Session::caller(), m_token.role); role.ok())
            m_role = std::move(*role);
    }

    const QString name = m_token.displayName.isEmpty() ? m_token.accessor : m_token.displayName;
    auto* form = new QFormLayout;
    form->addRow(tr("Token:"), new QLabel(name.toHtmlEscaped(), this));
    form->addRow(tr("Expires now:"), new QLabel(expiryText(m_token.expireAt), this));
    m_increment = new DurationEdit(this);
    m_increment->setObjectName(QStringLiteral("increment"));
    m_increment->setNoneText(
        tr("Creation TTL (%1)").arg(engine::formatDuration(m_token.creationTtl)));
    m_increment->setFieldName(tr("Increment"));
    auto* incrementLabel = new QLabel(tr("&Increment:"), this);
    incrementLabel->setBuddy(m_increment);
    form->addRow(incrementLabel, m_increment);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_renew = m_buttons->addButton(tr("&Renew"), QDialogButtonBox::AcceptRole);
    m_renew->setObjectName(QStringLiteral("renew"));
    m_renew->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RenewDialog::renew);
    // Closing after a renewal is not a cancellation.
    connect(m_buttons, &QDialogButtonBox::rejected, this,
            [this] { m_renewal ? accept() : reject(); });
    connect(m_increment, &DurationEdit::valueChanged, this, &RenewDialog::preview);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    preview();
    m_increment->setFocus();
}

QString RenewDialog::expiryText(const std::optional<qint64>& expireAt) const
{
    if (!expireAt)
        return tr("never");
    const qint64 now = m_engine.clock().nowSeconds();
    return tr("%1 (in %2)")
        .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(*expireAt).toLocalTime(),
                                QLocale::ShortFormat),
             engine::formatDuration(std::max<qint64>(*expireAt - now, 0)));
}

void RenewDialog::preview()
{
    if (!m_increment->textError().isEmpty()) {
        m_problemText = m_increment->textError();
    } else {
        const auto input = engine::TtlPolicy::renewalInput(m_token, m_role ? &*m_role : nullptr,
                                                           m_engine.clock().nowSeconds(),
                                                           m_increment->value(), m_engine.config());
        const auto planned = engine::TtlPolicy::forRenewal(input);
        if (!planned.ok()) {
            m_problemText = asSentence(translated(planned.error()));
        } else {
            m_problemText.clear();
            QString text = tr("After renewal it expires %1.").arg(expiryText(planned->expireAt));
            for (const Message& warning : planned->warnings)
                text += u'\n' + asSentence(translated(warning));
            m_message->showMessage(planned->warnings.isEmpty() ? InlineMessage::Kind::Info
                                                               : InlineMessage::Kind::Warning,
                                   text);
        }
    }
    if (!m_problemText.isEmpty())
        m_message->showMessage(InlineMessage::Kind::Error, m_problemText);
    m_renew->setEnabled(m_problemText.isEmpty());
}

void RenewDialog::renew()
{
    auto renewed = m_engine.tokens().renew(
        Session::caller(), engine::TokenRef::accessor(m_token.accessor), m_increment->value());
    if (!renewed.ok()) {
        m_problemText = tr("The token was not renewed: %1").arg(renewed.error().message);
        m_message->showMessage(InlineMessage::Kind::Error, m_problemText);
        return;
    }
    m_renewal = *renewed;
    m_token = renewed->info;
    QString text = tr("Renewed. It now expires %1.").arg(expiryText(m_token.expireAt));
    for (const QString& warning : std::as_const(renewed->warnings))
        text += u'\n' + asSentence(warning);
    m_message->showMessage(renewed->warnings.isEmpty() ? InlineMessage::Kind::Info
                                                       : InlineMessage::Kind::Warning,
                           text);
    // The result stays on screen; the dialog now only closes.
    m_renew->setEnabled(false);
    m_renew->hide();
    m_increment->setEnabled(false);
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
}

} // namespace tessera::ui
