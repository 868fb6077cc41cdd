#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace tessera::store {
class Database;
}

namespace tessera::engine {

// The private key/value store of one service token (Vault's cubbyhole/*): a
// path maps to a JSON object. Nobody else can reach it, not even root; it goes
// with the token (Revocation deletes the rows in the same transaction).
//
// Paths are relative to "cubbyhole/": no leading or trailing '/', no empty,
// "." or ".." segments, no control characters. A folder is the prefix of
// deeper paths; it exists only through them.
//
// Runs on the connection it is given, inside the caller's transaction.
class Cubbyhole
{
public:
    static constexpr qsizetype kMaxPathLength = 512;
    static constexpr qsizetype kMaxValueBytes = 64 * 1024; // the value as compact JSON
    static constexpr int kMaxEntries = 1000;               // per token

    Cubbyhole(store::Database& db, qint64 tokenId)
        : m_db(db)
        , m_tokenId(tokenId)
    {}

    // InvalidArgument naming what is wrong with the path; never NotFound.
    static Status checkPath(QStringView path);
    // "", "a/" or "a/b/": what list() takes. A missing trailing '/' is added.
    static Result<QString> folderOf(QStringView prefix);

    // NotFound when nothing is stored at `path`.
    Result<QJsonObject> read(const QString& path);
    // Creates or replaces. InvalidArgument for an empty or oversized value, or
    // a full cubbyhole; NotFound when the token no longer exists.
    Status write(const QString& path, const QJsonObject& value);
    // Vault's LIST: the direct children of `folder`, sorted, sub-folders with a
    // trailing '/' ("a", "b/"). Empty when there is nothing under it.
    Result<QStringList> list(const QString& folder);
    // Removing what is not there succeeds (Vault answers 204 either way).
    Status remove(const QString& path);

private:
    store::Database& m_db;
    qint64 m_tokenId;
};

} // namespace tessera::engine
