#pragma once

#include <QDialog>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

namespace tessera::engine {
struct CreatedToken;
}

namespace tessera::ui {

class IdleLock;
class MainWindow;
class ServerControl;
class Session;

// The console's life cycle: create or unlock a store, the main window while
// unlocked, and back to the unlock dialog after a lock. Owns the Session.
class Console : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString storePath;
        // Automation only (scripts/screenshots.sh, tests): unlock with the first
        // line of this file instead of asking.
        QString passphraseFile;
        // Automation only: screenshots into this directory, then quit (ScreenshotTour).
        QString screenshotDir;
    };

    explicit Console(Options options, QObject* parent = nullptr);
    ~Console() override;

    // Shows the create dialog when there is no store yet, the unlock dialog otherwise.
    void start();

    Session& session() { return *m_session; }
    IdleLock& idleLock() { return *m_idleLock; }
    MainWindow* mainWindow() const { return m_window.get(); }
    // The create/unlock/root-token dialog currently shown, if any.
    QDialog* dialog() const { return m_dialog; }

    void applyPreferences();

    // The embedded API server, when the build has one (not owned). Started at
    // unlock if the preferences say so or if it ran when the same store was
    // locked; stopped on lock.
    void setServerControl(ServerControl* server);
    ServerControl* serverControl() const { return m_server; }

Q_SIGNALS:
    // The main window is up (after an unlock).
    void mainWindowShown(tessera::ui::MainWindow* window);

private:
    void showUnlock(const QString& path);
    void showCreate(const QString& path);
    void showRootToken(const engine::CreatedToken& root);
    void unlockFromFile(const QString& path);
    void showMainWindow();
    void closeMainWindow();
    void showPreferences();
    void replaceDialog(QDialog* dialog);

    Options m_options;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<IdleLock> m_idleLock;
    std::unique_ptr<MainWindow> m_window;
    QPointer<QDialog> m_dialog;
    ServerControl* m_server = nullptr;
    QString m_resumeServerFor; // the store whose lock stopped a running server
    bool m_quitting = false;
};

} // namespace tessera::ui
