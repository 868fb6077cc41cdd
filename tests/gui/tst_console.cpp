// The console's life cycle through its real widgets (offscreen platform):
// create a store, unlock, revoke from the tree, follow other processes, lock.
#include "engine/StoreSetup.h"
#include "engine/TokenBrowser.h"
#include "items/TokenTreeModel.h"
#include "support/Children.h"
#include "support/TempStore.h"
#include "support/TokenTrees.h"
#include "ui/ChangePassphraseDialog.h"
#include "ui/Console.h"
#include "ui/CreateStoreDialog.h"
#include "ui/IdleLock.h"
#include "ui/MainWindow.h"
#include "ui/Preferences.h"
#include "ui/Resources.h"
#include "ui/RevokeDialog.h"
#include "ui/RootTokenDialog.h"
#include "ui/SearchBar.h"
#include "ui/SecretClipboard.h"
#include "ui/ServerControl.h"
#include "ui/Session.h"
#include "ui/TokenDetailsPane.h"
#include "ui/UnlockDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace tessera;
using test::child;
using ui::Console;
using ui::MainAction;

namespace {

constexpr char kPassphrase[] = "correct horse battery staple";

QString text(const char* ascii)
{
    return QString::fromLatin1(ascii);
}

// A store created the way the console creates one, cheaply, then closed.
bool makeStore(const QString& path)
{
    auto initialized =
        engine::StoreSetup::initialize(path, kPassphrase, text("test"), KdfProfile::TestOnlyCheap);
    return initialized.ok();
}

// Revokes a subtree as another process would: its own store and engine on the file.
bool revokeElsewhere(const QString& path, const QString& accessor)
{
    auto other = engine::StoreSetup::open(path, kPassphrase);
    return other.ok() && (*other)
                             ->tokens()
                             .revoke(engine::Caller::storeOwner(text("cli")),
                                     engine::TokenRef::accessor(accessor))
                             .ok();
}

Console::Options optionsFor(const QString& storePath)
{
    Console::Options options;
    options.storePath = storePath;
    return options;
}

void typeInto(QLineEdit* edit, const QString& value)
{
    edit->clear();
    QTest::keyClicks(edit, value);
}

// Stands in for the API server: records what the console asks of it.
class FakeServer : public ui::ServerControl
{
public:
    void start(engine::TokenEngine& engine, const ui::Preferences& preferences) override
    {
        servedEngine = &engine;
        port = preferences.apiPort;
        m_state = State::Running;
        Q_EMIT stateChanged();
    }
    void stop() override
    {
        servedEngine = nullptr;
        m_state = State::Stopped;
        Q_EMIT stateChanged();
    }
    State state() const override { return m_state; }
    QString address() const override { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
    QString errorMessage() const override { return {}; }

    engine::TokenEngine* servedEngine = nullptr;
    int port = 0;

private:
    State m_state = State::Stopped;
};

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void firstRunCreatesStoreAndShowsRootTokenOnce();
    void wrongPassphraseKeepsDialogThenRightOneUnlocks();
    void notAStoreHasItsOwnMessage();
    void revokingParentRemovesRowsBelow();
    void revokeByAnotherProcessShowsUp();
    void tokensBelowFollowChangesByAnotherProcess();
    void lockWhileConfirmationIsOpenRevokesNothing();
    void idleTimeLocksDropsEngineAndClearsClipboard();
    void apiServerStartsAtUnlockShowsInStatusBarAndStopsOnLock();
    void apiServerThatRanBeforeALockRunsAgainAfterUnlock();
    void changePassphraseNeedsTheCurrentOneAndRekeys();
    void lockShortcutLocksAtOnce();
    void deleteInTheSearchBoxEditsTextAndRevokesNothing();
    void escapeInTheSearchBoxReturnsToTheTree();
    void renewIsDisabledWithTheReasonForTokensThatCannotRenew();

private:
    std::unique_ptr<Console> unlockedConsole(const QString& path);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(text("TesseraTest"));
    QCoreApplication::setApplicationName(text("tst_console"));
    ui::Resources::init();
}

void TestConsole::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>(test::TempStore::temporaryDirTemplate());
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<Console> TestConsole::unlockedConsole(const QString& path)
{
    auto console = std::make_unique<Console>(optionsFor(path));
    console->start();
    auto* dialog = qobject_cast<ui::UnlockDialog*>(console->dialog());
    if (!dialog)
        return nullptr;
    typeInto(child<QLineEdit>(dialog, "passphrase"), text(kPassphrase));
    dialog->accept();
    if (!QTest::qWaitFor([&] { return console->mainWindow() != nullptr; }, 10000))
        return nullptr;
    return console;
}

void TestConsole::firstRunCreatesStoreAndShowsRootTokenOnce()
{
    const QString path = m_dir->filePath(text("sub/first.store"));
    Console console(optionsFor(path));
    console.start();
    auto* create = qobject_cast<ui::CreateStoreDialog*>(console.dialog());
    QVERIFY(create);
    create->setKdfProfile(KdfProfile::TestOnlyCheap);
    QCOMPARE(create->storePath(), path);

    auto* createButton = child<QPushButton>(create, "create");
    typeInto(child<QLineEdit>(create, "passphrase"), text("short"));
    QVERIFY(!child<QLabel>(create, "strength")->text().isEmpty());
    typeInto(child<QLineEdit>(create, "confirm"), text("short"));
    QVERIFY(!createButton->isEnabled()); // too short
    typeInto(child<QLineEdit>(create, "passphrase"), text(kPassphrase));
    typeInto(child<QLineEdit>(create, "confirm"), text("something else entirely"));
    QVERIFY(child<QLabel>(create, "mismatch")->isVisibleTo(create));
    QVERIFY(!createButton->isEnabled());
    typeInto(child<QLineEdit>(create, "confirm"), text(kPassphrase));
    QVERIFY(createButton->isEnabled());
    QTest::mouseClick(createButton, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(console.session().isUnlocked(), 10000);
    QVERIFY(QFile::exists(path));
    QVERIFY(console.mainWindow());
    auto* root = qobject_cast<ui::RootTokenDialog*>(console.dialog());
    QVERIFY(root);
    const QString token = child<QLineEdit>(root, "token")->text();
    QVERIFY2(token.startsWith(text("tss.")), qPrintable(token));
    QVERIFY(console.session().engine().tokens().validate(token).ok());

    QTest::mouseClick(child<QPushButton>(root, "copy"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), token);
    root->reject(); // Escape does nothing before "stored" is ticked
    QVERIFY(root->isVisible());
    child<QCheckBox>(root, "stored")->setChecked(true);
    root->accept();
    QTRY_VERIFY(!console.dialog());

    // The root token appears in the tree.
    const auto* model = console.mainWindow()->model();
    QTRY_COMPARE(model->rowCount(), 1);
}

void TestConsole::wrongPassphraseKeepsDialogThenRightOneUnlocks()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    Console console(optionsFor(path));
    console.start();
    auto* dialog = qobject_cast<ui::UnlockDialog*>(console.dialog());
    QVERIFY(dialog);
    auto* passphrase = child<QLineEdit>(dialog, "passphrase");

    typeInto(passphrase, text("not the passphrase"));
    QTest::keyClick(passphrase, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
    QVERIFY2(dialog->errorText().contains(text("Wrong passphrase")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(passphrase->text().isEmpty());
    QVERIFY(passphrase->isEnabled());
    QVERIFY(!console.session().isUnlocked());

    QTest::keyClicks(passphrase, text(kPassphrase));
    QVERIFY(dialog->errorText().isEmpty()); // typing again hides the error
    QTest::keyClick(passphrase, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(console.session().isUnlocked(), 10000);
    QVERIFY(console.mainWindow());
    QVERIFY(console.mainWindow()->isVisible());
}

void TestConsole::notAStoreHasItsOwnMessage()
{
    const QString path = m_dir->filePath(text("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Shopping list: bread, milk, a new passphrase for the archive.\n");
    file.close();
    Console console(optionsFor(path));
    console.start();
    auto* dialog = qobject_cast<ui::UnlockDialog*>(console.dialog());
    QVERIFY(dialog);
    typeInto(child<QLineEdit>(dialog, "passphrase"), text(kPassphrase));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
    QVERIFY2(dialog->errorText().contains(text("not a Tessera store")),
             qPrintable(dialog->errorText()));
}

void TestConsole::revokingParentRemovesRowsBelow()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    auto& engine = console->session().engine();
    auto tree = test::buildTokenTree(engine, 40, 3);
    QVERIFY2(tree.ok(), tree.ok() ? "" : qPrintable(tree.error().message));

    ui::MainWindow* window = console->mainWindow();
    QVERIFY(window->reveal(tree->accessors.at(4)));
    const QModelIndex child4 = window->tree()->currentIndex();
    QVERIFY(child4.isValid());
    const QModelIndex parent = child4.parent();
    QVERIFY(parent.isValid());
    // Persistent: once the parent's row is gone, parent.parent() would read
    // the removed node.
    const QPersistentModelIndex grandparent = parent.parent();
    const int rowsBefore = window->model()->rowCount(grandparent);

    window->tree()->selectionModel()->setCurrentIndex(parent, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    const QString parentAccessor = window->currentAccessor();
    QVERIFY(window->action(MainAction::Revoke)->isEnabled());
    window->action(MainAction::Revoke)->trigger();
    auto* confirm = window->findChild<ui::RevokeDialog*>();
    QVERIFY(confirm);
    QVERIFY(confirm->tokenCount() >= 2); // the parent and child 4 at least
    confirm->findChild<QPushButton*>(text("revoke"))->click();

    QTRY_COMPARE(window->model()->rowCount(grandparent), rowsBefore - 1);
    QVERIFY(!window->model()->indexOfAccessor(parentAccessor).isValid());
    // The revoked token's parent is now current and selected, not a neighbour
    // (whose subtree a second Delete would take): the details pane and the
    // actions speak of it.
    QVERIFY(grandparent.isValid());
    QCOMPARE(window->tree()->currentIndex(), QModelIndex(grandparent));
    QCOMPARE(window->tree()->selectionModel()->selectedRows(),
             QModelIndexList{QModelIndex(grandparent)});
    QCOMPARE(window->currentAccessor(), tree->accessors.at(0));
    QTRY_COMPARE(window->findChild<ui::TokenDetailsPane*>()->token()->accessor,
                 tree->accessors.at(0));
    QVERIFY(window->action(MainAction::Revoke)->isEnabled());
    QVERIFY(!window->model()->indexOfAccessor(tree->accessors.at(4)).isValid());
    QVERIFY(!engine.tokens().validate(tree->tokens.at(4)).ok());
    QVERIFY(engine.tokens().validate(tree->rootToken()).ok());

    // A top-level token has no parent: nothing stays selected.
    QTRY_VERIFY(!window->findChild<ui::RevokeDialog*>());
    QVERIFY(window->reveal(tree->accessors.at(0)));
    window->action(MainAction::Revoke)->trigger();
    confirm = window->findChild<ui::RevokeDialog*>();
    QVERIFY(confirm);
    confirm->findChild<QPushButton*>(text("revoke"))->click();
    QTRY_VERIFY(!window->model()->indexOfAccessor(tree->accessors.at(0)).isValid());
    QVERIFY(!window->tree()->currentIndex().isValid());
    QVERIFY(!window->tree()->selectionModel()->hasSelection());
    QVERIFY(!window->action(MainAction::Revoke)->isEnabled());
    QVERIFY(!window->findChild<ui::TokenDetailsPane*>()->token());
}

void TestConsole::revokeByAnotherProcessShowsUp()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    auto tree = test::buildTokenTree(console->session().engine(), 10, 3);
    QVERIFY(tree.ok());
    ui::MainWindow* window = console->mainWindow();
    QVERIFY(window->reveal(tree->accessors.at(5)));

    QVERIFY(revokeElsewhere(path, tree->accessors.at(1)));
    QTRY_VERIFY_WITH_TIMEOUT(!window->model()->indexOfAccessor(tree->accessors.at(5)).isValid(),
                             3000);
    QVERIFY(window->model()->indexOfAccessor(tree->rootAccessor()).isValid());
}

void TestConsole::tokensBelowFollowChangesByAnotherProcess()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    auto& engine = console->session().engine();
    auto tree = test::buildTokenTree(engine, 10, 3);
    QVERIFY(tree.ok());
    ui::MainWindow* window = console->mainWindow();
    QVERIFY(window->reveal(tree->rootAccessor()));
    const qint64 shownId = window->model()->token(window->tree()->currentIndex()).id;
    const engine::TokenBrowser browser = engine.browser();
    auto tokensBelow = [&] {
        const auto count = browser.descendantCount(shownId);
        return count ? QLocale().toString(*count) : text("(count failed)");
    };
    auto* details = window->findChild<ui::TokenDetailsPane*>();
    QVERIFY(details);
    QTRY_COMPARE(details->fieldText(text("descendants")), tokensBelow());
    const QString before = tokensBelow();

    QVERIFY(revokeElsewhere(path, tree->accessors.at(1)));
    QVERIFY(tokensBelow() != before);
    QTRY_COMPARE_WITH_TIMEOUT(details->fieldText(text("descendants")), tokensBelow(), 3000);
}

void TestConsole::lockWhileConfirmationIsOpenRevokesNothing()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    auto tree = test::buildTokenTree(console->session().engine(), 5, 2);
    QVERIFY(tree.ok());
    ui::MainWindow* window = console->mainWindow();
    QVERIFY(window->reveal(tree->rootAccessor()));

    // The idle lock comes while the confirmation is open.
    window->action(MainAction::Revoke)->trigger();
    QPointer<ui::RevokeDialog> confirm = window->findChild<ui::RevokeDialog*>();
    QVERIFY(confirm);
    QVERIFY(confirm->isVisible());
    console->session().lock(); // may wait for background work (the status counts)
    QTRY_VERIFY(!console->session().isUnlocked());
    QVERIFY(!confirm || !confirm->isVisible());
    QVERIFY(!console->mainWindow());
    QVERIFY(qobject_cast<ui::UnlockDialog*>(console->dialog()));

    auto reopened = engine::StoreSetup::open(path, kPassphrase);
    QVERIFY(reopened.ok());
    QVERIFY((*reopened)->tokens().validate(tree->rootToken()).ok());
}

void TestConsole::idleTimeLocksDropsEngineAndClearsClipboard()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    console->session().clipboard().copy(text("tss.a-token-the-console-copied"));
    QCOMPARE(QGuiApplication::clipboard()->text(), text("tss.a-token-the-console-copied"));

    console->idleLock().setTimeout(300);
    QTest::qWait(150);
    QTest::mouseMove(console->mainWindow()->tree()->viewport(), QPoint(10, 10));
    QTest::qWait(200); // input restarted the timer: still unlocked
    QVERIFY(console->session().isUnlocked());

    QTRY_VERIFY_WITH_TIMEOUT(!console->session().isUnlocked(), 3000);
    QVERIFY(!console->mainWindow());
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(qobject_cast<ui::UnlockDialog*>(console->dialog()));
}

void TestConsole::lockShortcutLocksAtOnce()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    // Text the user copied elsewhere is left alone.
    QGuiApplication::clipboard()->setText(text("a note of my own"));
    ui::MainWindow* window = console->mainWindow();
    QCOMPARE(window->action(MainAction::Lock)->shortcut(), QKeySequence(text("Ctrl+L")));
    window->action(MainAction::Lock)->trigger();
    QTRY_VERIFY(!console->session().isUnlocked());
    QVERIFY(!console->mainWindow());
    QCOMPARE(QGuiApplication::clipboard()->text(), text("a note of my own"));
    auto* dialog = qobject_cast<ui::UnlockDialog*>(console->dialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->storePath(), path);
}

void TestConsole::apiServerStartsAtUnlockShowsInStatusBarAndStopsOnLock()
{
    ui::Preferences preferences = ui::Preferences::load();
    preferences.apiStartAtLaunch = true;
    preferences.apiPort = 18200;
    preferences.save();
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));

    FakeServer server;
    auto console = std::make_unique<Console>(optionsFor(path));
    console->setServerControl(&server);
    console->start();
    auto* dialog = qobject_cast<ui::UnlockDialog*>(console->dialog());
    QVERIFY(dialog);
    typeInto(child<QLineEdit>(dialog, "passphrase"), text(kPassphrase));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(console->mainWindow(), 10000);

    QCOMPARE(server.servedEngine, &console->session().engine());
    bool shown = false;
    for (const QLabel* label : console->mainWindow()->statusBar()->findChildren<QLabel*>())
        shown = shown || label->text().contains(text("http://127.0.0.1:18200"));
    QVERIFY(shown);

    console->session().lock(); // may wait for a count in flight
    QTRY_VERIFY(!server.servedEngine);
    QCOMPARE(server.state(), ui::ServerControl::State::Stopped);
}

