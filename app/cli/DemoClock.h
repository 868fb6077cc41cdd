#pragma once

#include "core/Clock.h"

#include <atomic>

namespace tessera::cli {

// The demo's clock: held at moments of the past while `demo --history-days`
// writes what the library did before today, then the system's.
class DemoClock final : public Clock
{
public:
    qint64 nowMs() const override
    {
        const qint64 held = m_heldMs.load();
        return held != 0 ? held : Clock::system().nowMs();
    }
    void holdAt(qint64 ms) { m_heldMs = ms; }
    void release() { m_heldMs = 0; }

private:
    std::atomic<qint64> m_heldMs{0};
};

} // namespace tessera::cli
