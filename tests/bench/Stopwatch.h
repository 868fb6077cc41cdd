#pragma once

#include <QElapsedTimer>
#include <algorithm>
#include <time.h>
#include <vector>

namespace tessera::bench {

// Runs `operation` repeatedly for about `seconds` and returns operations per second.
template <typename Operation> double ratePerSecond(double seconds, Operation&& operation)
{
    QElapsedTimer timer;
    timer.start();
    qint64 count = 0;
    const qint64 budgetNs = qint64(seconds * 1e9);
    while (timer.nsecsElapsed() < budgetNs) {
        for (int i = 0; i < 64; ++i)
            operation(count++);
    }
    return double(count) * 1e9 / double(timer.nsecsElapsed());
}

// The same in operations per second of this thread's CPU time: what
// `openssl speed` reports, so the two compare fairly on a busy machine.
template <typename Operation> double cpuRatePerSecond(double seconds, Operation&& operation)
{
    auto cpuNs = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
    };
    const qint64 start = cpuNs();
    const qint64 budgetNs = qint64(seconds * 1e9);
    qint64 count = 0;
    while (cpuNs() - start < budgetNs) {
        for (int i = 0; i < 16; ++i)
            operation(count++);
    }
    return double(count) * 1e9 / double(cpuNs() - start);
}

inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

} // namespace tessera::bench
