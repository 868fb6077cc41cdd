#include "ui/MainWindow.h"

#include "ui/Session.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

namespace tessera::ui {

MainWindow::MainWindow(Session& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Tessera"));
    createActions();
    createCentralWidgets();
    createMenus();
    createToolBar();
    m_storeLabel = new QLabel(m_session.storePath(), this);
    m_storeLabel->setAccessibleName(tr("Store file"));
    statusBar()->addPermanentWidget(m_storeLabel);
    connectDialogs();
    updateActionStates();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

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
    makeAction(MainAction::Renew, tr("&Renew…"), QStringLiteral("renew"),
               QKeySequence(Qt::CTRL | Qt::Key_R), tr("Extend the selected tokens' TTL"));
    makeAction(MainAction::Revoke, tr("Re&voke…"), QStringLiteral("revoke"), QKeySequence::Delete,
               tr("Revoke the selected tokens and everything below them"));
    makeAction(MainAction::RevokeKeepChildren, tr("Revoke, Keep &Children as Orphans…"),
               QStringLiteral("revoke-orphan"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
               tr("Revoke the selected tokens; their children become orphans"));
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
    action(MainAction::Quit)->setMenuRole(QAction::QuitRole);
    action(MainAction::Preferences)->setMenuRole(QAction::PreferencesRole);
    action(MainAction::About)->setMenuRole(QAction::AboutRole);

    connect(action(MainAction::Lock), &QAction::triggered, &m_session, &Session::lock);
    connect(action(MainAction::Quit), &QAction::triggered, qApp, &QApplication::closeAllWindows);
    connect(action(MainAction::OpenStore), &QAction::triggered, this,
            &MainWindow::openStoreRequested);
    connect(action(MainAction::Preferences), &QAction::triggered, this,
            &MainWindow::preferencesRequested);
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
    file->addSeparator();
    file->addAction(action(MainAction::Quit));

    QMenu* token = menuBar()->addMenu(tr("&Token"));
    token->addAction(action(MainAction::IssueToken));
    token->addAction(action(MainAction::Renew));
    token->addSeparator();
    token->addAction(action(MainAction::Revoke));
    token->addAction(action(MainAction::RevokeKeepChildren));
    token->addSeparator();
    token->addAction(action(MainAction::CopyAccessor));

    QMenu* edit = menuBar()->addMenu(tr("&Search"));
    edit->addAction(action(MainAction::Find));
    edit->addAction(action(MainAction::FindNext));
    edit->addAction(action(MainAction::FindPrevious));

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

void MainWindow::createCentralWidgets()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("MainSplitter"));
    m_tree = new QTreeView(splitter);
    m_tree->setObjectName(QStringLiteral("TokenTree"));
    m_tree->setAccessibleName(tr("Token tree"));
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    setCentralWidget(splitter);
}

QStringList MainWindow::selectedAccessors() const
{
    return {};
}

QString MainWindow::currentAccessor() const
{
    return {};
}

void MainWindow::updateActionStates()
{
    const bool any = !selectedAccessors().isEmpty();
    for (MainAction which : {MainAction::Renew, MainAction::Revoke, MainAction::RevokeKeepChildren,
                             MainAction::CopyAccessor})
        action(which)->setEnabled(any);
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 700);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    event->accept();
}

} // namespace tessera::ui
