#pragma once

#include "engine/Caller.h"
#include "engine/EngineConfig.h"
#include "engine/TokenEngine.h"
#include "support/FakeClock.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace tessera::test {

// A TokenEngine on a fresh store in its own temporary directory (cheap test
// KDF), driven by a FakeClock. close() and reopen() let a test look at what
// survives a restart; everything is deleted with the object.
//
//     TempEngine temp;
//     QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
//     auto created = temp->createToken(temp.owner(), {});
class TempEngine
{
public:
    static constexpr const char* kPassphrase = "test passphrase";

    explicit TempEngine(engine::EngineConfig config = {});
    ~TempEngine();

    bool isValid() const { return m_engine != nullptr; }
    QString errorMessage() const { return m_errorMessage; }

    engine::TokenEngine& engine() { return *m_engine; }
    engine::TokenEngine* operator->() { return m_engine.get(); }
    // The engine's store, for probes and raw checks (the engine itself hands
    // out no store).
    store::Store& store() { return *m_store; }
    FakeClock& clock() { return m_clock; }
    // The store owner as the console: every power of root, no token.
    static engine::Caller owner() { return engine::Caller::storeOwner(QStringLiteral("console")); }

    QString path() const { return m_path; }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

    // Destroys the engine and closes the store (connections, WAL checkpoint).
    void close() { m_engine.reset(); }
    // Opens the file again with the same clock, optionally under another config.
    bool reopen();
    bool reopen(engine::EngineConfig config);

private:
    bool openEngine(std::unique_ptr<store::Store> store);

    QTemporaryDir m_dir;
    QString m_path;
    FakeClock m_clock;
    engine::EngineConfig m_config;
    QString m_errorMessage;
    std::unique_ptr<engine::TokenEngine> m_engine;
    store::Store* m_store = nullptr; // owned by m_engine
};

} // namespace tessera::test
