#pragma once

#include "api/ApiLimits.h"
#include "api/ApiServer.h"
#include "support/TempEngine.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QString>
#include <memory>

namespace tessera::test {

// One HTTP exchange, as the tests look at it.
struct ApiReply
{
    int status = 0; // 0: no HTTP answer (connection refused, reset, timeout)
    QByteArray body;
    QJsonObject json; // the body parsed, when it is an object
    QString networkError;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray& name) const;

    QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
    QJsonObject auth() const { return json.value(QStringLiteral("auth")).toObject(); }
    QStringList errors() const;
    QStringList warnings() const;
};

// An ApiServer on 127.0.0.1 and an ephemeral port, over a TempEngine, with a
// root token, and a synchronous client for it:
//
//     ApiTestServer api;
//     QVERIFY2(api.isValid(), qPrintable(api.errorMessage()));
//     auto reply = api.call("GET", "auth/token/lookup-self", api.rootToken());
class ApiTestServer
{
public:
    explicit ApiTestServer(const api::ApiLimits& limits = {},
                           const api::ListenConfig& config = ephemeral());
    static api::ListenConfig ephemeral();
    ~ApiTestServer();

    bool isValid() const { return m_errorMessage.isEmpty(); }
    QString errorMessage() const { return m_errorMessage; }

    TempEngine& temp() { return *m_temp; }
    engine::TokenEngine& engine() { return m_temp->engine(); }
    api::ApiServer& server() { return *m_server; }
    QString rootToken() const { return m_rootToken; }
    QString url() const { return m_server->url(); }

    // `path` under /v1 ("auth/token/create"), or from the root with a leading
    // slash ("/gate/check"); `method` GET, POST, PUT, DELETE or LIST.
    ApiReply call(const QByteArray& method, const QString& path, const QString& token = {},
                  const QJsonObject& body = {});
    ApiReply callRaw(const QByteArray& method, const QString& path, const QString& token,
                     const QByteArray& body,
                     const QList<QPair<QByteArray, QByteArray>>& headers = {});

    // Certificates the client trusts (a test's self-signed TLS certificate).
    void trust(const QList<QSslCertificate>& certificates) { m_trusted = certificates; }

    // A service token created through the API by the root token.
    QString createToken(const QJsonObject& request = {});
    // A token with exactly these policies (and default), created by the root token.
    QString tokenWith(const QStringList& policies);
    // A policy written by the store owner; `rules` in Vault's HCL.
    bool addPolicy(const QString& name, const QString& rules);

private:
    std::unique_ptr<TempEngine> m_temp;
    std::unique_ptr<api::ApiServer> m_server;
    QNetworkAccessManager m_network;
    QString m_rootToken;
    QString m_errorMessage;
    QList<QSslCertificate> m_trusted;
};

// A bare HTTP/1.1 exchange over a socket: for what QNetworkAccessManager
// cannot send (huge headers, slow clients, lying Content-Length).
QByteArray rawExchange(quint16 port, const QByteArray& bytes, int timeoutMs = 5000);

} // namespace tessera::test
