#include "store/Checkpointer.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "support/TempStore.h"

#include <QFileInfo>
#include <QTest>

using namespace tessera;
using tessera::test::TempStore;

class TestCheckpointer : public QObject
{
    Q_OBJECT

private:
    // About one page per row (SQLCipher's pages are 4 KiB).
    static Status commitRows(store::Database& db, int rows)
    {
        store::Transaction tx(db, store::Transaction::Mode::Immediate);
        TESSERA_TRY(tx.begun());
        for (int i = 0; i < rows; ++i)
            TESSERA_TRY(db.exec("INSERT INTO scratch(data) VALUES(randomblob(3500))"));
        return tx.commit();
    }

    static qint64 sizeOf(const QString& path) { return QFileInfo(path).size(); }

    // A connection of the store with an empty scratch table for commitRows().
    static Result<store::Store::Lease> leaseWithScratchTable(TempStore& temp)
    {
        auto lease = temp.store().acquire();
        if (!lease)
            return lease.error();
        TESSERA_TRY(lease->db().exec("CREATE TABLE scratch(id INTEGER PRIMARY KEY, data BLOB)"));
        return lease;
    }

private Q_SLOTS:
    // The writer no longer checkpoints: the background thread must, or the
    // store file would never receive what was committed.
    void committedPagesReachTheStoreFileWithoutTheWriterCheckpointing()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        auto lease = leaseWithScratchTable(temp);
        QVERIFY(lease.ok());
        const qint64 before = sizeOf(temp.path());
        const int rows = store::Checkpointer::kBackgroundPages + 200;
        for (int done = 0; done < rows; done += 100)
            QVERIFY(commitRows(lease->db(), 100).ok());
        // What the checkpoint saw, at least half of it new rows' pages (what came
        // after stays in the WAL, rewound, until it grows past the threshold again).
        QTRY_VERIFY_WITH_TIMEOUT(sizeOf(temp.path()) >=
                                     before + store::Checkpointer::kBackgroundPages / 2 * 4096,
                                 10000);
    }

    // Writers that never pause keep SQLite from rewinding the WAL after a
    // background checkpoint; the committing connection then checkpoints itself
    // and the WAL stays bounded instead of growing with everything written.
    void walStaysBoundedUnderWritesThatNeverPause()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        auto lease = leaseWithScratchTable(temp);
        QVERIFY(lease.ok());
        const QString wal = temp.path() + QStringLiteral("-wal");
        constexpr int kRowsPerCommit = 50;
        const int commits = 3 * store::Checkpointer::kForegroundPages / kRowsPerCommit;
        qint64 largest = 0;
        for (int i = 0; i < commits; ++i) {
            QVERIFY(commitRows(lease->db(), kRowsPerCommit).ok());
            largest = std::max(largest, sizeOf(wal));
        }
        const qint64 frame = 4096 + 24;
        QVERIFY2(largest < (store::Checkpointer::kForegroundPages + 4 * kRowsPerCommit) * frame,
                 qPrintable(QStringLiteral("WAL grew to %1 bytes").arg(largest)));
    }
};

QTEST_GUILESS_MAIN(TestCheckpointer)
#include "tst_checkpointer.moc"
