#include "ApiTestServer.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>

namespace tessera::test {
namespace {

QStringList stringsOf(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array)
        list.append(item.toString());
    return list;
}

} // namespace

QStringList ApiReply::errors() const
{
    return stringsOf(json.value(QStringLiteral("errors")));
}

QByteArray ApiReply::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QStringList ApiReply::warnings() const
{
    return stringsOf(json.value(QStringLiteral("warnings")));
}

api::ListenConfig ApiTestServer::ephemeral()
{
    api::ListenConfig config;
    config.port = 0;
    return config;
}

ApiTestServer::ApiTestServer(const api::ApiLimits& limits, const api::ListenConfig& config)
    : m_temp(std::make_unique<TempEngine>())
{
    if (!m_temp->isValid()) {
        m_errorMessage = m_temp->errorMessage();
        return;
    }
    auto root = m_temp->engine().tokens().createRootToken(TempEngine::owner());
    if (!root.ok()) {
        m_errorMessage = root.error().message;
        return;
    }
    m_rootToken = root->token;
    m_server = std::make_unique<api::ApiServer>(m_temp->engine());
    if (auto started = m_server->start(config, limits); !started.ok())
        m_errorMessage = started.error().message;
}

ApiTestServer::~ApiTestServer()
{
    m_server.reset();
}

ApiReply ApiTestServer::call(const QByteArray& method, const QString& path, const QString& token,
                             const QJsonObject& body)
{
    return callRaw(method, path, token,
                   body.isEmpty() ? QByteArray()
                                  : QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiReply ApiTestServer::callRaw(const QByteArray& method, const QString& path, const QString& token,
                                const QByteArray& body,
                                const QList<QPair<QByteArray, QByteArray>>& headers)
{
    // Paths with a leading slash are outside /v1 (the gate's).
    QNetworkRequest request(
        QUrl(url() + (path.startsWith(u'/') ? path : QStringLiteral("/v1/") + path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // Each answer as the server sent it: a gate's 303 is looked at, not followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("X-Vault-Token"), token.toUtf8());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    if (!m_trusted.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_trusted);
        request.setSslConfiguration(tls);
    }
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    loop.exec();

    ApiReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.json = QJsonDocument::fromJson(result.body).object();
    if (reply->error() != QNetworkReply::NoError)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

QString ApiTestServer::createToken(const QJsonObject& request)
{
    return call("POST", QStringLiteral("auth/token/create"), m_rootToken, request)
        .auth()
        .value(QStringLiteral("client_token"))
        .toString();
}

QString ApiTestServer::tokenWith(const QStringList& policies)
{
    return createToken({{QStringLiteral("policies"), QJsonArray::fromStringList(policies)}});
}

bool ApiTestServer::addPolicy(const QString& name, const QString& rules)
{
    return engine().admin().putPolicy(TempEngine::owner(), name, rules).ok();
}

QByteArray rawExchange(quint16 port, const QByteArray& bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { answer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    answer += socket.readAll();
    return answer;
}

} // namespace tessera::test
