#include "store/Database.h"
#include "store/GroupCommit.h"
#include "support/TempStore.h"

#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace tessera;
using tessera::test::TempStore;

class TestGroupCommit : public QObject
{
    Q_OBJECT

private:
    static qint64 rowCount(store::Store& store)
    {
        auto lease = store.acquire();
        auto count = lease->db().queryInt("SELECT count(*) FROM settings WHERE key LIKE 'gc-%'");
        return count.ok() ? *count : -1;
    }

    static Status insertKey(store::Database& db, const QString& key)
    {
        auto insert = db.query("INSERT INTO settings(key, value) VALUES(?, x'00')");
        TESSERA_TRY(insert);
        insert->bind(1, key);
        return insert->run();
    }

private Q_SLOTS:
    void concurrentWritesAllPersistInFewerCommits()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        store::GroupCommit group(temp.store());
        constexpr int kThreads = 8;
        constexpr int kWritesEach = 50;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kWritesEach; ++i) {
                    const QString key = QStringLiteral("gc-%1-%2").arg(t).arg(i);
                    const Status status = group.run([&](store::Database& db) {
                        // Slow work keeps a commit open so that others queue behind it.
                        std::this_thread::sleep_for(std::chrono::microseconds(200));
                        return insertKey(db, key);
                    });
                    if (!status.ok())
                        ++failures;
                }
            });
        }
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(rowCount(temp.store()), qint64(kThreads * kWritesEach));
        QVERIFY2(group.commitCount() < kThreads * kWritesEach,
                 qPrintable(QStringLiteral("%1 commits").arg(group.commitCount())));
    }

    void failureInASharedBatchUndoesOnlyItsOwnWrite()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        store::GroupCommit group(temp.store());
        QVERIFY(
            group.run([](store::Database& db) { return insertKey(db, QStringLiteral("gc-dup")); })
                .ok());
        // Many writers at once, every fifth one failing after a write of its own.
        constexpr int kWriters = 40;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int w = 0; w < kWriters; ++w) {
            threads.emplace_back([&, w] {
                const Status status = group.run([&](store::Database& db) -> Status {
                    std::this_thread::sleep_for(std::chrono::microseconds(300));
                    TESSERA_TRY(insertKey(db, QStringLiteral("gc-w%1").arg(w)));
                    if (w % 5 == 0)
                        return insertKey(db, QStringLiteral("gc-dup"));
                    return {};
                });
                if (!status.ok())
                    ++failures;
            });
        }
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(failures.load(), kWriters / 5);
        QCOMPARE(rowCount(temp.store()), qint64(1 + kWriters - kWriters / 5));
    }

    void failingWriteRollsBackAloneAndReportsItsError()
    {
        TempStore temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        store::GroupCommit group(temp.store());
        QVERIFY(group.run([](store::Database& db) { return insertKey(db, QStringLiteral("gc-a")); })
                    .ok());
        const Status failed = group.run([](store::Database& db) -> Status {
            TESSERA_TRY(insertKey(db, QStringLiteral("gc-b")));
            return insertKey(db, QStringLiteral("gc-a")); // duplicate key: the write fails
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::Conflict);
        // gc-b was part of the failed write and must be gone with it.
        QCOMPARE(rowCount(temp.store()), qint64(1));
        QVERIFY(group.run([](store::Database& db) { return insertKey(db, QStringLiteral("gc-c")); })
                    .ok());
        QCOMPARE(rowCount(temp.store()), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
