#include "store/Database.h"
#include "store/Transaction.h"
#include "support/TempStore.h"

#include <QElapsedTimer>
#include <QTest>
#include <sqlite3.h>
#include <thread>

using tessera::ErrorCode;
using tessera::store::Database;
using tessera::store::Transaction;
using tessera::test::TempStore;

class tst_Transaction : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStore> m_temp;

    static qint64 rows(Database& db)
    {
        return db.queryInt("SELECT count(*) FROM settings").valueOr(-1);
    }
    static tessera::Status insert(Database& db, const QString& key)
    {
        auto query = db.query("INSERT INTO settings(key, value) VALUES(?, x'01')");
        if (!query)
            return query.error();
        return query->bind(1, key).run();
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    }
    void cleanup() { m_temp.reset(); }

    void commitMakesWritesVisibleToOtherConnections()
    {
        auto writer = m_temp->store().acquire();
        auto reader = m_temp->store().acquire();
        QVERIFY(writer.ok() && reader.ok());
        Transaction transaction(writer->db());
        QVERIFY(transaction.begun().ok());
        QVERIFY(insert(writer->db(), QStringLiteral("a")).ok());
        QCOMPARE(rows(reader->db()), 0);
        QVERIFY(transaction.commit().ok());
        QCOMPARE(rows(reader->db()), 1);
    }

    void rollbackOnDestructionDiscardsWrites()
    {
        auto lease = m_temp->store().acquire();
        QVERIFY(lease.ok());
        {
            Transaction transaction(lease->db());
            QVERIFY(transaction.begun().ok());
            QVERIFY(insert(lease->db(), QStringLiteral("a")).ok());
            QCOMPARE(rows(lease->db()), 1);
        }
        QVERIFY(lease->db().inAutocommit());
        QCOMPARE(rows(lease->db()), 0);
    }

    void commitTwiceIsAnError()
    {
        auto lease = m_temp->store().acquire();
        QVERIFY(lease.ok());
        Transaction transaction(lease->db());
        QVERIFY(transaction.commit().ok());
        QVERIFY(!transaction.commit().ok());
    }

    void nestedTransactionIsRefused()
    {
        auto lease = m_temp->store().acquire();
        QVERIFY(lease.ok());
        Transaction outer(lease->db());
        QVERIFY(outer.begun().ok());
        Transaction inner(lease->db());
        QVERIFY(!inner.begun().ok());
        QVERIFY(!inner.commit().ok());
        // The failed inner one must not end the outer one.
        QVERIFY(insert(lease->db(), QStringLiteral("a")).ok());
        QVERIFY(outer.commit().ok());
        QCOMPARE(rows(lease->db()), 1);
    }

    void deferredTransactionReadsOneSnapshot()
    {
        auto reader = m_temp->store().acquire();
        auto writer = m_temp->store().acquire();
        QVERIFY(reader.ok() && writer.ok());
        {
            Transaction snapshot(reader->db(), Transaction::Mode::Deferred);
            QVERIFY(snapshot.begun().ok());
            QCOMPARE(rows(reader->db()), 0);
            QVERIFY(insert(writer->db(), QStringLiteral("a")).ok());
            QCOMPARE(rows(reader->db()), 0);
            QVERIFY(snapshot.commit().ok());
        }
        QCOMPARE(rows(reader->db()), 1);
    }

    void writerBlockedPastBusyTimeoutGetsConflict()
    {
        auto first = m_temp->store().acquire();
        auto second = m_temp->store().acquire();
        QVERIFY(first.ok() && second.ok());
        // The real timeout is 10 s; shortened so the test stays fast.
        sqlite3_busy_timeout(second->db().handle(), 200);
        Transaction holding(first->db());
        QVERIFY(holding.begun().ok());

        QElapsedTimer timer;
        timer.start();
        Transaction blocked(second->db());
        QVERIFY(!blocked.begun().ok());
        QCOMPARE(blocked.begun().error().code, ErrorCode::Conflict);
        QVERIFY(timer.elapsed() >= 150);
        sqlite3_busy_timeout(second->db().handle(), Database::kBusyTimeoutMs);
    }

    void writerWaitsForAnotherToCommit()
    {
        auto first = m_temp->store().acquire();
        QVERIFY(first.ok());
        Transaction holding(first->db());
        QVERIFY(holding.begun().ok());
        QVERIFY(insert(first->db(), QStringLiteral("first")).ok());

        tessera::Status secondResult = tessera::Error::internal(QStringLiteral("not run"));
        std::thread second([&] {
            auto lease = m_temp->store().acquire();
            if (!lease) {
                secondResult = lease.error();
                return;
            }
            Transaction transaction(lease->db());
            if (!transaction.begun()) {
                secondResult = transaction.begun();
                return;
            }
            if (auto inserted = insert(lease->db(), QStringLiteral("second")); !inserted) {
                secondResult = inserted;
                return;
            }
            secondResult = transaction.commit();
        });
        QTest::qWait(100);
        QVERIFY(holding.commit().ok());
        second.join();
        QVERIFY2(secondResult.ok(), qPrintable(secondResult.error().message));
        QCOMPARE(rows(first->db()), 2);
    }
};

QTEST_GUILESS_MAIN(tst_Transaction)
#include "tst_transaction.moc"
