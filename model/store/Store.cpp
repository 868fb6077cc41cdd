#include "store/Store.h"

#include "core/SecretBytes.h"
#include "store/Checkpointer.h"
#include "store/Schema.h"
#include "store/SqliteFiles.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <chrono>
#include <filesystem>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace tessera::store {
namespace {

constexpr QByteArrayView kPlainSqliteHeader("SQLite format 3\0", 16);

int latestSchemaVersion()
{
    return migrations().isEmpty() ? 0 : migrations().back().version;
}

Error ioError(const QString& message)
{
    return {ErrorCode::Io, message};
}

// fsync, so that a rename never publishes a file whose data is still in the
// page cache (a crash could otherwise leave an empty store behind the new name).
Status syncPath(const QString& path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("Could not open %1 to flush it to disk.").arg(path));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return ioError(QStringLiteral("Could not flush %1 to disk.").arg(path));
#else
    Q_UNUSED(path)
#endif
    return {};
}

// An empty file only we can read, created exclusively: nobody else's file is
// ever overwritten or removed, and SQLite takes an empty file as an empty
// database. SQLite gives its -wal and -shm files the same permissions.
Status createPrivateFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (file.exists())
            return Error{ErrorCode::Conflict, QStringLiteral("%1 exists already.").arg(path)};
        return ioError(QStringLiteral("Could not create %1: %2.").arg(path, file.errorString()));
    }
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
        return ioError(QStringLiteral("Could not restrict the permissions of %1.").arg(path));
    return {};
}

void removeDatabaseFiles(const QString& path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    QFile::remove(path + QStringLiteral("-journal"));
}

Status runQuery(Database& db, std::string_view sql)
{
    auto query = db.query(sql);
    if (!query)
        return query.error();
    return query->run();
}

Status attach(Database& db, const QString& path, const QByteArray& keySpec)
{
    // Path and key are bound, so neither can end up in an error message.
    auto query = db.query("ATTACH DATABASE ? AS tessera_copy KEY ?");
    if (!query)
        return query.error();
    query->bind(1, path).bind(2, keySpec);
    return query->run();
}

} // namespace

// --- opening -----------------------------------------------------------------

Store::Store(QString path, StoreKey key, std::unique_ptr<Database> first)
    : m_path(std::move(path))
    , m_key(std::move(key))
    , m_checkpointer(std::make_unique<Checkpointer>(*this))
{
    m_checkpointer->watch(first->handle());
    m_idle.push_back(std::move(first));
}

Store::~Store()
{
    m_checkpointer.reset();
    Q_ASSERT_X(m_leased == 0, "Store", "destroyed while leases are out");
}

Result<std::unique_ptr<Store>> Store::create(const QString& path, QByteArrayView passphrase,
                                             KdfProfile profile)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QFileInfo::exists(absolute))
        return Error{ErrorCode::Conflict,
                     QStringLiteral("A file already exists at %1.").arg(absolute)};
    auto key = StoreKey::derive(passphrase, profile);
    if (!key)
        return key.error();
    TESSERA_TRY(createPrivateFile(absolute));

    QByteArray spec = key->keySpec();
    auto db = Database::open(absolute, spec, true);
    SecretBytes::wipe(spec);
    Status migrated = db ? migrate(**db) : Status(db.error());
    if (!migrated) {
        if (db)
            db->reset();
        removeDatabaseFiles(absolute);
        return migrated.error();
    }
    return std::unique_ptr<Store>(new Store(absolute, std::move(*key), std::move(*db)));
}

