#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace tessera::store {

class Query;

// One SQLCipher connection. Not thread-safe: one thread uses a connection at a
// time (Store hands them out as leases). Prepared statements are cached per
// connection, keyed by their SQL text.
//
// Error codes: SQLITE_BUSY/LOCKED after the busy timeout and constraint
// violations -> Conflict; SQLITE_CORRUPT -> StoreCorrupt; I/O, full disk,
// permissions -> Io; anything else -> Internal. Messages carry SQLite's own
// message and never a bound value.
class Database
{
public:
    // Writers wait this long for another writer before failing with Conflict.
    static constexpr int kBusyTimeoutMs = 10'000;
    // Must be the same at every open: SQLCipher cannot detect a mismatch other
    // than as a wrong key.
    static constexpr int kCipherPageSize = 4096;

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating if asked) and keys the file with a raw key: `keySpec` is
    // the SQLCipher blob literal "x'<64 hex key><32 hex salt>'" (see StoreKey).
    // Fails with WrongPassphrase when the key does not decrypt the file (SQLCipher
    // cannot tell a wrong key from a file that is not SQLCipher at all; Store
    // sorts out the obvious non-stores before calling this). A failed open does
    // not write to the file.
    static Result<std::unique_ptr<Database>> open(const QString& path, const QByteArray& keySpec,
                                                  bool create);

    // Runs one or more statements without results (schema, pragmas). Not for
    // values: use query() and bind them.
    Status exec(std::string_view sql);
    // A cached prepared statement, reset and unbound when the Query goes away.
    // A Query must not outlive its Database. Asking for the same SQL while an
    // earlier Query of it is still alive gives an uncached statement.
    Result<Query> query(std::string_view sql);
    // Runs `sql` (one statement) and returns the first column of its first row;
    // NotFound when there is no row.
    Result<qint64> queryInt(std::string_view sql);
    // The first column of every row, as text (lists of names).
    Result<QStringList> queryTexts(std::string_view sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    // PRAGMA data_version: changes when another connection has committed.
    qint64 dataVersion();
    // False inside BEGIN ... COMMIT.
    bool inAutocommit() const;
    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db.get(); }

    // The connection's last error, for messages (never contains bound values).
    QString lastErrorMessage() const;

private:
    struct Closer
    {
        void operator()(sqlite3* db) const;
    };
    struct CachedStatement
    {
        sqlite3_stmt* statement = nullptr;
        bool inUse = false;
    };

    Database(sqlite3* db, QString path);
    Status configure(); // the pragmas every connection gets after its key

    std::unique_ptr<sqlite3, Closer> m_db;
    QString m_path;
    std::unordered_map<std::string, CachedStatement> m_statements;
};

// A prepared statement in use. Bind indexes start at 1, column indexes at 0
// (SQLite's conventions). A failed bind is reported by the next next()/run().
class Query
{
public:
    // `inUse` is the cache's flag for a cached statement (cleared on
    // destruction), or null for a statement the Query owns and finalizes.
    Query(sqlite3_stmt* statement, bool* inUse);
    ~Query();
    Query(Query&& other) noexcept;
    Query& operator=(Query&&) = delete;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Query& bind(int index, qint64 value);
    Query& bind(int index, int value) { return bind(index, qint64(value)); }
    Query& bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Query& bind(int index, const QString& text); // a null QString binds NULL
    // Text already in UTF-8 (never NULL: empty binds ''), without a round trip
    // through QString.
    Query& bindUtf8(int index, QByteArrayView utf8);
    // The same without a copy: `utf8` must stay valid and unchanged while this
    // query lives (SQLite reads it when the statement runs).
    Query& bindUtf8Unowned(int index, QByteArrayView utf8);
    Query& bind(int index, const QByteArray& blob); // a null QByteArray binds NULL
    Query& bindNull(int index);

    // true while a row is available; false when done.
    Result<bool> next();
    // Steps to completion, for statements without rows.
    Status run();

    qint64 int64(int column) const;
    bool boolean(int column) const { return int64(column) != 0; }
    QString text(int column) const;    // NULL reads as a null QString
    QByteArray blob(int column) const; // NULL reads as a null QByteArray, x'' as empty
    bool isNull(int column) const;

private:
    void noteBind(int rc);
    Query& bindText(int index, QByteArrayView utf8, bool copy);

    sqlite3_stmt* m_statement;
    bool* m_inUse;
    int m_bindError = 0; // first failed bind's SQLite code
};

} // namespace tessera::store
