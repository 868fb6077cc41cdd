#include "store/Schema.h"
#include "store/Store.h"
#include "store/Transaction.h"
#include "support/TempStore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <atomic>
#include <sqlite3.h>
#include <thread>
#include <vector>

using tessera::ErrorCode;
using tessera::KdfProfile;
using tessera::store::Database;
using tessera::store::Store;
using tessera::store::Transaction;
using tessera::test::TempStore;

namespace {

constexpr QByteArrayView kPassphrase = TempStore::kPassphrase;

// What a failed open must leave exactly as it was.
struct FileState
{
    QByteArray bytes;
    QDateTime modified;
    bool hasWal = false;
    bool hasShm = false;

    static FileState of(const QString& path)
    {
        QFile file(path);
        FileState state;
        if (file.open(QIODevice::ReadOnly))
            state.bytes = file.readAll();
        state.modified = QFileInfo(path).fileTime(QFileDevice::FileModificationTime);
        state.hasWal = QFile::exists(path + QStringLiteral("-wal"));
        state.hasShm = QFile::exists(path + QStringLiteral("-shm"));
        return state;
    }
    bool operator==(const FileState&) const = default;
};

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

tessera::Status putSetting(Store& store, const QString& key, const QByteArray& value)
{
    auto lease = store.acquire();
    if (!lease)
        return lease.error();
    auto query = lease->db().query("INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)");
    if (!query)
        return query.error();
    return query->bind(1, key).bind(2, value).run();
}

QByteArray getSetting(Store& store, const QString& key)
{
    auto lease = store.acquire();
    if (!lease)
        return {};
    auto query = lease->db().query("SELECT value FROM settings WHERE key = ?");
    if (!query)
        return {};
    query->bind(1, key);
    return query->next().valueOr(false) ? query->blob(0) : QByteArray();
}

int latestSchemaVersion()
{
    return tessera::store::migrations().back().version;
}

} // namespace

