// Where dialogs that live in their own files meet the main window's actions.
// Owned by whoever builds the dialog: add one connect per action here.
#include "items/StoreWatcher.h"
#include "items/TokenTreeModel.h"
#include "ui/AuditView.h"
#include "ui/BatchPassDialog.h"
#include "ui/DocumentLinkDialog.h"
#include "ui/ExpiringSoonDialog.h"
#include "ui/ExpiryAlerts.h"
#include "ui/IssueTokenDialog.h"
#include "ui/LongTask.h"
#include "ui/MainWindow.h"
#include "ui/NewTokenDialog.h"
#include "ui/PatronImportDialog.h"
#include "ui/PolicyEditor.h"
#include "ui/Preferences.h"
#include "ui/RenewDialog.h"
#include "ui/ReportDialog.h"
#include "ui/RevokeDialog.h"
#include "ui/RevokeMatchesDialog.h"
#include "ui/RoleEditor.h"
#include "ui/SearchBar.h"
#include "ui/SecretClipboard.h"
#include "ui/Session.h"
#include "ui/UserEditor.h"

#include <QAction>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTreeView>

namespace tessera::ui {
namespace {

// Dialogs are window-modal and delete themselves: a lock (which destroys the
// main window) closes them with it instead of leaving an exec() loop behind.
template <typename Dialog> Dialog* opened(Dialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

// One window per kind (editors, the audit view), raised when asked for again.
template <typename Window, typename Make> void showOnce(QPointer<Window>& window, Make make)
{
    if (!window) {
        window = make();
        window->setAttribute(Qt::WA_DeleteOnClose);
    }
    window->show();
    window->raise();
    window->activateWindow();
}

QString libraryName()
{
    const QString name = Preferences::load().libraryName;
    return name.isEmpty() ? MainWindow::tr("Library") : name;
}

// New tokens shown once each, one dialog after the other.
void showEachOnce(QWidget* parent, QList<engine::CreatedToken> created,
                  const NewTokenDialog::CopySecret& copySecret)
{
    if (created.isEmpty())
        return;
    const engine::CreatedToken first = created.takeFirst();
    auto* shown = opened(new NewTokenDialog(first, libraryName(), copySecret, parent));
    QObject::connect(shown, &QDialog::finished, parent,
                     [parent, rest = std::move(created), copySecret] {
                         showEachOnce(parent, rest, copySecret);
                     });
}

} // namespace

void MainWindow::connectDialogs()
{
    const auto currentToken = [this]() -> std::optional<engine::Token> {
        const QString accessor = currentAccessor();
        if (accessor.isEmpty())
            return std::nullopt;
        auto token = m_session.engine().tokens().lookup(Session::caller(),
                                                        engine::TokenRef::accessor(accessor));
        return token.ok() ? std::optional<engine::Token>(*token) : std::nullopt;
    };

    const auto copySecret = [this](const QString& secret) { m_session.clipboard().copy(secret); };
    connect(action(MainAction::IssueToken), &QAction::triggered, this,
            [this, currentToken, copySecret] {
                auto* issue =
                    opened(new IssueTokenDialog(m_session.engine(), currentToken(), this));
                connect(issue, &QDialog::accepted, this, [this, issue, copySecret] {
                    opened(new NewTokenDialog(issue->created(), libraryName(), copySecret, this));
                });
                connect(issue, &IssueTokenDialog::linkForDocumentRequested,
                        action(MainAction::LinkDocument), &QAction::trigger);
            });
    connect(action(MainAction::LinkDocument), &QAction::triggered, this, [this, copySecret] {
        auto* link = opened(new DocumentLinkDialog(m_session.engine(), this));
        connect(link, &QDialog::accepted, this, [this, link, copySecret] {
            opened(
                new NewTokenDialog(link->created(), link->link(), libraryName(), copySecret, this));
        });
    });
    connect(action(MainAction::ExpiringSoon), &QAction::triggered, this,
            [this] { showExpiringSoon(); });
    connect(action(MainAction::BatchPasses), &QAction::triggered, this, [this, currentToken] {
        auto* batch = opened(new BatchPassDialog(m_session.engine(), &m_session, currentToken(),
                                                 libraryName(), this));
        connect(batch, &QDialog::accepted, this, [this, batch] {
            statusBar()->showMessage(batch->summary(), 15000);
            if (batch->batch() && !batch->batch()->parentAccessor.isEmpty())
                reveal(batch->batch()->parentAccessor);
        });
    });
    connect(action(MainAction::Renew), &QAction::triggered, this, [this, currentToken] {
        if (const auto token = currentToken())
            opened(new RenewDialog(m_session.engine(), *token, this));
    });

    // Every selected token goes to the dialog: it counts a token inside another
    // selected one's subtree once, and "keep children" revokes each of them.
    const auto revoke = [this](RevokeDialog::Mode mode) {
        QList<engine::Token> tokens;
        const QModelIndexList rows =
            m_tree->selectionModel() ? m_tree->selectionModel()->selectedRows() : QModelIndexList();
        for (const QModelIndex& row : rows)
            tokens << m_model->token(row);
        if (tokens.isEmpty())
            return;
        auto* confirm = opened(new RevokeDialog(m_session.engine(), tokens, mode, this));
        connect(confirm, &QDialog::accepted, this, [this, confirm] {
            // The dialog goes (deleted on close) while the work runs: copy first.
            const auto work = confirm->work();
            const int count = int(std::max<qint64>(confirm->tokenCount(), 1));
            const auto revoked =
                LongTask::run(this, tr("Revoking %n token(s)…", nullptr, count), m_session, work);
            if (!revoked)
                QMessageBox::warning(this, tr("Revoke"),
                                     tr("Revoking failed: %1").arg(revoked.error().message));
        });
    };
    connect(action(MainAction::Revoke), &QAction::triggered, this,
            [revoke] { revoke(RevokeDialog::Mode::Subtree); });
    connect(action(MainAction::RevokeKeepChildren), &QAction::triggered, this,
            [revoke] { revoke(RevokeDialog::Mode::KeepChildren); });

    connect(action(MainAction::RevokeMatches), &QAction::triggered, this, [this] {
        auto* confirm = opened(new RevokeMatchesDialog(m_session.engine(), m_search->text(), this));
        connect(confirm, &QDialog::accepted, this, [this, confirm] {
            const auto work = confirm->work();
            const int count = int(std::max<qint64>(confirm->preview().total, 1));
            const auto revoked =
                LongTask::run(this, tr("Revoking %n token(s)…", nullptr, count), m_session, work);
            if (!revoked)
                QMessageBox::warning(this, tr("Revoke"),
                                     tr("Revoking failed: %1").arg(revoked.error().message));
            else
                statusBar()->showMessage(tr("Revoked %n token(s).", nullptr, int(revoked->size())),
                                         15000);
        });
    });

    connect(action(MainAction::Export), &QAction::triggered, this, [this] {
        auto* report =
            opened(new ReportDialog(m_session.engine(), &m_session, currentAccessor(), this));
        connect(report, &QDialog::accepted, this,
                [this, report] { statusBar()->showMessage(report->summary(), 15000); });
    });

    connect(action(MainAction::ImportPatrons), &QAction::triggered, this, [this] {
        auto* import = opened(new PatronImportDialog(m_session.engine(), &m_session, this));
        connect(import, &QDialog::accepted, this,
                [this, import] { statusBar()->showMessage(import->summary(), 15000); });
    });

    connect(action(MainAction::Roles), &QAction::triggered, this,
            [this, window = QPointer<RoleEditor>()]() mutable {
                showOnce(window, [this] { return new RoleEditor(m_session.engine(), this); });
            });
    connect(action(MainAction::Policies), &QAction::triggered, this,
            [this, window = QPointer<PolicyEditor>()]() mutable {
                showOnce(window, [this] { return new PolicyEditor(m_session.engine(), this); });
            });
    connect(action(MainAction::Users), &QAction::triggered, this,
            [this, window = QPointer<UserEditor>()]() mutable {
                showOnce(window, [this] { return new UserEditor(m_session.engine(), this); });
            });
    connect(action(MainAction::Audit), &QAction::triggered, this,
            [this, window = QPointer<AuditView>()]() mutable {
                showOnce(window, [this] {
                    auto* view = new AuditView(m_session.engine(), &m_session, this);
                    if (m_watcher)
                        view->follow(*m_watcher);
                    return view;
                });
            });
}

void MainWindow::showExpiringSoon(const QStringList& selectAccessors)
{
    if (QPointer<ExpiringSoonDialog> shown = findChild<ExpiringSoonDialog*>()) {
        shown->refresh();
        shown->selectAccessors(selectAccessors);
        shown->raise();
        shown->activateWindow();
        return;
    }
    auto* dialog = opened(
        new ExpiringSoonDialog(m_session.engine(), Preferences::load().expiryWarningDays, this));
    dialog->selectAccessors(selectAccessors);
    const auto copySecret = [this](const QString& secret) { m_session.clipboard().copy(secret); };
    connect(dialog, &ExpiringSoonDialog::tokensReissued, this,
            [this, copySecret](const QList<engine::CreatedToken>& created) {
                showEachOnce(this, created, copySecret);
            });
}

void MainWindow::startExpiryAlerts()
{
    const Preferences preferences = Preferences::load();
    const qint64 within =
        qint64(preferences.expiryWarningDays) * engine::ExpiryWarningService::kDaySeconds;
    const auto source = [this, within]() -> Result<QList<engine::ExpiringToken>> {
        // A rekey holds the store: the next check comes soon enough.
        if (!m_session.isUnlocked() || m_session.isBusy())
            return Error::invalid(QStringLiteral("the store is busy"));
        return m_session.engine().expiryWarnings().expiring(Session::caller(), within);
    };
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Tessera"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            show();
            raise();
            activateWindow();
            showExpiringSoon(m_lastNoticeAccessors);
        });
    }
    const auto notify = [this](const ExpiryAlerts::Notice& notice) {
        m_lastNoticeAccessors = notice.accessors;
        if (m_tray) {
            m_tray->show();
            m_tray->showMessage(notice.title, notice.text, QSystemTrayIcon::Warning);
        } else {
            // Short: the permanent widgets leave the message little room.
            statusBar()->showMessage(
                tr("%n marked or staff token(s) expire soon: Token › Expiring Soon (%1)", nullptr,
                   int(notice.accessors.size()))
                    .arg(action(MainAction::ExpiringSoon)
                             ->shortcut()
                             .toString(QKeySequence::NativeText)),
                60000);
        }
    };
    m_expiryAlerts = new ExpiryAlerts(source, notify, this);
    m_expiryAlerts->start(preferences.expiryCheckMinutes);
}

} // namespace tessera::ui
