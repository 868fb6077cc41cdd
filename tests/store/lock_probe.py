#!/usr/bin/env python3
"""Another process's view of a store's SQLite locks (classic POSIX F_GETLK,
which also sees OFD locks).

    lock_probe.py check STORE   prints "store:held|free shm:held|free"
    lock_probe.py hold STORE    read-locks the store as a SQLite reader does,
                                prints "holding", keeps it until stdin closes
"""
import fcntl
import os
import struct
import sys

SHARED_FIRST = 0x40000002  # SQLite's shared range on the database file
SHARED_SIZE = 510
SHM_DMS = 128  # the shared-memory file's "dead man switch" byte (SQLite 3.15)
FLOCK = "hhqqixxxx"  # struct flock on x86-64 and aarch64 Linux


def held(path, start, length):
    fd = os.open(path, os.O_RDWR)
    try:
        request = struct.pack(FLOCK, fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, request)
        return struct.unpack(FLOCK, answer)[0] != fcntl.F_UNLCK
    finally:
        os.close(fd)


def main():
    mode, store = sys.argv[1], sys.argv[2]
    if mode == "check":
        states = [("store", store, SHARED_FIRST, SHARED_SIZE), ("shm", store + "-shm", SHM_DMS, 1)]
        print(" ".join("%s:%s" % (name, "held" if held(path, start, length) else "free")
                       for name, path, start, length in states))
        return
    fd = os.open(store, os.O_RDWR)
    fcntl.fcntl(fd, fcntl.F_SETLK, struct.pack(FLOCK, fcntl.F_RDLCK, os.SEEK_SET, SHARED_FIRST, SHARED_SIZE, 0))
    print("holding", flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