void TestConsole::apiServerThatRanBeforeALockRunsAgainAfterUnlock()
{
    ui::Preferences preferences = ui::Preferences::load();
    preferences.apiStartAtLaunch = false;
    preferences.save();
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    FakeServer server;
    auto console = std::make_unique<Console>(optionsFor(path));
    console->setServerControl(&server);
    const auto unlock = [&] {
        auto* dialog = qobject_cast<ui::UnlockDialog*>(console->dialog());
        QVERIFY(dialog);
        typeInto(child<QLineEdit>(dialog, "passphrase"), text(kPassphrase));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(console->mainWindow(), 10000);
    };
    console->start();
    unlock();
    QCOMPARE(server.state(), ui::ServerControl::State::Stopped); // not at launch
    server.start(console->session().engine(), preferences);      // Start in the preferences

    console->idleLock().setTimeout(50);
    QTRY_VERIFY_WITH_TIMEOUT(!console->session().isUnlocked(), 3000);
    QCOMPARE(server.state(), ui::ServerControl::State::Stopped);
    console->idleLock().setTimeout(0);
    unlock();
    QCOMPARE(server.state(), ui::ServerControl::State::Running);
    QCOMPARE(server.servedEngine, &console->session().engine());

    // Stopped by hand before the lock: it stays stopped.
    server.stop();
    console->mainWindow()->action(MainAction::Lock)->trigger();
    QTRY_VERIFY(!console->session().isUnlocked());
    unlock();
    QCOMPARE(server.state(), ui::ServerControl::State::Stopped);
}