class tst_Store : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- create and open ---------------------------------------------------------

    void createdStoreReopensWithSamePassphrase()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        QVERIFY(putSetting(temp.store(), QStringLiteral("greeting"), "hello").ok());
        temp.close();
        auto opened = Store::open(temp.path(), kPassphrase);
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().message));
        QCOMPARE(getSetting(**opened, QStringLiteral("greeting")), QByteArray("hello"));
    }

    void createRefusesExistingFile()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        const QString other = temp.filePath(QStringLiteral("someone-elses.txt"));
        QVERIFY(writeFile(other, "keep me"));
        const auto created = Store::create(other, kPassphrase, KdfProfile::TestOnlyCheap);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::Conflict);
        QCOMPARE(readFile(other), QByteArray("keep me"));
    }

    void createdFileIsPrivateToItsOwner()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        const QFile::Permissions permissions = QFileInfo(temp.path()).permissions();
        QVERIFY(permissions.testFlags(QFile::ReadOwner | QFile::WriteOwner));
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(permissions & others, QFile::Permissions());
    }

    void missingFileIsNotFound()
    {
        TempStore temp;
        const QString missing = temp.filePath(QStringLiteral("missing.tessera"));
        const auto opened = Store::open(missing, kPassphrase);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(missing));
    }

    void wrongPassphraseIsRefusedAndFileUntouched()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        QVERIFY(putSetting(temp.store(), QStringLiteral("k"), "v").ok());
        temp.close();
        const FileState before = FileState::of(temp.path());
        QVERIFY(!before.hasWal && !before.hasShm);

        const auto opened = Store::open(temp.path(), "not the passphrase");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::WrongPassphrase);
        QVERIFY(!opened.error().message.contains(QLatin1String("not the passphrase")));
        QVERIFY(FileState::of(temp.path()) == before);
        QVERIFY(temp.reopen());
    }

    void plainSqliteFileIsNotAStore()
    {
        TempStore temp;
        const QString plain = temp.filePath(QStringLiteral("plain.sqlite"));
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(plain.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        const FileState before = FileState::of(plain);

        const auto opened = Store::open(plain, kPassphrase);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::NotAStore);
        QVERIFY(opened.error().message.contains(QLatin1String("unencrypted")));
        QVERIFY(FileState::of(plain) == before);
    }

    void truncatedFileIsNotAStore_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("1 byte") << 1;
        QTest::newRow("15 bytes") << 15;
    }
    void truncatedFileIsNotAStore()
    {
        QFETCH(int, size);
        TempStore temp;
        QVERIFY(temp.isValid());
        temp.close();
        QVERIFY(writeFile(temp.path(), readFile(temp.path()).left(size)));
        const FileState before = FileState::of(temp.path());

        const auto opened = Store::open(temp.path(), kPassphrase);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::NotAStore);
        QVERIFY(FileState::of(temp.path()) == before);
    }

    // Random bytes whose first byte happens to name a profile cannot be told from
    // a store under another passphrase; the message says both.
    void randomBytesAreRefused_data()
    {
        QTest::addColumn<char>("firstByte");
        QTest::addColumn<ErrorCode>("expected");
        QTest::newRow("unknown profile byte") << char(0x00) << ErrorCode::NotAStore;
        QTest::newRow("test profile byte")
            << char(KdfProfile::TestOnlyCheap) << ErrorCode::WrongPassphrase;
    }
    void randomBytesAreRefused()
    {
        QFETCH(char, firstByte);
        QFETCH(ErrorCode, expected);
        TempStore temp;
        const QString path = temp.filePath(QStringLiteral("random.bin"));
        QByteArray noise(8192, Qt::Uninitialized);
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919 + 13) % 251);
        noise[0] = firstByte;
        QVERIFY(writeFile(path, noise));
        const FileState before = FileState::of(path);

        const auto opened = Store::open(path, kPassphrase);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, expected);
        QVERIFY(opened.error().message.contains(QLatin1String("not a Tessera store")));
        QVERIFY(FileState::of(path) == before);
    }

    void unknownKdfProfileIsNotAStore()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        temp.close();
        QByteArray bytes = readFile(temp.path());
        bytes[0] = char(0x02);
        QVERIFY(writeFile(temp.path(), bytes));
        const auto opened = Store::open(temp.path(), kPassphrase);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::NotAStore);
    }

    void saltHoldsKdfProfile()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        QCOMPARE(temp.store().kdfProfile(), KdfProfile::TestOnlyCheap);
        temp.close();
        const QByteArray salt = readFile(temp.path()).left(16);
        QCOMPARE(quint8(salt.at(0)), quint8(KdfProfile::TestOnlyCheap));
        QVERIFY(temp.reopen());
        QVERIFY(putSetting(temp.store(), QStringLiteral("k"), "v").ok());
        temp.close();
        QCOMPARE(readFile(temp.path()).left(16), salt);
    }

    // The one test that pays for the production KDF (~0.4 s).
    void productionKdfIsTheDefault()
    {
        TempStore temp;
        const QString path = temp.filePath(QStringLiteral("production.tessera"));
        auto created = Store::create(path, kPassphrase);
        QVERIFY(created.ok());
        QCOMPARE((*created)->kdfProfile(), KdfProfile::Scrypt);
        created->reset();
        QCOMPARE(quint8(readFile(path).at(0)), quint8(KdfProfile::Scrypt));
    }

    void storeFileContainsNoPlaintext()
    {
        const QByteArray marker = "DISTINCTIVE-PLAINTEXT-MARKER-7f3a";
        TempStore temp;
        QVERIFY(temp.isValid());
        QVERIFY(putSetting(temp.store(), QString::fromLatin1(marker), marker).ok());
        // While open, the write sits in the WAL; after close, in the main file.
        const QByteArray wal = readFile(temp.path() + QStringLiteral("-wal"));
        QVERIFY(!wal.isEmpty());
        QVERIFY(!wal.contains(marker));
        QVERIFY(!readFile(temp.path()).contains(marker));
        temp.close();
        QVERIFY(!readFile(temp.path()).contains(marker));
        QVERIFY(!readFile(temp.path()).contains("CREATE TABLE"));
    }

    // --- schema ------------------------------------------------------------------

    void migrationsSetUserVersion()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        QCOMPARE(temp.store().schemaVersion(), latestSchemaVersion());
        auto lease = temp.store().acquire();
        QVERIFY(lease.ok());
        const auto tables = lease->db().queryInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
            "('settings', 'tokens', 'policies', 'roles', 'users', 'cubbyhole', 'signing_keys', "
            "'audit')");
        QCOMPARE(tables.valueOr(0), 8);
    }

    // A store written before schema step 4 (no totp_keys, no security_keys)
    // opens, migrates to the latest version and keeps what it held.
    void storeOfVersionThreeMigratesToSecondFactorTables()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        {
            auto lease = temp.store().acquire();
            QVERIFY(lease.ok());
            Database& db = lease->db();
            QVERIFY(db.exec("DROP TABLE totp_keys").ok());
            QVERIFY(db.exec("DROP TABLE security_keys").ok());
            QVERIFY(db.exec("DROP TABLE token_use").ok());
            QVERIFY(db.exec("DROP TABLE IF EXISTS pass_codes").ok());
            QVERIFY(db.exec("DROP TABLE IF EXISTS expiry_warnings").ok());
            QVERIFY(db.exec("PRAGMA user_version = 3").ok());
            QVERIFY(db.exec("INSERT INTO users(name, password_hash, salt, kdf, definition, "
                            "updated_at) VALUES('alice', x'00', x'00', 'scrypt:16:1:1', '{}', 1)")
                        .ok());
        }
        temp.close();

        auto opened = Store::open(temp.path(), kPassphrase);
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().message));
        QCOMPARE((*opened)->schemaVersion(), latestSchemaVersion());
        auto lease = (*opened)->acquire();
        QVERIFY(lease.ok());
        QCOMPARE(lease->db().queryInt("SELECT count(*) FROM users WHERE name = 'alice'").valueOr(0),
                 1);
        QVERIFY(lease->db()
                    .exec("INSERT INTO totp_keys(name, secret, created_at) VALUES('alice', "
                          "x'0102', 1)")
                    .ok());
        QVERIFY(lease->db()
                    .exec("INSERT INTO security_keys(credential_id, name, label, public_key, "
                          "algorithm, created_at) VALUES(x'01', 'alice', 'Blue', x'a0', -7, 1)")
                    .ok());
        QCOMPARE(lease->db().queryInt("SELECT confirmed FROM totp_keys").valueOr(-1), 0);
        QVERIFY(lease->db().exec("INSERT INTO expiry_warnings(token_id) VALUES(1)").ok());
    }

    // Schema steps need not be consecutive (branches number theirs apart and
    // the gaps close at merge): a store one step behind migrates to the last.
    void storeOneStepBehindMigratesToTheLastStep()
    {
        const auto& steps = tessera::store::migrations();
        QVERIFY(steps.size() >= 2);
        const int previous = steps.at(steps.size() - 2).version;
        TempStore temp;
        QVERIFY(temp.isValid());
        {
            auto lease = temp.store().acquire();
            QVERIFY(lease.ok());
            QVERIFY(lease->db().exec("DROP TABLE expiry_warnings").ok());
            QVERIFY(lease->db().exec("PRAGMA user_version = " + std::to_string(previous)).ok());
        }
        temp.close();
        auto opened = Store::open(temp.path(), kPassphrase);
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().message));
        QCOMPARE((*opened)->schemaVersion(), latestSchemaVersion());
        auto lease = (*opened)->acquire();
        QVERIFY(lease.ok());
        QVERIFY(lease->db().exec("INSERT INTO expiry_warnings(token_id) VALUES(1)").ok());
    }

    void newerSchemaIsRefused()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        {
            auto lease = temp.store().acquire();
            QVERIFY(lease.ok());
            const std::string sql =
                "PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1);
            QVERIFY(lease->db().exec(sql).ok());
        }
        temp.close();
        const FileState before = FileState::of(temp.path());

        const auto opened = Store::open(temp.path(), kPassphrase);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::NotAStore);
        QVERIFY2(opened.error().message.contains(QLatin1String("newer")),
                 qPrintable(opened.error().message));
        QVERIFY(FileState::of(temp.path()) == before);
    }

    // --- the pool ----------------------------------------------------------------

    void leasesFromManyThreadsWork()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        constexpr int kThreads = 12;
        constexpr int kWritesPerThread = 25;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kWritesPerThread; ++i) {
                    auto lease = temp.store().acquire();
                    if (!lease) {
                        ++failures;
                        continue;
                    }
                    Transaction transaction(lease->db());
                    auto query = lease->db().query("INSERT INTO settings(key, value) VALUES(?, ?)");
                    if (!transaction.begun() || !query ||
                        !query->bind(1, QStringLiteral("%1/%2").arg(t).arg(i))
                             .bind(2, QByteArray("v"))
                             .run()) {
                        ++failures;
                        continue;
                    }
                    if (!transaction.commit())
                        ++failures;
                }
            });
        }
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        auto lease = temp.store().acquire();
        QVERIFY(lease.ok());
        QCOMPARE(lease->db().queryInt("SELECT count(*) FROM settings").valueOr(0),
                 kThreads * kWritesPerThread);
    }

    void returnedLeaseIsReused()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        Database* first = nullptr;
        {
            auto lease = temp.store().acquire();
            QVERIFY(lease.ok());
            first = &lease->db();
        }
        auto again = temp.store().acquire();
        QVERIFY(again.ok());
        QCOMPARE(&again->db(), first);
        auto second = temp.store().acquire();
        QVERIFY(second.ok());
        QVERIFY(&second->db() != first);
    }

    void forgottenTransactionIsRolledBackWhenLeaseReturns()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        {
            auto lease = temp.store().acquire();
            QVERIFY(lease.ok());
            QVERIFY(
                lease->db().exec("BEGIN IMMEDIATE; INSERT INTO settings VALUES('k', x'00')").ok());
        }
        auto lease = temp.store().acquire();
        QVERIFY(lease.ok());
        QVERIFY(lease->db().inAutocommit());
        QCOMPARE(lease->db().queryInt("SELECT count(*) FROM settings").valueOr(-1), 0);
    }

    // --- passphrase change -------------------------------------------------------

    void changePassphraseOldOneStopsWorking()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        QVERIFY(putSetting(temp.store(), QStringLiteral("k"), "kept").ok());
        const QByteArray oldSalt = temp.store().path().isEmpty() ? QByteArray() : [&] {
            temp.close();
            const QByteArray salt = readFile(temp.path()).left(16);
            return salt;
        }();
        QVERIFY(temp.reopen());

        const auto changed = temp.store().changePassphrase("new passphrase");
        QVERIFY2(changed.ok(), changed ? "" : qPrintable(changed.error().message));
        // Live store goes on under the new key without reopening.
        QCOMPARE(getSetting(temp.store(), QStringLiteral("k")), QByteArray("kept"));
        QVERIFY(putSetting(temp.store(), QStringLiteral("after"), "change").ok());
        temp.close();

        const QByteArray newSalt = readFile(temp.path()).left(16);
        QVERIFY(newSalt != oldSalt);
        QCOMPARE(newSalt.at(0), oldSalt.at(0));
        QVERIFY(!QFile::exists(temp.path() + QStringLiteral(".rekey")));

        const auto withOld = Store::open(temp.path(), kPassphrase);
        QVERIFY(!withOld.ok());
        QCOMPARE(withOld.error().code, ErrorCode::WrongPassphrase);
        const auto withNew = Store::open(temp.path(), "new passphrase");
        QVERIFY2(withNew.ok(), withNew ? "" : qPrintable(withNew.error().message));
        QCOMPARE(getSetting(**withNew, QStringLiteral("k")), QByteArray("kept"));
        QCOMPARE(getSetting(**withNew, QStringLiteral("after")), QByteArray("change"));
        QCOMPARE((*withNew)->schemaVersion(), latestSchemaVersion());
        QVERIFY((*withNew)->check().valueOr({QStringLiteral("check failed")}).isEmpty());
    }

    void changePassphraseIsRefusedWhileLeasesAreOut()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        auto lease = temp.store().acquire();
        QVERIFY(lease.ok());
        const auto changed = temp.store().changePassphrase("new passphrase");
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code, ErrorCode::Conflict);
    }

    void changePassphraseIsRefusedWhileAnotherProcessHasTheStoreOpen()
    {
        // Renaming the re-encrypted copy over the file would leave the other
        // process (tessera-cli serve, another console) writing into a file no
        // one reads any more.
        TempStore temp;
        QVERIFY(temp.isValid());
        QVERIFY(putSetting(temp.store(), QStringLiteral("k"), "kept").ok());
        QProcess other;
        other.start(QStringLiteral("python3"),
                    {QStringLiteral(TESSERA_LOCK_PROBE), QStringLiteral("hold"), temp.path()});
        QVERIFY(other.waitForReadyRead(30'000));
        QCOMPARE(other.readLine().trimmed(), QByteArray("holding"));

        const auto changed = temp.store().changePassphrase("new passphrase");
        other.closeWriteChannel();
        QVERIFY(other.waitForFinished(30'000));
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code, ErrorCode::Conflict);
        QVERIFY(changed.error().message.contains(QStringLiteral("another program")));
        QVERIFY(!QFile::exists(temp.path() + QStringLiteral(".rekey")));
        QCOMPARE(getSetting(temp.store(), QStringLiteral("k")), QByteArray("kept"));
        temp.close();
        QVERIFY2(temp.reopen(), qPrintable(temp.errorMessage()));
    }

    void changePassphraseFailureKeepsTheOldOne()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        QVERIFY(putSetting(temp.store(), QStringLiteral("k"), "kept").ok());
        // The copy is attached and half-written when SQLite finds it cannot
        // create the copy's rollback journal: a failure midway.
        QVERIFY(
            QDir(temp.filePath(QString())).mkdir(QStringLiteral("store.tessera.rekey-journal")));

        const auto changed = temp.store().changePassphrase("new passphrase");
        QVERIFY(!changed.ok());
        QVERIFY(!QFile::exists(temp.path() + QStringLiteral(".rekey")));
        QCOMPARE(getSetting(temp.store(), QStringLiteral("k")), QByteArray("kept"));
        temp.close();
        QVERIFY2(temp.reopen(), qPrintable(temp.errorMessage()));
        QCOMPARE(getSetting(temp.store(), QStringLiteral("k")), QByteArray("kept"));
        QVERIFY(
            !Store::open(temp.filePath(QStringLiteral("store.tessera")), "new passphrase").ok());
    }

    // --- backup ------------------------------------------------------------------

    void backupOpensWithSamePassphrase()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        QVERIFY(putSetting(temp.store(), QStringLiteral("k"), "backed up").ok());
        const QString target = temp.filePath(QStringLiteral("backup.tessera"));
        const auto backedUp = temp.store().backupTo(target);
        QVERIFY2(backedUp.ok(), backedUp ? "" : qPrintable(backedUp.error().message));
        // The live store keeps working.
        QVERIFY(putSetting(temp.store(), QStringLiteral("later"), "not in backup").ok());

        auto backup = Store::open(target, kPassphrase);
        QVERIFY2(backup.ok(), backup ? "" : qPrintable(backup.error().message));
        QCOMPARE(getSetting(**backup, QStringLiteral("k")), QByteArray("backed up"));
        QVERIFY(getSetting(**backup, QStringLiteral("later")).isNull());
        QCOMPARE((*backup)->schemaVersion(), latestSchemaVersion());
        QVERIFY(!Store::open(target, "other passphrase").ok());
    }

    void backupRefusesExistingFile()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        const QString target = temp.filePath(QStringLiteral("existing"));
        QVERIFY(writeFile(target, "precious"));
        const auto backedUp = temp.store().backupTo(target);
        QVERIFY(!backedUp.ok());
        QCOMPARE(backedUp.error().code, ErrorCode::Conflict);
        QCOMPARE(readFile(target), QByteArray("precious"));
    }

    // Each write transaction adds one row to two tables; a backup taken while
    // writers run must hold as many rows in one as in the other.
    void backupIsOneSnapshotWhileWritersRun()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        std::atomic<bool> stop{false};
        std::atomic<int> written{0};
        std::thread writer([&] {
            for (int i = 0; !stop; ++i) {
                auto lease = temp.store().acquire();
                if (!lease)
                    return;
                Transaction transaction(lease->db());
                auto policy = lease->db().query(
                    "INSERT INTO policies(name, document, updated_at) VALUES(?, '', 0)");
                auto role = lease->db().query(
                    "INSERT INTO roles(name, definition, updated_at) VALUES(?, '{}', 0)");
                if (!policy || !role || !policy->bind(1, QString::number(i)).run() ||
                    !role->bind(1, QString::number(i)).run() || !transaction.commit())
                    return;
                ++written;
            }
        });
        while (written < 20)
            QThread::msleep(1);
        const QString target = temp.filePath(QStringLiteral("snapshot.tessera"));
        const auto backedUp = temp.store().backupTo(target);
        stop = true;
        writer.join();
        QVERIFY(backedUp.ok());

        auto backup = Store::open(target, kPassphrase);
        QVERIFY(backup.ok());
        auto lease = (*backup)->acquire();
        QVERIFY(lease.ok());
        const qint64 policies = lease->db().queryInt("SELECT count(*) FROM policies").valueOr(-1);
        const qint64 roles = lease->db().queryInt("SELECT count(*) FROM roles").valueOr(-2);
        QVERIFY(policies >= 20);
        QCOMPARE(policies, roles);
    }

    // --- integrity ---------------------------------------------------------------

    void checkFindsNothingInAHealthyStore()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        QVERIFY(putSetting(temp.store(), QStringLiteral("k"), "v").ok());
        const auto problems = temp.store().check();
        QVERIFY(problems.ok());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
    }

    void checkFindsATamperedPage()
    {
        TempStore temp;
        QVERIFY(temp.isValid());
        for (int i = 0; i < 200; ++i)
            QVERIFY(putSetting(temp.store(), QStringLiteral("key %1").arg(i), QByteArray(100, 'v'))
                        .ok());
        temp.close();
        QByteArray bytes = readFile(temp.path());
        QVERIFY(bytes.size() > 6 * 4096);
        const qsizetype lastPage = bytes.size() - 4096;
        bytes[lastPage + 500] = char(bytes.at(lastPage + 500) ^ 0x01);
        QVERIFY(writeFile(temp.path(), bytes));

        QVERIFY2(temp.reopen(), qPrintable(temp.errorMessage()));
        const auto problems = temp.store().check();
        QVERIFY2(problems.ok(), problems ? "" : qPrintable(problems.error().message));
        QVERIFY(!problems->isEmpty());
        QVERIFY2(problems->first().startsWith(QLatin1String("Page ")),
                 qPrintable(problems->join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(tst_Store)
#include "tst_store.moc"
