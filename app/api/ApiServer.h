#pragma once

#include "api/ApiLimits.h"
#include "api/ListenConfig.h"
#include "core/Result.h"

#include <QObject>
#include <QString>
#include <memory>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::api {

class ApiHttpServer;

// The Vault-compatible HTTP API as one object the console embeds and
// `tessera-cli serve` runs:
//
//     api::ApiServer server(engine);
//     connect(&server, &api::ApiServer::started, statusBar, ...);
//     if (auto status = server.start(config); !status.ok()) ...
//
// start() checks the configuration (a non-loopback address needs TLS unless
// `insecure`), loads the TLS files and listens; on success it emits started()
// with the URL before it returns. stop() closes the listening socket and
// every connection, and waits for the requests still being handled. The
// thread that owns this object (the GUI thread in the console) parses and
// writes and answers lookup-self from memory; every handler that may wait for
// the store runs on a worker thread (ApiHttpServer). The engine is
// thread-safe, so the console's own use of it is unaffected.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    explicit ApiServer(engine::TokenEngine& engine, QObject* parent = nullptr);
    ~ApiServer() override;

    // Stops first when already running. Errors (a refused address, unreadable
    // TLS files, a port in use) are returned and also emitted as failed().
    Status start(const ListenConfig& config, const ApiLimits& limits = {});
    void stop();

    bool isRunning() const { return m_http != nullptr; }
    // The URL clients use ("https://10.0.0.5:8200"); empty when stopped.
    QString url() const { return m_url; }
    QHostAddress address() const { return m_config.address; }
    quint16 port() const { return m_port; } // the actual port (also with port 0)

Q_SIGNALS:
    void started(const QString& url);
    void stopped();
    void failed(const QString& message);

private:
    Status fail(const Error& error);

    engine::TokenEngine& m_engine;
    std::unique_ptr<ApiHttpServer> m_http;
    ListenConfig m_config;
    quint16 m_port = 0;
    QString m_url;
};

} // namespace tessera::api
