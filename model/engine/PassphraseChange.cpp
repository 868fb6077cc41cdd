#include "engine/PassphraseChange.h"

#include "engine/TokenEngine.h"
#include "store/Store.h"

#include <QThread>

namespace tessera::engine {

PassphraseChange::PassphraseChange(TokenEngine& engine, Caller caller)
    : m_engine(engine)
    , m_caller(std::move(caller))
    , m_wait([](int) { QThread::msleep(kWaitMs); })
{}

Status PassphraseChange::run(SecretBytes current, SecretBytes next) const
{
    // A second store on the same file, closed again before the rekey renames a
    // new file over it.
    if (auto check = store::Store::open(m_engine.storePath(), current.view()); !check)
        return check.error();
    current = SecretBytes();
    return rekey(std::move(next));
}

Status PassphraseChange::rekey(SecretBytes next) const
{
    for (int attempt = 1;; ++attempt) {
        Status changed = m_engine.admin().changePassphrase(m_caller, next.view());
        if (changed || changed.error().code != ErrorCode::Conflict || attempt == kAttempts)
            return changed;
        m_wait(attempt);
    }
}

} // namespace tessera::engine
