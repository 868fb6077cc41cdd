#include "ui/ExpiringSoonDialog.h"

#include "items/ExpiringTokenModel.h"
#include "ui/InlineMessage.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace tessera::ui {
namespace {

QString tokenName(const engine::Token& token)
{
    return token.displayName.isEmpty() ? token.accessor : token.displayName;
}

} // namespace

ExpiringSoonDialog::ExpiringSoonDialog(engine::TokenEngine& engine, int withinDays, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_withinDays(withinDays)
{
    setWindowTitle(tr("Expiring Soon"));
    setWindowModality(Qt::WindowModal);

    m_intro = new QLabel(tr("Staff tokens and tokens marked \"Warn before expiry\" that expire "
                            "within %n day(s). Select some to renew them or to issue fresh "
                            "ones like them.",
                            nullptr, withinDays),
                         this);
    m_intro->setWordWrap(true);

    m_model = new items::ExpiringTokenModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("expiringTokens"));
    m_view->setAccessibleName(tr("Tokens expiring soon"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);

    m_empty = new QLabel(tr("No marked or staff token expires that soon."), this);
    m_empty->setObjectName(QStringLiteral("empty"));
    m_empty->setEnabled(false);
    m_empty->hide();

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("message"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_renew = buttons->addButton(tr("&Renew Selected"), QDialogButtonBox::ActionRole);
    m_renew->setObjectName(QStringLiteral("renewSelected"));
    m_renew->setToolTip(tr("Renew each selected token by its own TTL, within its limits"));
    m_reissue = buttons->addButton(tr("Re-&issue Selected"), QDialogButtonBox::ActionRole);
    m_reissue->setObjectName(QStringLiteral("reissueSelected"));
    m_reissue->setToolTip(
        tr("Issue a fresh token like each selected one: same role, policies, metadata and "
           "parent"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_renew, &QPushButton::clicked, this, &ExpiringSoonDialog::renewSelected);
    connect(m_reissue, &QPushButton::clicked, this, &ExpiringSoonDialog::reissueSelected);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExpiringSoonDialog::updateButtons);
    refresh();
    m_view->resizeColumnsToContents();
    resize(760, 380);
}

ExpiringSoonDialog::~ExpiringSoonDialog() = default;

void ExpiringSoonDialog::refresh()
{
    auto listed = m_engine.expiryWarnings().expiring(
        Session::caller(), qint64(m_withinDays) * engine::ExpiryWarningService::kDaySeconds);
    if (!listed) {
        m_message->showMessage(InlineMessage::Kind::Error, asSentence(translated(listed.error())));
        return;
    }
    m_model->setTokens(*listed);
    m_empty->setVisible(m_model->rowCount() == 0);
    updateButtons();
}

void ExpiringSoonDialog::selectAccessors(const QStringList& accessors)
{
    const QSet<QString> wanted(accessors.cbegin(), accessors.cend());
    QItemSelection selection;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex first = m_model->index(row, 0);
        if (wanted.contains(first.data(items::ExpiringTokenModel::AccessorRole).toString()))
            selection.select(first,
                             m_model->index(row, items::ExpiringTokenModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QList<engine::ExpiringToken> ExpiringSoonDialog::selected() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<engine::ExpiringToken> tokens;
    for (int row : std::as_const(rows))
        tokens.append(m_model->expiring(row));
    return tokens;
}

void ExpiringSoonDialog::updateButtons()
{
    const bool any = m_view->selectionModel()->hasSelection();
    m_renew->setEnabled(any);
    m_reissue->setEnabled(any);
}

void ExpiringSoonDialog::renewSelected()
{
    const QList<engine::ExpiringToken> tokens = selected();
    if (tokens.isEmpty())
        return;
    int renewed = 0;
    QStringList problems;
    for (const engine::ExpiringToken& one : tokens) {
        auto renewal = m_engine.tokens().renew(Session::caller(),
                                               engine::TokenRef::accessor(one.token.accessor), 0);
        if (renewal)
            ++renewed;
        else
            problems.append(
                tr("%1: %2").arg(tokenName(one.token), asSentence(translated(renewal.error()))));
    }
    QString text = tr("Renewed %n token(s).", nullptr, renewed);
    if (!problems.isEmpty())
        text += u' ' + tr("Not renewed:") + u'\n' + problems.join(u'\n');
    m_message->showMessage(
        problems.isEmpty() ? InlineMessage::Kind::Info : InlineMessage::Kind::Warning, text);
    refresh();
}

void ExpiringSoonDialog::reissueSelected()
{
    const QList<engine::ExpiringToken> tokens = selected();
    if (tokens.isEmpty())
        return;
    QList<engine::CreatedToken> created;
    QStringList problems;
    for (const engine::ExpiringToken& one : tokens) {
        auto made = m_engine.tokens().createToken(
            Session::caller(), engine::ExpiryWarningService::reissueRequest(one.token));
        if (made)
            created.append(*made);
        else
            problems.append(
                tr("%1: %2").arg(tokenName(one.token), asSentence(translated(made.error()))));
    }
    QString text =
        tr("Issued %n fresh token(s); each is shown once.", nullptr, int(created.size()));
    if (!problems.isEmpty())
        text += u' ' + tr("Not re-issued:") + u'\n' + problems.join(u'\n');
    m_message->showMessage(
        problems.isEmpty() ? InlineMessage::Kind::Info : InlineMessage::Kind::Warning, text);
    refresh();
    if (!created.isEmpty())
        Q_EMIT tokensReissued(created);
}

QString ExpiringSoonDialog::resultText() const
{
    return m_message->text();
}

} // namespace tessera::ui
