#pragma once

#include "core/Result.h"
#include "store/Database.h"
#include "store/StoreKey.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace tessera::store {

class Checkpointer;

// One encrypted store file: creation, unlocking, schema migrations, passphrase
// change, online backup, integrity check, and a pool of connections for threads.
//
// Telling non-stores apart: a file shorter than 16 bytes, a plain SQLite file
// ("SQLite format 3\0") and a file whose first byte names no KDF profile are
// NotAStore. Past that, random bytes and a wrong passphrase look the same to
// SQLCipher, so both are WrongPassphrase ("wrong passphrase, or not a Tessera
// store").
class Store
{
public:
    class Lease;

    static constexpr int kMaxIdleConnections = 8;
    // How often a lease checks that the store's files are still the ones at
    // their paths (see SqliteFiles).
    static constexpr int kVerifyIntervalMs = 100;

    // Leases must all have been returned.
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Fails with Conflict when the file exists already. The file is created
    // readable by its owner only.
    static Result<std::unique_ptr<Store>> create(const QString& path, QByteArrayView passphrase,
                                                 KdfProfile profile = KdfProfile::Scrypt);
    // WrongPassphrase, NotAStore (not SQLCipher, too short, unknown KDF profile,
    // written by a newer Tessera) or NotFound; the file is never modified by a
    // failed open.
    static Result<std::unique_ptr<Store>> open(const QString& path, QByteArrayView passphrase);

    QString path() const { return m_path; }
    KdfProfile kdfProfile();
    // PRAGMA user_version: the last migration applied (-1 if unreadable).
    int schemaVersion();

    // A connection for the calling thread, returned to the pool when the Lease
    // goes away. Nested work on one thread must pass the Database& down rather
    // than take a second lease. Thread-safe. Blocks while changePassphrase runs.
    Result<Lease> acquire();

    // Re-encrypts under a new passphrase (new salt, same KDF profile) into
    // "<path>.rekey" and renames it over the file: on failure the file keeps the
    // old passphrase. Conflict while leases are out. Slow (KDF + full copy).
    Status changePassphrase(QByteArrayView newPassphrase);
    // A consistent copy of the live store, under the same passphrase (same key
    // and salt). Conflict when targetPath exists; readers and writers go on.
    Status backupTo(const QString& targetPath);
    // Integrity problems found (empty = healthy): PRAGMA integrity_check on a
    // fresh connection, so every page is read and its HMAC verified (SQLCipher
    // 3.4.1 has no cipher_integrity_check), and PRAGMA foreign_key_check.
    Result<QStringList> check();

    class Lease
    {
    public:
        Lease(Store* store, std::unique_ptr<Database> db);
        ~Lease();
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Database& db() { return *m_db; }
        Database* operator->() { return m_db.get(); }

    private:
        Store* m_store;
        std::unique_ptr<Database> m_db;
    };

private:
    Store(QString path, StoreKey key, std::unique_ptr<Database> first);
    static Status migrate(Database& db);
    // Copies the whole store into a new file attached under `keySpec`, inside one
    // read transaction so that the copy is a consistent snapshot.
    static Status exportTo(Database& db, const QString& targetPath, const QByteArray& keySpec);
    void release(std::unique_ptr<Database> db);

    QString m_path;
    std::mutex m_poolMutex; // guards everything below
    StoreKey m_key;
    std::vector<std::unique_ptr<Database>> m_idle;
    int m_leased = 0;
    std::atomic<qint64> m_lastVerifiedMs{0};
    // Last: its thread may hold a lease, so it stops before the pool goes.
    std::unique_ptr<Checkpointer> m_checkpointer;
};

} // namespace tessera::store
