#pragma once

#include <QtGlobal>

namespace tessera {

// Wall-clock time in milliseconds since the Unix epoch (UTC). The engine asks a
// Clock rather than the system so tests can move time (expiry, TTLs) at will.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    qint64 nowSeconds() const { return nowMs() / 1000; }

    static const Clock& system();
};

} // namespace tessera
