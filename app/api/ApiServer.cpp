#include "api/ApiServer.h"

#include "api/ApiHttpServer.h"
#include "api/ConnectionGuard.h"
#include "api/UnixListener.h"
#include "engine/TokenEngine.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>

namespace tessera::api {
namespace {

Result<QSslConfiguration> loadTls(const ListenConfig& config)
{
    if (!QSslSocket::supportsSsl())
        return Error::internal(QStringLiteral("TLS is not available (no OpenSSL backend for Qt)"));
    const QList<QSslCertificate> chain =
        QSslCertificate::fromPath(config.tlsCertificate, QSsl::Pem);
    if (chain.isEmpty()) {
        return Error::invalid(
            QStringLiteral("no PEM certificate in %1").arg(config.tlsCertificate));
    }
    QFile keyFile(config.tlsKey);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("cannot read the TLS key %1").arg(config.tlsKey));
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        return Error::invalid(
            QStringLiteral("no unencrypted PEM private key in %1").arg(config.tlsKey));
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(chain.constFirst());
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

} // namespace

ApiServer::ApiServer(engine::TokenEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
{}

ApiServer::~ApiServer() = default;

Status ApiServer::fail(const Error& error)
{
    Q_EMIT failed(error.message);
    return error;
}

Status ApiServer::start(const ListenConfig& config, const ApiLimits& limits)
{
    stop();
    if (auto checked = config.check(); !checked.ok())
        return fail(checked.error());
    std::optional<QSslConfiguration> tls;
    if (config.tls()) {
        auto loaded = loadTls(config);
        if (!loaded.ok())
            return fail(loaded.error());
        tls = std::move(*loaded);
    }
    auto http = std::make_unique<ApiHttpServer>(m_engine, limits);
    http->configureGate(config.gate, config.tls());
    const bool unix = !config.socketPath.isEmpty();
    std::unique_ptr<QTcpServer> listener =
        ConnectionGuard::makeServer(limits, tls ? &*tls : nullptr, http->checkShortcut(),
                                    unix ? QStringLiteral("unix") : QString());
    if (unix) {
        if (auto listening = UnixListener::listen(config.socketPath, *listener); !listening.ok())
            return fail(listening.error());
    } else if (!listener->listen(config.address, config.port)) {
        return fail(Error{
            ErrorCode::Io,
            QStringLiteral("cannot listen on %1: %2").arg(config.url(), listener->errorString())});
    }
    m_http = std::move(http);
    m_port = unix ? 0 : listener->serverPort();
    m_http->bind(listener.release()); // the HTTP server becomes its parent
    m_config = config;
    m_url = config.url(m_port);
    m_engine.oidc().setIssuer(config.issuer.isEmpty() ? m_url + QStringLiteral("/v1/identity/oidc")
                                                      : config.issuer);
    Q_EMIT started(m_url);
    return {};
}

void ApiServer::stop()
{
    if (!m_http)
        return;
    // Deleting the HTTP server deletes its listening socket and, with it, the
    // connections it accepted.
    m_http.reset();
    m_url.clear();
    m_port = 0;
    Q_EMIT stopped();
}

} // namespace tessera::api
