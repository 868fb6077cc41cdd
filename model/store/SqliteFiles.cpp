#include "store/SqliteFiles.h"

#include <QFile>
#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <set>
#include <sqlite3.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tessera::store {
namespace {

using FileId = std::pair<dev_t, ino_t>;

struct OpenFile
{
    std::string path; // as SQLite named it when it opened the first descriptor
    int descriptors = 0;
    int lockFd = -1; // our duplicate: the one description that holds every lock
};

// What SQLite has open in this process. SQLite calls these from any thread.
struct Registry
{
    std::mutex mutex;
    std::unordered_map<int, FileId> byDescriptor;
    std::map<FileId, OpenFile> byFile;
    std::set<std::string> lostPaths;
    std::atomic<bool> anyLost{false}; // lets lost() skip the lock on every lease
};

Registry& registry()
{
    static Registry instance;
    return instance;
}

int trackedOpen(const char* path, int flags, int mode)
{
    const int fd = ::open(path, flags, mode);
    if (fd < 0)
        return fd;
    struct stat info = {};
    // Directories are opened only to fsync them.
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))
        return fd;
    Registry& files = registry();
    const std::lock_guard lock(files.mutex);
    const FileId id{info.st_dev, info.st_ino};
    files.byDescriptor[fd] = id;
    OpenFile& file = files.byFile[id];
    if (file.descriptors++ == 0)
        file.path = path;
    return fd;
}

int trackedClose(int fd)
{
    int lockFd = -1;
    {
        Registry& files = registry();
        const std::lock_guard lock(files.mutex);
        if (const auto found = files.byDescriptor.find(fd); found != files.byDescriptor.end()) {
            const auto file = files.byFile.find(found->second);
            if (file != files.byFile.end() && --file->second.descriptors == 0) {
                lockFd = file->second.lockFd;
                files.byFile.erase(file);
            }
            files.byDescriptor.erase(found);
        }
    }
    const int rc = ::close(fd);
    if (lockFd >= 0) {
        // SQLite's last descriptor is gone: so is every lock it held (as with
        // POSIX locks, which a close drops too).
        const int closeErrno = errno;
        ::close(lockFd);
        errno = closeErrno;
    }
    return rc;
}

// The descriptor whose open file description holds every lock of `fd`'s file,
// made on first use; -1 for a descriptor SQLite did not open through us.
int lockDescriptorFor(int fd)
{
    Registry& files = registry();
    const std::lock_guard lock(files.mutex);
    const auto found = files.byDescriptor.find(fd);
    if (found == files.byDescriptor.end())
        return -1;
    OpenFile& file = files.byFile[found->second];
    if (file.lockFd < 0)
        file.lockFd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return file.lockFd;
}

// SQLite's unix VFS asks for fcntl(int, int, ...) and passes a struct flock*
// for locks, an int otherwise; glibc's own fcntl reads the argument the same way.
int lockingFcntl(int fd, int command, ...)
{
    va_list arguments;
    va_start(arguments, command);
    void* argument = va_arg(arguments, void*);
    va_end(arguments);

    int ofdCommand = 0;
    switch (command) {
    case F_SETLK:
        ofdCommand = F_OFD_SETLK;
        break;
    case F_SETLKW:
        ofdCommand = F_OFD_SETLKW;
        break;
    case F_GETLK:
        ofdCommand = F_OFD_GETLK;
        break;
    default:
        return ::fcntl(fd, command, argument);
    }
    auto* request = static_cast<struct flock*>(argument);
    request->l_pid = 0; // OFD locks require it
    const int lockFd = lockDescriptorFor(fd);
    const int rc = ::fcntl(lockFd >= 0 ? lockFd : fd, ofdCommand, request);
    // A kernel without OFD locks (before Linux 3.15) says EINVAL: classic locks.
    if (rc != 0 && errno == EINVAL)
        return ::fcntl(fd, command, argument);
    return rc;
}

Error replacedError()
{
    return {ErrorCode::StoreReplaced,
            QStringLiteral("The store file was replaced, or its write-ahead log deleted, by "
                           "another program while Tessera had it open. Tessera stopped using it "
                           "so that no change is lost; open the store again.")};
}

} // namespace

void SqliteFiles::install()
{
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
        if (!vfs || !vfs->xSetSystemCall)
            return;
        vfs->xSetSystemCall(vfs, "open", reinterpret_cast<sqlite3_syscall_ptr>(&trackedOpen));
        vfs->xSetSystemCall(vfs, "close", reinterpret_cast<sqlite3_syscall_ptr>(&trackedClose));
        vfs->xSetSystemCall(vfs, "fcntl", reinterpret_cast<sqlite3_syscall_ptr>(&lockingFcntl));
    });
}

Status SqliteFiles::verifyUnchanged(const QString& storePath)
{
    const std::string store = QFile::encodeName(storePath).toStdString();
    const std::array<std::string, 3> paths{store, store + "-wal", store + "-shm"};
    std::vector<std::pair<std::string, FileId>> open;
    Registry& files = registry();
    {
        const std::lock_guard lock(files.mutex);
        if (files.lostPaths.count(store))
            return replacedError();
        for (const auto& [id, file] : files.byFile) {
            if (std::find(paths.begin(), paths.end(), file.path) != paths.end())
                open.emplace_back(file.path, id);
        }
    }
    for (const auto& [path, id] : open) {
        struct stat info = {};
        if (::stat(path.c_str(), &info) != 0 || FileId{info.st_dev, info.st_ino} != id) {
            const std::lock_guard lock(files.mutex);
            files.lostPaths.insert(store);
            files.anyLost = true;
            return replacedError();
        }
    }
    return {};
}

bool SqliteFiles::lost(const QString& storePath)
{
    Registry& files = registry();
    if (!files.anyLost)
        return false;
    const std::lock_guard lock(files.mutex);
    return files.lostPaths.count(QFile::encodeName(storePath).toStdString()) != 0;
}

Error SqliteFiles::lostError()
{
    return replacedError();
}

Result<QByteArray> SqliteFiles::readHeader(const QString& path, int size)
{
    install();
    sqlite3* raw = nullptr;
    // Read-write like every other connection, so that a descriptor SQLite
    // later reuses for locking can take write locks; nothing is written.
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    const std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, &sqlite3_close_v2);
    sqlite3_file* file = nullptr;
    if (rc != SQLITE_OK ||
        sqlite3_file_control(raw, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods) {
        return Error{ErrorCode::Io, QStringLiteral("Could not read %1.").arg(path)};
    }
    sqlite3_int64 fileSize = 0;
    if (file->pMethods->xFileSize(file, &fileSize) != SQLITE_OK)
        return Error{ErrorCode::Io, QStringLiteral("Could not read %1.").arg(path)};
    QByteArray header(int(std::min<sqlite3_int64>(size, fileSize)), '\0');
    if (!header.isEmpty() &&
        file->pMethods->xRead(file, header.data(), int(header.size()), 0) != SQLITE_OK) {
        return Error{ErrorCode::Io, QStringLiteral("Could not read %1.").arg(path)};
    }
    return header;
}

} // namespace tessera::store
