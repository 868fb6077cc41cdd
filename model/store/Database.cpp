#include "store/Database.h"

#include "store/SqliteFiles.h"

#include <cstdint>
#include <sqlite3.h>

namespace tessera::store {
namespace {

// Dynamic SQL (IN lists of varying length) must not grow the cache without end.
constexpr std::size_t kMaxCachedStatements = 256;

// SQLITE_TRANSIENT spelled without the C cast its macro uses.
const sqlite3_destructor_type kTransient =
    reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

QString sqliteMessage(sqlite3* db, int rc)
{
    if (db && sqlite3_errcode(db) == rc)
        return QString::fromUtf8(sqlite3_errmsg(db));
    return QString::fromUtf8(sqlite3_errstr(rc));
}

// `what` says what was attempted; SQLite's message names the failing table or
// column at most, never a bound value.
Error sqliteError(int rc, const QString& sqliteText, const QString& what)
{
    const QString message = QStringLiteral("%1: %2.").arg(what, sqliteText);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {ErrorCode::Conflict,
                QStringLiteral("%1: the store is busy with another writer; try again.").arg(what)};
    case SQLITE_CONSTRAINT:
        return {ErrorCode::Conflict, message};
    case SQLITE_CORRUPT:
        return {ErrorCode::StoreCorrupt, message};
    case SQLITE_NOTADB:
        return {ErrorCode::NotAStore, message};
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
        return {ErrorCode::Io, message};
    case SQLITE_TOOBIG:
        return {ErrorCode::InvalidArgument, message};
    default:
        return {ErrorCode::Internal, message};
    }
}

Error sqliteError(sqlite3* db, int rc, const QString& what)
{
    return sqliteError(rc, sqliteMessage(db, rc), what);
}

// The start of a statement, to say which one failed (our SQL never holds secrets:
// values are bound).
QString sqlForMessage(std::string_view sql)
{
    QString text = QString::fromUtf8(sql.data(), qsizetype(sql.size())).simplified();
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return text;
}

bool onlyWhitespace(const char* text)
{
    for (; text && *text; ++text) {
        if (*text != ' ' && *text != '\n' && *text != '\t' && *text != '\r' && *text != ';')
            return false;
    }
    return true;
}

} // namespace

void Database::Closer::operator()(sqlite3* db) const
{
    // _v2: a statement still alive somewhere cannot make the close fail; the
    // connection lingers until it is finalized.
    sqlite3_close_v2(db);
}

Database::Database(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{}

Database::~Database()
{
    for (auto& [sql, cached] : m_statements)
        sqlite3_finalize(cached.statement);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const QByteArray& keySpec,
                                                 bool create)
{
    SqliteFiles::install();
    sqlite3* raw = nullptr;
    // NOMUTEX: a connection is only ever used by one thread at a time (leases).
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    const int openRc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (openRc != SQLITE_OK)
        return sqliteError(raw, openRc, QStringLiteral("Could not open the store file"));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);

    // The key goes in through the C API, not as PRAGMA text that could surface
    // in an error message or a trace.
    if (const int rc = sqlite3_key(raw, keySpec.constData(), int(keySpec.size())); rc != SQLITE_OK)
        return sqliteError(raw, rc, QStringLiteral("Could not key the store"));
    TESSERA_TRY(db->exec("PRAGMA cipher_page_size = 4096"));

    // The first read decrypts page 1. Nothing has been written yet, so a wrong
    // key leaves the file exactly as it was.
    const int probeRc =
        sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if ((probeRc & 0xff) == SQLITE_NOTADB) {
        return Error{ErrorCode::WrongPassphrase,
                     QStringLiteral("Wrong passphrase, or the file is not a Tessera store.")};
    }
    if (probeRc != SQLITE_OK)
        return sqliteError(raw, probeRc, QStringLiteral("Could not read the store"));

    TESSERA_TRY(db->configure());
    return db;
}

Status Database::configure()
{
    // 64 MiB of page cache: SQLCipher decrypts on every cache miss, and random-key
    // inserts run ~3x faster with it (docs/ARCHITECTURE.md, «Connections and
    // pragmas»). cache_spill: a big transaction (revoking 100k tokens dirties ~25k
    // pages, ~100 MiB, on a 1M-token store) may hold up to 128 MiB of dirty pages
    // before SQLite spills them to the WAL mid-transaction; a spilled page is read
    // back, decrypted and encrypted again (revoke of 100k tokens at 1M: 3.7-3.9 s
    // -> 1.7-2.2 s). The pages past cache_size are freed once the transaction ends.
    // synchronous = FULL: a commit that returned is on disk, even after a power cut.
    TESSERA_TRY(exec("PRAGMA cache_size = -65536;"
                     "PRAGMA cache_spill = 32768;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA temp_store = MEMORY;"));
    auto query = this->query("PRAGMA journal_mode = WAL");
    if (!query)
        return query.error();
    const auto row = query->next();
    if (!row)
        return row.error();
    if (!*row || query->text(0) != QLatin1String("wal"))
        return Error{ErrorCode::Io, QStringLiteral("Could not switch the store to WAL mode.")};
    return {};
}

