#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace tessera::store {

class Query;

// One SQLCipher connection. Not thread-safe: one thread uses a connection at a
// time (Store hands them out as leases). Prepared statements are cached per
// connection, keyed by their SQL text.
class Database
{
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating if asked) and keys the file with a raw key: `keySpec` is
    // the SQLCipher blob literal "x'<64 hex key><32 hex salt>'" (see StoreKey).
    // Fails with WrongPassphrase when the key does not decrypt the file, NotAStore
    // when the file is not SQLCipher at all.
    static Result<std::unique_ptr<Database>> open(const QString& path, const QByteArray& keySpec,
                                                  bool create);

    // Runs one or more statements without results (schema, pragmas).
    Status exec(std::string_view sql);
    // A cached prepared statement, reset and unbound when the Query goes away.
    Result<Query> query(std::string_view sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    // PRAGMA data_version: changes when another connection has committed.
    qint64 dataVersion();
    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    // The connection's last error, for messages (never contains bound values).
    QString lastErrorMessage() const;

private:
    Database(sqlite3* db, QString path);
    sqlite3* m_db;
    QString m_path;
    std::unordered_map<std::string, sqlite3_stmt*> m_statements;
};

// A prepared statement in use. Bind indexes start at 1, column indexes at 0
// (SQLite's conventions).
class Query
{
public:
    explicit Query(sqlite3_stmt* statement) : m_statement(statement) {}
    ~Query();
    Query(Query&& other) noexcept;
    Query& operator=(Query&&) = delete;

    Query& bind(int index, qint64 value);
    Query& bind(int index, int value) { return bind(index, qint64(value)); }
    Query& bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Query& bind(int index, const QString& text); // a null QString binds NULL
    Query& bind(int index, const QByteArray& blob); // a null QByteArray binds NULL
    Query& bindNull(int index);

    // true while a row is available; false when done.
    Result<bool> next();
    // Steps to completion, for statements without rows.
    Status run();

    qint64 int64(int column) const;
    bool boolean(int column) const { return int64(column) != 0; }
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt* m_statement;
};

} // namespace tessera::store
