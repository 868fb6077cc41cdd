#include "ui/RevokeMatchesDialog.h"

#include "ui/DialogParts.h"
#include "ui/Session.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tessera::ui {
namespace {

QDateTimeEdit* utcTimeEdit(const QDateTime& initial, QWidget* parent)
{
    auto* edit = new QDateTimeEdit(initial, parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    edit->setEnabled(false);
    return edit;
}

} // namespace

RevokeMatchesDialog::RevokeMatchesDialog(engine::TokenEngine& engine, const QString& searchText,
                                         QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_searchText(searchText.trimmed())
{
    setWindowTitle(tr("Revoke All Matches"));

    const QDateTime today =
        QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), QTimeZone::utc());
    m_patron = new QLineEdit(this);
    m_role = new QLineEdit(this);
    m_issuedBy = new QLineEdit(this);
    m_issuedBy->setPlaceholderText(tr("console, cli, api:address or login:user"));
    m_afterOn = new QCheckBox(tr("Created &after"), this);
    m_after = utcTimeEdit(today.addDays(-7), this);
    m_beforeOn = new QCheckBox(tr("Created &before"), this);
    m_before = utcTimeEdit(today.addDays(1), this);

    auto* form = new QFormLayout;
    if (!m_searchText.isEmpty()) {
        auto* search = new QLabel(QStringLiteral("\u201c%1\u201d").arg(m_searchText), this);
        search->setObjectName(QStringLiteral("search"));
        form->addRow(tr("Search text:"), search);
    }
    form->addRow(tr("&Patron ID:"), m_patron);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Issued by:"), m_issuedBy);
    form->addRow(m_afterOn, m_after);
    form->addRow(m_beforeOn, m_before);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_error = DialogParts::inlineError(this);
    m_matches = new QTreeWidget(this);
    m_matches->setHeaderLabels({tr("Token"), tr("Accessor"), tr("Below")});
    m_matches->setRootIsDecorated(true);
    m_matches->setUniformRowHeights(true);
    m_matches->header()->setStretchLastSection(false);
    m_matches->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_typeLabel = new QLabel(this);
    m_typed = new QLineEdit(this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_revoke = buttons->addButton(tr("&Revoke All Matches"), QDialogButtonBox::AcceptRole);
    // Destructive: Enter alone must not revoke.
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    DialogParts::setObjectNames({{m_patron, "patron"},
                                 {m_role, "role"},
                                 {m_issuedBy, "issuedBy"},
                                 {m_afterOn, "afterOn"},
                                 {m_after, "after"},
                                 {m_beforeOn, "beforeOn"},
                                 {m_before, "before"},
                                 {m_summary, "summary"},
                                 {m_matches, "matches"},
                                 {m_typed, "typed"},
                                 {m_revoke, "revoke"}});

    auto* top = new QHBoxLayout;
    top->addWidget(DialogParts::warningIcon(this), 0, Qt::AlignTop);
    top->addSpacing(8);
    top->addLayout(form, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_matches, 1);
    layout->addWidget(m_typeLabel);
    layout->addWidget(m_typed);
    layout->addWidget(buttons);
    setMinimumSize(560, 460);

    for (QLineEdit* field : {m_patron, m_role, m_issuedBy})
        connect(field, &QLineEdit::editingFinished, this, &RevokeMatchesDialog::refresh);
    for (QDateTimeEdit* edit : {m_after, m_before})
        connect(edit, &QDateTimeEdit::editingFinished, this, &RevokeMatchesDialog::refresh);
    connect(m_afterOn, &QCheckBox::toggled, m_after, &QWidget::setEnabled);
    connect(m_beforeOn, &QCheckBox::toggled, m_before, &QWidget::setEnabled);
    connect(m_afterOn, &QCheckBox::toggled, this, &RevokeMatchesDialog::refresh);
    connect(m_beforeOn, &QCheckBox::toggled, this, &RevokeMatchesDialog::refresh);
    connect(m_typed, &QLineEdit::textChanged, this, &RevokeMatchesDialog::updateRevokeButton);
    refresh();
    buttons->button(QDialogButtonBox::Cancel)->setFocus();
}

engine::RevocationFilter RevokeMatchesDialog::filter() const
{
    engine::RevocationFilter filter;
    filter.search = engine::TokenFilter(m_searchText);
    filter.patronId = m_patron->text().trimmed();
    filter.role = m_role->text().trimmed();
    filter.issuedBy = m_issuedBy->text().trimmed();
    if (m_afterOn->isChecked())
        filter.createdAfter = m_after->dateTime().toSecsSinceEpoch();
    if (m_beforeOn->isChecked())
        filter.createdBefore = m_before->dateTime().toSecsSinceEpoch();
    return filter;
}

QString RevokeMatchesDialog::summary() const
{
    if (!m_previewOk)
        return QString();
    if (m_preview.matched == 0)
        return tr("No token matches.");
    return tr("%Ln tokens match; %1 in all with their children.", "", int(m_preview.matched))
        .arg(QLocale().toString(m_preview.total));
}

void RevokeMatchesDialog::refresh()
{
    m_preview = {};
    m_previewOk = false;
    m_matches->clear();
    m_error->hide();
    // The preview is the engine's dry run: two counts and one page of matches.
    auto preview = m_engine.revokeByFilter().preview(Session::caller(), filter());
    if (!preview) {
        m_error->setText(filter().isEmpty() ? tr("Name at least one condition.")
                                            : preview.error().message);
        m_error->show();
    } else {
        m_preview = std::move(*preview);
        m_previewOk = true;
        for (const auto& match : std::as_const(m_preview.first)) {
            const engine::Token& token = match.token;
            auto* item = new QTreeWidgetItem(m_matches);
            item->setText(0, token.displayName.isEmpty() ? token.accessor : token.displayName);
            item->setText(1, token.accessor);
            item->setText(2, QLocale().toString(match.descendants));
            if (match.descendants > 0) {
                auto* below = new QTreeWidgetItem(item);
                below->setText(0, tr("%Ln descendant tokens", "", int(match.descendants)));
                below->setFlags(Qt::ItemIsEnabled);
            }
        }
        if (m_preview.matched > m_preview.first.size()) {
            auto* more = new QTreeWidgetItem(m_matches);
            more->setText(
                0, tr("\u2026 and %Ln more", "", int(m_preview.matched - m_preview.first.size())));
            more->setFlags(Qt::ItemIsEnabled);
        }
    }
    m_summary->setText(summary());
    m_typeLabel->setText(tr("Type %1 to confirm:").arg(m_preview.total));
    m_typeLabel->setVisible(needsTypedConfirmation());
    m_typed->setVisible(needsTypedConfirmation());
    m_typed->clear();
    updateRevokeButton();
}

void RevokeMatchesDialog::updateRevokeButton()
{
    const bool typed =
        !needsTypedConfirmation() || m_typed->text().trimmed() == QString::number(m_preview.total);
    m_revoke->setEnabled(m_previewOk && m_preview.matched > 0 && typed);
}

std::function<Result<QStringList>()> RevokeMatchesDialog::work() const
{
    engine::TokenEngine* engine = &m_engine;
    return [engine, filter = filter()]() -> Result<QStringList> {
        auto revoked = engine->revokeByFilter().revoke(Session::caller(), filter);
        TESSERA_TRY(revoked);
        return std::move(revoked->accessors);
    };
}

} // namespace tessera::ui
