#pragma once

#include "core/Clock.h"

#include <atomic>

namespace tessera::test {

// A clock that stands still until a test moves it.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'790'000'000'000)
        : m_nowMs(startMs)
    {}
    qint64 nowMs() const override { return m_nowMs.load(); }
    void advanceSeconds(qint64 seconds) { m_nowMs += seconds * 1000; }
    void setMs(qint64 ms) { m_nowMs = ms; }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace tessera::test
