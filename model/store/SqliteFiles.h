#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace tessera::store {

// The files SQLite holds open in this process (store, -wal, -shm), and the
// two guarantees Tessera builds on them (docs/ARCHITECTURE.md, «Locks and the
// WAL»):
//
// - Locks that no other code can drop. SQLite's POSIX advisory locks belong to
//   the process, and closing *any* descriptor of the file drops them all: Qt's
//   file dialog sniffing the MIME type of "tessera.store" was enough for another
//   process to believe it was alone, checkpoint, and delete the WAL under a live
//   console. install() makes SQLite lock with open file description (OFD)
//   locks instead, all of a file's locks on one description of our own, so
//   they live until SQLite itself unlocks or closes its last descriptor. They
//   still conflict with classic POSIX locks of other programs.
// - Noticing a replaced file. verifyUnchanged() compares the inode of each file
//   SQLite has open with what its path names now; a store renamed over, or a WAL
//   or shared-memory file deleted or recreated behind us, means our writes
//   would go where no other process reads them. The path is then marked lost
//   for good (this process must open the store again) and writes stop.
class SqliteFiles
{
public:
    // Routes SQLite's open/close/fcntl through this registry. Idempotent; call
    // before the first connection is opened.
    static void install();

    // StoreReplaced when a file SQLite has open for `storePath` (the store or
    // its -wal/-shm) no longer is the file at that path, or when that was found
    // before. Three stat() calls.
    static Status verifyUnchanged(const QString& storePath);
    // Whether verifyUnchanged() has found `storePath` replaced.
    static bool lost(const QString& storePath);
    // The error verifyUnchanged() returns, for callers that already know.
    static Error lostError();

    // The first `size` bytes of `path` (fewer if the file is shorter), read
    // through SQLite's own descriptor so that no other descriptor of a store
    // this process may have open is ever opened and closed.
    static Result<QByteArray> readHeader(const QString& path, int size);
};

} // namespace tessera::store
