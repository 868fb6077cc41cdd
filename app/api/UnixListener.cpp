#include "api/UnixListener.h"

#include <QFile>
#include <QTcpServer>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <utility>

namespace tessera::api {
namespace {

// A socket descriptor until something else owns it.
class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

Error failure(const QString& path, const QString& what)
{
    return Error{ErrorCode::Io, QStringLiteral("cannot listen on unix:%1: %2").arg(path, what)};
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

sockaddr_un addressOf(const QByteArray& path)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    return address;
}

// Whether a process accepts connections on the socket file at `path`.
bool someoneListens(const sockaddr_un& address)
{
    const Descriptor probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (probe.get() < 0)
        return true; // cannot tell: do not take the path away
    if (::connect(probe.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0)
        return true;
    return errno != ECONNREFUSED && errno != ENOENT;
}

} // namespace

UnixListener::UnixListener(QByteArray path, dev_t device, ino_t inode, QObject* server)
    : QObject(server)
    , m_path(std::move(path))
    , m_device(device)
    , m_inode(inode)
{}

UnixListener::~UnixListener()
{
    struct stat now
    {};
    if (::lstat(m_path.constData(), &now) == 0 && now.st_dev == m_device && now.st_ino == m_inode)
        ::unlink(m_path.constData());
}

Status UnixListener::listen(const QString& path, QTcpServer& server)
{
    const QByteArray encoded = QFile::encodeName(path);
    if (!path.startsWith(u'/'))
        return failure(path, QStringLiteral("the path must be absolute"));
    if (encoded.size() > kMaxPathBytes || encoded.contains('\0'))
        return failure(path, QStringLiteral("the path is longer than %1 bytes").arg(kMaxPathBytes));
    const sockaddr_un address = addressOf(encoded);

    struct stat existing
    {};
    if (::lstat(encoded.constData(), &existing) == 0) {
        if (!S_ISSOCK(existing.st_mode))
            return failure(path, QStringLiteral("a file that is not a socket is in the way"));
        if (someoneListens(address))
            return failure(path, QStringLiteral("another server listens there"));
        ::unlink(encoded.constData()); // left by a server that did not stop cleanly
    }

    Descriptor socket(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (socket.get() < 0)
        return failure(path, systemError());
    if (::bind(socket.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        return failure(path, systemError());
    // Owner and group may connect (give the proxy's user the group), others not;
    // set before listen(), so nobody else connects in between.
    struct stat made
    {};
    if (::chmod(encoded.constData(), 0660) != 0 || ::lstat(encoded.constData(), &made) != 0 ||
        ::listen(socket.get(), SOMAXCONN) != 0) {
        const QString reason = systemError();
        ::unlink(encoded.constData());
        return failure(path, reason);
    }
    // The listener first, so that a refusal below still removes the file.
    new UnixListener(encoded, made.st_dev, made.st_ino, &server); // the server's child
    if (!server.setSocketDescriptor(socket.get()))
        return failure(path, server.errorString());
    socket.release(); // the server closes it
    return {};
}

} // namespace tessera::api
