#pragma once

#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QStringList>
#include <array>
#include <memory>

class QAction;
class QLabel;
class QSystemTrayIcon;
class QMenu;
class QModelIndex;
class QTimer;
class QTreeView;

namespace tessera::engine {
struct Token;
}
namespace tessera::items {
class StoreWatcher;
class TokenTreeModel;
} // namespace tessera::items

namespace tessera::ui {

class DashboardView;
class ExpiryAlerts;
class SearchBar;
class ServerControl;
class Session;
class StatusCounter;
class TokenDetailsPane;
class TokenFinder;

// The console's main window, alive only while the session is unlocked: the
// token tree, the details pane, the search bar and every action in menus,
// toolbar and context menu.
//
// Dialogs built elsewhere (issue form, editors, audit view, exports) hook into
// the actions in MainWindowDialogs.cpp: `action(MainAction::IssueToken)` and the
// selection accessors below are the interface.
enum class MainAction
{
    IssueToken,
    LinkDocument,
    BatchPasses,
    Renew,
    Revoke,
    RevokeKeepChildren,
    RevokeMatches,
    ExpiringSoon,
    CopyAccessor,
    Find,
    FindNext,
    FindPrevious,
    Policies,
    Roles,
    Users,
    Audit,
    Dashboard,
    Export,
    ImportPatrons,
    ChangePassphrase,
    Backup,
    OpenStore,
    Lock,
    Preferences,
    Quit,
    About,
    Count
};

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    Session& session() { return m_session; }
    QAction* action(MainAction which) const { return m_actions[static_cast<int>(which)]; }
    QTreeView* tree() const { return m_tree; }
    items::TokenTreeModel* model() const { return m_model.get(); }
    TokenDetailsPane* details() const { return m_details; }
    SearchBar* searchBar() const { return m_search; }
    DashboardView* dashboard() const { return m_dashboard; }
    // The expiry notices of this unlock (started with the window).
    ExpiryAlerts* expiryAlerts() const { return m_expiryAlerts; }

    // Accessors of the selected tokens (top-most first; a token whose ancestor
    // is selected too is left out, its subtree goes anyway), and of the current one.
    QStringList selectedAccessors() const;
    QString currentAccessor() const;
    // Loads the path to the token, expands it, selects and shows the row.
    bool reveal(const QString& accessor);

    // Shows the API server's state in the status bar (builds with the API).
    void showServerState(ServerControl* server);
    // The session is locking: closes every dialog of this window (an exec()
    // returns Rejected), drops the model and the details, hides the window.
    // Code after a dialog's exec() must check Session::isUnlocked().
    void prepareForLock();

public Q_SLOTS:
    void changePassphrase();
    void backUp();
    // Token › Expiring Soon, with these tokens selected (an expiry notice's).
    void showExpiringSoon(const QStringList& selectAccessors = {});

Q_SIGNALS:
    // The user asked for another store (File > Open store): the application
    // locks and shows the unlock dialog for it.
    void openStoreRequested();
    void preferencesRequested();
    // The user closed the window (not a lock): the application quits.
    void closed();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidgets();
    void createDashboard();
    void updateActionStates();
    // Enabled for a renewable current token; else its tips say why not.
    void updateRenewAction();
    void showContextMenu(const QPoint& position);
    void currentTokenChanged(const QModelIndex& current);
    // "Tokens below" of the shown token, counted off the GUI thread.
    void countTokensBelow(const engine::Token& token);
    void recountTokensBelow();
    void updateStatus(qint64 active, qint64 expiringSoon);
    void showCurrentMatch();
    void restoreWindowState();
    void saveWindowState() const;
    // Hooks for dialogs that live in their own files (MainWindowDialogs.cpp).
    void connectDialogs();
    // Expiry notices (ExpiryAlerts): in the system tray when there is one, in
    // the status bar otherwise; started now, rechecked as Preferences say.
    void startExpiryAlerts();

    QAction* makeAction(MainAction which, const QString& text, const QString& iconName,
                        const QKeySequence& shortcut, const QString& statusTip);

    Session& m_session;
    std::array<QAction*, static_cast<int>(MainAction::Count)> m_actions{};
    std::unique_ptr<items::TokenTreeModel> m_model;
    // Other processes' changes (tessera-cli, another console) reach the tree through it.
    std::unique_ptr<items::StoreWatcher> m_watcher;
    QTreeView* m_tree = nullptr;
    TokenDetailsPane* m_details = nullptr;
    SearchBar* m_search = nullptr;
    TokenFinder* m_finder = nullptr;
    DashboardView* m_dashboard = nullptr;
    StatusCounter* m_counter = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_expiringLabel = nullptr;
    QLabel* m_storeLabel = nullptr;
    QLabel* m_serverLabel = nullptr;
    int m_detailsGeneration = 0;
    bool m_hadSelection = false; // before the rows being removed went
    // The current row is among them (or below them), under this parent.
    bool m_currentRemoved = false;
    QPersistentModelIndex m_parentOfRemoved;
    int m_countsRunning = 0;
    bool m_countAgain = false;
    // One recount of the tokens below for a burst of changes.
    QTimer* m_recount = nullptr;
    QStringList m_renewTips; // Renew's own status tip and tool tip
    ExpiryAlerts* m_expiryAlerts = nullptr;
    QSystemTrayIcon* m_tray = nullptr; // only when the desktop has a tray
    QStringList m_lastNoticeAccessors; // what the tray message clicked on shows
};

} // namespace tessera::ui
