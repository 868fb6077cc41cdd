#pragma once

#include <QObject>
#include <QString>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::ui {

struct Preferences;

// The embedded HTTP API server as the console sees it: the status bar shows
// its state and the preferences start and stop it. app/gui implements it over
// app/api's ApiServer; without one (a build without the API) no API UI shows.
// The server uses the session's engine, so it stops when the session locks.
class ServerControl : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Running,
        Failed
    };

    using QObject::QObject;

    virtual void start(engine::TokenEngine& engine, const Preferences& preferences) = 0;
    virtual void stop() = 0;
    virtual State state() const = 0;
    virtual QString address() const = 0;      // "https://127.0.0.1:8200" while running
    virtual QString errorMessage() const = 0; // why it failed

    // "Running at https://…", "Stopped", "Failed: …" (translated).
    QString statusText() const;

Q_SIGNALS:
    void stateChanged();
};

} // namespace tessera::ui
