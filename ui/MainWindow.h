#pragma once

#include <QMainWindow>
#include <QStringList>
#include <array>

class QAction;
class QLabel;
class QMenu;
class QTreeView;

namespace tessera::ui {

class Session;

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
    Renew,
    Revoke,
    RevokeKeepChildren,
    CopyAccessor,
    Find,
    FindNext,
    FindPrevious,
    Policies,
    Roles,
    Users,
    Audit,
    Export,
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

    // Accessors of the selected tokens, and of the current one (empty if none).
    QStringList selectedAccessors() const;
    QString currentAccessor() const;

Q_SIGNALS:
    // The user asked for another store (File > Open store): the application
    // locks and shows the unlock dialog for it.
    void openStoreRequested();
    void preferencesRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidgets();
    void updateActionStates();
    void restoreWindowState();
    void saveWindowState() const;
    // Hooks for dialogs that live in their own files (MainWindowDialogs.cpp).
    void connectDialogs();

    QAction* makeAction(MainAction which, const QString& text, const QString& iconName,
                        const QKeySequence& shortcut, const QString& statusTip);

    Session& m_session;
    std::array<QAction*, static_cast<int>(MainAction::Count)> m_actions{};
    QTreeView* m_tree = nullptr;
    QLabel* m_storeLabel = nullptr;
};

} // namespace tessera::ui
