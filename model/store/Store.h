#pragma once

#include "core/Result.h"
#include "store/Database.h"
#include "store/StoreKey.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace tessera::store {

// One encrypted store file: creation, unlocking, schema migrations, passphrase
// change, online backup, integrity check, and a pool of connections for threads.
class Store
{
public:
    class Lease;

    ~Store();

    // Fails with Conflict when the file exists already.
    static Result<std::unique_ptr<Store>> create(const QString& path, QByteArrayView passphrase,
                                                 KdfProfile profile = KdfProfile::Scrypt);
    // WrongPassphrase, NotAStore (not SQLCipher, too short, unknown KDF profile)
    // or NotFound; the file is never modified by a failed open.
    static Result<std::unique_ptr<Store>> open(const QString& path, QByteArrayView passphrase);

    QString path() const { return m_path; }
    int schemaVersion();

    // A connection for the calling thread, returned to the pool when the Lease
    // goes away. Nested work on one thread must pass the Database& down rather
    // than take a second lease.
    Result<Lease> acquire();

    // Re-encrypts under a new passphrase (new salt); atomic: on failure the file
    // keeps the old passphrase. Other leases must be returned first.
    Status changePassphrase(QByteArrayView newPassphrase);
    // A consistent copy of the live store, under the same passphrase.
    Status backupTo(const QString& targetPath);
    // Integrity problems found (empty = healthy).
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
    Store(QString path, StoreKey key);
    Result<std::unique_ptr<Database>> openConnection();
    void release(std::unique_ptr<Database> db);

    QString m_path;
    StoreKey m_key;
    std::mutex m_poolMutex;
    std::vector<std::unique_ptr<Database>> m_idle;
};

} // namespace tessera::store