Result<std::unique_ptr<Store>> Store::open(const QString& path, QByteArrayView passphrase)
{
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    if (!info.exists())
        return Error::notFound(QStringLiteral("There is no store at %1.").arg(absolute));
    if (!info.isFile())
        return Error{ErrorCode::NotAStore, QStringLiteral("%1 is not a file.").arg(absolute)};

    // Through SQLite: this process may have the store open already (the console
    // checks a passphrase this way), and a descriptor of our own, closed again,
    // would drop that connection's locks.
    const auto header = SqliteFiles::readHeader(absolute, StoreKey::kSaltSize);
    if (!header)
        return header.error();
    const QByteArray& salt = *header;
    if (salt.size() < StoreKey::kSaltSize)
        return Error{ErrorCode::NotAStore,
                     QStringLiteral("%1 is too short to be a Tessera store.").arg(absolute)};
    if (QByteArrayView(salt) == kPlainSqliteHeader)
        return Error{ErrorCode::NotAStore,
                     QStringLiteral("%1 is an unencrypted SQLite database, not a Tessera store.")
                         .arg(absolute)};

    auto key = StoreKey::deriveForSalt(passphrase, salt);
    if (!key)
        return key.error();
    QByteArray spec = key->keySpec();
    auto db = Database::open(absolute, spec, false);
    SecretBytes::wipe(spec);
    if (!db)
        return db.error();

    const auto version = (*db)->queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    if (*version > latestSchemaVersion()) {
        return Error{ErrorCode::NotAStore,
                     QStringLiteral("%1 was written by a newer Tessera (schema %2; this version "
                                    "knows up to %3).")
                         .arg(absolute)
                         .arg(*version)
                         .arg(latestSchemaVersion())};
    }
    TESSERA_TRY(migrate(**db));
    return std::unique_ptr<Store>(new Store(absolute, std::move(*key), std::move(*db)));
}

Status Store::migrate(Database& db)
{
    const auto before = db.queryInt("PRAGMA user_version");
    if (!before)
        return before.error();
    for (const Migration& step : migrations()) {
        if (step.version <= *before)
            continue;
        Transaction transaction(db, Transaction::Mode::Immediate);
        TESSERA_TRY(transaction.begun());
        // Read again under the write lock: another process may have migrated.
        const auto current = db.queryInt("PRAGMA user_version");
        if (!current)
            return current.error();
        if (step.version <= *current)
            continue;
        if (const Status applied = db.exec(step.sql); !applied) {
            return Error{applied.error().code, QStringLiteral("Schema migration %1 failed: %2")
                                                   .arg(step.version)
                                                   .arg(applied.error().message)};
        }
        // PRAGMA takes no bound parameters; the version is our own integer.
        TESSERA_TRY(db.exec("PRAGMA user_version = " + std::to_string(step.version)));
        TESSERA_TRY(transaction.commit());
    }
    return {};
}

KdfProfile Store::kdfProfile()
{
    const std::lock_guard lock(m_poolMutex);
    return m_key.profile();
}

int Store::schemaVersion()
{
    auto lease = acquire();
    if (!lease)
        return -1;
    return int(lease->db().queryInt("PRAGMA user_version").valueOr(-1));
}

// --- the pool ----------------------------------------------------------------

Result<Store::Lease> Store::acquire()
{
    // Writers check their files at every BEGIN IMMEDIATE; readers (the console's
    // watcher, lookups) notice a replaced file within kVerifyIntervalMs. Once
    // found replaced, nothing more is read or written here.
    const qint64 now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now().time_since_epoch())
                           .count();
    if (now - m_lastVerifiedMs.load(std::memory_order_relaxed) >= kVerifyIntervalMs) {
        m_lastVerifiedMs.store(now, std::memory_order_relaxed);
        TESSERA_TRY(SqliteFiles::verifyUnchanged(m_path));
    } else if (SqliteFiles::lost(m_path)) {
        return SqliteFiles::lostError();
    }
    std::unique_lock lock(m_poolMutex);
    ++m_leased;
    if (!m_idle.empty()) {
        auto db = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(this, std::move(db));
    }
    QByteArray spec = m_key.keySpec();
    lock.unlock();

    // Opening with the stored key costs no KDF, only the first page's decryption.
    auto db = Database::open(m_path, spec, false);
    SecretBytes::wipe(spec);
    if (!db) {
        lock.lock();
        --m_leased;
        return db.error();
    }
    m_checkpointer->watch((*db)->handle());
    return Lease(this, std::move(*db));
}

