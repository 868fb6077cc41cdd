#include "store/Database.h"
#include "store/StoreKey.h"
#include "support/TempStore.h"

#include <QTemporaryDir>
#include <QTest>
#include <limits>
#include <sqlite3.h>

using tessera::ErrorCode;
using tessera::KdfProfile;
using tessera::store::Database;
using tessera::store::StoreKey;

namespace {

QByteArray cheapKeySpec()
{
    auto key = StoreKey::derive("passphrase", KdfProfile::TestOnlyCheap);
    return key ? key->keySpec() : QByteArray();
}

int preparedStatementCount(sqlite3* db)
{
    int count = 0;
    for (sqlite3_stmt* statement = sqlite3_next_stmt(db, nullptr); statement;
         statement = sqlite3_next_stmt(db, statement))
        ++count;
    return count;
}

} // namespace

class tst_Database : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{tessera::test::TempStore::temporaryDirTemplate()};
    int m_count = 0;
    QString m_path;
    QByteArray m_keySpec;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("%1.db").arg(++m_count));
        m_keySpec = cheapKeySpec();
        auto db = Database::open(m_path, m_keySpec, true);
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(*db);
        QVERIFY(
            m_db->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT UNIQUE, data BLOB)").ok());
    }
    void cleanup() { m_db.reset(); }

    void pragmasAreSetAtOpen_data()
    {
        QTest::addColumn<QString>("pragma");
        QTest::addColumn<QString>("expected");
        QTest::newRow("WAL") << QStringLiteral("journal_mode") << QStringLiteral("wal");
        QTest::newRow("durable commits") << QStringLiteral("synchronous") << QStringLiteral("2");
        QTest::newRow("foreign keys") << QStringLiteral("foreign_keys") << QStringLiteral("1");
        QTest::newRow("64 MiB cache") << QStringLiteral("cache_size") << QStringLiteral("-65536");
        QTest::newRow("temp in memory") << QStringLiteral("temp_store") << QStringLiteral("2");
        QTest::newRow("cipher page size")
            << QStringLiteral("cipher_page_size") << QStringLiteral("4096");
    }
    void pragmasAreSetAtOpen()
    {
        QFETCH(QString, pragma);
        QFETCH(QString, expected);
        const std::string sql = "PRAGMA " + pragma.toStdString();
        auto query = m_db->query(sql);
        QVERIFY(query.ok());
        QCOMPARE(query->next().valueOr(false), true);
        QCOMPARE(query->text(0), expected);
    }

    void busyTimeoutIsTenSeconds()
    {
        QCOMPARE(Database::kBusyTimeoutMs, 10'000);
        QCOMPARE(m_db->queryInt("PRAGMA busy_timeout").valueOr(0), 10'000);
    }

    void reopensWithTheSameKey()
    {
        QVERIFY(m_db->exec("INSERT INTO t(name) VALUES('kept')").ok());
        m_db.reset();
        auto again = Database::open(m_path, m_keySpec, false);
        QVERIFY(again.ok());
        QCOMPARE((*again)->queryInt("SELECT count(*) FROM t WHERE name = 'kept'").valueOr(0), 1);
    }

    void wrongKeyIsWrongPassphrase()
    {
        QVERIFY(m_db->exec("INSERT INTO t(name) VALUES('x')").ok());
        m_db.reset();
        const auto other = Database::open(m_path, cheapKeySpec(), false);
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, ErrorCode::WrongPassphrase);
        QVERIFY(other.error().message.contains(QLatin1String("not a Tessera store")));
    }

    void missingFileIsNotCreatedWithoutAsking()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
        const auto db = Database::open(missing, m_keySpec, false);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::Io);
        QVERIFY(!QFile::exists(missing));
    }

    void boundValuesRoundTrip_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::newRow("int64 max") << QVariant(std::numeric_limits<qint64>::max());
        QTest::newRow("int64 min") << QVariant(std::numeric_limits<qint64>::min());
        QTest::newRow("unicode text") << QVariant(QStringLiteral("Bibliothèque – 図書館 📚"));
        QTest::newRow("empty text") << QVariant(QString(QLatin1String("")));
        QTest::newRow("null text") << QVariant(QString());
        QTest::newRow("blob with zeros") << QVariant(QByteArray("\0a\0b", 4));
        QTest::newRow("empty blob") << QVariant(QByteArray(""));
        QTest::newRow("null blob") << QVariant(QByteArray());
    }
    void boundValuesRoundTrip()
    {
        QFETCH(QVariant, value);
        auto insert = m_db->query("INSERT INTO t(data) VALUES(?)");
        QVERIFY(insert.ok());
        switch (value.typeId()) {
        case QMetaType::LongLong:
            insert->bind(1, value.toLongLong());
            break;
        case QMetaType::QString:
            insert->bind(1, value.toString());
            break;
        default:
            insert->bind(1, value.toByteArray());
        }
        QVERIFY(insert->run().ok());

        auto select = m_db->query("SELECT data, typeof(data) FROM t WHERE id = ?");
        QVERIFY(select.ok());
        select->bind(1, m_db->lastInsertRowId());
        QCOMPARE(select->next().valueOr(false), true);
        switch (value.typeId()) {
        case QMetaType::LongLong:
            QCOMPARE(select->int64(0), value.toLongLong());
            break;
        case QMetaType::QString:
            QCOMPARE(select->isNull(0), value.toString().isNull());
            QCOMPARE(select->text(0).isNull(), value.toString().isNull());
            QCOMPARE(select->text(0), value.toString());
            break;
        default:
            QCOMPARE(select->text(1), value.toByteArray().isNull() ? QStringLiteral("null")
                                                                   : QStringLiteral("blob"));
            QCOMPARE(select->blob(0).isNull(), value.toByteArray().isNull());
            QCOMPARE(select->blob(0), value.toByteArray());
        }
    }

    void repeatedSqlReusesOnePreparedStatement()
    {
        const int before = preparedStatementCount(m_db->handle());
        for (int i = 0; i < 5; ++i) {
            auto query = m_db->query("SELECT count(*) FROM t WHERE name = ?");
            QVERIFY(query.ok());
            query->bind(1, QStringLiteral("n%1").arg(i));
            QVERIFY(query->next().ok());
        }
        QCOMPARE(preparedStatementCount(m_db->handle()), before + 1);
    }

    void finishedQueryLeavesNoBindingBehind()
    {
        {
            auto query = m_db->query("INSERT INTO t(name) VALUES(?)");
            QVERIFY(query.ok());
            QVERIFY(query->bind(1, QStringLiteral("first")).run().ok());
        }
        auto query = m_db->query("INSERT INTO t(name) VALUES(?)");
        QVERIFY(query.ok());
        QVERIFY(query->run().ok());
        QCOMPARE(m_db->queryInt("SELECT count(*) FROM t WHERE name IS NULL").valueOr(0), 1);
    }

    void sameSqlNestedRunsIndependently()
    {
        QVERIFY(m_db->exec("INSERT INTO t(name) VALUES('a'),('b'),('c')").ok());
        const int before = preparedStatementCount(m_db->handle());
        auto outer = m_db->query("SELECT name FROM t ORDER BY name");
        QVERIFY(outer.ok());
        int pairs = 0;
        while (outer->next().valueOr(false)) {
            auto inner = m_db->query("SELECT name FROM t ORDER BY name");
            QVERIFY(inner.ok());
            while (inner->next().valueOr(false))
                ++pairs;
        }
        QCOMPARE(pairs, 9);
        // The one-off inner statements are gone; the cached one remains.
        QCOMPARE(preparedStatementCount(m_db->handle()), before + 1);
    }

    void constraintViolationIsConflictWithoutTheValue()
    {
        const QString secret = QStringLiteral("s3cr3t-patron-4711");
        auto first = m_db->query("INSERT INTO t(name) VALUES(?)");
        QVERIFY(first.ok());
        QVERIFY(first->bind(1, secret).run().ok());
        auto second = m_db->query("INSERT INTO t(name) VALUES(?)");
        QVERIFY(second.ok());
        const auto result = second->bind(1, secret).run();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QVERIFY2(result.error().message.contains(QLatin1String("UNIQUE")),
                 qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(secret));
    }

    void badSqlNamesTheStatement()
    {
        const auto result = m_db->query("SELECT nonsense FROM nowhere");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Internal);
        QVERIFY2(result.error().message.contains(QLatin1String("SELECT nonsense FROM nowhere")),
                 qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QLatin1String("no such table")));
    }

    void queryTakesOneStatement()
    {
        const auto result = m_db->query("SELECT 1; SELECT 2");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Internal);
        QVERIFY(m_db->query("SELECT 1;").ok());
    }

    void badBindIndexIsReportedAtRun()
    {
        auto query = m_db->query("INSERT INTO t(name) VALUES(?)");
        QVERIFY(query.ok());
        const auto result = query->bind(1, QStringLiteral("ok")).bind(2, qint64(7)).run();
        QVERIFY(!result.ok());
        QCOMPARE(m_db->queryInt("SELECT count(*) FROM t").valueOr(-1), 0);
    }

    void queryIntWithoutRowIsNotFound()
    {
        const auto value = m_db->queryInt("SELECT id FROM t WHERE id = 42");
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code, ErrorCode::NotFound);
    }

    void insertReportsRowIdAndChanges()
    {
        QVERIFY(m_db->exec("INSERT INTO t(id, name) VALUES(41, 'a')").ok());
        QCOMPARE(m_db->lastInsertRowId(), 41);
        QVERIFY(m_db->exec("INSERT INTO t(name) VALUES('b'), ('c')").ok());
        QCOMPARE(m_db->exec("UPDATE t SET data = x'00' WHERE id > 41").ok(), true);
        QCOMPARE(m_db->changes(), 2);
    }

    void dataVersionMovesWhenAnotherConnectionCommits()
    {
        auto other = Database::open(m_path, m_keySpec, false);
        QVERIFY(other.ok());
        const qint64 before = m_db->dataVersion();
        QVERIFY((*other)->exec("INSERT INTO t(name) VALUES('other')").ok());
        QVERIFY(m_db->dataVersion() != before);
        const qint64 after = m_db->dataVersion();
        QVERIFY(m_db->exec("INSERT INTO t(name) VALUES('own')").ok());
        QCOMPARE(m_db->dataVersion(), after); // own commits do not count
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