void TestConsole::changePassphraseNeedsTheCurrentOneAndRekeys()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    ui::MainWindow* window = console->mainWindow();
    window->action(MainAction::ChangePassphrase)->trigger();
    auto* dialog = window->findChild<ui::ChangePassphraseDialog*>();
    QVERIFY(dialog);
    const QString next = text("a new passphrase for the archive");
    typeInto(child<QLineEdit>(dialog, "current"), text("not the current one"));
    typeInto(child<QLineEdit>(dialog, "passphrase"), next);
    typeInto(child<QLineEdit>(dialog, "confirm"), next);
    dialog->accept();
    QVERIFY2(dialog->errorText().contains(text("current passphrase is wrong")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());

    typeInto(child<QLineEdit>(dialog, "current"), text(kPassphrase));
    dialog->accept();
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QTRY_VERIFY(!window->findChild<ui::ChangePassphraseDialog*>());

    console.reset();
    QCOMPARE(engine::StoreSetup::open(path, kPassphrase).error().code, ErrorCode::WrongPassphrase);
    QVERIFY(engine::StoreSetup::open(path, next.toUtf8()).ok());
}

void TestConsole::deleteInTheSearchBoxEditsTextAndRevokesNothing()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    auto tree = test::buildTokenTree(console->session().engine(), 5, 2);
    QVERIFY(tree.ok());
    ui::MainWindow* window = console->mainWindow();
    QVERIFY(window->reveal(tree->accessors.at(1)));
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));

    QLineEdit* search = window->searchBar()->field();
    search->setFocus();
    QTest::keyClicks(search, text("desk"));
    QTest::keyClick(search, Qt::Key_Home);
    QTest::keyClick(search, Qt::Key_Delete);
    QCOMPARE(search->text(), text("esk"));
    QTest::keyClick(search, Qt::Key_End);
    QTest::keyClick(search, Qt::Key_Delete); // nothing after the cursor: still no revoke
    search->clear();
    QTest::keyClick(search, Qt::Key_Delete);
    QCOMPARE(search->text(), text(""));
    QVERIFY(!window->findChild<ui::RevokeDialog*>());
    QVERIFY(console->session().engine().tokens().validate(tree->tokens.at(1)).ok());

    // In the tree, Delete still revokes (after the confirmation).
    window->tree()->setFocus();
    QTest::keyClick(window->tree(), Qt::Key_Delete);
    QVERIFY(window->findChild<ui::RevokeDialog*>());
}

