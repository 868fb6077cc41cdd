#pragma once

#include "ui/ServerControl.h"

#include <memory>

namespace tessera::api {
class ApiServer;
}

namespace tessera::gui {

// The console's embedded API server: ui::ServerControl over api::ApiServer,
// serving the unlocked session's engine on the GUI thread. No Q_OBJECT: it
// adds no signals or slots to ServerControl's.
class ApiServerControl : public ui::ServerControl
{
public:
    explicit ApiServerControl(QObject* parent = nullptr);
    ~ApiServerControl() override;

    void start(engine::TokenEngine& engine, const ui::Preferences& preferences) override;
    void stop() override;
    State state() const override { return m_state; }
    QString address() const override { return m_url; }
    QString errorMessage() const override { return m_error; }

private:
    void setState(State state);

    std::unique_ptr<api::ApiServer> m_server;
    State m_state = State::Stopped;
    QString m_url;
    QString m_error;
};

} // namespace tessera::gui
