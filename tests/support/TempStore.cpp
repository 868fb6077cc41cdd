#include "support/TempStore.h"

#include <QDir>
#include <QFileInfo>

namespace tessera::test {

QString TempStore::temporaryDirTemplate()
{
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    const QString base = shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
    return base + QStringLiteral("/tessera-test-XXXXXX");
}

TempStore::TempStore(QByteArrayView passphrase)
    : m_dir(temporaryDirTemplate())
    , m_path(m_dir.filePath(QStringLiteral("store.tessera")))
    , m_passphrase(passphrase.toByteArray())
{
    if (!m_dir.isValid()) {
        m_errorMessage = QStringLiteral("Could not create a temporary directory.");
        return;
    }
    auto created = store::Store::create(m_path, m_passphrase, KdfProfile::TestOnlyCheap);
    if (!created) {
        m_errorMessage = created.error().message;
        return;
    }
    m_store = std::move(*created);
}

bool TempStore::reopen()
{
    m_store.reset();
    auto opened = store::Store::open(m_path, m_passphrase);
    if (!opened) {
        m_errorMessage = opened.error().message;
        return false;
    }
    m_store = std::move(*opened);
    return true;
}

} // namespace tessera::test