Status Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    const QString sqliteText =
        message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_free(message);
    return sqliteError(rc, sqliteText, QStringLiteral("SQL failed (%1)").arg(sqlForMessage(sql)));
}

Result<Query> Database::query(std::string_view sql)
{
    const std::string key(sql);
    const auto found = m_statements.find(key);
    if (found != m_statements.end() && !found->second.inUse) {
        found->second.inUse = true;
        return Query(found->second.statement, &found->second.inUse);
    }

    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    const int rc =
        sqlite3_prepare_v2(m_db.get(), key.c_str(), int(key.size() + 1), &statement, &tail);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return sqliteError(m_db.get(), rc,
                           QStringLiteral("Could not prepare SQL (%1)").arg(sqlForMessage(sql)));
    }
    if (!statement || !onlyWhitespace(tail)) {
        sqlite3_finalize(statement);
        return Error::internal(QStringLiteral("query() takes exactly one SQL statement (%1).")
                                   .arg(sqlForMessage(sql)));
    }
    // Busy (the same SQL nested in itself) or a full cache: a one-off statement.
    if (found != m_statements.end() || m_statements.size() >= kMaxCachedStatements)
        return Query(statement, nullptr);
    auto& cached = m_statements[key];
    cached = {statement, true};
    return Query(statement, &cached.inUse);
}

Result<qint64> Database::queryInt(std::string_view sql)
{
    auto query = this->query(sql);
    if (!query)
        return query.error();
    const auto row = query->next();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(
            QStringLiteral("The query returned no row (%1).").arg(sqlForMessage(sql)));
    return query->int64(0);
}

Result<QStringList> Database::queryTexts(std::string_view sql)
{
    auto query = this->query(sql);
    if (!query)
        return query.error();
    QStringList texts;
    for (;;) {
        const auto row = query->next();
        if (!row)
            return row.error();
        if (!*row)
            return texts;
        texts.append(query->text(0));
    }
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db.get());
}

int Database::changes() const
{
    return sqlite3_changes(m_db.get());
}

qint64 Database::dataVersion()
{
    return queryInt("PRAGMA data_version").valueOr(-1);
}

bool Database::inAutocommit() const
{
    return sqlite3_get_autocommit(m_db.get()) != 0;
}

QString Database::lastErrorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db.get()));
}

// --- Query -------------------------------------------------------------------

Query::Query(sqlite3_stmt* statement, bool* inUse)
    : m_statement(statement)
    , m_inUse(inUse)
{}

Query::~Query()
{
    if (!m_statement)
        return;
    if (m_inUse) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        *m_inUse = false;
    } else {
        sqlite3_finalize(m_statement);
    }
}

Query::Query(Query&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_inUse(std::exchange(other.m_inUse, nullptr))
    , m_bindError(other.m_bindError)
{}

void Query::noteBind(int rc)
{
    if (rc != SQLITE_OK && m_bindError == SQLITE_OK)
        m_bindError = rc;
}

Query& Query::bind(int index, qint64 value)
{
    noteBind(sqlite3_bind_int64(m_statement, index, value));
    return *this;
}

Query& Query::bind(int index, const QString& text)
{
    if (text.isNull())
        return bindNull(index);
    const QByteArray utf8 = text.toUtf8();
    noteBind(sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), kTransient));
    return *this;
}

Query& Query::bindUtf8(int index, QByteArrayView utf8)
{
    return bindText(index, utf8, true);
}

Query& Query::bindUtf8Unowned(int index, QByteArrayView utf8)
{
    return bindText(index, utf8, false);
}

Query& Query::bindText(int index, QByteArrayView utf8, bool copy)
{
    static const char kEmpty[1] = {'\0'};
    noteBind(sqlite3_bind_text(m_statement, index, utf8.isEmpty() ? kEmpty : utf8.data(),
                               int(utf8.size()), copy ? kTransient : SQLITE_STATIC));
    return *this;
}

Query& Query::bind(int index, const QByteArray& blob)
{
    if (blob.isNull())
        return bindNull(index);
    // constData() is never null for a non-null QByteArray, so x'' stays a blob.
    noteBind(sqlite3_bind_blob(m_statement, index, blob.constData(), int(blob.size()), kTransient));
    return *this;
}

Query& Query::bindNull(int index)
{
    noteBind(sqlite3_bind_null(m_statement, index));
    return *this;
}

Result<bool> Query::next()
{
    sqlite3* db = sqlite3_db_handle(m_statement);
    if (m_bindError != SQLITE_OK) {
        return sqliteError(m_bindError, QString::fromUtf8(sqlite3_errstr(m_bindError)),
                           QStringLiteral("Could not bind a value"));
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // sqlite3_sql() is the text as prepared, without bound values.
    return sqliteError(
        db, rc, QStringLiteral("SQL failed (%1)").arg(sqlForMessage(sqlite3_sql(m_statement))));
}

Status Query::run()
{
    for (;;) {
        const auto row = next();
        if (!row)
            return row.error();
        if (!*row)
            return {};
    }
}

qint64 Query::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString Query::text(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    if (!text)
        return {};
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

QByteArray Query::blob(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
        return {};
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    if (size == 0)
        return QByteArray("", 0);
    return QByteArray(data, size);
}

bool Query::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace tessera::store