void Store::release(std::unique_ptr<Database> db)
{
    // A caller that forgot its transaction must not hand it to the next one.
    if (!db->inAutocommit())
        (void)db->exec("ROLLBACK");
    std::unique_lock lock(m_poolMutex);
    --m_leased;
    if (int(m_idle.size()) < kMaxIdleConnections) {
        m_idle.push_back(std::move(db));
        return;
    }
    lock.unlock();
    db.reset();
}

Store::Lease::Lease(Store* store, std::unique_ptr<Database> db)
    : m_store(store)
    , m_db(std::move(db))
{}

Store::Lease::~Lease()
{
    if (m_db)
        m_store->release(std::move(m_db));
}

// --- copies --------------------------------------------------------------------

Status Store::exportTo(Database& db, const QString& targetPath, const QByteArray& keySpec)
{
    TESSERA_TRY(attach(db, targetPath, keySpec));
    Status exported = [&]() -> Status {
        // Must match what Database::open sets, or the copy will not open.
        TESSERA_TRY(db.exec("PRAGMA tessera_copy.cipher_page_size = 4096"));
        Transaction snapshot(db, Transaction::Mode::Deferred);
        TESSERA_TRY(snapshot.begun());
        // The first read fixes the snapshot that the whole export sees.
        const auto version = db.queryInt("PRAGMA main.user_version");
        if (!version)
            return version.error();
        TESSERA_TRY(db.exec("SELECT sqlcipher_export('tessera_copy')"));
        // sqlcipher_export copies tables and indexes, not the header's version.
        TESSERA_TRY(db.exec("PRAGMA tessera_copy.user_version = " + std::to_string(*version)));
        return snapshot.commit();
    }();
    const Status detached = runQuery(db, "DETACH DATABASE tessera_copy");
    TESSERA_TRY(exported);
    TESSERA_TRY(detached);
    return syncPath(targetPath);
}

Status Store::backupTo(const QString& targetPath)
{
    const QString absolute = QFileInfo(targetPath).absoluteFilePath();
    if (QFileInfo::exists(absolute))
        return Error{ErrorCode::Conflict,
                     QStringLiteral("A file already exists at %1; a backup never overwrites.")
                         .arg(absolute)};
    auto lease = acquire();
    if (!lease)
        return lease.error();
    TESSERA_TRY(createPrivateFile(absolute));
    QByteArray spec;
    {
        const std::lock_guard lock(m_poolMutex);
        spec = m_key.keySpec();
    }
    const Status exported = exportTo(lease->db(), absolute, spec);
    SecretBytes::wipe(spec);
    if (!exported) {
        removeDatabaseFiles(absolute);
        return Error{exported.error().code,
                     QStringLiteral("The backup failed: %1").arg(exported.error().message)};
    }
    return {};
}

