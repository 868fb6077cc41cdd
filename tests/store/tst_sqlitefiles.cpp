// SqliteFiles: the store's locks survive other code opening and closing the
// store's files in this process, and a store or WAL replaced under a live
// process is noticed before anything more is written. Another process's view
// of the locks comes from lock_probe.py.
#include "store/SqliteFiles.h"
#include "store/Store.h"
#include "store/Transaction.h"
#include "support/TempStore.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using tessera::ErrorCode;
using tessera::store::SqliteFiles;
using tessera::store::Store;
using tessera::store::Transaction;
using tessera::test::TempStore;

namespace {

// What another process sees: "store:held shm:held" while this one has the
// store open.
QString locksSeenFromOutside(const QString& storePath)
{
    QProcess probe;
    probe.start(QStringLiteral("python3"),
                {QStringLiteral(TESSERA_LOCK_PROBE), QStringLiteral("check"), storePath});
    if (!probe.waitForFinished(30'000) || probe.exitCode() != 0)
        return QStringLiteral("probe failed: ") + QString::fromUtf8(probe.readAllStandardError());
    return QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
}

bool writeRow(Store& store)
{
    auto lease = store.acquire();
    if (!lease)
        return false;
    Transaction transaction(lease->db());
    return transaction.begun().ok() &&
           lease->db()
               .exec("CREATE TABLE IF NOT EXISTS scratch(x); INSERT INTO scratch VALUES(1)")
               .ok() &&
           transaction.commit().ok();
}

// What Qt's file dialog does to every file it shows: open, read, close.
void openAndClose(const QString& path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    (void)file.read(16);
    file.close();
}

// Another program's file at `path`: same bytes, another inode.
void replaceWithCopy(const QString& path)
{
    const QString copy = path + QStringLiteral(".copy");
    QVERIFY(QFile::copy(path, copy));
    QVERIFY(::rename(QFile::encodeName(copy).constData(), QFile::encodeName(path).constData()) ==
            0);
}

} // namespace

class TestSqliteFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anotherProcessSeesTheLocksOfAnOpenStore()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        QVERIFY(writeRow(temp.store()));
        QCOMPARE(locksSeenFromOutside(temp.path()), QStringLiteral("store:held shm:held"));
    }

    void locksOutliveOtherCodeClosingTheStoreFiles()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        QVERIFY(writeRow(temp.store()));
        for (const char* suffix : {"", "-wal", "-shm"})
            openAndClose(temp.path() + QLatin1String(suffix));

        QCOMPARE(locksSeenFromOutside(temp.path()), QStringLiteral("store:held shm:held"));
        QVERIFY(writeRow(temp.store()));
        QVERIFY(SqliteFiles::verifyUnchanged(temp.path()).ok());
    }

    void openingTheStoreAgainKeepsTheLocksOfTheFirstOpen()
    {
        // The console opens the store a second time to check a passphrase.
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        QVERIFY(writeRow(temp.store()));
        {
            auto second = Store::open(temp.path(), TempStore::kPassphrase);
            QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        }
        QCOMPARE(locksSeenFromOutside(temp.path()), QStringLiteral("store:held shm:held"));
    }

    void locksGoWhenTheStoreCloses()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        QVERIFY(writeRow(temp.store()));
        temp.close();
        // The last close checkpointed and removed the WAL and shared memory.
        QVERIFY(!QFile::exists(temp.path() + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(temp.path() + QStringLiteral("-shm")));
        QVERIFY(temp.reopen());
        QVERIFY(writeRow(temp.store()));
        QVERIFY(SqliteFiles::verifyUnchanged(temp.path()).ok());
    }

    void replacedFilesStopWrites_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("WAL recreated") << QStringLiteral("-wal");
        QTest::newRow("shared memory recreated") << QStringLiteral("-shm");
        QTest::newRow("store renamed over") << QString();
    }

    void replacedFilesStopWrites()
    {
        QFETCH(QString, suffix);
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        QVERIFY(writeRow(temp.store()));
        replaceWithCopy(temp.path() + suffix);

        const auto verified = SqliteFiles::verifyUnchanged(temp.path());
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, ErrorCode::StoreReplaced);
        // From then on nothing is leased, read or written, even if the file
        // came back.
        const auto lease = temp.store().acquire();
        QVERIFY(!lease);
        QCOMPARE(lease.error().code, ErrorCode::StoreReplaced);
        QVERIFY(SqliteFiles::lost(temp.path()));
    }

    void aWriterChecksItsFilesBeforeBeginning()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        QVERIFY(writeRow(temp.store()));
        auto lease = temp.store().acquire();
        QVERIFY(lease);
        QVERIFY(QFile::remove(temp.path() + QStringLiteral("-wal")));

        Transaction transaction(lease->db());
        QVERIFY(!transaction.begun().ok());
        QCOMPARE(transaction.begun().error().code, ErrorCode::StoreReplaced);
        QVERIFY(!transaction.begun().error().message.contains(temp.path()));
    }

    void readHeaderReadsTheFirstBytes()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        const QString shortFile = temp.filePath(QStringLiteral("short"));
        QFile file(shortFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("abcde");
        file.close();

        const auto header = SqliteFiles::readHeader(shortFile, 16);
        QVERIFY(header);
        QCOMPARE(*header, QByteArray("abcde"));
        QVERIFY(!SqliteFiles::readHeader(temp.filePath(QStringLiteral("missing")), 16));
    }
};

QTEST_GUILESS_MAIN(TestSqliteFiles)
#include "tst_sqlitefiles.moc"
