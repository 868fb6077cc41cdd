#include "ui/MainWindow.h"

#include "engine/TokenBrowser.h"
#include "items/StoreWatcher.h"
#include "items/TokenTreeModel.h"
#include "ui/ChangePassphraseDialog.h"
#include "ui/DashboardView.h"
#include "ui/EngineTask.h"
#include "ui/ExpiryAlerts.h"
#include "ui/LongTask.h"
#include "ui/SearchBar.h"
#include "ui/SecretClipboard.h"
#include "ui/ServerControl.h"
#include "ui/Session.h"
#include "ui/StatusCounter.h"
#include "ui/TokenDetailsPane.h"
#include "ui/TokenFinder.h"
#include "ui/TokenTreeDelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace tessera::ui {
namespace {

// Why Renew cannot help this token (empty when it can), from what the tree
// knows; the engine says the same after a round trip.
QString whyNotRenewable(const engine::Token& token)
{
    if (token.type == engine::TokenType::Batch)
        return MainWindow::tr("Cannot renew: batch tokens have a fixed lifetime.");
    if (!token.expireAt)
        return MainWindow::tr("Cannot renew: this token never expires.");
    if (!token.renewable)
        return MainWindow::tr("Cannot renew: this token was issued as not renewable.");
    return {};
}

} // namespace

MainWindow::MainWindow(Session& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("%1 — Tessera").arg(QFileInfo(m_session.storePath()).fileName()));
    createActions();
    createCentralWidgets();
    createDashboard();
    createMenus();
    createToolBar();

    m_countLabel = new QLabel(this);
    m_countLabel->setAccessibleName(tr("Active tokens"));
    m_expiringLabel = new QLabel(this);
    m_expiringLabel->setAccessibleName(tr("Tokens expiring within the hour"));
    m_storeLabel = new QLabel(QDir::toNativeSeparators(m_session.storePath()), this);
    m_storeLabel->setAccessibleName(tr("Store file"));
    m_storeLabel->setToolTip(tr("The store file"));
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_expiringLabel);
    statusBar()->addPermanentWidget(m_storeLabel);
    m_counter = new StatusCounter(m_session, this);
    connect(m_counter, &StatusCounter::counted, this, &MainWindow::updateStatus);
    for (auto signal : {&items::TokenTreeModel::rowsInserted, &items::TokenTreeModel::rowsRemoved})
        connect(m_model.get(), signal, m_counter, &StatusCounter::refreshSoon);
    m_watcher = std::make_unique<items::StoreWatcher>(m_session.engine());
    connect(m_watcher.get(), &items::StoreWatcher::tokensChanged, m_model.get(),
            &items::TokenTreeModel::applyChanges);
    // Tokens below the shown one may have come or gone, also in a subtree the
    // tree has not loaded.
    const auto recountSoon = [this] {
        if (m_details->token() && !m_recount->isActive())
            m_recount->start();
    };
    engine::TokenEngine& engine = m_session.engine();
    connect(&engine, &engine::TokenEngine::tokenCreated, this, recountSoon);
    connect(&engine, &engine::TokenEngine::tokensRevoked, this, recountSoon);
    connect(&engine, &engine::TokenEngine::tokensOrphaned, this, recountSoon);
    connect(m_watcher.get(), &items::StoreWatcher::tokensChanged, this, recountSoon);
    // What other processes did to users reaches the views of users (the
    // second-factor dialog) as this engine's own signal.
    connect(m_watcher.get(), &items::StoreWatcher::usersChanged, &engine,
            &engine::EngineEvents::usersChanged);
    connect(m_watcher.get(), &items::StoreWatcher::auditAppended, m_counter,
            &StatusCounter::refreshSoon);
    m_dashboard->follow(*m_watcher);
    // Queued: locking destroys this window and the watcher that is emitting.
    connect(
        m_watcher.get(), &items::StoreWatcher::storeLost, &m_session,
        [session = &m_session] {
            session->lockWithNotice(
                tr("Another program replaced the store file or deleted its write-ahead log "
                   "while the console had it open. The console stopped using it so that no "
                   "change is lost. Unlock to open the store as it is now."));
        },
        Qt::QueuedConnection);
    connect(&m_session, &Session::storeExclusiveChanged, this, [this](bool exclusive) {
        if (!m_watcher)
            return;
        if (exclusive)
            m_watcher->stop();
        else
            m_watcher->start();
        m_counter->setPaused(exclusive);
    });

    connectDialogs();
    updateActionStates();
    restoreWindowState();
    startExpiryAlerts();
}

