#pragma once

#include "DemoClock.h"
#include "DemoLibrary.h"
#include "core/Result.h"

#include <QString>
#include <optional>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::cli {

// The days before today of a demo library (`demo --history-days N`), so that
// the dashboard and reports have a past to show: each day patrons get passes
// at the desks between 09:00 and 19:00 (fewer at weekends), a few are revoked,
// staff sign in (when their password is known) and some sign-ins are refused,
// and at 23:30 the expiry sweep takes what ran out. Written through the engine
// with the clock held at each moment, oldest first, so the audit log stays in
// time order; only into a new store, before anything happens today.
class DemoHistory
{
public:
    struct Counts
    {
        int issued = 0;
        int revoked = 0;
        int logins = 0;
        int failedLogins = 0;
    };

    static constexpr int kMaxDays = 90;

    DemoHistory(engine::TokenEngine& engine, DemoLibrary& library, DemoClock& clock,
                std::optional<QString> staffPassword)
        : m_engine(engine)
        , m_library(library)
        , m_clock(clock)
        , m_staffPassword(std::move(staffPassword))
    {}

    // The `days` local days before today, below `parentAccessor`; leaves the
    // clock released.
    Result<Counts> write(const QString& parentAccessor, int days);

private:
    engine::TokenEngine& m_engine;
    DemoLibrary& m_library;
    DemoClock& m_clock;
    std::optional<QString> m_staffPassword;
};

} // namespace tessera::cli