void TestConsole::escapeInTheSearchBoxReturnsToTheTree()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    ui::MainWindow* window = console->mainWindow();
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    window->action(MainAction::Find)->trigger();
    QLineEdit* search = window->searchBar()->field();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, text("patron"));
    QTest::keyClick(search, Qt::Key_Escape);
    QTRY_VERIFY(window->tree()->hasFocus());
    QCOMPARE(search->text(), text("patron")); // the search stays for F3
}

void TestConsole::renewIsDisabledWithTheReasonForTokensThatCannotRenew()
{
    const QString path = m_dir->filePath(text("library.store"));
    QVERIFY(makeStore(path));
    auto console = unlockedConsole(path);
    QVERIFY(console);
    auto& engine = console->session().engine();
    const auto issue = [&](bool renewable) {
        engine::TokenRequest request;
        request.ttl = 3600;
        request.renewable = renewable;
        auto created =
            engine.tokens().createToken(engine::Caller::storeOwner(text("test")), request);
        return created.ok() ? created->info.accessor : QString();
    };
    const QString renewable = issue(true);
    const QString fixed = issue(false);
    QVERIFY(!renewable.isEmpty() && !fixed.isEmpty());
    ui::MainWindow* window = console->mainWindow();
    QAction* renew = window->action(MainAction::Renew);
    const QString ownTip = renew->statusTip();

    QVERIFY(window->reveal(fixed));
    QVERIFY(!renew->isEnabled());
    QVERIFY2(renew->toolTip().contains(text("not renewable")), qPrintable(renew->toolTip()));
    QCOMPARE(renew->statusTip(), renew->toolTip());

    QVERIFY(window->reveal(renewable));
    QVERIFY(renew->isEnabled());
    QCOMPARE(renew->statusTip(), ownTip);

    // The store's root token never expires: nothing to renew.
    auto* model = window->model();
    QString root;
    for (int row = 0; row < model->rowCount(); ++row) {
        const engine::Token token = model->token(model->index(row, 0));
        if (token.isRoot())
            root = token.accessor;
    }
    QVERIFY(window->reveal(root));
    QVERIFY(!renew->isEnabled());
    QVERIFY2(renew->toolTip().contains(text("never expires")), qPrintable(renew->toolTip()));
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
