#include "ui/Console.h"

#include "engine/StoreSetup.h"
#include "ui/CreateStoreDialog.h"
#include "ui/IdleLock.h"
#include "ui/MainWindow.h"
#include "ui/Preferences.h"
#include "ui/PreferencesDialog.h"
#include "ui/RecentStores.h"
#include "ui/RootTokenDialog.h"
#include "ui/ScreenshotTour.h"
#include "ui/ServerControl.h"
#include "ui/Session.h"
#include "ui/UnlockDialog.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>

namespace tessera::ui {

Console::Console(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_session(std::make_unique<Session>())
    , m_idleLock(std::make_unique<IdleLock>(*m_session))
{
    connect(m_session.get(), &Session::unlocked, this, &Console::showMainWindow);
    connect(m_session.get(), &Session::aboutToLock, this, &Console::closeMainWindow);
    connect(m_session.get(), &Session::locked, this, [this] {
        if (m_quitting)
            return;
        showUnlock(m_session->storePath());
        if (const QString notice = m_session->takeLockNotice(); !notice.isEmpty())
            static_cast<UnlockDialog*>(m_dialog.data())->showNotice(notice);
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        m_quitting = true;
        m_session->lock();
    });
    applyPreferences();
}

Console::~Console()
{
    m_quitting = true;
    delete m_dialog;
    m_session->disconnect(this);
    if (m_server)
        m_server->stop();
    m_window.reset();
    m_session.reset(); // waits for work off the GUI thread, then drops the engine
}

void Console::applyPreferences()
{
    const Preferences preferences = Preferences::load();
    m_idleLock->setTimeout(preferences.autoLockMinutes * 60 * 1000);
    m_session->setAuditRetentionDays(preferences.auditRetentionDays);
}

void Console::setServerControl(ServerControl* server)
{
    m_server = server;
}

void Console::start()
{
    const QString path = m_options.storePath;
    if (!QFileInfo::exists(path))
        showCreate(path);
    else if (!m_options.passphraseFile.isEmpty())
        unlockFromFile(path);
    else
        showUnlock(path);
}

void Console::replaceDialog(QDialog* dialog)
{
    if (m_dialog)
        m_dialog->deleteLater();
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void Console::showUnlock(const QString& path)
{
    auto* dialog = new UnlockDialog(path);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto engine = dialog->takeEngine())
            m_session->adopt(std::move(engine));
    });
    connect(dialog, &QDialog::rejected, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    connect(dialog, &UnlockDialog::createRequested, this, [this, dialog] {
        const QString next =
            QFileInfo(dialog->storePath()).absoluteDir().filePath(QStringLiteral("new.store"));
        showCreate(QFileInfo::exists(dialog->storePath()) ? next : dialog->storePath());
    });
    replaceDialog(dialog);
}

void Console::showCreate(const QString& path)
{
    auto* dialog = new CreateStoreDialog(path);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto initialized = dialog->takeInitialized();
        if (!initialized)
            return;
        const engine::CreatedToken root = initialized->root;
        m_session->adopt(std::move(initialized->engine));
        showRootToken(root);
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        // Back to unlocking when there is a store to unlock; nothing to do otherwise.
        if (QFileInfo::exists(m_options.storePath))
            showUnlock(m_options.storePath);
        else
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    replaceDialog(dialog);
}

void Console::showRootToken(const engine::CreatedToken& root)
{
    auto* dialog =
        new RootTokenDialog(root.token, root.info.accessor, m_session->clipboard(), m_window.get());
    dialog->setModal(true);
    replaceDialog(dialog);
}

void Console::unlockFromFile(const QString& path)
{
    QFile file(m_options.passphraseFile);
    if (!file.open(QIODevice::ReadOnly)) {
        showUnlock(path);
        return;
    }
    QByteArray passphrase = file.readLine();
    while (passphrase.endsWith('\n') || passphrase.endsWith('\r'))
        passphrase.chop(1);
    showUnlock(path);
    static_cast<UnlockDialog*>(m_dialog.data())->unlockWith(SecretBytes(std::move(passphrase)));
}

void Console::showMainWindow()
{
    if (m_dialog && !qobject_cast<RootTokenDialog*>(m_dialog.data()))
        m_dialog->deleteLater();
    m_window = std::make_unique<MainWindow>(*m_session);
    connect(m_window.get(), &MainWindow::openStoreRequested, this, [this] {
        m_session->lock(); // the unlock dialog that follows has Browse and the recent stores
    });
    connect(m_window.get(), &MainWindow::preferencesRequested, this, &Console::showPreferences);
    connect(m_window.get(), &MainWindow::closed, qApp, &QCoreApplication::quit,
            Qt::QueuedConnection);
    if (m_server) {
        m_window->showServerState(m_server);
        // Also after a lock that stopped it: an idle lock must not end the service.
        const bool resume = m_resumeServerFor == m_session->storePath();
        if (Preferences::load().apiStartAtLaunch || resume)
            m_server->start(m_session->engine(), Preferences::load());
    }
    m_resumeServerFor.clear();
    m_window->show();
    if (!m_options.screenshotDir.isEmpty())
        (new ScreenshotTour(*m_window, m_options.screenshotDir, m_window.get()))->start();
    Q_EMIT mainWindowShown(m_window.get());
}

void Console::closeMainWindow()
{
    if (m_dialog)
        m_dialog->deleteLater();
    if (m_server) {
        const bool running = m_server->state() == ServerControl::State::Running;
        m_resumeServerFor = running && !m_quitting ? m_session->storePath() : QString();
        m_server->stop(); // it serves the engine that goes away now
    }
    if (!m_window)
        return;
    // The models and all decrypted data on screen go now. The window itself is
    // deleted later: the lock may come from inside one of its dialogs' exec()
    // (the idle timer fires there too), which must return first.
    m_window->prepareForLock();
    m_window.release()->deleteLater();
}

void Console::showPreferences()
{
    // Parented to the window: a lock meanwhile takes the dialog with it.
    auto* dialog = new PreferencesDialog(*m_session, m_server, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &Console::applyPreferences);
    dialog->open();
}

} // namespace tessera::ui
