// One store, several processes, as at a library desk: this process plays the
// console (engine, tree model, store watcher, a pass printed to PDF, the file
// dialog, a file watcher and plain open/close of the store's files), while a
// `tessera-cli serve` and several `tessera-cli` processes create and revoke at
// the same time. Afterwards the store checks clean, the audit chain verifies,
// every acknowledged creation is there and every acknowledged revocation gone.
// See docs/ARCHITECTURE.md, «Locks and the WAL».
#include "engine/StoreSetup.h"
#include "items/StoreWatcher.h"
#include "items/TokenTreeModel.h"
#include "reports/AccessPass.h"
#include "store/SqliteFiles.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

using namespace tessera;

namespace {

constexpr QByteArrayView kPassphrase = "desk passphrase";
constexpr int kCliRounds = 12; // per CLI writer; two writers
constexpr int kApiRounds = 40;
constexpr int kConsoleRounds = 40;

struct Run
{
    int exitCode = -1;
    QByteArray out;
};

Run runProgram(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run run;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    return run;
}

// What the writers were told succeeded.
struct Acknowledged
{
    std::mutex mutex;
    QSet<QString> created;
    QSet<QString> revoked;
    QStringList failures;

    void add(QSet<QString> Acknowledged::*set, const QString& accessor)
    {
        const std::lock_guard lock(mutex);
        (this->*set).insert(accessor);
    }
    void fail(const QString& what)
    {
        const std::lock_guard lock(mutex);
        failures << what;
    }
};

} // namespace

class TestSharedStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("desk.store"));
        m_passphraseFile = m_dir.filePath(QStringLiteral("passphrase"));
        QFile file(m_passphraseFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPassphrase.toByteArray() + '\n');
    }

    void consoleCliAndServerWritingAtOnceLoseNothing()
    {
        auto initialized = engine::StoreSetup::initialize(
            m_store, kPassphrase, QStringLiteral("console"), KdfProfile::TestOnlyCheap);
        QVERIFY2(initialized, qPrintable(initialized ? QString() : initialized.error().message));
        std::unique_ptr<engine::TokenEngine> console = std::move(initialized->engine);
        const QString rootToken = initialized->root.token;
        Acknowledged acknowledged;
        {
            items::TokenTreeModel model(*console);
            QAbstractItemModelTester tester(&model);
            items::StoreWatcher watcher(*console);
            connect(&watcher, &items::StoreWatcher::tokensChanged, &model,
                    &items::TokenTreeModel::applyChanges);
            bool lost = false;
            connect(&watcher, &items::StoreWatcher::storeLost, this, [&lost] { lost = true; });

            // Phase 1, the case that lost data: the console has printed a pass
            // and browsed the store's folder, then tessera-cli processes come
            // and go with no server holding the store.
            disturbStoreFiles(*console, acknowledged);
            whileOthersWrite({[&] { cliWriter(QStringLiteral("a0"), acknowledged); },
                              [&] { cliWriter(QStringLiteral("a1"), acknowledged); }},
                             [&] { consoleWriter(*console, QStringLiteral("a"), acknowledged); });

            // Phase 2: a server and its clients join in.
            QProcess serve;
            serve.start(QStringLiteral(TESSERA_CLI_PATH),
                        QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0")} +
                            storeArguments());
            QVERIFY(serve.waitForReadyRead(60'000));
            const auto listening = QRegularExpression(QStringLiteral("listening on (\\S+)"))
                                       .match(QString::fromUtf8(serve.readLine()));
            QVERIFY(listening.hasMatch());
            const QString url = listening.captured(1);
            whileOthersWrite({[&] { cliWriter(QStringLiteral("b0"), acknowledged); },
                              [&] { apiWriter(url, rootToken, acknowledged); }},
                             [&] { consoleWriter(*console, QStringLiteral("b"), acknowledged); });
            QTest::qWait(2 * items::StoreWatcher::kDefaultIntervalMs);

            serve.terminate();
            QVERIFY(serve.waitForFinished(60'000));
            QCOMPARE(serve.exitCode(), 0);
            QVERIFY(!lost);
            QVERIFY(!store::SqliteFiles::lost(m_store));
        }
        console.reset();

        QVERIFY2(acknowledged.failures.isEmpty(),
                 qPrintable(acknowledged.failures.join(QLatin1Char('\n'))));
        QVERIFY(acknowledged.created.size() > 100);
        QVERIFY(acknowledged.revoked.size() > 20);

        QCOMPARE(cli({QStringLiteral("store"), QStringLiteral("check")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
        const Run listed =
            cli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QSet<QString> present;
        for (const auto& value : QJsonDocument::fromJson(listed.out).array())
            present.insert(value.isObject()
                               ? value.toObject().value(QStringLiteral("accessor")).toString()
                               : value.toString());
        for (const QString& accessor : acknowledged.created) {
            if (acknowledged.revoked.contains(accessor))
                QVERIFY2(!present.contains(accessor),
                         qPrintable(accessor + QStringLiteral(" came back")));
            else
                QVERIFY2(present.contains(accessor),
                         qPrintable(accessor + QStringLiteral(" was lost")));
        }
    }

private:
    QStringList storeArguments() const
    {
        return {QStringLiteral("--store"), m_store, QStringLiteral("--passphrase-file"),
                m_passphraseFile};
    }

    Run cli(const QStringList& arguments) const
    {
        return runProgram(QStringLiteral(TESSERA_CLI_PATH), arguments + storeArguments());
    }

    // tessera-cli in a terminal: one process per command.
    void cliWriter(const QString& writer, Acknowledged& acknowledged) const
    {
        QString previous;
        for (int round = 0; round < kCliRounds; ++round) {
            const Run created =
                cli({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--json"),
                     QStringLiteral("--orphan"), QStringLiteral("--display-name"),
                     QStringLiteral("cli-%1-%2").arg(writer).arg(round)});
            const QString accessor = QJsonDocument::fromJson(created.out)
                                         .object()
                                         .value(QStringLiteral("accessor"))
                                         .toString();
            if (created.exitCode != 0 || accessor.isEmpty()) {
                acknowledged.fail(QStringLiteral("cli create exited %1").arg(created.exitCode));
                continue;
            }
            acknowledged.add(&Acknowledged::created, accessor);
            if (round % 3 == 2 && !previous.isEmpty()) {
                if (cli({QStringLiteral("token"), QStringLiteral("revoke"), previous}).exitCode ==
                    0)
                    acknowledged.add(&Acknowledged::revoked, previous);
                else
                    acknowledged.fail(QStringLiteral("cli revoke failed"));
            }
            previous = accessor;
        }
    }

    // A Vault client of `tessera-cli serve`.
    static void apiWriter(const QString& url, const QString& rootToken, Acknowledged& acknowledged)
    {
        const QString header = QStringLiteral("X-Vault-Token: ") + rootToken;
        for (int round = 0; round < kApiRounds; ++round) {
            const Run created = runProgram(
                QStringLiteral("curl"),
                {QStringLiteral("-sf"), QStringLiteral("-H"), header, QStringLiteral("-d"),
                 QStringLiteral("{\"display_name\":\"api-%1\"}").arg(round),
                 url + QStringLiteral("/v1/auth/token/create")});
            const QString accessor = QJsonDocument::fromJson(created.out)
                                         .object()
                                         .value(QStringLiteral("auth"))
                                         .toObject()
                                         .value(QStringLiteral("accessor"))
                                         .toString();
            if (created.exitCode != 0 || accessor.isEmpty()) {
                acknowledged.fail(
                    QStringLiteral("API create failed (curl %1)").arg(created.exitCode));
                continue;
            }
            acknowledged.add(&Acknowledged::created, accessor);
            if (round % 4 != 3)
                continue;
            const Run revoked = runProgram(
                QStringLiteral("curl"),
                {QStringLiteral("-sf"), QStringLiteral("-H"), header, QStringLiteral("-d"),
                 QStringLiteral("{\"accessor\":\"%1\"}").arg(accessor),
                 url + QStringLiteral("/v1/auth/token/revoke-accessor")});
            if (revoked.exitCode == 0)
                acknowledged.add(&Acknowledged::revoked, accessor);
            else
                acknowledged.fail(
                    QStringLiteral("API revoke failed (curl %1)").arg(revoked.exitCode));
        }
    }

    // The console: issues and revokes, and in between does everything that
    // used to open and close the store's files behind SQLite's back.
    void consoleWriter(engine::TokenEngine& engine, const QString& name, Acknowledged& acknowledged)
    {
        const engine::Caller owner = engine::Caller::storeOwner(QStringLiteral("console"));
        const QString folder = QFileInfo(m_store).absolutePath();
        QFileSystemWatcher watcher({folder, m_store});
        for (int round = 0; round < kConsoleRounds; ++round) {
            engine::TokenRequest request;
            request.displayName = QStringLiteral("desk-%1-%2").arg(name).arg(round);
            request.orphan = true;
            const auto created = engine.tokens().createToken(owner, request);
            if (!created) {
                acknowledged.fail(QStringLiteral("console create: ") + created.error().message);
                continue;
            }
            acknowledged.add(&Acknowledged::created, created->info.accessor);
            if (round % 5 == 4) {
                if (engine.tokens().revoke(owner,
                                           engine::TokenRef::accessor(created->info.accessor)))
                    acknowledged.add(&Acknowledged::revoked, created->info.accessor);
                else
                    acknowledged.fail(QStringLiteral("console revoke failed"));
            }
            if (round % 10 == 7)
                openAndCloseStoreFiles();
            QTest::qWait(20);
        }
    }

    // Everything that used to open and close the store's files behind SQLite's back.
    void disturbStoreFiles(engine::TokenEngine& engine, Acknowledged& acknowledged)
    {
        engine::TokenRequest request;
        request.displayName = QStringLiteral("printed pass");
        request.orphan = true;
        const auto created = engine.tokens().createToken(
            engine::Caller::storeOwner(QStringLiteral("console")), request);
        QVERIFY(created);
        acknowledged.add(&Acknowledged::created, created->info.accessor);
        const QString folder = QFileInfo(m_store).absolutePath();
        printPass(*created, folder);
        browseWithFileDialog(folder);
        openAndCloseStoreFiles();
    }

    void openAndCloseStoreFiles() const
    {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            QFile file(m_store + QLatin1String(suffix));
            if (file.open(QIODevice::ReadOnly))
                (void)file.read(64);
        }
    }

    // Runs `others` on threads of their own while `console` runs here; the
    // console's event loop (watcher, models) goes on until they have finished.
    static void whileOthersWrite(const std::vector<std::function<void()>>& others,
                                 const std::function<void()>& console)
    {
        std::vector<std::thread> threads;
        for (const auto& other : others)
            threads.emplace_back(other);
        console();
        std::atomic<bool> done = false;
        std::thread joiner([&] {
            for (auto& thread : threads)
                thread.join();
            done = true;
        });
        while (!done)
            QTest::qWait(50);
        joiner.join();
    }

    static void printPass(const engine::CreatedToken& created, const QString& folder)
    {
        reports::AccessPass pass;
        pass.library = QStringLiteral("Desk");
        pass.displayName = created.info.displayName;
        pass.token = created.token;
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(QDir(folder).filePath(QStringLiteral("pass.pdf")));
        QVERIFY(pass.print(printer));
    }

    // Qt's own file dialog reads every file it lists to guess its type.
    static void browseWithFileDialog(const QString& folder)
    {
        QFileDialog dialog(nullptr, QStringLiteral("Save Pass"), folder);
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.show();
        auto* model = dialog.findChild<QFileSystemModel*>();
        QVERIFY(model);
        QTRY_VERIFY(model->rowCount(model->index(folder)) >= 3);
        QTest::qWait(300); // icons are gathered on Qt's own thread
        dialog.reject();
    }

    QTemporaryDir m_dir;
    QString m_store;
    QString m_passphraseFile;
};

QTEST_MAIN(TestSharedStore)
#include "tst_sharedstore.moc"
