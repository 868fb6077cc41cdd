#include "api/ListenConfig.h"

namespace tessera::api {

Result<ListenConfig> ListenConfig::parse(const QString& hostPort)
{
    ListenConfig config;
    if (hostPort.startsWith(QLatin1String("unix:"))) {
        config.socketPath = hostPort.mid(5);
        if (!config.socketPath.startsWith(u'/'))
            return Error::invalid(
                QStringLiteral("invalid listen address %1: a Unix socket needs an absolute path")
                    .arg(hostPort));
        return config;
    }
    QString host = hostPort.trimmed();
    QString port;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0)
            return Error::invalid(QStringLiteral("invalid listen address %1").arg(hostPort));
        const QString rest = host.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            return Error::invalid(QStringLiteral("invalid listen address %1").arg(hostPort));
        port = rest.mid(1);
        host = host.mid(1, close - 1);
    } else if (host.count(u':') == 1) {
        const qsizetype colon = host.indexOf(u':');
        port = host.mid(colon + 1);
        host = host.left(colon);
    }
    if (!port.isEmpty() || hostPort.trimmed().endsWith(u':')) {
        bool ok = false;
        const uint number = port.toUInt(&ok);
        if (!ok || number > 65535)
            return Error::invalid(
                QStringLiteral("invalid port in listen address %1").arg(hostPort));
        config.port = static_cast<quint16>(number);
    }
    if (host.isEmpty() || host == QLatin1String("localhost"))
        return config;
    if (!config.address.setAddress(host))
        return Error::invalid(
            QStringLiteral("invalid listen address %1: the host must be an IP address or localhost")
                .arg(hostPort));
    return config;
}

Status ListenConfig::check() const
{
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty())
        return Error::invalid(QStringLiteral("TLS needs both a certificate and a key"));
    if (!socketPath.isEmpty() && tls()) {
        return Error::invalid(QStringLiteral(
            "a Unix socket is served without TLS: its file permissions decide who connects"));
    }
    if (!tls() && !insecure && !address.isLoopback()) {
        return Error::invalid(
            QStringLiteral("refusing to serve plain HTTP on %1, which is not a loopback address: "
                           "give a TLS certificate and key, or accept the risk with "
                           "--insecure-listen")
                .arg(address.toString()));
    }
    return {};
}

QString ListenConfig::url(quint16 actualPort) const
{
    if (!socketPath.isEmpty())
        return QStringLiteral("unix:") + socketPath;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    return QStringLiteral("%1://%2:%3")
        .arg(tls() ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(actualPort != 0 ? actualPort : port);
}

} // namespace tessera::api