MainWindow::~MainWindow()
{
    m_watcher.reset(); // before the model it feeds
}

QAction* MainWindow::makeAction(MainAction which, const QString& text, const QString& iconName,
                                const QKeySequence& shortcut, const QString& statusTip)
{
    auto* action = new QAction(text, this);
    if (!iconName.isEmpty())
        action->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(iconName)));
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setStatusTip(statusTip);
    action->setToolTip(
        shortcut.isEmpty()
            ? statusTip
            : tr("%1 (%2)").arg(statusTip, shortcut.toString(QKeySequence::NativeText)));
    m_actions[static_cast<int>(which)] = action;
    addAction(action); // shortcuts work even when no menu shows the action
    return action;
}

void MainWindow::createActions()
{
    makeAction(MainAction::IssueToken, tr("&Issue Token…"), QStringLiteral("issue"),
               QKeySequence::New, tr("Issue a new token under the selected one"));
    makeAction(MainAction::LinkDocument, tr("&Link for One Document…"), QStringLiteral("link"),
               QKeySequence(), tr("Make a one-use link to one page behind the gate"));
    makeAction(MainAction::BatchPasses, tr("&Batch of Passes…"), QString(), QKeySequence(),
               tr("Issue up to 1,000 passes of a role at once and print them"));
    makeAction(MainAction::Renew, tr("&Renew…"), QStringLiteral("renew"),
               QKeySequence(Qt::CTRL | Qt::Key_R), tr("Extend the selected tokens' TTL"));
    makeAction(MainAction::Revoke, tr("Re&voke…"), QStringLiteral("revoke"), QKeySequence::Delete,
               tr("Revoke the selected tokens and everything below them"));
    makeAction(MainAction::RevokeKeepChildren, tr("Revoke, Keep &Children as Orphans…"),
               QStringLiteral("revoke-orphan"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
               tr("Revoke the selected tokens; their children become orphans"));
    makeAction(MainAction::RevokeMatches, tr("Revoke All &Matches…"), QString(), QKeySequence(),
               tr("Revoke every token the search matches, narrowed by patron, role, issuer or "
                  "creation time"));
    makeAction(MainAction::ExpiringSoon, tr("E&xpiring Soon…"), QString(),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
               tr("Staff and marked tokens about to expire: renew or re-issue them"));
    makeAction(MainAction::CopyAccessor, tr("Copy &Accessor"), QStringLiteral("copy"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
               tr("Copy the selected token's accessor"));
    makeAction(MainAction::Find, tr("&Find…"), QStringLiteral("find"), QKeySequence::Find,
               tr("Search tokens by name, accessor, policy or metadata"));
    makeAction(MainAction::FindNext, tr("Find &Next"), QString(), QKeySequence::FindNext,
               tr("Show the next match"));
    makeAction(MainAction::FindPrevious, tr("Find &Previous"), QString(),
               QKeySequence::FindPrevious, tr("Show the previous match"));
    makeAction(MainAction::Policies, tr("&Policies…"), QStringLiteral("policy"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), tr("Edit policies"));
    makeAction(MainAction::Roles, tr("&Roles…"), QStringLiteral("role"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), tr("Edit roles"));
    makeAction(MainAction::Users, tr("&Users…"), QStringLiteral("user"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), tr("Edit login accounts"));
    makeAction(MainAction::Audit, tr("&Audit Log…"), QStringLiteral("audit"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
               tr("Browse and verify the audit log"));
    makeAction(MainAction::Export, tr("&Export Report…"), QStringLiteral("export"),
               QKeySequence(Qt::CTRL | Qt::Key_E), tr("Export an audit report"));
    makeAction(MainAction::ImportPatrons, tr("&Import Patrons…"), QString(), QKeySequence(),
               tr("Create or update patrons' accounts from a CSV file"));
    makeAction(MainAction::ChangePassphrase, tr("&Change Passphrase…"),
               QStringLiteral("passphrase"), QKeySequence(),
               tr("Re-encrypt the store under a new passphrase"));
    makeAction(MainAction::Backup, tr("&Back Up…"), QStringLiteral("backup"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
               tr("Write a consistent copy of the store"));
    makeAction(MainAction::OpenStore, tr("&Open Store…"), QStringLiteral("open"),
               QKeySequence::Open, tr("Lock this store and open another"));
    makeAction(MainAction::Lock, tr("&Lock"), QStringLiteral("lock"),
               QKeySequence(Qt::CTRL | Qt::Key_L), tr("Lock the store now"));
    makeAction(MainAction::Preferences, tr("Pre&ferences…"), QStringLiteral("preferences"),
               QKeySequence(Qt::CTRL | Qt::Key_Comma), tr("Auto-lock, language, API server"));
    makeAction(MainAction::Quit, tr("&Quit"), QStringLiteral("quit"), QKeySequence::Quit,
               tr("Lock the store and quit"));
    makeAction(MainAction::About, tr("&About Tessera"), QStringLiteral("tessera"), QKeySequence(),
               tr("Version and licence"));
    m_renewTips = {action(MainAction::Renew)->statusTip(), action(MainAction::Renew)->toolTip()};
    action(MainAction::Quit)->setMenuRole(QAction::QuitRole);
    action(MainAction::Preferences)->setMenuRole(QAction::PreferencesRole);
    action(MainAction::About)->setMenuRole(QAction::AboutRole);

    // Queued: locking destroys this window, which must not happen inside its own event handling.
    connect(action(MainAction::Lock), &QAction::triggered, &m_session, &Session::lock,
            Qt::QueuedConnection);
    connect(action(MainAction::Quit), &QAction::triggered, qApp, &QApplication::closeAllWindows);
    connect(action(MainAction::OpenStore), &QAction::triggered, this,
            &MainWindow::openStoreRequested);
    connect(action(MainAction::Preferences), &QAction::triggered, this,
            &MainWindow::preferencesRequested);
    connect(action(MainAction::ChangePassphrase), &QAction::triggered, this,
            &MainWindow::changePassphrase);
    connect(action(MainAction::Backup), &QAction::triggered, this, &MainWindow::backUp);
    connect(action(MainAction::CopyAccessor), &QAction::triggered, this, [this] {
        // An accessor is no secret: the plain clipboard.
        QGuiApplication::clipboard()->setText(selectedAccessors().join(QLatin1Char('\n')));
    });
    connect(action(MainAction::About), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Tessera"),
                           tr("<h3>Tessera %1</h3><p>Issue, browse and revoke access tokens.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(MainAction::OpenStore));
    file->addAction(action(MainAction::Lock));
    file->addSeparator();
    file->addAction(action(MainAction::Export));
    file->addAction(action(MainAction::ImportPatrons));
    file->addSeparator();
    file->addAction(action(MainAction::Quit));

    QMenu* token = menuBar()->addMenu(tr("&Token"));
    token->addAction(action(MainAction::IssueToken));
    token->addAction(action(MainAction::LinkDocument));
    token->addAction(action(MainAction::BatchPasses));
    token->addAction(action(MainAction::Renew));
    token->addAction(action(MainAction::ExpiringSoon));
    token->addSeparator();
    token->addAction(action(MainAction::Revoke));
    token->addAction(action(MainAction::RevokeKeepChildren));
    token->addSeparator();
    token->addAction(action(MainAction::CopyAccessor));

    QMenu* edit = menuBar()->addMenu(tr("&Search"));
    edit->addAction(action(MainAction::Find));
    edit->addAction(action(MainAction::FindNext));
    edit->addAction(action(MainAction::FindPrevious));
    edit->addSeparator();
    edit->addAction(action(MainAction::RevokeMatches));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(action(MainAction::Dashboard));

    QMenu* access = menuBar()->addMenu(tr("&Access"));
    access->addAction(action(MainAction::Policies));
    access->addAction(action(MainAction::Roles));
    access->addAction(action(MainAction::Users));
    access->addSeparator();
    access->addAction(action(MainAction::Audit));

    QMenu* store = menuBar()->addMenu(tr("St&ore"));
    store->addAction(action(MainAction::ChangePassphrase));
    store->addAction(action(MainAction::Backup));
    store->addSeparator();
    store->addAction(action(MainAction::Preferences));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(MainAction::About));
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (MainAction which : {MainAction::IssueToken, MainAction::Renew, MainAction::Revoke})
        bar->addAction(action(which));
    bar->addSeparator();
    bar->addAction(action(MainAction::Audit));
    bar->addSeparator();
    bar->addAction(action(MainAction::Lock));
}

// A dock, hidden until asked for (its visibility is kept with the window's
// state); it counts only while shown.
void MainWindow::createDashboard()
{
    m_dashboard = new DashboardView(m_session, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_dashboard);
    m_dashboard->hide();
    QAction* toggle = m_dashboard->toggleViewAction();
    toggle->setText(tr("&Dashboard"));
    toggle->setIcon(QIcon());
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    const QString tip = tr("Show today's figures and the last 30 days' activity");
    toggle->setStatusTip(tip);
    toggle->setToolTip(
        tr("%1 (%2)").arg(tip, toggle->shortcut().toString(QKeySequence::NativeText)));
    m_actions[static_cast<int>(MainAction::Dashboard)] = toggle;
    addAction(toggle);
}

void MainWindow::createCentralWidgets()
{
    m_model = std::make_unique<items::TokenTreeModel>(m_session.engine());
    // Connected before the view gets the model: the selection model drops the
    // selected rows that go in its own slot for this signal.
    connect(m_model.get(), &items::TokenTreeModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex& parent, int first, int last) {
                m_hadSelection =
                    m_tree->selectionModel() && m_tree->selectionModel()->hasSelection();
                for (QModelIndex up = m_tree->currentIndex(); up.isValid(); up = up.parent()) {
                    if (up.parent() == parent && up.row() >= first && up.row() <= last) {
                        m_parentOfRemoved = parent;
                        m_currentRemoved = true;
                    }
                }
            });
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("MainSplitter"));

    auto* left = new QWidget(splitter);
    m_search = new SearchBar(left);
    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("TokenTree"));
    m_tree->setAccessibleName(tr("Token tree"));
    m_tree->setUniformRowHeights(true); // a million rows lay out at once
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setItemDelegate(new TokenTreeDelegate(m_tree));
    m_tree->setModel(m_model.get());
    m_tree->setSortingEnabled(true); // a header click sorts in SQL (TokenTreeModel::sort)
    m_tree->header()->setSortIndicator(items::TokenTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->header()->setStretchLastSection(true);
    // Wide enough for the content and for the header in any language, with
    // the style's own room for margins and the sort arrow (sectionSizeHint):
    // "Usos restantes" is longer than "Uses left".
    const auto setWidth = [this](int column, int contentWidth) {
        m_tree->setColumnWidth(column,
                               std::max(contentWidth, m_tree->header()->sectionSizeHint(column)));
    };
    setWidth(items::TokenTreeModel::NameColumn, 250);
    setWidth(items::TokenTreeModel::TypeColumn, 64);
    setWidth(items::TokenTreeModel::PoliciesColumn, 160);
    setWidth(items::TokenTreeModel::TtlColumn, 96);
    setWidth(items::TokenTreeModel::UsesLeftColumn, 76);
    setWidth(items::TokenTreeModel::ExpiresColumn, 130);
    setWidth(items::TokenTreeModel::IssuedByColumn, 90);
    setWidth(items::TokenTreeModel::LastUsedColumn, 130);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_tree, 1);

    m_details = new TokenDetailsPane(splitter);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({800, 300});
    setCentralWidget(splitter);
    setTabOrder(m_search->field(), m_tree);
    setTabOrder(m_tree, m_details);
    m_tree->setFocus();

    m_finder = new TokenFinder(m_session, this);
    connect(m_search, &SearchBar::findRequested, m_finder, &TokenFinder::find);
    connect(m_search, &SearchBar::nextRequested, m_finder, &TokenFinder::next);
    connect(m_search, &SearchBar::previousRequested, m_finder, &TokenFinder::previous);
    connect(m_search, &SearchBar::filterChanged, m_model.get(),
            &items::TokenTreeModel::setFilterText);
    connect(m_finder, &TokenFinder::currentChanged, this, &MainWindow::showCurrentMatch);
    connect(m_finder, &TokenFinder::failed, m_search, &SearchBar::showMessage);
    connect(m_search, &SearchBar::leaveRequested, m_tree,
            [this] { m_tree->setFocus(Qt::ShortcutFocusReason); });
    connect(action(MainAction::Find), &QAction::triggered, m_search, &SearchBar::focusField);
    connect(action(MainAction::FindNext), &QAction::triggered, m_finder, &TokenFinder::next);
    connect(action(MainAction::FindPrevious), &QAction::triggered, m_finder,
            &TokenFinder::previous);

    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActionStates);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::currentTokenChanged);
    connect(m_model.get(), &items::TokenTreeModel::rowsRemoved, this, [this] {
        const bool currentRemoved = std::exchange(m_currentRemoved, false);
        const QModelIndex parent = m_parentOfRemoved;
        m_parentOfRemoved = QPersistentModelIndex();
        QItemSelectionModel* selection = m_tree->selectionModel();
        // The selected token went (revoked, expired): select its parent, not the
        // neighbour the view made current, which a second Delete would revoke
        // unseen. A top-level token has none: nothing stays selected.
        if (currentRemoved && m_hadSelection && !selection->hasSelection()) {
            if (parent.isValid())
                selection->setCurrentIndex(parent, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
            else
                selection->setCurrentIndex(QModelIndex(), QItemSelectionModel::Clear);
        }
        if (m_details->token() && !m_tree->currentIndex().isValid())
            m_details->clear();
    });
    m_recount = new QTimer(this);
    m_recount->setSingleShot(true);
    m_recount->setInterval(1000); // a big subtree takes a while to count: not more often
    connect(m_recount, &QTimer::timeout, this, &MainWindow::recountTokensBelow);
    connect(m_model.get(), &items::TokenTreeModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                const QModelIndex current = m_tree->currentIndex();
                if (current.isValid() && current.parent() == topLeft.parent() &&
                    current.row() >= topLeft.row() && current.row() <= bottomRight.row() &&
                    topLeft.column() == items::TokenTreeModel::TtlColumn &&
                    bottomRight.column() == items::TokenTreeModel::TtlColumn)
                    m_details->tick(m_session.engine().clock().nowSeconds());
                else if (current.isValid() && current.parent() == topLeft.parent() &&
                         current.row() >= topLeft.row() && current.row() <= bottomRight.row())
                    currentTokenChanged(current);
            });
    connect(m_model.get(), &items::TokenTreeModel::queryFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::prepareForLock()
{
    saveWindowState();
    const auto dialogs = findChildren<QDialog*>();
    for (QDialog* dialog : dialogs)
        dialog->reject();
    if (QWidget* popup = QApplication::activePopupWidget())
        popup->close();
    m_watcher.reset(); // waits for a read in progress: the engine goes next
    if (m_expiryAlerts)
        m_expiryAlerts->timer()->stop();
    if (m_tray)
        m_tray->hide();
    m_tree->setModel(nullptr);
    m_model.reset();
    m_details->clear();
    hide();
}

void MainWindow::showContextMenu(const QPoint& position)
{
    QMenu menu(this);
    menu.addAction(action(MainAction::IssueToken));
    menu.addAction(action(MainAction::Renew));
    menu.addSeparator();
    menu.addAction(action(MainAction::Revoke));
    menu.addAction(action(MainAction::RevokeKeepChildren));
    if (!m_search->text().trimmed().isEmpty())
        menu.addAction(action(MainAction::RevokeMatches));
    menu.addSeparator();
    menu.addAction(action(MainAction::CopyAccessor));
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

QStringList MainWindow::selectedAccessors() const
{
    if (!m_tree->selectionModel())
        return {};
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    QSet<QString> selected;
    for (const QModelIndex& row : rows)
        selected.insert(row.data(items::TokenTreeModel::AccessorRole).toString());
    QStringList topMost;
    for (const QModelIndex& row : rows) {
        bool ancestorSelected = false;
        for (QModelIndex up = row.parent(); up.isValid() && !ancestorSelected; up = up.parent())
            ancestorSelected =
                selected.contains(up.data(items::TokenTreeModel::AccessorRole).toString());
        const QString accessor = row.data(items::TokenTreeModel::AccessorRole).toString();
        if (!ancestorSelected && !topMost.contains(accessor))
            topMost << accessor;
    }
    return topMost;
}

QString MainWindow::currentAccessor() const
{
    return m_tree->currentIndex().data(items::TokenTreeModel::AccessorRole).toString();
}

bool MainWindow::reveal(const QString& accessor)
{
    const QModelIndex index = m_model->revealAccessor(accessor);
    if (!index.isValid())
        return false;
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        m_tree->expand(up);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void MainWindow::showCurrentMatch()
{
    const auto* match = m_finder->current();
    m_search->showResult(m_finder->currentIndex(), m_finder->count(), m_finder->truncated());
    if (match && !reveal(match->token.accessor))
        m_search->showMessage(tr("Gone"));
}

void MainWindow::currentTokenChanged(const QModelIndex& current)
{
    if (!m_model || !m_session.isUnlocked())
        return;
    updateRenewAction();
    const int selected = static_cast<int>(m_tree->selectionModel()->selectedRows().size());
    if (!current.isValid()) {
        if (selected > 1)
            m_details->showSelectionCount(selected);
        else
            m_details->clear();
        return;
    }
    const engine::Token token = m_model->token(current);
    // The parent row when the tree shows it; else (a filtered list) the store.
    const QModelIndex parent = current.parent();
    std::optional<engine::Token> parentToken;
    if (parent.isValid())
        parentToken = m_model->token(parent);
    else if (!token.isOrphan())
        parentToken =
            m_session.engine().browser().token(token.parentAccessor).valueOr(std::nullopt);
    m_details->setParentToken(parentToken);
    m_details->showToken(token, -1);
    m_details->tick(m_session.engine().clock().nowSeconds());
    countTokensBelow(token);
}

void MainWindow::countTokensBelow(const engine::Token& token)
{
    // A recursive query: off the GUI thread. Only the newest count is shown.
    const int generation = ++m_detailsGeneration;
    ++m_countsRunning;
    const engine::TokenBrowser browser = m_session.engine().browser();
    runWithEngine(
        m_session, this, [browser, id = token.id] { return browser.descendantCount(id); },
        [this, generation, token](Result<qint64> count) {
            --m_countsRunning;
            // Only onto the token the pane still shows: a pane cleared meanwhile
            // (its token revoked, the selection gone) must not get it back.
            const bool stillShown =
                m_details->token() && m_details->token()->accessor == token.accessor;
            if (generation == m_detailsGeneration && count && stillShown)
                m_details->showToken(token, *count);
            m_details->tick(m_session.engine().clock().nowSeconds());
            if (m_countsRunning == 0 && m_countAgain) {
                m_countAgain = false;
                m_recount->start();
            }
        });
}

void MainWindow::recountTokensBelow()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!m_model || !m_session.isUnlocked() || !m_details->token() || !current.isValid())
        return;
    // Counting a big subtree can take longer than changes take to come.
    if (m_countsRunning > 0) {
        m_countAgain = true;
        return;
    }
    countTokensBelow(m_model->token(current));
}

void MainWindow::updateStatus(qint64 active, qint64 expiringSoon)
{
    m_countLabel->setText(tr("Active tokens: %1").arg(QLocale().toString(active)));
    m_expiringLabel->setText(
        tr("Expiring within the hour: %1").arg(QLocale().toString(expiringSoon)));
    m_expiringLabel->setStyleSheet(expiringSoon > 0 ? QStringLiteral("color: #b3261e;")
                                                    : QString());
}

void MainWindow::showServerState(ServerControl* server)
{
    if (!m_serverLabel) {
        m_serverLabel = new QLabel(this);
        m_serverLabel->setAccessibleName(tr("API server"));
        statusBar()->addPermanentWidget(m_serverLabel);
    }
    auto update = [this, server] {
        m_serverLabel->setText(tr("API server: %1").arg(server->statusText()));
        m_serverLabel->setToolTip(tr("Start, stop and configure it in Preferences."));
    };
    connect(server, &ServerControl::stateChanged, m_serverLabel, update);
    update();
}

void MainWindow::changePassphrase()
{
    auto* dialog = new ChangePassphraseDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this] { statusBar()->showMessage(tr("The passphrase has been changed."), 10000); });
    dialog->open();
}

