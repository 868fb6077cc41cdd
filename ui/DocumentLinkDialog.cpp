#include "ui/DocumentLinkDialog.h"

#include "engine/Duration.h"
#include "engine/GateLink.h"
#include "ui/DurationEdit.h"
#include "ui/InlineMessage.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

DocumentLinkDialog::DocumentLinkDialog(engine::TokenEngine& engine, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Link for One Document"));
    auto* intro = new QLabel(tr("A link that opens one page of a site behind the gate, once, "
                                "without signing in. Opening it again, or the page a second "
                                "time, asks the patron to sign in."),
                             this);
    intro->setWordWrap(true);

    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("address"));
    m_address->setPlaceholderText(QStringLiteral("https://journal.example.org/articles/42/"));
    m_address->setAccessibleName(tr("Document address"));
    auto* addressLabel = new QLabel(tr("&Document address:"), this);
    addressLabel->setBuddy(m_address);

    m_ttl = new DurationEdit(this);
    m_ttl->setObjectName(QStringLiteral("ttl"));
    m_ttl->setNoneText(
        tr("Store default (%1)").arg(engine::formatDuration(m_engine.config().defaultTtl)));
    m_ttl->setFieldName(tr("Valid for"));
    auto* ttlLabel = new QLabel(tr("&Valid for:"), this);
    ttlLabel->setBuddy(m_ttl);

    auto* form = new QFormLayout;
    form->addRow(addressLabel, m_address);
    form->addRow(ttlLabel, m_ttl);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("message"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create Link"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("create"));
    m_create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &DocumentLinkDialog::issue);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_address, &QLineEdit::textChanged, this, &DocumentLinkDialog::revalidate);
    connect(m_ttl, &DurationEdit::valueChanged, this, &DocumentLinkDialog::revalidate);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    revalidate();
    m_address->setFocus();
}

void DocumentLinkDialog::revalidate()
{
    m_problemText.clear();
    if (!m_ttl->textError().isEmpty()) {
        m_problemText = m_ttl->textError();
    } else if (!m_address->text().trimmed().isEmpty()) {
        if (auto link = engine::GateLink::forDocument(m_address->text()); !link)
            m_problemText = asSentence(translated(link.error()));
    }
    if (m_problemText.isEmpty())
        m_message->clear();
    else
        m_message->showMessage(InlineMessage::Kind::Error, m_problemText);
    m_create->setEnabled(m_problemText.isEmpty() && !m_address->text().trimmed().isEmpty());
}

void DocumentLinkDialog::issue()
{
    revalidate();
    if (!m_create->isEnabled())
        return;
    auto link = engine::GateLink::forDocument(m_address->text());
    auto created =
        link ? m_engine.gate().createLink(Session::caller(), link->aclPath(), m_ttl->value())
             : Result<engine::CreatedToken>(link.error());
    if (!created) {
        m_problemText = tr("The link was not created: %1").arg(translated(created.error()));
        m_message->showMessage(InlineMessage::Kind::Error, m_problemText);
        return;
    }
    m_created = std::move(*created);
    m_link = link->redeemUrl(m_created.token);
    accept();
}

} // namespace tessera::ui
