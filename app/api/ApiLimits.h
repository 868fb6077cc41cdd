#pragma once

#include <QtGlobal>

namespace tessera::api {

// What one client may cost the server. Requests beyond a size limit get 413 /
// 431 and the connection is closed; clients too slow to send a request get
// 408; rate limits answer 429 per client address.
struct ApiLimits
{
    qint64 maxBodyBytes = 1024 * 1024; // Vault's default is 32 MiB; tokens need far less
    qint64 maxHeaderBytes = 16 * 1024; // request line and headers
    int requestTimeoutMs = 10'000;     // a request's headers and body must arrive within this
    int idleTimeoutMs = 60'000;        // a keep-alive connection without a request is closed

    // Token buckets per client address: a burst, refilled at a steady rate.
    // Logins (auth/userpass/login), on top of the engine's LoginThrottle per name.
    int loginBurst = 20;
    double loginPerSecond = 2.0;
    // Requests whose token was missing or invalid: a scanner guessing tokens
    // gets 429 before the engine spends anything on it.
    int failedTokenBurst = 20;
    double failedTokenPerSecond = 2.0;

    // Threads that run the handlers. Most of a write's time is spent waiting
    // for its group commit, so there are more of them than cores: the writes
    // that wait together share one commit.
    int workerThreads = 64;
};

} // namespace tessera::api
