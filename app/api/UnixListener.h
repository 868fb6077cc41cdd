#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>
#include <memory>
#include <sys/types.h>

class QTcpServer;

namespace tessera::api {

// A listening Unix-domain stream socket for a reverse proxy on the same
// machine (docs/ARCHITECTURE.md, «The gate»): nginx reaches /gate/check
// through the file system instead of the loopback TCP stack, which costs
// both processes less per check, and only processes that may write to the
// socket file can connect.
//
// listen() makes the socket file (mode 0660), hands the descriptor to
// `server` (a QTcpServer reads a Unix stream socket as it reads TCP), and
// makes itself the server's child: when the server goes, the file goes with
// it, unless another process has put its own socket there meanwhile. A
// socket file nobody listens on (left by a crash) is replaced; anything else
// at the path is left alone and refused.
class UnixListener : public QObject
{
    Q_OBJECT

public:
    // The longest path a socket address holds (sockaddr_un.sun_path).
    static constexpr qsizetype kMaxPathBytes = 107;

    static Status listen(const QString& path, QTcpServer& server);
    ~UnixListener() override;

private:
    UnixListener(QByteArray path, dev_t device, ino_t inode, QObject* server);

    QByteArray m_path;
    dev_t m_device;
    ino_t m_inode;
};

} // namespace tessera::api