void MainWindow::backUp()
{
    const QFileInfo store(m_session.storePath());
    const QString suggested = store.absoluteDir().filePath(
        tr("%1-backup-%2.store")
            .arg(store.completeBaseName(),
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Back Up Store"), suggested, tr("Tessera stores (*.store);;All files (*)"));
    if (path.isEmpty() || !m_session.isUnlocked())
        return;
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        QMessageBox::warning(this, tr("Back Up"), tr("Cannot replace %1.").arg(path));
        return;
    }
    engine::TokenEngine& engine = m_session.engine();
    const Status done = LongTask::run(this, tr("Writing the backup…"), m_session, [&engine, path] {
        return engine.admin().backupTo(Session::caller(), path);
    });
    if (done)
        statusBar()->showMessage(tr("Backup written to %1 (same passphrase as this store).")
                                     .arg(QDir::toNativeSeparators(path)),
                                 15000);
    else
        QMessageBox::warning(this, tr("Back Up"),
                             tr("The backup failed: %1").arg(done.error().message));
}

void MainWindow::updateActionStates()
{
    const bool any = m_tree && m_tree->selectionModel() && m_tree->selectionModel()->hasSelection();
    for (MainAction which :
         {MainAction::Revoke, MainAction::RevokeKeepChildren, MainAction::CopyAccessor})
        action(which)->setEnabled(any);
    updateRenewAction();
    const int selected =
        any ? static_cast<int>(m_tree->selectionModel()->selectedRows().size()) : 0;
    if (selected > 1)
        m_details->showSelectionCount(selected);
}

void MainWindow::updateRenewAction()
{
    QAction* renew = action(MainAction::Renew);
    // Renew acts on the current token.
    const QModelIndex current = m_tree ? m_tree->currentIndex() : QModelIndex();
    const bool selected = current.isValid() && m_tree->selectionModel()->isSelected(current);
    const QString reason =
        selected && m_model ? whyNotRenewable(m_model->token(current)) : QString();
    renew->setEnabled(selected && reason.isEmpty());
    renew->setStatusTip(reason.isEmpty() ? m_renewTips.at(0) : reason);
    renew->setToolTip(reason.isEmpty() ? m_renewTips.at(1) : reason);
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 700);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // A new key: states saved before the Metadata column have too narrow headers.
    m_tree->header()->restoreState(
        settings.value(QStringLiteral("window/tokenTreeHeader")).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/tokenTreeHeader"), m_tree->header()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    event->accept();
    Q_EMIT closed();
}

} // namespace tessera::ui
