#pragma once

#include "core/Result.h"

#include <functional>
#include <memory>
#include <stop_token>

namespace tessera::reports {

// How a report builder tells how far it got and learns that it should stop.
// Builders call step() every few hundred records; it calls `onProgress` at most
// once per permille and answers with an error once `stop` is requested, which
// the builder returns as it is (nothing is written then).
//
// Safe to use from a worker thread: `onProgress` runs on the builder's thread,
// so a GUI receiver must queue (QMetaObject::invokeMethod or a queued signal).
class ReportProgress
{
public:
    ReportProgress() = default;
    ReportProgress(std::stop_token stop, std::function<void(int permille)> onProgress)
        : m_stop(std::move(stop))
        , m_onProgress(std::move(onProgress))
    {}

    // A share [from, to) of the whole work, in permille, for one phase.
    ReportProgress phase(int fromPermille, int toPermille) const;

    // `done` of `total` units of this phase; fails once cancelled.
    Status step(qint64 done, qint64 total) const;
    bool cancelled() const { return m_stop.stop_requested(); }

    static Error cancelledError();

private:
    std::stop_token m_stop;
    std::function<void(int)> m_onProgress;
    int m_from = 0;
    int m_to = 1000;
    std::shared_ptr<int> m_last = std::make_shared<int>(-1);
};

} // namespace tessera::reports
