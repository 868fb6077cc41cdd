#pragma once

#include "audit/CanonicalFields.h"
#include "core/Result.h"

#include <QByteArrayView>
#include <array>
#include <memory>

struct sqlite3_stmt;

namespace tessera::store {
class Database;
}

namespace tessera::audit {

// Streams the audit table in sequence order straight from SQLite's column
// buffers: no QString, no allocation per row. The verifier's hot path; the
// views it hands out stay valid until the next call to next().
//
// It prepares its own statement on the connection (the store's Query copies
// every column into a QString or QByteArray, which costs more than the MAC).
class AuditCursor
{
public:
    // Rows with first <= seq <= last, in sequence order.
    static Result<AuditCursor> open(store::Database& db, qint64 first, qint64 last);

    AuditCursor(AuditCursor&&) noexcept = default;
    AuditCursor& operator=(AuditCursor&&) noexcept = default;
    ~AuditCursor();

    // true while a row is available.
    Result<bool> next();

    // Room for the personal digest a rule 2 record's canonical form covers.
    using DigestBuffer = std::array<char, 32>;

    qint64 sequence() const;
    // The record's canonical fields under its chain rule. For rule 2 the
    // personal digest is computed into `digest` from the salt and personal part
    // while the record holds them, and is the stored digest once they were
    // removed (or zeros when it never had any): hashed once, and only when needed.
    CanonicalFields fields(DigestBuffer& digest) const;
    QByteArrayView mac() const;

private:
    struct Finalizer
    {
        void operator()(sqlite3_stmt* statement) const;
    };
    explicit AuditCursor(sqlite3_stmt* statement)
        : m_statement(statement)
    {}
    QByteArrayView text(int column) const;
    QByteArrayView blob(int column) const;

    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

} // namespace tessera::audit
