#include "ApiServerControl.h"

#include "api/ApiServer.h"
#include "ui/Preferences.h"

namespace tessera::gui {

ApiServerControl::ApiServerControl(QObject* parent)
    : ui::ServerControl(parent)
{}

ApiServerControl::~ApiServerControl()
{
    stop();
}

void ApiServerControl::start(engine::TokenEngine& engine, const ui::Preferences& preferences)
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    auto fail = [this](const QString& message) {
        m_server.reset();
        m_url.clear();
        m_error = message;
        setState(State::Failed);
    };
    const QString address = preferences.apiAddress.contains(QLatin1Char(':'))
                                ? QStringLiteral("[%1]").arg(preferences.apiAddress)
                                : preferences.apiAddress;
    auto config =
        api::ListenConfig::parse(QStringLiteral("%1:%2").arg(address).arg(preferences.apiPort));
    if (!config)
        return fail(config.error().message);
    config->tlsCertificate = preferences.apiTlsCertificate;
    config->tlsKey = preferences.apiTlsKey;
    config->gate.allowedRedirectHosts = preferences.gateAllowedHosts;
    config->gate.secureCookies = preferences.gateSecureCookies;

    m_server = std::make_unique<api::ApiServer>(engine);
    // Failures while running (the server keeps its object; stop() or the next
    // start() disposes of it). Not reset here: the server is emitting.
    connect(m_server.get(), &api::ApiServer::failed, this, [this](const QString& message) {
        m_url.clear();
        m_error = message;
        setState(State::Failed);
    });
    if (const Status started = m_server->start(*config); !started)
        return fail(started.error().message);
    m_url = m_server->url();
    m_error.clear();
    setState(State::Running);
}

void ApiServerControl::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
    m_url.clear();
    setState(State::Stopped);
}

void ApiServerControl::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
}

} // namespace tessera::gui