Status Store::changePassphrase(QByteArrayView newPassphrase)
{
    const KdfProfile profile = kdfProfile();
    // Derived before taking the pool: the KDF is the slow part.
    auto newKey = StoreKey::derive(newPassphrase, profile);
    if (!newKey)
        return newKey.error();

    // Held throughout: acquire() waits rather than open the old file mid-swap.
    const std::lock_guard lock(m_poolMutex);
    if (m_leased > 0) {
        return Error{ErrorCode::Conflict,
                     QStringLiteral("The store is in use (%1 connections); finish that work before "
                                    "changing the passphrase.")
                         .arg(m_leased)};
    }
    // Every connection must be closed before the rename; the last one to close
    // checkpoints the WAL into the file and deletes it.
    std::unique_ptr<Database> source;
    if (!m_idle.empty()) {
        source = std::move(m_idle.back());
        m_idle.pop_back();
    }
    m_idle.clear();
    if (!source) {
        QByteArray spec = m_key.keySpec();
        auto opened = Database::open(m_path, spec, false);
        SecretBytes::wipe(spec);
        if (!opened)
            return opened.error();
        source = std::move(*opened);
    }

    const QString temporary = m_path + QStringLiteral(".rekey");
    // Left by an earlier attempt that crashed: never the live store.
    QFile::remove(temporary);
    TESSERA_TRY(createPrivateFile(temporary));
    QByteArray newSpec = newKey->keySpec();
    const Status exported = exportTo(*source, temporary, newSpec);
    SecretBytes::wipe(newSpec);
    if (!exported) {
        removeDatabaseFiles(temporary);
        m_idle.push_back(std::move(source));
        return Error{
            exported.error().code,
            QStringLiteral("The passphrase was not changed: %1").arg(exported.error().message)};
    }

    source.reset();
    // Our last connection checkpoints and deletes the WAL only when no other
    // process has the store open. If one has, renaming the new file over the
    // store would leave it writing into a file nobody reads any more.
    if (QFileInfo::exists(m_path + QStringLiteral("-wal")) ||
        QFileInfo::exists(m_path + QStringLiteral("-shm"))) {
        removeDatabaseFiles(temporary);
        return Error{ErrorCode::Conflict,
                     QStringLiteral("The passphrase was not changed: another program (tessera-cli, "
                                    "an API server or another console) has the store open. Close "
                                    "it and try again.")};
    }
    std::error_code renameError;
    std::filesystem::rename(QFile::encodeName(temporary).toStdString(),
                            QFile::encodeName(m_path).toStdString(), renameError);
    if (renameError) {
        removeDatabaseFiles(temporary);
        return ioError(QStringLiteral("The passphrase was not changed: could not replace %1: %2.")
                           .arg(m_path, QString::fromStdString(renameError.message())));
    }
    m_key = std::move(*newKey);
    // The rename itself is durable once the directory is flushed.
    return syncPath(QFileInfo(m_path).absolutePath());
}

// --- integrity -----------------------------------------------------------------

Result<QStringList> Store::check()
{
    // A fresh connection: a pooled one may answer from its page cache instead of
    // reading (and authenticating) every page on disk.
    QByteArray spec;
    {
        const std::lock_guard lock(m_poolMutex);
        spec = m_key.keySpec();
    }
    auto db = Database::open(m_path, spec, false);
    SecretBytes::wipe(spec);
    QStringList problems;
    if (!db) {
        if (db.error().code == ErrorCode::WrongPassphrase ||
            db.error().code == ErrorCode::NotAStore || db.error().code == ErrorCode::StoreCorrupt) {
            problems << db.error().message;
            return problems;
        }
        return db.error();
    }

    auto readRows = [&](std::string_view sql, auto&& describe) -> Status {
        auto query = (*db)->query(sql);
        if (!query)
            return query.error();
        for (;;) {
            const auto row = query->next();
            if (!row) {
                // A page that fails its HMAC stops the scan with SQLITE_CORRUPT
                // or, once the pager is in its error state, a bare SQLITE_ERROR:
                // either is a finding. Busy and I/O are not the file's fault.
                const ErrorCode code = row.error().code;
                if (code == ErrorCode::Conflict || code == ErrorCode::Io)
                    return row.error();
                problems << QStringLiteral("The check stopped early: %1").arg(row.error().message);
                return {};
            }
            if (!*row)
                return {};
            describe(*query);
        }
    };
    TESSERA_TRY(readRows("PRAGMA integrity_check", [&](Query& row) {
        // One row may hold several findings, one per line.
        for (const QString& line : row.text(0).split(u'\n', Qt::SkipEmptyParts)) {
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("***")))
                problems << line;
        }
    }));
    TESSERA_TRY(readRows("PRAGMA foreign_key_check", [&](Query& row) {
        problems << QStringLiteral("Row %1 of table %2 refers to a missing row in %3.")
                        .arg(row.int64(1))
                        .arg(row.text(0), row.text(2));
    }));
    return problems;
}

} // namespace tessera::store
