#pragma once

#include "store/Store.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace tessera::test {

// A fresh store in its own temporary directory, keyed with the cheap test KDF
// (KdfProfile::TestOnlyCheap: never in production code paths). Everything is
// deleted with the object.
//
//     TempStore temp;
//     QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
//     auto lease = temp.store().acquire();
class TempStore
{
public:
    static constexpr const char* kPassphrase = "test passphrase";

    explicit TempStore(QByteArrayView passphrase = kPassphrase);

    // A QTemporaryDir template on tmpfs (/dev/shm) when there is one: stores
    // commit with synchronous = FULL, and an fsync on a real disk costs ~6 ms.
    static QString temporaryDirTemplate();

    bool isValid() const { return m_store != nullptr; }
    QString errorMessage() const { return m_errorMessage; }

    store::Store& store() { return *m_store; }
    // The store file, and a directory for any other files a test needs.
    QString path() const { return m_path; }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

    // Closes the store (every lease must be back), e.g. to inspect the file.
    void close() { m_store.reset(); }
    // Opens the file again with the passphrase given at construction.
    bool reopen();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_passphrase;
    QString m_errorMessage;
    std::unique_ptr<store::Store> m_store;
};

} // namespace tessera::test
