#include "audit/AuditCursor.h"

#include "audit/PersonalFields.h"
#include "store/Database.h"

#include <sqlite3.h>

namespace tessera::audit {
namespace {

constexpr char kSelectRange[] =
    "SELECT seq, time_ms, operation, actor, targets, client, request_id, "
    "outcome, details, mac, chain, personal, salt, digest FROM audit WHERE seq BETWEEN ? AND ? "
    "ORDER BY seq";

enum Column
{
    Sequence,
    TimeMs,
    Operation,
    Actor,
    Targets,
    Client,
    RequestId,
    Outcome,
    Details,
    Mac,
    Chain,
    Personal,
    Salt,
    Digest
};

Error cursorError(sqlite3* db, int rc)
{
    const QString message = QStringLiteral("Could not read the audit log: %1.")
                                .arg(QString::fromUtf8(sqlite3_errmsg(db)));
    if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        return {ErrorCode::StoreCorrupt, message};
    if ((rc & 0xff) == SQLITE_IOERR)
        return {ErrorCode::Io, message};
    return Error::internal(message);
}

} // namespace

void AuditCursor::Finalizer::operator()(sqlite3_stmt* statement) const
{
    sqlite3_finalize(statement);
}

AuditCursor::~AuditCursor() = default;

Result<AuditCursor> AuditCursor::open(store::Database& db, qint64 first, qint64 last)
{
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v2(db.handle(), kSelectRange, int(sizeof kSelectRange),
                                      &statement, nullptr);
    AuditCursor cursor(statement);
    if (rc != SQLITE_OK)
        return cursorError(db.handle(), rc);
    if (sqlite3_bind_int64(statement, 1, first) != SQLITE_OK ||
        sqlite3_bind_int64(statement, 2, last) != SQLITE_OK)
        return cursorError(db.handle(), sqlite3_errcode(db.handle()));
    return cursor;
}

Result<bool> AuditCursor::next()
{
    const int rc = sqlite3_step(m_statement.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return cursorError(sqlite3_db_handle(m_statement.get()), rc);
}

qint64 AuditCursor::sequence() const
{
    return sqlite3_column_int64(m_statement.get(), Sequence);
}

QByteArrayView AuditCursor::text(int column) const
{
    // sqlite3_column_bytes must follow sqlite3_column_text: the text call may
    // convert the value, and the size is that of the converted bytes.
    const auto* data =
        reinterpret_cast<const char*>(sqlite3_column_text(m_statement.get(), column));
    return QByteArrayView(data, data ? sqlite3_column_bytes(m_statement.get(), column) : 0);
}

CanonicalFields AuditCursor::fields(DigestBuffer& digest) const
{
    CanonicalFields fields{sequence(),      sqlite3_column_int64(m_statement.get(), TimeMs),
                           text(Operation), text(Actor),
                           text(Targets),   text(Client),
                           text(RequestId), text(Outcome),
                           text(Details),   {},
                           kChainRule1};
    if (sqlite3_column_int(m_statement.get(), Chain) == kChainRule1)
        return fields;
    fields.rule = kChainRule2;
    if (const QByteArrayView salt = blob(Salt); salt.data()) {
        PersonalFields::digestInto(salt, text(Personal), digest.data());
        fields.personalDigest = QByteArrayView(digest.data(), qsizetype(digest.size()));
    } else if (const QByteArrayView stored = blob(Digest); stored.data()) {
        fields.personalDigest = stored; // the personal part was removed
    } else {
        fields.personalDigest = PersonalFields::noPersonalDigest();
    }
    return fields;
}

QByteArrayView AuditCursor::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement.get(), column));
    return QByteArrayView(data, data ? sqlite3_column_bytes(m_statement.get(), column) : 0);
}

QByteArrayView AuditCursor::mac() const
{
    return blob(Mac);
}

} // namespace tessera::audit
